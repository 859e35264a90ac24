"""Find and parse numbers (digits, number words, scales, vague quantities) in the corpus languages.

en, fr, es, de, it, pt, nl are read with text2num's word lists, pl and ru with CLDR's spell-out
words, scale words and separators of the later languages come from CLDR; digits of any script and
Chinese or Korean numerals quoted in a text are read too.

Pure functions over a string. `find_numbers` returns `NumberSpan`s whose offsets are into the
given text; figure-level concerns (qualifiers, units, exclusions) live in `flows.text.figures`.
"""

from __future__ import annotations

from flows.text.figure_lexicon import ONE_WORDS
from flows.text.numbers.atoms import NumberSpan
from flows.text.numbers.compose import compose_words, group_atoms, span_from_group
from flows.text.numbers.digits import normalize_digits, parse_digits, with_abbreviated_scale
from flows.text.numbers.scan import scan_atoms
from flows.text.numbers.words import normalize_arabic

__all__ = [
    "NumberSpan",
    "compose_words",
    "find_numbers",
    "normalize_arabic",
    "normalize_digits",
    "parse_digits",
    "parse_number",
]


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
    norm = normalize_digits(text)
    if norm.strip().lower() in ONE_WORDS:
        return 1.0
    spans = [s for s in find_numbers(norm, language) if s.kind in ("exact", "article", "approx")]
    if len(spans) != 1:
        return None
    return spans[0].value
