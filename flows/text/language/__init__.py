"""Language identification by the whole text.

`scripts` (the script of each letter), `letters` (letters that decide or rule out a language),
`profiles` (langdetect's n-gram profiles), `words` (wordfreq words and CLDR speakers for short
texts), `guess` (one text in one script), `detect` (the whole text: the body's letters decide).
"""

from flows.text.language.detect import detect_language
from flows.text.language.guess import MIN_LETTERS, MIN_SCORE, UND, is_capitals_only
from flows.text.language.profiles import CODE_ALIASES, load_factory, load_profiles
from flows.text.language.scripts import count_scripts, main_script
from flows.text.language.words import WORD_FLOOR, WORD_MAX_CHARS, WORDFREQ_CODES, load_word_lists, word_log_freq

__all__ = [
    "CODE_ALIASES",
    "MIN_LETTERS",
    "MIN_SCORE",
    "UND",
    "WORDFREQ_CODES",
    "WORD_FLOOR",
    "WORD_MAX_CHARS",
    "count_scripts",
    "detect_language",
    "is_capitals_only",
    "load_factory",
    "load_profiles",
    "load_word_lists",
    "main_script",
    "word_log_freq",
]
