"""Digit strings: digits of any script made ASCII, separators read by language (CLDR), abbreviated scales."""

from __future__ import annotations

import re
import unicodedata

from flows.text.figure_lexicon import (
    CLDR_ABBREVIATED_SCALES,
    CLDR_DECIMAL_COMMA_LANGUAGES,
    CLDR_DECIMAL_COMMA_SCALES,
    CLDR_SPACE_GROUP_LANGUAGES,
    NUMBER_CONTEXT_WORDS,
    SCALES,
)
from flows.text.numbers.atoms import NumberSpan

# Arabic-Indic and Persian digits and separators map one character to one character, so
# offsets in the translated text are offsets in the original; so do the digits of every other
# script (Devanagari, Bengali, fullwidth: Unicode category Nd).
DIGIT_TRANSLATION = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫٬٪", "01234567890123456789.,%")
OTHER_DIGIT_RE = re.compile(r"(?![0-9])\d")
# Digits grouped by spaces (the SI style, "1 234 567") are read in the corpus languages (CLDR's own
# space groups included).
SPACE_GROUP_LANGUAGES = frozenset({"es", "de", "und", "en", "ar", "it", "pt", "nl"}) | CLDR_SPACE_GROUP_LANGUAGES
DECIMAL_COMMA_LANGUAGES = CLDR_DECIMAL_COMMA_LANGUAGES
DECIMAL_COMMA_SCALES = frozenset(NUMBER_CONTEXT_WORDS["decimal_comma_scale"].split("|")) | CLDR_DECIMAL_COMMA_SCALES
_SPACES = " \u00a0\u202f\u2009"
# ASCII digits only (Arabic-Indic digits are made ASCII first); other scripts' digits (Bengali,
# Devanagari) belong to text outside the five languages.
# Bidirectional marks that right-to-left text may hold around a separator ("25799\u202a,\u202a52").
BIDI = "\u200e\u200f\u202a-\u202e\u2066-\u2069"
# The Arabic comma groups thousands in some Arabic typing ("12،220,13"): read as a group before three digits.
_SEPARATOR = rf"[{BIDI}]?[.,][{BIDI}]?|،(?=[0-9]{{3}}(?![0-9]))"
DIGITS_SPACE_RE = re.compile(rf"[0-9]+(?:(?:{_SEPARATOR}|[ \u00a0\u202f\u2009](?=[0-9]{{3}}(?![0-9])))[0-9]+)*")
DIGITS_NOSPACE_RE = re.compile(rf"[0-9]+(?:(?:{_SEPARATOR}|[\u00a0\u202f\u2009](?=[0-9]{{3}}(?![0-9])))[0-9]+)*")
_BIDI_RE = re.compile(f"[{BIDI}]")
GROUP_SPLIT_RE = re.compile(r"[.,\u00a0\u202f\u2009 ،]")
NON_ASCII_DIGIT_RE = re.compile(r"[٫٬٪]|(?![0-9])\d")
ABBREVIATED_SCALE_RE = re.compile(r"(?:\s?(bn|mn|mln|mio\.?|mrd\.?|mds?|k(?![.-]))|(m|b))(?![^\W\d_])", re.I)
CLDR_ABBREVIATED_RE = re.compile(
    r"\s?(" + "|".join(sorted(map(re.escape, CLDR_ABBREVIATED_SCALES), key=len, reverse=True)) + r")(?![^\W\d_])"
)


def normalize_digits(text: str) -> str:
    """Return `text` with the digits of every script, Arabic separators and percent sign made ASCII."""
    if not NON_ASCII_DIGIT_RE.search(text):
        return text
    return OTHER_DIGIT_RE.sub(lambda m: str(unicodedata.digit(m.group())), text.translate(DIGIT_TRANSLATION))


def parse_digits(raw: str, language: str, scale_word: str = "") -> float | None:
    """Return the value of a digit string under the language's separator convention."""
    digits = "".join(c for c in _BIDI_RE.sub("", raw) if c not in _SPACES and c != "،")
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


def valid_digit_groups(raw: str) -> str:
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


def with_abbreviated_scale(span: NumberSpan, text: str, language: str) -> NumberSpan:
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
