"""Number words: the word scanner over the lists of every language, glued German, Italian and Dutch compounds."""

from __future__ import annotations

import re

from text_to_num import text2num

from flows.text.figure_lexicon import (
    APPROXIMATE_NOUNS,
    BASE_WORD_LANGUAGES,
    GERMAN_NUMBER_MORPHEMES,
    LONG_SCALE_LANGUAGES,
    NUMBER_WORDS,
    ONE_WORDS,
    VAGUE,
    WORD_LANGUAGE,
    WORDS_BY_LANGUAGE,
)
from flows.text.numbers.atoms import Atom

ARABIC_ALEF_TRANSLATION = str.maketrans("أإآٱ", "اااا")
ARABIC_LETTER_TRANSLATION = str.maketrans("أإآٱىة", "اااايه")
# Languages that write whole compounds ("dreihundertzwanzig", "trecentotrentuno", "tweeënvijftig").
GLUED_COMPOUND_LANGUAGES = frozenset({"it", "nl"})


def _trie_pattern(words: list[str]) -> str:
    """Return a regex alternation for `words` factored as a character trie (fast to match)."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_node_pattern(trie)


def _trie_node_pattern(node: dict) -> str:
    """Return the regex for one trie node; longer continuations are tried first."""
    branches = [re.escape(c) + _trie_node_pattern(child) for c, child in node.items() if c]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


def normalize_arabic(word: str) -> str:
    """Return an Arabic word with hamza/alef and ta marbuta normalised."""
    return word.translate(ARABIC_LETTER_TRANSLATION)


def _spelling_variants(words: set[str]) -> set[str]:
    """Return the words plus their Arabic spellings without hamza and with final ha."""
    variants = set(words)
    for word in words:
        variants.add(word.translate(ARABIC_ALEF_TRANSLATION))
        variants.add(word.translate(ARABIC_LETTER_TRANSLATION))
    return variants


_NORMALIZED_WORDS = {normalize_arabic(w): e for w, e in NUMBER_WORDS.items()}
_NORMALIZED_VAGUE = {normalize_arabic(w): v for w, v in VAGUE.items()}
_BASE_WORDS = _spelling_variants(set(NUMBER_WORDS) | set(VAGUE) | set(APPROXIMATE_NOUNS))
_WORDS = sorted(_BASE_WORDS, key=len, reverse=True)
# Arabic attaches "و" (and) to the next word: "وخمسة" is "and five" (scanned for Arabic only).
# Arabic also attaches "ب"/"ل" (by, for) to longer number words ("بخمسة", "لثلاثة آلاف").
# The article "ال" (with "و"/"ب" before it) makes a number word definite ("المائة", "بالألف"): the number
# is read after it, as for the other clitics.
ARABIC_CLITICS = ("وبال", "وال", "بال", "ال", "وب", "ول", "و", "ب", "ل")
_LONG_CLITICS = ("ب", "ل", "وب", "ول", "ال", "وال", "بال", "وبال")
_ARABIC_WORDS = sorted(
    _BASE_WORDS
    | {"و" + w for w in _BASE_WORDS if "\u0600" <= w[0] <= "\u06ff"}
    | {
        p + w
        for p in _LONG_CLITICS
        for w in _BASE_WORDS
        if "\u0600" <= w[0] <= "\u06ff" and len(w) > 3 and not w.startswith("ال")
    },
    key=len,
    reverse=True,
)
_DE_COMPOUND = "(?:" + "|".join(sorted(GERMAN_NUMBER_MORPHEMES, key=len, reverse=True)) + ")+"


def _first_letters(words: list[str]) -> str:
    """Return a lookahead on the first letters of `words` (lets the scanner skip other words fast)."""
    return "(?=[" + re.escape("".join(sorted({w[0] for w in words}))) + "])"


WORD_RE = re.compile(r"\b" + _first_letters(_WORDS) + "(?:" + _trie_pattern(_WORDS) + r")\b")
# Case marks (tanween, short vowels) may close an Arabic number word ("ألفاً"): part of the word, not of the lookup.
ARABIC_MARKS = "\u064b-\u0652"
ARABIC_MARKS_RE = re.compile(f"[{ARABIC_MARKS}]+$")
ARABIC_WORD_RE = re.compile(r"\b(?:" + _trie_pattern(_ARABIC_WORDS) + f")[{ARABIC_MARKS}]*" + r"(?!\w)")
DE_COMPOUND_END_RE = re.compile(
    r"(?:zehn|zig|ßig|ssig|hundert|tausend|eins|zwei|drei|vier|fünf|fuenf|sechs|sieben|acht|neun|"
    r"elf|zwölf|zwoelf)\b"
)
# "one" closing a number after its tens ("sixty-one", "vingt et un", "trinta e um", "двадцать один").
ONE_AFTER_TEN_RE = re.compile(
    r"(?:-|-et-|\s+(?:et|y|and|e)\s+|\s+)(?:"
    + "|".join(sorted((w for w in ONE_WORDS if not "\u0600" <= w[0] <= "\u06ff"), key=len, reverse=True))
    + r")\b"
)
DE_COMPOUND_RE = re.compile(_DE_COMPOUND)
# The end of a glued Italian or Dutch compound: one of the language's number words or thousands.
GLUED_END_RE = {
    language: re.compile(
        "(?:"
        + "|".join(sorted((w for w in WORDS_BY_LANGUAGE[language] if " " not in w), key=len, reverse=True))
        + "|mila|mille|duizend)\\b"
    )
    for language in GLUED_COMPOUND_LANGUAGES
}
# A German number word glued to an adjective of time: "zweijährige", "dreitägigen".
DE_TIME_ADJECTIVE_RE = re.compile(r"(?<=[a-zäöüß])(?:jährig|tägig|stündig|wöchig|monatig|minütig)")


def _lookup_word(word: str) -> tuple[str, float] | None:
    """Return (kind, value) for a number word, trying the Arabic-normalised spelling too."""
    return NUMBER_WORDS.get(word) or _NORMALIZED_WORDS.get(normalize_arabic(word))


# Number words of en, fr, es, de: read in any of these languages (a French text quoting "two"), but in a
# text of another language only when they are that language's number words too: Polish "ten" is "this",
# Italian "cent" no number.
BASE_LANGUAGE_WORDS = frozenset().union(*(WORDS_BY_LANGUAGE.get(lang, frozenset()) for lang in BASE_WORD_LANGUAGES))


def _word_allowed(word: str, language: str) -> bool:
    """Return whether a number word may be read in this language."""
    only = WORD_LANGUAGE.get(word)
    if only is not None:
        return language in only.split("|") or language == "und"
    if language in BASE_WORD_LANGUAGES or language == "und" or language not in WORDS_BY_LANGUAGE:
        return True
    return word not in BASE_LANGUAGE_WORDS or word in WORDS_BY_LANGUAGE[language]


def word_atom(match: re.Match[str], language: str) -> Atom | None:
    """Return the atom for one number-word match, or None if it is not a number here."""
    word = ARABIC_MARKS_RE.sub("", match.group()) if language == "ar" else match.group()
    start = match.start()
    if word not in _BASE_WORDS:
        clitic = next((c for c in ARABIC_CLITICS if word.startswith(c) and word[len(c) :] in _BASE_WORDS), "")
        word, start = word[len(clitic) :], start + len(clitic)
    if not _word_allowed(word, language):
        return None
    vague = VAGUE.get(word) or _NORMALIZED_VAGUE.get(normalize_arabic(word))
    if vague and _lookup_word(word) is None:
        return Atom(start, match.end(), "vague", vague, word)
    if word in APPROXIMATE_NOUNS:
        return Atom(start, match.end(), "approx", APPROXIMATE_NOUNS[word], word)
    entry = _lookup_word(word)
    if entry is None:
        return None
    kind, value = entry
    if kind == "scale" and word in ("billion", "billions") and language in LONG_SCALE_LANGUAGES:
        value = 1e12
    end = match.end()
    if kind == "unit" and 20 <= value < 100 and value % 10 == 0 and (one := ONE_AFTER_TEN_RE.match(match.string, end)):
        return Atom(start, one.end(), kind, value + 1, match.string[start : one.end()])
    return Atom(start, end, kind, value, word)


def german_compound(match: re.Match[str], text: str) -> Atom | None:
    """Return an atom for a German compound number word ending here ("dreihundertzwanzig")."""
    start = match.start()
    while start and text[start - 1].isalpha():
        start -= 1
    token = text[start : match.end()]
    if token in NUMBER_WORDS or DE_COMPOUND_RE.fullmatch(token) is None:
        return None
    try:
        value = float(text2num(token.replace("fuenf", "fünf").replace("zwoelf", "zwölf"), "de"))
    except ValueError:
        return None
    return Atom(start, match.end(), "unit", value, token)


def glued_compound(match: re.Match[str], text: str, language: str) -> Atom | None:
    """Return an atom for an Italian or Dutch compound number word ending here ("trecentotrentuno")."""
    start = match.start()
    while start and text[start - 1].isalpha():
        start -= 1
    token = text[start : match.end()]
    if token in NUMBER_WORDS or start == match.start() and token not in ("mille", "duizend"):
        return None
    if language == "nl":
        token = token.replace("eeen", "eeën")  # the diaeresis is often left out ("tweeentwintig")
    try:
        value = float(text2num(token, language))
    except ValueError:
        return None
    return Atom(start, match.end(), "unit", value, token) if value > 1 else None


def german_adjective_number(match: re.Match[str], text: str) -> Atom | None:
    """Return an atom for the number word opening "zweijährige" / "dreitägigen"."""
    start = match.start()
    while start and text[start - 1].isalpha():
        start -= 1
    token = text[start : match.start()]
    if DE_COMPOUND_RE.fullmatch(token) is None:
        return None
    entry = NUMBER_WORDS.get(token)
    if entry is not None and entry[0] == "unit":
        return Atom(start, match.start(), "unit", entry[1], token)
    try:
        value = float(text2num(token.replace("fuenf", "fünf").replace("zwoelf", "zwölf"), "de"))
    except ValueError:
        return None
    return Atom(start, match.start(), "unit", value, token)
