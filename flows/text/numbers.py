"""Find and parse numbers (digits, number words, scales, vague quantities) in the corpus languages.

en, fr, es, de, it, pt, nl are read with text2num's word lists, pl and ru with CLDR's spell-out
words, scale words and separators of the later languages come from CLDR; digits of any script and
Chinese or Korean numerals quoted in a text are read too.

Pure functions over a string. `find_numbers` returns `NumberSpan`s whose offsets are into the
given text; figure-level concerns (qualifiers, units, exclusions) live in `flows.text.figures`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from text_to_num import text2num

from flows.text.figure_lexicon import (
    APPROXIMATE_NOUNS,
    CJK_NUMERALS,
    CLDR_ABBREVIATED_SCALES,
    CLDR_DECIMAL_COMMA_LANGUAGES,
    CLDR_DECIMAL_COMMA_SCALES,
    CLDR_SPACE_GROUP_LANGUAGES,
    DOZEN_PLURALS,
    GERMAN_NUMBER_MORPHEMES,
    LONG_SCALE_LANGUAGES,
    NUMBER_CONTEXT_WORDS,
    NUMBER_WORDS,
    ONE_WORDS,
    PLURAL_SCALES,
    SCALES,
    VAGUE,
    WORD_LANGUAGE,
    WORDS_BY_LANGUAGE,
)

# Arabic-Indic and Persian digits and separators map one character to one character, so
# offsets in the translated text are offsets in the original; so do the digits of every other
# script (Devanagari, Bengali, fullwidth: Unicode category Nd).
DIGIT_TRANSLATION = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫٬٪", "01234567890123456789.,%")
OTHER_DIGIT_RE = re.compile(r"(?![0-9])\d")
ARABIC_ALEF_TRANSLATION = str.maketrans("أإآٱ", "اااا")
ARABIC_LETTER_TRANSLATION = str.maketrans("أإآٱىة", "اااايه")
TEXT2NUM_LANGUAGES = frozenset({"en", "fr", "es", "de", "it", "pt", "nl"})
# Languages that write whole compounds ("dreihundertzwanzig", "trecentotrentuno", "tweeënvijftig").
GLUED_COMPOUND_LANGUAGES = frozenset({"it", "nl"})
# Digits grouped by spaces (the SI style, "1 234 567") are read in the corpus languages (CLDR's own
# space groups included).
SPACE_GROUP_LANGUAGES = frozenset({"es", "de", "und", "en", "ar", "it", "pt", "nl"}) | CLDR_SPACE_GROUP_LANGUAGES
DECIMAL_COMMA_LANGUAGES = CLDR_DECIMAL_COMMA_LANGUAGES
DECIMAL_COMMA_SCALES = frozenset(NUMBER_CONTEXT_WORDS["decimal_comma_scale"].split("|")) | CLDR_DECIMAL_COMMA_SCALES
_SPACES = " \u00a0\u202f\u2009"


@dataclass(frozen=True)
class NumberSpan:
    """One number expression: exact (`value`), vague (`lower` only) or approximate noun."""

    start: int
    end: int
    value: float | None
    lower: float | None
    kind: str  # "exact", "vague", "approx", "article", "mask"
    has_digits: bool
    scale: float | None = None


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
ARABIC_CLITICS = ("وب", "ول", "و", "ب", "ل")
_ARABIC_WORDS = sorted(
    _BASE_WORDS
    | {"و" + w for w in _BASE_WORDS if "\u0600" <= w[0] <= "\u06ff"}
    | {p + w for p in ("ب", "ل", "وب", "ول") for w in _BASE_WORDS if "\u0600" <= w[0] <= "\u06ff" and len(w) > 3},
    key=len,
    reverse=True,
)
_DE_COMPOUND = "(?:" + "|".join(sorted(GERMAN_NUMBER_MORPHEMES, key=len, reverse=True)) + ")+"


def _first_letters(words: list[str]) -> str:
    """Return a lookahead on the first letters of `words` (lets the scanner skip other words fast)."""
    return "(?=[" + re.escape("".join(sorted({w[0] for w in words}))) + "])"


WORD_RE = re.compile(r"\b" + _first_letters(_WORDS) + "(?:" + _trie_pattern(_WORDS) + r")\b")
ARABIC_WORD_RE = re.compile(r"\b(?:" + _trie_pattern(_ARABIC_WORDS) + r")\b")
DE_COMPOUND_END_RE = re.compile(
    r"(?:zehn|zig|ßig|ssig|hundert|tausend|eins|zwei|drei|vier|fünf|fuenf|sechs|sieben|acht|neun|"
    r"elf|zwölf|zwoelf)\b"
)
ONE_AFTER_TEN_RE = re.compile(r"(?:-|-et-|\s+et\s+|\s+y\s+|\s+and\s+|\s+)(?:one|un|une|uno|una)\b")
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
CJK_CHARS = "".join(CJK_NUMERALS)
# Digits or Chinese/Korean numerals with a glued scale ("3万", "1억2천만", "三千"), or "a few" + scale ("数千").
_CJK_DIGITS = r"[0-9]+(?:\.[0-9]+)?"
CJK_RUN_RE = re.compile(
    rf"[{NUMBER_CONTEXT_WORDS['cjk_several'].replace('|', '')}]?(?:{_CJK_DIGITS})?[{CJK_CHARS}]+"
    rf"(?:{_CJK_DIGITS}[{CJK_CHARS}]+)*"
)
CJK_TOKEN_RE = re.compile(rf"{_CJK_DIGITS}|.")
CJK_SEVERAL = frozenset(NUMBER_CONTEXT_WORDS["cjk_several"].split("|"))
# A German number word glued to an adjective of time: "zweijährige", "dreitägigen".
DE_TIME_ADJECTIVE_RE = re.compile(r"(?<=[a-zäöüß])(?:jährig|tägig|stündig|wöchig|monatig|minütig)")
# "por ciento" after a masked number is the percent word, not the number 100.
PERCENT_CIENTO_RE = re.compile(r"(?<!\w)(?:por|pour)\s+$")
# "several hundred", "a few thousand": a vague quantity with the scale as lower bound.
SEVERAL_BEFORE_RE = re.compile(rf"(?<!\w)(?:{NUMBER_CONTEXT_WORDS['several']})\s+$")
MASK_RE = re.compile(r"\*number\*")
# ASCII digits only (Arabic-Indic digits are made ASCII first); other scripts' digits (Bengali,
# Devanagari) belong to text outside the five languages.
DIGITS_SPACE_RE = re.compile(r"[0-9]+(?:(?:[.,]|[ \u00a0\u202f\u2009](?=[0-9]{3}(?![0-9])))[0-9]+)*")
DIGITS_NOSPACE_RE = re.compile(r"[0-9]+(?:(?:[.,]|[\u00a0\u202f\u2009](?=[0-9]{3}(?![0-9])))[0-9]+)*")
GROUP_SPLIT_RE = re.compile(r"[.,\u00a0\u202f\u2009 ]")
ARTICLE_BEFORE_RE = re.compile(r"(?<!\w)(?:one|un|une|uno|una|ein|eine|einer|a|an)\s+$")
NON_ASCII_DIGIT_RE = re.compile(r"[٫٬٪]|(?![0-9])\d")
ABBREVIATED_SCALE_RE = re.compile(r"(?:\s?(bn|mn|mln|mio\.?|mrd\.?|mds?|k(?![.-]))|(m|b))(?![^\W\d_])", re.I)
CLDR_ABBREVIATED_RE = re.compile(
    r"\s?(" + "|".join(sorted(map(re.escape, CLDR_ABBREVIATED_SCALES), key=len, reverse=True)) + r")(?![^\W\d_])"
)
PAREN_GAP_RE = re.compile(r"\) ?")
JOIN_GAP_RE = re.compile(r"[ \u00a0\u202f\u2009]+|\s*-\s*|\s+(?:and|y|et|und|e)\s+|\s+و\s*|\s+de\s+")


def normalize_digits(text: str) -> str:
    """Return `text` with the digits of every script, Arabic separators and percent sign made ASCII."""
    if not NON_ASCII_DIGIT_RE.search(text):
        return text
    return OTHER_DIGIT_RE.sub(lambda m: str(unicodedata.digit(m.group())), text.translate(DIGIT_TRANSLATION))


def parse_digits(raw: str, language: str, scale_word: str = "") -> float | None:
    """Return the value of a digit string under the language's separator convention."""
    digits = "".join(c for c in raw if c not in _SPACES)
    comma_decimal = language in DECIMAL_COMMA_LANGUAGES or scale_word.lower().rstrip(".") in DECIMAL_COMMA_SCALES
    if "," in digits and "." in digits:
        decimal = "," if digits.rfind(",") > digits.rfind(".") else "."
        group = "." if decimal == "," else ","
    else:
        sep = "," if "," in digits else "." if "." in digits else ""
        group, decimal = _single_separator_role(digits, sep, comma_decimal)
    digits = digits.replace(group, "") if group else digits
    try:
        return float(digits.replace(decimal, ".") if decimal else digits)
    except ValueError:
        return None


def _single_separator_role(digits: str, sep: str, comma_decimal: bool) -> tuple[str, str]:
    """Return (group, decimal) separators when only one kind of separator occurs."""
    if not sep:
        return "", ""
    head, _, tail = digits.rpartition(sep)
    if digits.count(sep) > 1:
        return sep, ""
    if len(tail) != 3 or head.lstrip("-") == "0":
        return "", sep
    group_char = "." if comma_decimal else ","
    return (sep, "") if sep == group_char else ("", sep)


def _lookup_word(word: str) -> tuple[str, float] | None:
    """Return (kind, value) for a number word, trying the Arabic-normalised spelling too."""
    return NUMBER_WORDS.get(word) or _NORMALIZED_WORDS.get(normalize_arabic(word))


def _word_allowed(word: str, language: str) -> bool:
    """Return whether an ambiguous number word may be read in this language."""
    only = WORD_LANGUAGE.get(word)
    return only is None or language in only.split("|") or language == "und"


@dataclass(frozen=True)
class _Atom:
    """One scanned token: digits, a number word, a vague word or a masked number."""

    start: int
    end: int
    kind: str
    value: float
    word: str = ""


def _scan_atoms(text: str, language: str) -> list[_Atom]:
    """Return number atoms (masks, digits, number words) of lowercase `text` in reading order."""
    atoms = [_Atom(m.start(), m.end(), "mask", 0.0) for m in MASK_RE.finditer(text)]
    digits = DIGITS_SPACE_RE if language in SPACE_GROUP_LANGUAGES else DIGITS_NOSPACE_RE
    match = digits.search(text)
    while match is not None:
        raw = _valid_digit_groups(match.group())
        start = match.start()
        # a token cut short ("129,656 129,196") is scanned again after the cut
        match = digits.search(text, start + len(raw) if raw and len(raw) < len(match.group()) else match.end())
        if (
            start
            and text[start - 1] in ".,"
            and (start < 2 or text[start - 2] in " (\n")
            and "." not in raw
            and "," not in raw
        ):
            start, raw = start - 1, "0" + text[start - 1] + raw
        if raw:
            atoms.append(_Atom(start, start + len(raw) - raw.startswith("0" + text[start]), "digits", 0.0, raw))
    for match in (ARABIC_WORD_RE if language == "ar" else WORD_RE).finditer(text):
        atom = _word_atom(match, language)
        if atom is not None:
            atoms.append(atom)
    if language in GLUED_END_RE:
        atoms.extend(a for m in GLUED_END_RE[language].finditer(text) if (a := _glued_compound(m, text, language)))
    if any(c in CJK_NUMERALS for c in text):
        atoms.extend(a for m in CJK_RUN_RE.finditer(text) if (a := _cjk_atom(m)) is not None)
    if language in ("de", "und"):
        atoms.extend(a for m in DE_COMPOUND_END_RE.finditer(text) if (a := _german_compound(m, text)) is not None)
        atoms.extend(
            a for m in DE_TIME_ADJECTIVE_RE.finditer(text) if (a := _german_adjective_number(m, text)) is not None
        )
    atoms.sort(key=lambda a: a.start)
    return _without_overlaps(atoms)


def _valid_digit_groups(raw: str) -> str:
    """Return the digit token cut to a well-formed number ("2012 300" -> "2012"), or ''."""
    groups = GROUP_SPLIT_RE.split(raw)
    if len(groups) == 1:
        return raw
    if " " in raw or "\u00a0" in raw or "\u202f" in raw or "\u2009" in raw:
        space = min(i for i, c in enumerate(raw) if c in _SPACES)
        if "," in raw[:space] and "." not in raw[:space]:
            return raw[:space]  # "129,656 129,196": two numbers, not one with mixed separators
        if len(groups[0]) > 3:
            return groups[0]
    if len(groups) > 2 and any(len(g) != 3 for g in groups[1:-1]):
        return ""
    if len(groups) > 2 and len(groups[-1]) != 3 and raw[-len(groups[-1]) - 1] == raw[len(groups[0])]:
        return ""
    return raw


def _without_overlaps(atoms: list[_Atom]) -> list[_Atom]:
    """Return atoms with those inside an earlier, longer atom removed."""
    kept: list[_Atom] = []
    for atom in atoms:
        if kept and atom.start < kept[-1].end:
            if atom.end - atom.start > kept[-1].end - kept[-1].start:
                kept[-1] = atom
            continue
        kept.append(atom)
    return kept


def _word_atom(match: re.Match[str], language: str) -> _Atom | None:
    """Return the atom for one number-word match, or None if it is not a number here."""
    word = match.group()
    start = match.start()
    if word not in _BASE_WORDS:
        clitic = next((c for c in ARABIC_CLITICS if word.startswith(c) and word[len(c) :] in _BASE_WORDS), "")
        word, start = word[len(clitic) :], start + len(clitic)
    if not _word_allowed(word, language):
        return None
    vague = VAGUE.get(word) or _NORMALIZED_VAGUE.get(normalize_arabic(word))
    if vague and _lookup_word(word) is None:
        return _Atom(start, match.end(), "vague", vague, word)
    if word in APPROXIMATE_NOUNS:
        return _Atom(start, match.end(), "approx", APPROXIMATE_NOUNS[word], word)
    entry = _lookup_word(word)
    if entry is None:
        return None
    kind, value = entry
    if kind == "scale" and word in ("billion", "billions") and language in LONG_SCALE_LANGUAGES:
        value = 1e12
    end = match.end()
    if kind == "unit" and 20 <= value < 100 and value % 10 == 0 and (one := ONE_AFTER_TEN_RE.match(match.string, end)):
        return _Atom(start, one.end(), kind, value + 1, match.string[start : one.end()])
    return _Atom(start, end, kind, value, word)


def _german_compound(match: re.Match[str], text: str) -> _Atom | None:
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
    return _Atom(start, match.end(), "unit", value, token)


def _glued_compound(match: re.Match[str], text: str, language: str) -> _Atom | None:
    """Return an atom for an Italian or Dutch compound number word ending here ("trecentotrentuno")."""
    start = match.start()
    while start and text[start - 1].isalpha():
        start -= 1
    token = text[start : match.end()]
    if token in NUMBER_WORDS or start == match.start() and token not in ("mille", "duizend"):
        return None
    try:
        value = float(text2num(token, language))
    except ValueError:
        return None
    return _Atom(start, match.end(), "unit", value, token) if value > 1 else None


def _is_cjk_numeral_run(run: str) -> bool:
    """Return whether a run of Chinese/Korean numerals alone is a number: it opens with a digit or
    ten and holds a scale ("三千", "十五", "십오만"; not "万一", "이사")."""
    values = [CJK_NUMERALS[c] for c in run]
    return len(run) > 1 and 0 < values[0] <= 10 and max(values) >= 10


def _cjk_atom(match: re.Match[str]) -> _Atom | None:
    """Return the atom of a Chinese or Korean number ("3万" 30000, "一百二十" 120, "数千" vague 1000)."""
    raw, start = match.group(), match.start()
    if start and "\uac00" <= match.string[start - 1] <= "\ud7a3":
        return None  # inside a Korean word
    if raw[0] in CJK_SEVERAL:
        if not all(CJK_NUMERALS.get(c, 0) >= 10 for c in raw[1:]):
            return None
        lower = 1.0
        for char in raw[1:]:
            lower *= CJK_NUMERALS[char]
        return _Atom(start, match.end(), "vague", lower, raw)
    tokens = CJK_TOKEN_RE.findall(raw)
    if not tokens[0][0].isdigit() and not _is_cjk_numeral_run(raw):
        return None
    value = _cjk_value(tokens)
    return _Atom(start, match.end(), "cjk", value, raw) if value else None


def _cjk_value(tokens: list[str]) -> float:
    """Return the value of digit numbers and Chinese/Korean numerals (grouped by myriads)."""
    total, section, current = 0.0, 0.0, 0.0
    for token in tokens:
        value = float(token) if token[0].isdigit() else CJK_NUMERALS[token]
        if value < 10 or token[0].isdigit():
            current = value
        elif value < 1e4:
            section += (current or 1.0) * value
            current = 0.0
        else:
            total += ((section + current) or 1.0) * value
            section, current = 0.0, 0.0
    return total + section + current


def _german_adjective_number(match: re.Match[str], text: str) -> _Atom | None:
    """Return an atom for the number word opening "zweijährige" / "dreitägigen"."""
    start = match.start()
    while start and text[start - 1].isalpha():
        start -= 1
    token = text[start : match.start()]
    if DE_COMPOUND_RE.fullmatch(token) is None:
        return None
    entry = NUMBER_WORDS.get(token)
    if entry is not None and entry[0] == "unit":
        return _Atom(start, match.start(), "unit", entry[1], token)
    try:
        value = float(text2num(token.replace("fuenf", "fünf").replace("zwoelf", "zwölf"), "de"))
    except ValueError:
        return None
    return _Atom(start, match.start(), "unit", value, token)


def _can_join(group: list[_Atom], atom: _Atom, gap: str) -> bool:
    """Return whether `atom` continues the number expression in `group` across `gap`."""
    last = group[-1]
    if last.kind in ("mask", "cjk") or atom.kind in ("mask", "digits", "vague", "approx", "cjk"):
        return False
    if JOIN_GAP_RE.fullmatch(gap) is None:
        if last.kind == "digits" and atom.kind == "scale" and len(group) == 1 and PAREN_GAP_RE.fullmatch(gap):
            return True
        return gap == "" and last.kind == "digits" and atom.kind in ("scale", "hundred")
    conj = gap.strip(" -\u00a0") != ""
    if last.kind == "digits":
        return atom.kind in ("scale", "hundred") and not conj
    if gap.strip() == "de":
        return last.kind == "scale" and atom.kind == "scale" and atom.value > last.value
    if atom.kind in ("scale", "hundred"):
        return not conj and (last.kind != "half" or len(group) > 1)
    if atom.kind == "half":
        return conj
    return _joins_smaller(last, atom, conj)


def _magnitude(value: float) -> float:
    """Return the largest power of ten dividing an integer value (300 -> 100, 7 -> 1)."""
    magnitude = 1.0
    while value and value % (magnitude * 10) == 0:
        magnitude *= 10
    return magnitude


def _joins_smaller(last: _Atom, atom: _Atom, conj: bool) -> bool:
    """Return whether a unit word adds to the group ("hundred and five", "خمسة وعشرين")."""
    if last.kind in ("scale", "hundred"):
        return atom.value < last.value
    if last.kind in ("unit", "article") and atom.value < _magnitude(last.value):
        return True
    if last.kind == "unit" and last.value in (60, 80) and 10 <= atom.value < 20:
        return True
    if last.value < 10 and atom.value == 10 and not conj:
        return True
    return conj and last.value < 10 and 20 <= atom.value < 100 and atom.value % 10 == 0


def _group_atoms(atoms: list[_Atom], text: str) -> list[list[_Atom]]:
    """Return atoms grouped into maximal number expressions."""
    groups: list[list[_Atom]] = []
    for atom in atoms:
        if groups and _can_join(groups[-1], atom, text[groups[-1][-1].end : atom.start]):
            groups[-1].append(atom)
        else:
            groups.append([atom])
    return groups


def compose_words(values: list[tuple[str, float]]) -> float:
    """Return the value of a sequence of (kind, value) number words, scales nested."""
    total, partial, current, last_scale = 0.0, 0.0, 0.0, 0.0
    for kind, value in values:
        if kind in ("unit", "article", "half"):
            current += value
        elif kind == "hundred":
            current = (current or 1.0) * value
        elif partial and value > last_scale:
            partial, last_scale, current = (partial + current) * value, value, 0.0
        else:
            total, partial, last_scale, current = total + partial, (current or 1.0) * value, value, 0.0
    return total + partial + current


def _group_value(group: list[_Atom], text: str, language: str) -> tuple[float | None, float | None]:
    """Return (value, scale) of a grouped number expression."""
    scales = [a for a in group if a.kind == "scale"]
    scale = None
    for atom in scales:
        scale = atom.value if scale is None or atom.value > scale else scale * atom.value
    if group[0].kind == "digits":
        base = parse_digits(group[0].word, language, scales[0].word if scales else "")
        if base is None:
            return None, None
        product = 1.0
        for atom in group[1:]:
            product *= atom.value
        return base * product, scale
    words = text[group[0].start : group[-1].end]
    if language in TEXT2NUM_LANGUAGES and len(group) > 1:
        try:
            return float(text2num(words.lower(), language)), scale
        except ValueError:
            pass
    return compose_words([(a.kind, a.value) for a in group]), scale


def _digit_abbreviated_scale(text: str, end: int, language: str) -> tuple[int, float] | None:
    """Return (new end, factor) for "25m", "3bn", "2 Mio.", "4,9 млрд" right after digits."""
    cldr = CLDR_ABBREVIATED_RE.match(text, end)
    if cldr is not None:
        cldr_factor, languages = CLDR_ABBREVIATED_SCALES[cldr.group(1)]
        if language in languages.split("|") or language == "und" or not cldr.group(1).isascii():
            return cldr.end(), cldr_factor
    match = ABBREVIATED_SCALE_RE.match(text, end)
    if match is None:
        return None
    word = (match.group(1) or match.group(2)).lower().rstrip(".")
    factor = {"m": 1e6, "b": 1e9, "k": 1e3}.get(word) or SCALES.get(word)
    return (match.end(), factor) if factor else None


def _span_from_group(group: list[_Atom], text: str, language: str) -> NumberSpan | None:
    """Return the NumberSpan for one group of atoms."""
    first, last = group[0], group[-1]
    if first.kind == "mask":
        return NumberSpan(first.start, first.end, None, None, "mask", False)
    if first.kind == "cjk":
        return NumberSpan(first.start, first.end, first.value, first.value, "exact", True, None)
    if len(group) == 1 and first.kind in ("vague", "approx"):
        kind = "vague" if first.kind == "vague" else "approx"
        value = first.value if kind == "approx" else None
        return NumberSpan(first.start, first.end, value, first.value if kind == "vague" else None, kind, False)
    if len(group) == 1 and first.kind == "scale" and first.word in PLURAL_SCALES:
        return NumberSpan(first.start, first.end, None, first.value, "vague", False)
    if len(group) == 1 and first.kind == "half":
        return None
    if (
        len(group) == 1
        and first.word in ("ciento", "cent")
        and PERCENT_CIENTO_RE.search(text, max(0, first.start - 6), first.start)
    ):
        return None
    if (
        first.kind in ("scale", "hundred")
        and len(group) == 1
        and first.value >= 100
        and SEVERAL_BEFORE_RE.search(text, max(0, first.start - 14), first.start)
    ):
        return NumberSpan(first.start, first.end, None, first.value, "vague", False)
    if len(group) == 1 and first.kind == "hundred" and first.value == 12:
        plural = first.word in DOZEN_PLURALS
        return NumberSpan(
            first.start,
            first.end,
            None if plural else 12.0,
            24.0 if plural else None,
            "vague" if plural else "approx",
            False,
        )
    value, scale = _group_value(group, text, language)
    if value is None:
        return None
    kind = "article" if len(group) == 1 and first.kind == "article" else "exact"
    start = first.start
    if first.kind in ("scale", "hundred") and (article := ARTICLE_BEFORE_RE.search(text, max(0, start - 6), start)):
        start = article.start()
    return NumberSpan(start, last.end, value, value, kind, first.kind == "digits", scale)


def find_numbers(text: str, language: str) -> list[NumberSpan]:
    """Return the number expressions in `text` (digits already ASCII) in reading order."""
    if not text.islower():
        low = text.lower()
        text = low if len(low) == len(text) else text
    if "ё" in text:
        text = text.replace("ё", "е")  # CLDR spells Russian numbers with е ("трех"); one for one
    spans: list[NumberSpan] = []
    for group in _group_atoms(_scan_atoms(text, language), text):
        if spans and spans[-1].kind == "mask" and group[0].kind in ("scale", "vague"):
            continue
        span = _span_from_group(group, text, language)
        if span is not None and span.has_digits and span.scale is None:
            span = _with_abbreviated_scale(span, text, language)
        if span is not None:
            spans.append(span)
    return spans


def _with_abbreviated_scale(span: NumberSpan, text: str, language: str) -> NumberSpan:
    """Return the span extended over an attached abbreviated scale ("$25m", "3bn")."""
    found = _digit_abbreviated_scale(text, span.end, language)
    if found is None or span.value is None:
        return span
    end, factor = found
    if (
        text[span.end : end].strip().lower() == "m"
        and not _has_currency_before(text, span.start)
        and not MILLION_NOUN_AFTER_RE.match(text, end)
    ):
        return span
    value = span.value * factor
    return NumberSpan(span.start, end, value, value, span.kind, True, factor)


# "1.5m people", "3m euros": an "m" before a plural noun or currency is a million, not metres.
MILLION_NOUN_AFTER_RE = re.compile(r" (?:people|[^\W\d_]{3,}s|euros?|dollars?|pounds?)\b")
CURRENCY_PREFIX_RE = re.compile(r"(?:US\$|\$|£|€|¥|USD|EUR|GBP)\s?$", re.I)


def _has_currency_before(text: str, start: int) -> bool:
    """Return whether a currency sign or code directly precedes `start`."""
    return CURRENCY_PREFIX_RE.search(text[max(0, start - 4) : start]) is not None


def parse_number(text: str, language: str) -> float | None:
    """Return the value of a text that is one number expression, or None."""
    norm = normalize_digits(text)
    if norm.strip().lower() in ONE_WORDS:
        return 1.0
    spans = [s for s in find_numbers(norm, language) if s.kind in ("exact", "article", "approx")]
    if len(spans) != 1:
        return None
    return spans[0].value
