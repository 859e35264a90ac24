"""Numbers that belong to a date, a year or a clock time (not figures)."""

from __future__ import annotations

import re

from flows.text.figure_lexicon import CONTEXT_WORDS, MONTHS, TIME_UNITS
from flows.text.figures.draft import Doc, Draft
from flows.text.figures.nouns import has_counted_noun, next_word
from flows.text.figures.patterns import LIST_GAP_RE, SP, alternation

_MONTHS = alternation(sorted(MONTHS))
MONTH_BEFORE_RE = re.compile(rf"(?<!\w)(?:{_MONTHS})\.?,?{SP}+(?:the{SP}+)?$")
MONTH_AFTER_RE = re.compile(rf"(?:st|nd|rd|th|er|º)?\.?{SP}*(?:of{SP}+|de{SP}+|-)?(?:{_MONTHS})(?!\w)")
# "2015-07-21", "21/07/2015", "21.07.15", and "21.07. 2015" (a space after the day and month's dot)
NUMERIC_DATE_RE = re.compile(
    r"(?<!\d)(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}|\d{1,2}\.\d{1,2}\. \d{4})(?!\d)"
)
# a clock time: "10:30", "9h30", "9 am", "20 uhr", Russian "9 утра" / "7 вечера" (of the morning, evening)
TIME_AFTER_RE = re.compile(rf"(?::\d|h\d|{SP}?(?:a\.?m\.?|p\.?m\.?|uhr|hrs?\.?|gmt|utc|утра|вечера)(?!\w))")
CLOCK_WORDS_AFTER_RE = re.compile(rf"\s+(?:{CONTEXT_WORDS['clock_after']})(?!\w)")
GLUED_HOUR_RE = re.compile(r"h(?![^\W\d_])")
GLUED_HOUR_ZONE_RE = re.compile(r"h\s?(?:utc|gmt|cet|cest|heure locale|hora local)")
CLOCK_BEFORE_RE = re.compile(rf"(?<!\w)(?:{CONTEXT_WORDS['clock_before']})\s+$")
TIME_BEFORE_RE = re.compile(rf"(?<!\w)(?:{CONTEXT_WORDS['time_before']})\s+$")
YEAR_DIGITS_RE = re.compile(r"\d{4}")
MONTH_NEARBY_RE = re.compile(rf"(?<!\w)(?:{_MONTHS})\.? ")
MONTH_DAY_BEFORE_RE = re.compile(rf"(?<!\w)(?:{_MONTHS})\.? \d{{1,2}}, ?$")
DAY_BEFORE_YEAR_RE = re.compile(r",? (?:1[89]|20)\d\d(?!\d)")
SINCE_BEFORE_RE = re.compile(rf"(?<!\w)(?:{CONTEXT_WORDS['since']})\s+$")
DECADE_WORD_BEFORE_RE = re.compile(r"(?<!\w)(?:años|années|anni|the)\s+$")
INDEFINITE_BEFORE_RE = re.compile(r"(?<!\w)(?:a|an|un|une|una|ein|eine|einer)\s$")
YEAR_RANGE_TAIL_RE = re.compile(r"(?<!\d)(?:1[89]|20)\d\d ?[-–/] ?$")
SPACED_DATE_RE = re.compile(r"(?<!\d)\d{1,2} ?/ ?\d{1,2} ?/ ?\d{2,4}(?!\d)")
HIJRI_AFTER_RE = re.compile(r"(?: ?/ ?\d{4})? ?(?:هـ|ه\b|م\b)")
# Languages that write the word "year" after a calendar year ("w 2021 roku", "в 2021 году", "2021 года").
YEAR_NOUN_AFTER_LANGUAGES = frozenset({"pl", "ru"})


def without_listed_days(kept: list[Draft], date: Draft, doc: Doc) -> list[Draft]:
    """Return `kept` without the bare day numbers listed right before a date ("les 21, 22 et 23 novembre")."""
    cursor = date
    while (
        kept
        and kept[-1].has_digits
        and kept[-1].kind == "exact"
        and (kept[-1].value or 99) <= 31
        and LIST_GAP_RE.fullmatch(doc.low[kept[-1].end : cursor.start])
        and MONTH_AFTER_RE.match(doc.low, date.end)
    ):
        cursor = kept.pop()
    return kept


def is_date_or_time(draft: Draft, doc: Doc) -> bool:
    """Return whether the number is part of a date, a year or a clock time."""
    low, start, end = doc.low, draft.start, draft.end
    before = low[max(0, start - 16) : start]
    if MONTH_BEFORE_RE.search(before) or MONTH_AFTER_RE.match(low, end):
        return True
    if draft.has_digits and (TIME_AFTER_RE.match(low, end) or _touches(low, start, end, "/:+")):
        return True
    if draft.has_digits and any(
        m.start() < end and start < m.end() for m in NUMERIC_DATE_RE.finditer(low, max(0, start - 11), end + 11)
    ):
        return True
    if draft.has_digits and TIME_BEFORE_RE.search(before) and next_word(low, end) in ("h", "heures", "horas", "uhr"):
        return True
    if TIME_BEFORE_RE.search(before) and CLOCK_WORDS_AFTER_RE.match(low, end):
        return True
    if (
        not draft.has_digits
        and draft.value in (20, 30, 40, 50, 60, 70, 80, 90)
        and doc.language in ("es", "fr")
        and DECADE_WORD_BEFORE_RE.search(before)
    ):
        return True
    if (
        draft.has_digits
        and GLUED_HOUR_RE.match(low, end)
        and (draft.value or 99) <= 24
        and (CLOCK_BEFORE_RE.search(before) or GLUED_HOUR_ZONE_RE.match(low, end))
    ):
        return True
    if (
        draft.has_digits
        and YEAR_DIGITS_RE.fullmatch(low, start, end)
        and MONTH_DAY_BEFORE_RE.search(low, max(0, start - 16), start)
    ):
        return True
    if (
        draft.has_digits
        and draft.value is not None
        and draft.value <= 31
        and DAY_BEFORE_YEAR_RE.match(low, end)
        and MONTH_NEARBY_RE.search(low, max(0, start - 24), start)
    ):
        return True
    if draft.has_digits and (
        YEAR_RANGE_TAIL_RE.search(low, max(0, start - 6), start)
        or HIJRI_AFTER_RE.match(low, end)
        and doc.language == "ar"
    ):
        return True
    if (
        draft.has_digits
        and "/" in low[max(0, start - 8) : end + 8]
        and any(
            m.start() <= start and end <= m.end() for m in SPACED_DATE_RE.finditer(low, max(0, start - 10), end + 10)
        )
    ):
        return True
    return draft.has_digits and _is_year(draft, doc)


def _touches(low: str, start: int, end: int, chars: str) -> bool:
    """Return whether one of `chars` joins the number to another digit ("12/05", "10:30")."""
    after = end + 1 < len(low) and low[end] in chars and low[end + 1].isdigit()
    before = start >= 2 and low[start - 1] in chars and low[start - 2].isdigit()
    return after or before


def _is_year(draft: Draft, doc: Doc) -> bool:
    """Return whether a plain four-digit number reads as a year."""
    values = [draft.value] if draft.kind != "range" else [draft.lower, draft.upper]
    raw = doc.text[draft.start : draft.end]
    if (
        draft.kind != "range"
        and draft.value is not None
        and 1000 <= draft.value < 1800
        and draft.value.is_integer()
        and SINCE_BEFORE_RE.search(doc.low, max(0, draft.start - 14), draft.start)
        and not has_counted_noun(doc, draft.end)
    ):
        return True  # "seit 1570", "since 1648": an old year after a preposition of time
    if not all(v is not None and v.is_integer() and 1800 <= v <= 2100 for v in values):
        return False
    if draft.kind != "range" and not YEAR_DIGITS_RE.fullmatch(raw):
        return False
    if INDEFINITE_BEFORE_RE.search(doc.low, max(0, draft.start - 4), draft.start):
        return True  # "a 2005 police report": one thing dated by the year
    if doc.language in YEAR_NOUN_AFTER_LANGUAGES and TIME_UNITS.get(next_word(doc.low, draft.end)) == "year":
        return True  # "w 2021 roku", "2021 года": the year noun names the calendar year
    return not has_counted_noun(doc, draft.end)
