"""Candidate numbers of a text: the read limit, addresses and phone numbers set aside, ranges merged."""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import islice

from flows.text.figures.draft import Doc, Draft
from flows.text.figures.patterns import PERCENT_RE
from flows.text.numbers import NumberSpan, find_numbers

ADDRESS_MARKS = ("://", "www.", "@", "#", ".com", ".org", ".net")
MAX_NUMBERS = 10_000  # figures are read from at most this many numbers (and digit groups) of one text
DIGIT_GROUP_RE = re.compile(r"\d+")
ADDRESS_REACH = 300  # characters of a number's token read on each side for an address
ADDRESS_RE = re.compile(r"https?://|www\.|\w@\w|^[@#]|\w\.(?:com|org|net)\b|^\W*[@#]")
INTERNATIONAL_PHONE_RE = re.compile(r"\+\d[\d \t.()-]{6,}\d")
RANGE_DASH_RE = re.compile(r"\s*[-–—]\s*")
RANGE_WORD_RE = re.compile(r"\s+(?:to|à|au|bis|hasta|al|a|and|et|y|und|إلى|الى|حتى|و|e|até|tot|en|do|i|до|и)\s+|\s+و")
RANGE_PREFIX_RE = re.compile(
    r"(?<!\w)(?:between|from|entre|del|de|d'|von|zwischen|desde|بين|من|da|tra|fra|van|tussen|od|między|от|между)\s+$"
)
# Range words that are also "and" or a plain preposition: a range only after "between"/"from" and the like.
RANGE_NEEDS_PREFIX = frozenset(
    {"a", "al", "and", "et", "y", "und", "و", "hasta", "e", "até", "tot", "en", "do", "i", "до", "и"}
)


def readable_end(text: str) -> int:
    """Return where figures stop being read: before the digit group after the MAX_NUMBERS-th
    (a text with more numbers is a table or a data dump), else the text's end."""
    beyond = next(islice(DIGIT_GROUP_RE.finditer(text), MAX_NUMBERS, None), None)
    return beyond.start() if beyond is not None else len(text)


def candidate_spans(doc: Doc) -> list[NumberSpan]:
    """Return the first MAX_NUMBERS number spans outside URLs, e-mails, hashtags, mentions and phone numbers."""
    phones = [m.span() for m in INTERNATIONAL_PHONE_RE.finditer(doc.text)] if "+" in doc.text else []
    phone_ends = [end for _, end in phones]
    kept = (
        span
        for span in find_numbers(doc.low, doc.language)
        if span.kind != "mask"
        and not _in_address(doc.text, span.start, span.end)
        and not _in_phone(span, phones, phone_ends)
    )
    return list(islice(kept, MAX_NUMBERS))


def _in_phone(span: NumberSpan, phones: list[tuple[int, int]], phone_ends: list[int]) -> bool:
    """Return whether a span overlaps one of the (sorted, disjoint) phone-number spans."""
    after = bisect_right(phone_ends, span.start)
    return after < len(phones) and phones[after][0] < span.end


def _in_address(text: str, start: int, end: int) -> bool:
    """Return whether the number sits in a URL, e-mail, hashtag or @mention token."""
    low, high = max(0, start - ADDRESS_REACH), min(len(text), end + ADDRESS_REACH)
    token_start = max(text.rfind(" ", low, start), text.rfind("\n", low, start), low - 1) + 1
    token_end = min((i for i in (text.find(" ", end, high), text.find("\n", end, high)) if i >= 0), default=high)
    token = text[token_start:token_end]
    return any(mark in token for mark in ADDRESS_MARKS) and ADDRESS_RE.search(token) is not None


def _draft_from_span(span: NumberSpan) -> Draft:
    """Return the initial draft for a number span."""
    upper = span.value if span.kind in ("exact", "article") else None
    return Draft(span.start, span.end, span.value, span.lower, upper, span.kind, span.has_digits, span.scale)


def merge_ranges(spans: list[NumberSpan], doc: Doc) -> list[Draft]:
    """Return drafts with "5-10", "between 5 and 10", "de 5 à 10" merged into ranges."""
    drafts: list[Draft] = []
    index = 0
    while index < len(spans):
        span = spans[index]
        nxt = spans[index + 1] if index + 1 < len(spans) else None
        merged = _range_of(span, nxt, doc) if nxt is not None else None
        drafts.append(merged or _draft_from_span(span))
        index += 2 if merged else 1
    return drafts


def _range_of(first: NumberSpan, second: NumberSpan, doc: Doc) -> Draft | None:
    """Return a range draft if `first` and `second` are the two ends of one range."""
    if first.kind != "exact" or second.kind != "exact" or first.value is None or second.value is None:
        return None
    gap = doc.low[first.end : second.start]
    if (
        gap == "-"
        and first.value >= second.value
        and first.has_digits
        and second.has_digits
        and not _year_like(first)
        and doc.low[second.end : second.end + 1] != "%"
    ):
        return Draft(first.start, second.end, None, None, None, "score", True)
    if gap.lstrip(" \u00a0").startswith("%") and PERCENT_RE.match(doc.low, second.end):
        gap = gap.lstrip(" \u00a0")[1:]
    prefix = RANGE_PREFIX_RE.search(doc.low, max(0, first.start - 12), first.start)
    dash = RANGE_DASH_RE.fullmatch(gap) is not None
    word = RANGE_WORD_RE.fullmatch(gap)
    if not dash and word is None:
        return None
    if _year_like(first) and not _year_like(second):
        return None
    if word is not None and gap.strip() in RANGE_NEEDS_PREFIX and prefix is None:
        return None
    low_value = first.value
    if second.scale and not first.scale and first.value * second.scale <= second.value:
        low_value = first.value * second.scale
    if low_value >= second.value:
        return None
    start = prefix.start() if prefix is not None and not dash else first.start
    return Draft(
        start, second.end, None, low_value, second.value, "range", first.has_digits or second.has_digits, second.scale
    )


def _year_like(span: NumberSpan) -> bool:
    """Return whether a span is a bare four-digit number that could be a year."""
    return (
        span.has_digits
        and span.scale is None
        and span.value is not None
        and 1800 <= span.value <= 2100
        and span.value.is_integer()
        and span.end - span.start == 4
    )
