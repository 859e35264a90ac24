"""Language identification by the whole text (see `flows.text.language.detect`)."""

from flows.text.language.detect import (
    CODE_ALIASES,
    MIN_LETTERS,
    WORD_FLOOR,
    WORDFREQ_CODES,
    count_scripts,
    detect_language,
    load_factory,
    load_profiles,
    load_word_lists,
    main_script,
    word_log_freq,
)

__all__ = [
    "CODE_ALIASES",
    "MIN_LETTERS",
    "WORDFREQ_CODES",
    "WORD_FLOOR",
    "count_scripts",
    "detect_language",
    "load_factory",
    "load_profiles",
    "load_word_lists",
    "main_script",
    "word_log_freq",
]
