"""Find and parse numbers (digits, number words, scales, vague quantities) in the corpus languages.

en, fr, es, de, it, pt, nl are read with text2num's word lists, pl and ru with CLDR's spell-out
words, scale words and separators of the later languages come from CLDR; digits of any script and
Chinese or Korean numerals quoted in a text are read too.

Pure functions over a string. `find_numbers` returns `NumberSpan`s whose offsets are into the
given text; figure-level concerns (qualifiers, units, exclusions) live in `flows.text.figures`.
"""

from __future__ import annotations

import re

from flows.text.figure_lexicon import ARABIC_FRACTIONS, ARABIC_ZERO, NUMBER_WORDS, ONE_WORDS
from flows.text.numbers.atoms import NumberSpan
from flows.text.numbers.compose import compose_words, group_atoms, span_from_group
from flows.text.numbers.digits import normalize_digits, parse_digits, with_abbreviated_scale
from flows.text.numbers.scan import scan_atoms
from flows.text.numbers.words import ARABIC_MARKS, normalize_arabic

__all__ = [
    "NumberSpan",
    "compose_words",
    "find_numbers",
    "normalize_arabic",
    "normalize_digits",
    "parse_digits",
    "parse_number",
]


# A number written alone with an SI prefix ("10G", "1,674,200.5 M"): read by `parse_number` only; in running
# text the letter after digits names a thing ("5G", "F-16", "3M") and `find_numbers` leaves it alone.
SI_PREFIXED_RE = re.compile(r"\s*([0-9][0-9.,]*)\s?([kMGT])\s*")
SI_PREFIXES = {"k": 1e3, "M": 1e6, "G": 1e9, "T": 1e12}
# Arabic vowel marks and the tatweel inside a number written alone ("ثَلاثَة"): left out before reading it.
ARABIC_MARKS_INSIDE_RE = re.compile(f"[{ARABIC_MARKS}\u0670\u0640]")
# An Arabic fraction noun in construct with a definite number ("خمس العشرين"): that share of the number.
ARABIC_FRACTION_OF_RE = re.compile(r"\s*(\w+)\s+(ال\w.*)")


def find_numbers(text: str, language: str) -> list[NumberSpan]:
    """Return the number expressions in `text` (digits already ASCII) in reading order."""
    if not text.islower():
        low = text.lower()
        text = low if len(low) == len(text) else text
    if "ё" in text:
        text = text.replace("ё", "е")  # CLDR spells Russian numbers with е ("трех"); one for one
    spans: list[NumberSpan] = []
    for group in group_atoms(scan_atoms(text, language), text, language):
        if spans and spans[-1].kind == "mask" and group[0].kind in ("scale", "vague"):
            continue
        span = span_from_group(group, text, language)
        if span is not None and span.has_digits and span.scale is None:
            span = with_abbreviated_scale(span, text, language)
        if span is not None:
            spans.append(span)
    return spans


def parse_number(text: str, language: str) -> float | None:
    """Return the value of a text that is one number expression, or None."""
    norm = ARABIC_MARKS_INSIDE_RE.sub("", normalize_digits(text)) if language == "ar" else normalize_digits(text)
    if norm.strip().lower() in ONE_WORDS:
        return 1.0
    if norm.strip() in ARABIC_ZERO:
        return 0.0
    fraction = ARABIC_FRACTION_OF_RE.fullmatch(norm) if language == "ar" else None
    if fraction and fraction[1] in ARABIC_FRACTIONS and fraction[2].split()[0] not in NUMBER_WORDS:  # not "الف"
        whole = parse_number(fraction[2], language)
        return None if whole is None else whole / ARABIC_FRACTIONS[fraction[1]]
    if (prefixed := SI_PREFIXED_RE.fullmatch(norm)) and (digits := parse_digits(prefixed[1], language)) is not None:
        return digits * SI_PREFIXES[prefixed[2]]
    spans = [s for s in find_numbers(norm, language) if s.kind in ("exact", "article", "approx")]
    if len(spans) != 1:
        return None
    return spans[0].value
