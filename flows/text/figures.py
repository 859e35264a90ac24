"""Extract figures (quantities with bounds, unit, counted object and category) from news text.

`extract_figures(text, language)` follows `gold/FIGURES_GUIDE.md`: numbers are found by
`flows.text.numbers`, then ranges are merged, non-figures (dates, times, identifiers, scores,
phone numbers, URLs) dropped, and qualifiers, units, objects and categories read from context.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property
from itertools import islice
from typing import NamedTuple

from flows.text.figure_lexicon import (
    CATEGORY_CUES,
    COMPOUND_NOUNS,
    CONTEXT_WORDS,
    COORDINATED_ARTICLES,
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    ENGLISH_IRREGULAR_SINGULARS,
    FRACTION_NOUNS,
    FUNCTION_WORDS,
    KILLED_NOUNS,
    MEASURE_UNITS,
    MONTHS,
    NOUN_PHRASE_STOPS,
    NOUN_SKIP_WORDS,
    NOUN_TRANSLATIONS,
    PERCENT_WORDS,
    PERSON_NOUNS,
    PESO_COUNTRIES,
    POST_QUALIFIERS,
    PRE_QUALIFIERS,
    TIME_UNITS,
    UNIT_LANGUAGES,
    VERB_ENDINGS,
)
from flows.text.numbers import NumberSpan, find_numbers, normalize_arabic, normalize_digits
from flows.text.records import Figure
from flows.text.vocabulary import FIGURE_CATEGORIES


def _alternation(words: list[str] | tuple[str, ...]) -> str:
    """Return a regex alternation of literal words, longest first."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


_SP = r"[\s\u00a0\u202f]"
_MONTHS = _alternation(sorted(MONTHS))
MONTH_BEFORE_RE = re.compile(rf"(?<!\w)(?:{_MONTHS})\.?,?{_SP}+(?:the{_SP}+)?$")
MONTH_AFTER_RE = re.compile(rf"(?:st|nd|rd|th|er|º)?\.?{_SP}*(?:of{_SP}+|de{_SP}+|-)?(?:{_MONTHS})(?!\w)")
NUMERIC_DATE_RE = re.compile(r"(?<!\d)(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})(?!\d)")
TIME_AFTER_RE = re.compile(rf"(?::\d|h\d|{_SP}?(?:a\.?m\.?|p\.?m\.?|uhr|hrs?\.?|gmt|utc)(?!\w))")
CLOCK_WORDS_AFTER_RE = re.compile(rf"\s+(?:{CONTEXT_WORDS['clock_after']})(?!\w)")
GLUED_HOUR_RE = re.compile(r"h(?![^\W\d_])")
GLUED_HOUR_ZONE_RE = re.compile(r"h\s?(?:utc|gmt|cet|cest|heure locale|hora local)")
CLOCK_BEFORE_RE = re.compile(rf"(?<!\w)(?:{CONTEXT_WORDS['clock_before']})\s+$")
TIME_BEFORE_RE = re.compile(rf"(?<!\w)(?:{CONTEXT_WORDS['time_before']})\s+$")
ORDINAL_AFTER_RE = re.compile(r"(?:st|nd|rd|th|er|re|e|ème|eme|ième|º|ª|°(?!c))(?!\w)")
IDENTIFIER_BEFORE_RE = re.compile(rf"(?<!\w)(?:{CONTEXT_WORDS['identifier']})\s*\(?\s*$")
ADDRESS_MARKS = ("://", "www.", "@", "#", ".com", ".org", ".net")
MAX_NUMBERS = 10_000  # figures are read from at most this many numbers (and digit groups) of one text
DIGIT_GROUP_RE = re.compile(r"\d+")
ADDRESS_REACH = 300  # characters of a number's token read on each side for an address
ADDRESS_RE = re.compile(r"https?://|www\.|\w@\w|^[@#]|\w\.(?:com|org|net)\b|^\W*[@#]")
INTERNATIONAL_PHONE_RE = re.compile(r"\+\d[\d \t.()-]{6,}\d")
PHONE_RE = re.compile(r"0\d{8,}(?!\d)|\d{3}[-.]\d{3}[-.]\d{4}(?!\d)|\d{2,4}(?:-\d{2,4}){2,}(?!\d)")
CONTACT_BEFORE_RE = re.compile(rf"(?:{CONTEXT_WORDS['contact']})\W{{0,3}}$", re.I)
RANGE_DASH_RE = re.compile(r"\s*[-–—]\s*")
RANGE_WORD_RE = re.compile(r"\s+(?:to|à|au|bis|hasta|al|a|and|et|y|und|إلى|الى|حتى|و)\s+|\s+و")
RANGE_PREFIX_RE = re.compile(r"(?<!\w)(?:between|from|entre|del|de|d'|von|zwischen|desde|بين|من)\s+$")
RANGE_NEEDS_PREFIX = frozenset({"a", "al", "and", "et", "y", "und", "و", "hasta"})
SCORE_CUE_RE = re.compile(rf"(?<!\w)(?:{CONTEXT_WORDS['score']})(?!\w)")
NUMBER_AHEAD_RE = re.compile(r"\s*(?:\d|(?:une?|a|an|some)\s)")
PRE_QUALIFIER_RE = re.compile(rf"(?<!\w)و?({_alternation(list(PRE_QUALIFIERS))})(?:{_SP}*-|{_SP}|\()*$")
POST_QUALIFIER_RE = re.compile(rf",?{_SP}*({_alternation(list(POST_QUALIFIERS))})(?!\w)")
POST_QUALIFIER_AFTER_NOUN_RE = re.compile(rf"{_SP}+[^\W\d_]+{_SP}+({_alternation(list(POST_QUALIFIERS))})(?!\w)")
_PERCENT_WORDS_SPELT = _alternation([w for w in PERCENT_WORDS if w[0].isalpha()])
PERCENT_RE = re.compile(
    rf"(?:{_SP}|-(?=prozent|percent|por ciento|pour cent))?(?:{_alternation(PERCENT_WORDS)})"
    rf"(?:{_SP}+(?:{_PERCENT_WORDS_SPELT}))?(?!\w)"
)
CURRENCY_PREFIX_RE = re.compile(rf"(?<![^\W\d_])(?:{_alternation(list(CURRENCY_SYMBOLS))}){_SP}?$")
CURRENCY_WORD_RE = re.compile(
    rf"(?:{_SP}*|-(?=dollar|euro|us-dollar|franc|peso|yuan))(?:de{_SP}+|of{_SP}+|d'|d’)?({_alternation(list(CURRENCY_WORDS))})(?!\w)"
)
CURRENCY_ANYWHERE_RE = re.compile(rf"(?<!\w)({_alternation([w for w in CURRENCY_WORDS if len(w) > 3])})(?!\w)|(\$|€|£)")
AGE_SUFFIX_RE = re.compile(
    rf"(?:{_SP}|-)?(year|month|week|day)s?(?:{_SP}|-)old(?!\w)|-(jährige\w*|jährig\w*)"
    rf"|{_SP}(?:jahre|jahren){_SP}alt(?!\w)|{_SP}(?:years?|ans|años|عاما){_SP}(?:old|de edad|of age)(?!\w)"
    rf"|(jährige\w*|jährig\w*)"
)
GERMAN_DURATION_SUFFIX_RE = re.compile(r"-?(minütig|stündig|tägig|wöchig|monatig)\w*")
ABBREVIATION_RE = re.compile(r" (?:[A-Z]\.){2,}(?= )")
TIME_ADJECTIVE_RE = re.compile(rf" (?:{CONTEXT_WORDS['time_adjective']})(?= )")
GERMAN_TIME_ADJECTIVE_RE = re.compile(r"(?:jährig|minütig|stündig|tägig|wöchig|monatig)")
GERMAN_DURATION_UNITS = {"minütig": "minute", "stündig": "hour", "tägig": "day", "wöchig": "week", "monatig": "month"}
AGE_PREFIX_RE = re.compile(rf"(?<!\w)(?:{CONTEXT_WORDS['age_prefix']})\s*(?:just|only|seulement|solo|sólo)?\s*$")
BARE_AGE_PREFIX_RE = re.compile(rf"(?<!\w)(?:{CONTEXT_WORDS['bare_age_prefix']})\s*$")
PERSON_DE_RE = re.compile(r"([^\W\d_]+)\s+(?:de|d'|d’|von|of)\s*$")
PRONOUN_DE_RE = re.compile(r"(?<!\w)(?:el|la|le|los|las|les|celui|celle|ceux)\s+(?:de|d')\s*$")
DECADE_AGE_RE = re.compile(r"([^\W\d_]+),?\s+in\s+(?:her|his|their)\s+(?:early\s+|mid-?\s*|late\s+)?$")
COORDINATED_ARTICLE_RE = re.compile(r"\s+(?:[^\W\d_]+\s+){0,3}?(?:et|and|y|und|e|ou|or|o)\s+([^\W\d_]+)(?!\w)")
# "10,000 infected, of whom 800 died": the verb after the relative belongs to the second count.
RELATIVE_PART_RE = re.compile(rf",\s*(?:{CONTEXT_WORDS['relative']})\s")
ALTERNATIVE_GAP_RE = re.compile(rf"\s+(?:{CONTEXT_WORDS['alternative']})\s+")
LIST_GAP_RE = re.compile(r"\s*(?:,|et|y|and|und|e|o|or|ou|oder|و|أو)\s*|\s+و")
COMPOUND_GAP_RE = re.compile(r"\s+(?:and|y|et|und|و)\s+")
WORD_RE = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
NOUN_LINK_RE = re.compile(
    r"(?:\s+(?:of|des|del|der|de|du|von|من)(?!\w)\s*|\s+(?:d'|d’)\s*)(?:the\s+|its\s+|their\s+|his\s+|her\s+|"
    r"las\s+|los\s+|la\s+|les\s+|le\s+|l'|l’|el\s+|die\s+|der\s+|ces\s+|these\s+|those\s+)?"
)
CLAUSE_CUT_RE = re.compile(r".*(?:[,;:().!?\n،؛]|(?<!\w)(?:and|et|y|und|or|ou|o|but|mais|pero|while)(?!\w)|\s(?=و))")
_WORD = r"[^\W\d_]+(?:['’-][^\W\d_]+)*"
PHRASE_RE = re.compile(rf"[ \u00a0]?({_WORD}(?:[ \u00a0]{_WORD}){{0,3}})")
YEAR_DIGITS_RE = re.compile(r"\d{4}")
ARABIC_CLITIC_BEFORE_RE = re.compile(r"(?:^|[^\w])(?:و|ب|ل|وب|ول)$")
ARABIC_ORDINAL_BEFORE_RE = re.compile(r"(?<!\w)و?ال\w+\s+$")
DIGIT_OR_SLASH_BEFORE_RE = re.compile(r"(?:\d|/) ?$")
LONG_DIGITS_RE = re.compile(r"\d{7,}")
LIST_MARKER_AFTER_RE = re.compile(r"[.)] +[^\W\d_]|[ \t]*[-–—][ \t]+[^\W\d_]|[ \t]{2,}[^\W\d_]")
LIST_MARKER_BEFORE_RE = re.compile(r"(?:^|\n|[:.;!?] +)[ \t]*$")
# "Dana Price (38 ans)", "سامي (41 عاما)": a bracketed age right after a name.
NAME_BEFORE_BRACKET_RE = re.compile(r"(?:\b[A-Z][\w'’-]+|(?<![\w])(?!ال)[\u0621-\u064a]{2,})\s?\(\s?$")
HYPHEN_COMPOUND_AFTER_RE = re.compile(r"-[^\W\d_]")
NAME_BEFORE_VAGUE_RE = re.compile(r"(?:\bthe|\bof|[a-z]\s[A-Z][a-z]+) $")
DECADE_OWNER_RE = re.compile(
    r"(?<!\w)(?:her|his|their|my|your|our)\s+(?:(?:early|late|mid)[\s-]*$|(?:[^\W\d_]+\s+){1,4}(?:early|late|mid)[\s-]*$)|"
    r"(?<!\w)(?:her|his|their|my|your|our)\s+$"
)
QUOTE_DECADE_AFTER_RE = re.compile(r"\d*s(?![^\W\d_])")
MONTH_NEARBY_RE = re.compile(rf"(?<!\w)(?:{_MONTHS})\.? ")
MONTH_DAY_BEFORE_RE = re.compile(rf"(?<!\w)(?:{_MONTHS})\.? \d{{1,2}}, ?$")
EMERGENCY_CALL_RE = re.compile(r"(?<!\d)(?:911|999|112)(?!\d)")
EMERGENCY_CONTEXT_RE = re.compile(
    r"(?:call(?:ed|ing|s)?|dial(?:ed|led|ing)?|a|the)\s+$|^\s*(?:call|hang|dispatch|operator|emergency)"
)
DAY_BEFORE_YEAR_RE = re.compile(r",? (?:1[89]|20)\d\d(?!\d)")
FOOTNOTE_BRACKET_BEFORE_RE = re.compile(r"[^\W\d_][ \u00a0]?\($")
FOOTNOTE_BRACKET_AFTER_RE = re.compile(r"\)[.,;:]")
SINCE_BEFORE_RE = re.compile(rf"(?<!\w)(?:{CONTEXT_WORDS['since']})\s+$")
DECADE_WORD_BEFORE_RE = re.compile(r"(?<!\w)(?:años|années|anni|the)\s+$")
HEADLINE_BEFORE_RE = re.compile(r"[A-Z][a-z]+ [A-Z][a-z]+ $")
NAME_AFTER_RE = re.compile(r" [A-Z][a-z]")
INDEFINITE_BEFORE_RE = re.compile(r"(?<!\w)(?:a|an|un|une|una|ein|eine|einer)\s$")
STREET_INITIAL_AFTER_RE = re.compile(r" [NSEW]\.? [A-Z][a-z]")
STREET_AFTER_RE = re.compile(rf" block of|,? (?:{CONTEXT_WORDS['street']})(?!\w)")
POSTCODE_RE = re.compile(r"\d{5}")
CAPITALISED_AFTER_RE = re.compile(r" [A-ZÀ-Ý][a-zà-ÿ]")
PAREN_ITEM_AFTER_RE = re.compile(r"\. +[A-ZÀ-Ý]")
FOOTNOTE_AFTER_RE = re.compile(r"[.,;:!?]|[ \t]*(?:\n|$)")
ENUMERATOR_RE = re.compile(r"(?:^|[\n:;,]\s*|\s{2,})\($")
YEAR_RANGE_TAIL_RE = re.compile(r"(?<!\d)(?:1[89]|20)\d\d ?[-–/] ?$")
DECADE_S_RE = re.compile(r"[’'‘]?s(?![^\W\d_])")
QUOTED_BEFORE_RE = re.compile(r"[“\"«„‘'] ?$")
QUOTED_AFTER_RE = re.compile(r" ?[”\"»“’']")
SPACED_DATE_RE = re.compile(r"(?<!\d)\d{1,2} ?/ ?\d{1,2} ?/ ?\d{2,4}(?!\d)")
HIJRI_AFTER_RE = re.compile(r"(?: ?/ ?\d{4})? ?(?:هـ|ه\b|م\b)")
GERMAN_ORDINAL_AFTER_RE = re.compile(r"\.(?:[),;]|\s+(?:\d|[a-zäöüß]))")
LABEL_BEFORE_RE = re.compile(r"(?:^|\n)([^\W\d][^\n:]{0,40}):[ \t]*$")
CLOCK_MINUTES_BEFORE_RE = re.compile(r"\d ?h ?$")
CODE_DIGITS_RE = re.compile(r"\d{5,}")
CODE_AFTER_RE = re.compile(r"\s*(?:[-–/|]|$)")
CAPITALISED_BEFORE_RE = re.compile(r"(?:^|[^.!?:;,\s]\s|\()([A-Z][\w-]*|[a-z]+[A-Z][\w-]*)[ \u00a0]$")
WORD_BEFORE_RE = re.compile(r"([^\W\d_]+)\s+$")
APPROX_ARTICLE_RE = re.compile(r"(?<!\w)(?:une|un|una|a|some|quelque)\s+$")
FORWARD_STOP_RE = re.compile(r"[.!?\n؟;](?!\d)|\s(?:but|mais|pero|aber|sondern|لكن)\s")
NEUF_ADJECTIVE_RE = re.compile(r"(?:tout|toute|à|flambant|du|le|la|de)\s+$")
LETTER_AFTER_SPACE_RE = re.compile(r" [^\W\d_]")
SENTENCE_START_RE = re.compile(r"(?:^|[.!?:;\n\"„“«(‘'*•\])»”…]\s*|^\s+|\s[-–—]\s*)$")
ELISION_RE = re.compile(r"^(?:d|l|qu)['’]")
CUE_RE = re.compile(
    r"(?<![^\W\d_])(?:وال|بال|لل|ال|و|ب|ل)?(?:"
    + "|".join(f"(?P<{name}>{pattern})" for name, pattern in CATEGORY_CUES)
    + ")"
)
SENTENCE_END_RE = re.compile(r"[.!?\n؟](?!\d)")
PREPOSITION_QUALIFIERS = frozenset({"over", "under", "above", "below", "über", "unter"})
GERMAN_ORDINAL_BEFORE_RE = re.compile(r"(?<!\w)(?:der|die|das|den|dem|des|zum|zur|am|im|beim|vom|seit)\s+$")
DETERMINER_BEFORE_RE = re.compile(
    r"(?<!\w)(?:the|der|die|das|den|dem|des|le|la|les|el|los|las|ein|eine|einen|einem|einer)\s+$"
)
PARTITIVE_GAP_RE = re.compile(r"\s*(?:(?:of|de|von|unter|aus|من)\s*)?")
# Arabic plural of a relative adjective ("أمريكيين", "مصريون") right after a number: persons.
ARABIC_NISBA_PLURAL_RE = re.compile(r"^(?:و|ال|وال)?\w{3,}ي(?:ين|ون)$")
AUXILIARY_VERBS = frozenset(CONTEXT_WORDS["auxiliary"].split("|"))
ELLIPSIS_GAP_RE = re.compile(r"(?:,|(?<!\w)(?:and|y|et|und|e)(?!\w)|\sو)\s*(?:\w+\s+)?$")
APPOSITIVE_END_RE = re.compile(r"\.(?:\s|$)")
APPOSITIVE_AGE_RE = re.compile(r"[A-Z][\w'’-]+\s?[,(]\s?$")
EVENT_CATEGORIES = FIGURE_CATEGORIES.of_kind("casualty")
UNDER_AGE_RE = re.compile(r"(?:under|over|moins de|más de|menos de|unter|über)-\d+$")
ARABIC_PREFIXES = ("وال", "بال", "لل", "ال", "و", "ب")
ARABIC_SUFFIXES = (("اً", ""), ("ًا", ""), ("ا", ""), ("ين", ""), ("ون", ""), ("ان", ""), ("ات", "ه"), ("يين", "ي"))
FRENCH_PLURALS = (("eaux", "eau"), ("eux", "eu"), ("aux", "al"), ("s", ""), ("x", ""))
SPANISH_PLURALS = (
    ("ces", "z"),
    ("nes", "n"),
    ("bres", "bre"),
    ("dres", "dre"),
    ("res", "r"),
    ("les", "l"),
    ("des", "d"),
    ("jes", "je"),
    ("s", ""),
)
ARABIC_ONE = frozenset({"واحد", "واحدة", "واحده"})
_TIME_UNIT_RE = re.compile(rf"(?:{_SP}|-)?({_alternation(list(TIME_UNITS))})(?!\w)")
_TIME_UNIT_GLUED_RE = re.compile(rf"({_alternation(list(TIME_UNITS))})(?!\w)")
_MEASURE_RE = re.compile(rf"(?:{_SP}|-)?({_alternation(list(MEASURE_UNITS))})(?![\w/])")
_NORMALIZED_TRANSLATIONS = {normalize_arabic(k): v for k, v in NOUN_TRANSLATIONS.items()}
_NORMALIZED_TIME_UNITS = {normalize_arabic(k): v for k, v in TIME_UNITS.items()}


class _Draft(NamedTuple):
    """A figure under construction; `kind` is exact, vague, approx, range or article."""

    start: int
    end: int
    value: float | None
    lower: float | None
    upper: float | None
    kind: str
    has_digits: bool
    scale: float | None = None
    qualifier: str = "exact"
    unit: str | None = None
    unit_kind: str | None = None  # percent, money, time, measure
    age: bool = False
    object: str | None = None
    object_known: bool = False
    category: str | None = None
    noun_end: int = -1


@dataclass(frozen=True)
class _Doc:
    """The text twice: digits made ASCII (`text`) and lowercased (`low`)."""

    text: str
    low: str
    language: str

    @cached_property
    def currencies(self) -> tuple[tuple[int, ...], tuple[re.Match[str], ...]]:
        """Every currency named in the text (ends, matches), found in one pass."""
        matches = tuple(CURRENCY_ANYWHERE_RE.finditer(self.low))
        return tuple(m.end() for m in matches), matches


def readable_end(text: str) -> int:
    """Return where figures stop being read: before the digit group after the MAX_NUMBERS-th
    (a text with more numbers is a table or a data dump), else the text's end."""
    beyond = next(islice(DIGIT_GROUP_RE.finditer(text), MAX_NUMBERS, None), None)
    return beyond.start() if beyond is not None else len(text)


def extract_figures(text: str, language: str) -> tuple[Figure, ...]:
    """Return the figures stated in `text` (offsets into `text`), in reading order."""
    norm = normalize_digits(text[: readable_end(text)])
    low = norm.lower()
    doc = _Doc(norm, low if len(low) == len(norm) else norm, language or "und")
    drafts = _merge_ranges(_candidate_spans(doc), doc)
    drafts = _drop_excluded(drafts, doc)
    drafts = [_with_unit(d, doc) for d in drafts]
    drafts = _merge_compound_durations(drafts, doc)
    drafts = [_with_qualifier(d, doc) for d in drafts]
    drafts = _keep_coordinated_articles(_drop_overlaps(drafts), doc)
    drafts = [_with_object(d, doc) for d in drafts]
    drafts = _propagate_lists(drafts, doc)
    drafts = [_with_category(d, doc, i, drafts) for i, d in enumerate(drafts)]
    drafts = _inherit_list_categories(drafts, doc)
    return tuple(_to_figure(d, text) for d in drafts)


def _candidate_spans(doc: _Doc) -> list[NumberSpan]:
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


def _draft_from_span(span: NumberSpan) -> _Draft:
    """Return the initial draft for a number span."""
    upper = span.value if span.kind in ("exact", "article") else None
    return _Draft(span.start, span.end, span.value, span.lower, upper, span.kind, span.has_digits, span.scale)


def _merge_ranges(spans: list[NumberSpan], doc: _Doc) -> list[_Draft]:
    """Return drafts with "5-10", "between 5 and 10", "de 5 à 10" merged into ranges."""
    drafts: list[_Draft] = []
    index = 0
    while index < len(spans):
        span = spans[index]
        nxt = spans[index + 1] if index + 1 < len(spans) else None
        merged = _range_of(span, nxt, doc) if nxt is not None else None
        drafts.append(merged or _draft_from_span(span))
        index += 2 if merged else 1
    return drafts


def _range_of(first: NumberSpan, second: NumberSpan, doc: _Doc) -> _Draft | None:
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
        return _Draft(first.start, second.end, None, None, None, "score", True)
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
    return _Draft(
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


def _drop_excluded(drafts: list[_Draft], doc: _Doc) -> list[_Draft]:
    """Return drafts that are figures; a number listed right after an excluded reference number
    is excluded too ("notes 336 and 351", "الدقائق 76 و84")."""
    kept: list[_Draft] = []
    previous: _Draft | None = None
    for draft in drafts:
        reason = _exclusion(draft, doc)
        excluded = reason is not None
        if (
            not excluded
            and previous is not None
            and draft.has_digits
            and previous.has_digits
            and LIST_GAP_RE.fullmatch(doc.low[previous.end : draft.start])
            and not _has_counted_noun(doc, draft.end)
        ):
            excluded = True
        previous = draft if reason == "reference" and draft.kind == "exact" else None
        if reason == "date":
            kept = _without_listed_days(kept, draft, doc)
        if not excluded:
            kept.append(draft)
    return kept


def _without_listed_days(kept: list[_Draft], date: _Draft, doc: _Doc) -> list[_Draft]:
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


def _exclusion(draft: _Draft, doc: _Doc) -> str | None:
    """Return why a number is not a figure ("date" for dates, times and scores, "reference" for
    ordinals, identifiers and phone numbers), or None for a figure."""
    if draft.kind in ("vague", "approx"):
        if doc.language == "de" and HYPHEN_COMPOUND_AFTER_RE.match(doc.text, draft.end):
            return "reference"
        return (
            "reference"
            if doc.text[draft.start].isupper()
            and NAME_BEFORE_VAGUE_RE.search(doc.text, max(0, draft.start - 12), draft.start)
            else None
        )
    if draft.kind == "score" or _is_date_or_time(draft, doc):
        return "date"
    if _is_identifier(draft, doc):
        return "reference"
    return "date" if draft.kind == "range" and _is_score(draft, doc) else None


def _is_date_or_time(draft: _Draft, doc: _Doc) -> bool:
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
    if draft.has_digits and TIME_BEFORE_RE.search(before) and _next_word(low, end) in ("h", "heures", "horas", "uhr"):
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


def _is_year(draft: _Draft, doc: _Doc) -> bool:
    """Return whether a plain four-digit number reads as a year."""
    values = [draft.value] if draft.kind != "range" else [draft.lower, draft.upper]
    raw = doc.text[draft.start : draft.end]
    if (
        draft.kind != "range"
        and draft.value is not None
        and 1000 <= draft.value < 1800
        and draft.value.is_integer()
        and SINCE_BEFORE_RE.search(doc.low, max(0, draft.start - 14), draft.start)
        and not _has_counted_noun(doc, draft.end)
    ):
        return True  # "seit 1570", "since 1648": an old year after a preposition of time
    if not all(v is not None and v.is_integer() and 1800 <= v <= 2100 for v in values):
        return False
    if draft.kind != "range" and not YEAR_DIGITS_RE.fullmatch(raw):
        return False
    if INDEFINITE_BEFORE_RE.search(doc.low, max(0, draft.start - 4), draft.start):
        return True  # "a 2005 police report": one thing dated by the year
    return not _has_counted_noun(doc, draft.end)


def _has_counted_noun(doc: _Doc, end: int) -> bool:
    """Return whether a unit, percent, currency or known counted noun follows `end`."""
    if PERCENT_RE.match(doc.low, end) or CURRENCY_WORD_RE.match(doc.low, end):
        return True
    word = _next_word(doc.low, end)
    return (
        word in NOUN_TRANSLATIONS
        or _singular(word) in PERSON_NOUNS
        or word in MEASURE_UNITS
        or (word in TIME_UNITS and len(word) > 3)
    )


def _next_word(low: str, end: int) -> str:
    """Return the word right after `end` (after spaces), lowercase, or ''."""
    match = WORD_RE.match(low, end + len(low[end : end + 3]) - len(low[end : end + 3].lstrip()))
    return match.group() if match else ""


def _is_identifier(draft: _Draft, doc: _Doc) -> bool:
    """Return whether the number belongs to a name, code, ordinal or list marker (G20, 2nd)."""
    return (
        _is_glued_or_marked(draft, doc)
        or _is_code_or_reference(draft, doc)
        or (draft.has_digits and _is_proper_name_number(draft, doc))
    )


def _is_glued_or_marked(draft: _Draft, doc: _Doc) -> bool:
    """Return whether letters, marks or brackets attached to the number make it a non-figure."""
    text, low, start, end = doc.text, doc.low, draft.start, draft.end
    before = text[max(0, start - 2) : start]
    if ARABIC_CLITIC_BEFORE_RE.search(text, max(0, start - 3), start):
        before = " "
    if before[-1:].isalpha() or (before[-1:] in "-." and before[:1].isalpha() and not _hyphen_count_ok(doc, draft)):
        return True
    if (before and before[-1] in "#@№") or (before[-1:] == "[" and text.startswith("]", end)):
        return True
    if LIST_MARKER_AFTER_RE.match(text, end) and LIST_MARKER_BEFORE_RE.search(text, max(0, start - 4), start):
        return True
    if draft.has_digits and start and text[start - 1] == "(" and PAREN_ITEM_AFTER_RE.match(text, end):
        return True
    if (
        draft.has_digits
        and (draft.value or 999) < 100
        and FOOTNOTE_BRACKET_BEFORE_RE.search(text, max(0, start - 3), start)
        and FOOTNOTE_BRACKET_AFTER_RE.match(text, end)
    ):
        return True
    if draft.has_digits and (STREET_AFTER_RE.match(low, end) or STREET_INITIAL_AFTER_RE.match(text, end)):
        return True
    if (
        doc.language in ("fr", "es")
        and POSTCODE_RE.fullmatch(text, start, end)
        and CAPITALISED_AFTER_RE.match(text, end)
    ):
        return True
    if (
        draft.has_digits
        and text.startswith(") ", end)
        and ENUMERATOR_RE.search(text, max(0, start - 3), start)
        and (draft.value or 0) < 20
    ):
        return True
    if draft.has_digits and DECADE_S_RE.match(low, end) and not _is_decade_age(draft, doc):
        return True
    if draft.has_digits and start and text[start - 1] in "'’‘" and QUOTE_DECADE_AFTER_RE.match(low, end):
        return True
    if (
        draft.has_digits
        and start > 1
        and text[start - 1] in '»”"’'
        and (text[start - 1] == "»" or not text[start - 2].isspace())
        and FOOTNOTE_AFTER_RE.match(text, end)
    ):
        return True
    if (
        draft.has_digits
        and text.startswith(") ", end)
        and (draft.value or 0) < 20
        and "(" not in text[max(0, start - 40) : start]
    ):
        return True
    if (
        draft.has_digits
        and QUOTED_BEFORE_RE.search(text, max(0, start - 2), start)
        and QUOTED_AFTER_RE.match(text, end)
    ):
        return True
    if doc.language == "de" and draft.has_digits and GERMAN_ORDINAL_AFTER_RE.match(text, end):
        return True
    if end < len(text) and text[end].isalpha() and not _glued_suffix_ok(low, end):
        return True
    if (
        draft.has_digits
        and text[end : end + 1] in ("M", "G")
        and not text[end + 1 : end + 2].isalpha()
        and CURRENCY_PREFIX_RE.search(low, max(0, start - 4), start) is None
    ):
        return True
    if draft.has_digits and ORDINAL_AFTER_RE.match(low, end) and not _glued_suffix_ok(low, end):
        return True
    if _next_word(low, end + (low[end : end + 1] == "-")) in FRACTION_NOUNS:
        return True
    if text[start:end] in ("عشر", "عشرة") and ARABIC_ORDINAL_BEFORE_RE.search(text[max(0, start - 12) : start]):
        return True
    return not draft.has_digits and _is_word_not_number(draft, doc)


def _is_code_or_reference(draft: _Draft, doc: _Doc) -> bool:
    """Return whether the number is a phone number, code, clock minute or numbered reference."""
    text, low, start, end = doc.text, doc.low, draft.start, draft.end
    if low.startswith(". ", end) and GERMAN_ORDINAL_BEFORE_RE.search(low, max(0, start - 8), start):
        return True
    if PHONE_RE.match(text, start) or CLOCK_MINUTES_BEFORE_RE.search(text[max(0, start - 6) : start]):
        return True
    if EMERGENCY_CALL_RE.fullmatch(text, start, end) and (
        EMERGENCY_CONTEXT_RE.search(low[max(0, start - 12) : start]) or EMERGENCY_CONTEXT_RE.search(low[end : end + 12])
    ):
        return True
    if DIGIT_OR_SLASH_BEFORE_RE.search(text[max(0, start - 2) : start]) or LONG_DIGITS_RE.fullmatch(text[start:end]):
        return True
    if CODE_DIGITS_RE.fullmatch(text, start, end) and CODE_AFTER_RE.match(text, end):
        return True
    return bool(
        IDENTIFIER_BEFORE_RE.search(low[max(0, start - 14) : start])
        or CONTACT_BEFORE_RE.search(low[max(0, start - 12) : start])
    )


def _is_word_not_number(draft: _Draft, doc: _Doc) -> bool:
    """Return whether a number word is used as another word ("tout neuf", German noun "die Elf")."""
    word = doc.low[draft.start : draft.end]
    if word == "dos" and doc.language != "es" and NAME_AFTER_RE.match(doc.text, draft.end):
        return True
    if word == "neuf" and (
        NEUF_ADJECTIVE_RE.search(doc.low, max(0, draft.start - 10), draft.start)
        or not LETTER_AFTER_SPACE_RE.match(doc.low, draft.end)
    ):
        return True
    if not doc.text[draft.start].isupper() or SENTENCE_START_RE.search(doc.text, max(0, draft.start - 3), draft.start):
        return False
    if (
        doc.language != "de"
        and HEADLINE_BEFORE_RE.search(doc.text, max(0, draft.start - 20), draft.start)
        and NAME_AFTER_RE.match(doc.text, draft.end)
    ):
        return False  # "Virus Kills Two People": a Title Case headline
    return doc.language in ("de", "en", "fr", "es")


def _hyphen_count_ok(doc: _Doc, draft: _Draft) -> bool:
    """Return whether a hyphenated number is an age bracket before a person ("over-65 residents"), not "COVID-19"."""
    if UNDER_AGE_RE.search(doc.low, max(0, draft.start - 12), draft.end) is None:
        return False
    return _translate(_next_word(doc.low, draft.end)) in PERSON_NOUNS


def _glued_suffix_ok(low: str, end: int) -> bool:
    """Return whether letters glued to a number are a unit, scale, decade 's' or noun."""
    match = WORD_RE.match(low, end)
    word = match.group() if match else ""
    if word in ("s", "m", "bn", "k", "mn", "b") or word in MEASURE_UNITS or word in TIME_UNITS:
        return True
    if GERMAN_TIME_ADJECTIVE_RE.match(word):
        return True
    return word in NOUN_TRANSLATIONS or word in PERCENT_WORDS


def _is_proper_name_number(draft: _Draft, doc: _Doc) -> bool:
    """Return whether a capitalised word directly precedes the number ("Boeing 737")."""
    match = CAPITALISED_BEFORE_RE.search(doc.text[max(0, draft.start - 30) : draft.start])
    if match is None:
        return False
    word = match.group(1).lower()
    if (
        word in PRE_QUALIFIERS
        or word in NOUN_PHRASE_STOPS
        or word in NOUN_SKIP_WORDS
        or word in FUNCTION_WORDS
        or word in COORDINATED_ARTICLES
    ) and not (len(word) > 1 and match.group(1).isupper()):
        return False
    return (
        not _has_counted_noun(doc, draft.end)
        and not PERCENT_RE.match(doc.low, draft.end)
        and not AGE_SUFFIX_RE.match(doc.low, draft.end)
    )


def _is_score(draft: _Draft, doc: _Doc) -> bool:
    """Return whether a dash range of small numbers is a sports score."""
    if draft.lower is None or draft.upper is None or draft.upper > 20:
        return False
    sentence = doc.low[max(0, draft.start - 80) : draft.end + 80]
    if PERCENT_RE.match(doc.low, draft.end):
        return False
    return SCORE_CUE_RE.search(sentence) is not None and "-" in doc.low[draft.start : draft.end]


def _with_unit(draft: _Draft, doc: _Doc) -> _Draft:
    """Return the draft extended over an attached percent sign, currency, unit or age marker."""
    low, end = doc.low, draft.end
    if (match := PERCENT_RE.match(low, end)) is not None:
        return draft._replace(end=match.end(), unit="percent", unit_kind="percent")
    if (match := AGE_SUFFIX_RE.match(low, end)) is not None:
        unit = match.group(1) or "year"
        age = not ("jährig" in match.group() and _names_a_thing(doc, match.end()))
        return draft._replace(end=match.end(), unit=unit, unit_kind="time", age=age)
    if doc.language in ("de", "und") and (match := GERMAN_DURATION_SUFFIX_RE.match(low, end)) is not None:
        return draft._replace(end=match.end(), unit=GERMAN_DURATION_UNITS[match.group(1)], unit_kind="time")
    prefix = CURRENCY_PREFIX_RE.search(low, max(0, draft.start - 4), draft.start)
    if prefix is not None:
        code = CURRENCY_SYMBOLS[prefix.group().strip()]
        draft = draft._replace(start=prefix.start(), unit=code, unit_kind="money")
        return _with_currency_word(draft, doc, keep_code=True)
    return _with_currency_word(draft, doc, keep_code=False)


def _with_currency_word(draft: _Draft, doc: _Doc, keep_code: bool) -> _Draft:
    """Return the draft extended over a currency word after it, or over another unit."""
    if (match := CURRENCY_WORD_RE.match(doc.low, draft.end)) is not None:
        code = draft.unit if keep_code else _currency_code(match.group(1), doc)
        return draft._replace(end=match.end(), unit=code, unit_kind="money")
    if doc.low.startswith(")", draft.end) and (match := CURRENCY_WORD_RE.match(doc.low, draft.end + 1)):
        return draft._replace(unit=_currency_code(match.group(1), doc), unit_kind="money")
    if keep_code:
        return draft
    return _with_time_or_measure(draft, doc)


def _after_bracket(draft: _Draft, doc: _Doc) -> int:
    """Return where the words after a number start: past ")" when the number is bracketed."""
    if draft.start and doc.low[draft.start - 1] == "(" and doc.low.startswith(") ", draft.end):
        return draft.end + 1
    return draft.end


def _names_a_thing(doc: _Doc, end: int) -> bool:
    """Return whether the noun after an adjectival "-jährige" is a known thing, not a person
    ("die zweijährige Haftstrafe" is a duration, "der 23-jährige Brasilianer" an age)."""
    match = PHRASE_RE.match(doc.text, end)
    head = _head_noun(match.group(1).split()[:3], doc.language) if match else None
    return head is not None and head[1] and not _is_person(head[0])


def _currency_code(word: str, doc: _Doc) -> str:
    """Return the ISO code for a currency word, resolving pesos from the country named."""
    code = CURRENCY_WORDS.get(word, "USD")
    if code != "PESO":
        return code
    return next((iso for country, iso in PESO_COUNTRIES if country in doc.low), "MXN")


def _with_time_or_measure(draft: _Draft, doc: _Doc) -> _Draft:
    """Return the draft extended over a time unit or measurement unit after it (read past the
    closing bracket of "(150) كلم" without extending the span)."""
    low, end = doc.low, _after_bracket(draft, doc)
    if end != draft.end:
        match = _TIME_UNIT_RE.match(low, end) or _MEASURE_RE.match(low, end)
        if match is None:
            return draft
        unit = _NORMALIZED_TIME_UNITS.get(normalize_arabic(match.group(1)))
        return (
            draft._replace(unit=unit, unit_kind="time")
            if unit
            else draft._replace(unit=MEASURE_UNITS[match.group(1)], unit_kind="measure")
        )
    glued = end < len(low) and low[end].isalpha()
    match = (_TIME_UNIT_GLUED_RE if glued else _TIME_UNIT_RE).match(low, end)
    if match is None and (adjective := TIME_ADJECTIVE_RE.match(low, end)) is not None:
        match = _TIME_UNIT_RE.match(low, adjective.end())
    if (
        match is not None
        and draft.kind != "vague"
        and doc.language in UNIT_LANGUAGES.get(match.group(1), doc.language + "|und")
    ):
        unit = _NORMALIZED_TIME_UNITS.get(normalize_arabic(match.group(1)))
        return draft._replace(end=match.end(), unit=unit, unit_kind="time")
    match = _MEASURE_RE.match(low, end)
    if match is not None and draft.kind != "vague" and not (match.group(1) == "m" and match.start(1) > end):
        return draft._replace(end=match.end(), unit=MEASURE_UNITS[match.group(1)], unit_kind="measure")
    return _with_arabic_one(draft, doc)


def _with_arabic_one(draft: _Draft, doc: _Doc) -> _Draft:
    """Return "يوم واحد" (noun + واحد) as one figure with the noun as unit."""
    if draft.kind != "article" or doc.text[draft.start : draft.end] not in ARABIC_ONE:
        return draft
    match = WORD_BEFORE_RE.search(doc.low[max(0, draft.start - 20) : draft.start])
    unit = _NORMALIZED_TIME_UNITS.get(normalize_arabic(match.group(1))) if match else None
    if unit is None or match is None:
        return draft._replace(kind="article")
    start = draft.start - len(match.group(0))
    return draft._replace(start=start, unit=unit, unit_kind="time", kind="exact")


def _merge_compound_durations(drafts: list[_Draft], doc: _Doc) -> list[_Draft]:
    """Return drafts with "2 years and 3 months" merged into one value in years."""
    merged: list[_Draft] = []
    for draft in drafts:
        prev = merged[-1] if merged else None
        if (
            prev
            and prev.unit == "year"
            and draft.unit == "month"
            and prev.value is not None
            and draft.value is not None
            and COMPOUND_GAP_RE.fullmatch(doc.low[prev.end : draft.start])
        ):
            value = prev.value + draft.value / 12
            merged[-1] = prev._replace(end=draft.end, value=value, lower=value, upper=value)
            continue
        merged.append(draft)
    return merged


def _with_qualifier(draft: _Draft, doc: _Doc) -> _Draft:
    """Return the draft with qualifier and bounds read from the words around it."""
    if draft.kind == "range":
        return draft._replace(qualifier="range")
    if draft.kind == "vague":
        return draft._replace(qualifier="vague", value=None, upper=None)
    if draft.kind == "approx":
        return _approximate_noun(draft, doc)
    pre = PRE_QUALIFIER_RE.search(doc.low, max(0, draft.start - 28), draft.start)
    if pre is not None and pre.group(1) in PREPOSITION_QUALIFIERS and _is_adjectival(draft, doc):
        pre = None
    if pre is not None:
        return _bounded(draft._replace(start=pre.start(1)), PRE_QUALIFIERS[pre.group(1)])
    post = POST_QUALIFIER_RE.match(doc.low, draft.end)
    if post is not None and not NUMBER_AHEAD_RE.match(doc.low, post.end()):
        return _bounded(draft._replace(end=post.end()), POST_QUALIFIERS[post.group(1)])
    post = POST_QUALIFIER_AFTER_NOUN_RE.match(doc.low, draft.end)
    if post is not None:
        return _bounded(draft, POST_QUALIFIERS[post.group(1)])
    return draft


def _is_adjectival(draft: _Draft, doc: _Doc) -> bool:
    """Return whether the figure is a hyphenated modifier of a noun ("nine-month siege")."""
    return (
        "-" in doc.low[draft.start : draft.end] and draft.unit is not None and doc.low[draft.end : draft.end + 1] == " "
    )


def _bounded(draft: _Draft, qualifier: str) -> _Draft:
    """Return the draft with lower/upper set as the qualifier implies."""
    value = draft.value
    lower, upper = {
        "at_least": (value, None),
        "more_than": (value, None),
        "almost": (None, value),
        "up_to": (None, value),
        "at_most": (None, value),
        "less_than": (None, value),
        "approximately": (None, None),
    }.get(qualifier, (value, value))
    return draft._replace(qualifier=qualifier, lower=lower, upper=upper)


def _approximate_noun(draft: _Draft, doc: _Doc) -> _Draft:
    """Return "une vingtaine" / "un centenar" as an approximate value with its article."""
    article = APPROX_ARTICLE_RE.search(doc.low[max(0, draft.start - 8) : draft.start])
    start = draft.start - len(article.group()) if article else draft.start
    return draft._replace(start=start, qualifier="approximately", lower=None, upper=None)


def _drop_overlaps(drafts: list[_Draft]) -> list[_Draft]:
    """Return drafts without those swallowed by an earlier draft's unit ("12% por ciento")."""
    kept: list[_Draft] = []
    for draft in drafts:
        if kept and draft.start < kept[-1].end:
            if draft.start <= kept[-1].start:
                kept[-1] = draft
            continue
        kept.append(draft)
    return kept


def _keep_coordinated_articles(drafts: list[_Draft], doc: _Doc) -> list[_Draft]:
    """Return drafts plus "un/une/one" read as 1 when coordinated with a count ("deux garçons et une fille")."""
    kept: list[_Draft] = []
    for draft in drafts:
        if draft.kind != "article":
            kept.append(draft)
        if draft.kind != "exact" or draft.unit is not None:
            continue
        match = COORDINATED_ARTICLE_RE.match(doc.low, draft.end)
        if match is not None and match.group(1) in COORDINATED_ARTICLES:
            start, end = match.span(1)
            kept.append(_Draft(start, end, 1.0, 1.0, 1.0, "exact", False))
    return _drop_overlaps(kept)


def _with_object(draft: _Draft, doc: _Doc) -> _Draft:
    """Return the draft with the counted noun (English, singular) and age reading."""
    if draft.unit_kind == "money" or draft.unit_kind == "measure":
        return draft
    if draft.unit_kind == "percent":
        link = NOUN_LINK_RE.match(doc.low, draft.end)
        return _noun_after(draft, doc, link.end()) if link else draft
    if draft.unit_kind == "time":
        return _time_object(draft, doc)
    if UNDER_AGE_RE.search(doc.low, draft.start, draft.end):
        found = _noun_after(draft, doc, draft.end)
        if found.object is not None and _is_person(found.object):
            return found._replace(unit="year", unit_kind="time", age=True)
    if draft.kind in ("range", "exact") and BARE_AGE_PREFIX_RE.search(doc.low, max(0, draft.start - 24), draft.start):
        return draft._replace(unit="year", unit_kind="time", age=True)
    if _is_appositive_age(draft, doc):
        return draft._replace(unit="year", unit_kind="time", age=True)
    if _is_decade_age(draft, doc):
        return _decade_age(draft, doc)
    found = _noun_after(draft, doc, _after_bracket(draft, doc))
    if found.object is None and (link := NOUN_LINK_RE.match(doc.low, draft.end)) is not None:
        found = _noun_after(draft, doc, link.end())
    if found.object is None and (label := LABEL_BEFORE_RE.search(doc.text, max(0, draft.start - 50), draft.start)):
        return found._replace(object=_label_noun(label.group(1), doc.language))
    return found


def _label_noun(label: str, language: str) -> str | None:
    """Return the counted noun of a "Label: value" line ("Deaths: 24")."""
    for word in label.split():
        low = word.lower()
        translated = _lookup_noun(low)
        if translated != "":
            return translated
        if language in ("en", "und") and (
            low in ENGLISH_IRREGULAR_SINGULARS or (low.endswith("s") and len(low) > 3 and not low.endswith("ss"))
        ):
            return _singular(low)
    return None


def _time_object(draft: _Draft, doc: _Doc) -> _Draft:
    """Return a time figure read as age (with its person) or duration."""
    adjectival = (
        doc.text[draft.start : draft.end].count("-") > 0 and draft.end < len(doc.text) and doc.text[draft.end] == " "
    )
    if draft.age and adjectival and "-J" not in doc.text[draft.start : draft.end]:
        return _noun_after(draft, doc, draft.end)
    before = doc.low[max(0, draft.start - 40) : draft.start]
    if PRONOUN_DE_RE.search(before):
        return draft._replace(age=True)
    if (
        draft.unit == "year"
        and doc.low[draft.end : draft.end + 2].lstrip(" ").startswith(")")
        and NAME_BEFORE_BRACKET_RE.search(doc.text, max(0, draft.start - 30), draft.start)
    ):
        return draft._replace(age=True)
    if draft.age or AGE_PREFIX_RE.search(before):
        return draft._replace(age=True, object=_person_before(before))
    person = PERSON_DE_RE.search(before)
    if person and draft.unit in ("year", "month", "day", "week") and _translate(person.group(1)) in PERSON_NOUNS:
        return draft._replace(age=True, object=_translate(person.group(1)))
    if adjectival and doc.text[draft.start : draft.end].count(" ") == 0:
        return _noun_after(draft, doc, draft.end)
    return draft


def _person_before(before: str) -> str | None:
    """Return the person noun just before an age expression ("femme de 47 ans")."""
    match = PERSON_DE_RE.search(before)
    noun = _translate(match.group(1)) if match else None
    return noun if noun in PERSON_NOUNS else None


def _is_appositive_age(draft: _Draft, doc: _Doc) -> bool:
    """Return whether a bare number between commas after a name is an age ("Morelli, 54,")."""
    if not draft.has_digits or draft.value is None or not 1 <= draft.value < 120 or not draft.value.is_integer():
        return False
    return APPOSITIVE_AGE_RE.search(doc.text, max(0, draft.start - 30), draft.start) is not None and (
        doc.text[draft.end : draft.end + 1] in (",", ")")
        or doc.language in ("en", "und")
        and APPOSITIVE_END_RE.match(doc.text, draft.end) is not None
    )


def _is_decade_age(draft: _Draft, doc: _Doc) -> bool:
    """Return whether the number is a decade of life ("in her 70s")."""
    if not draft.has_digits or draft.value is None or draft.value % 10 or draft.value >= 200:
        return False
    return (
        doc.low[draft.end : draft.end + 1] == "s"
        and DECADE_OWNER_RE.search(doc.low, max(0, draft.start - 40), draft.start) is not None
    )


def _decade_age(draft: _Draft, doc: _Doc) -> _Draft:
    """Return "in her 70s" as an age range 70..79 with the person before it."""
    match = DECADE_AGE_RE.search(doc.low[max(0, draft.start - 40) : draft.start])
    noun = _translate(match.group(1)) if match and match.group(1) else None
    lower = draft.value
    return draft._replace(
        end=draft.end + 1,
        value=None,
        lower=lower,
        upper=(lower or 0) + 9,
        qualifier="range",
        kind="range",
        unit="year",
        unit_kind="time",
        age=True,
        object=noun if noun in PERSON_NOUNS else None,
    )


def _noun_after(draft: _Draft, doc: _Doc, position: int) -> _Draft:
    """Return the draft with the head noun of the (up to four) words starting at `position`."""
    if (abbreviation := ABBREVIATION_RE.match(doc.text, position)) is not None:
        position = abbreviation.end()
    match = PHRASE_RE.match(doc.text, position)
    head = _head_noun(match.group(1).split(), doc.language) if match else None
    if head is None or match is None:
        return draft
    noun, known = head
    return draft._replace(object=noun, object_known=known, noun_end=match.end())


def _head_noun(words: list[str], language: str) -> tuple[str, bool] | None:
    """Return (English singular head noun, known) of the words after a number, or None."""
    while words and words[0].lower() in NOUN_SKIP_WORDS:
        words = words[1:]
    if not words:
        return None
    first = ELISION_RE.sub("", words[0].lower())
    if (
        (first in FUNCTION_WORDS or first in NOUN_PHRASE_STOPS)
        and not (words[0].isupper() and len(first) > 1)
        or _is_number_word(first)
    ):
        return None
    translated = _lookup_noun(first)
    if translated != "":
        return (translated, True) if translated else None
    if language == "de":
        return _german_head(words)
    if language in ("en", "und") and first.replace("’", "'").isascii():
        return _english_head(words)
    return _foreign_head(first, language)


def _is_number_word(word: str) -> bool:
    """Return whether `word` is a unit, currency or percent word rather than a noun."""
    return word in TIME_UNITS or word in CURRENCY_WORDS or word in PERCENT_WORDS or word in MEASURE_UNITS


def _english_head(words: list[str]) -> tuple[str, bool] | None:
    """Return the English head noun: the first plural word, else the last content word."""
    chunk: list[str] = []
    for word in words:
        low = word.lower()
        if low.endswith(("'s", "’s")) and len(low) > 3:
            chunk = []
            continue
        if (low in NOUN_PHRASE_STOPS and not (word.isupper() and len(word) > 1)) or _is_number_word(low):
            break
        if chunk and low.endswith("ed") and not chunk[-1].endswith("ly") and low not in ENGLISH_IRREGULAR_SINGULARS:
            break
        chunk.append(low)
    for index, low in enumerate(chunk):
        if low in ENGLISH_IRREGULAR_SINGULARS or (low.endswith("s") and not low.endswith("ss") and len(low) > 2):
            return _compound(chunk, index), True
    while chunk and chunk[-1].endswith(("ed", "ing", "ised", "ized")):
        chunk.pop()
    return (_compound(chunk, len(chunk) - 1), True) if chunk else None


def _compound(chunk: list[str], index: int) -> str:
    """Return the singular head at `index`, joined with a neighbour if they form a known compound."""
    head = _singular(chunk[index])
    if index + 1 < len(chunk) and f"{head} {_singular(chunk[index + 1])}" in COMPOUND_NOUNS:
        return f"{head} {_singular(chunk[index + 1])}"
    if index and f"{chunk[index - 1]} {head}" in COMPOUND_NOUNS:
        return f"{chunk[index - 1]} {head}"
    return head


def _german_head(words: list[str]) -> tuple[str, bool] | None:
    """Return the first capitalised word (German nouns) after the number, in English if known."""
    for word in words[:3]:
        if word[:1].isupper():
            low = word.lower()
            found = _german_noun(low)
            if found == "":
                return low, False
            return (found, True) if found else None
        if word.lower() in NOUN_PHRASE_STOPS:
            return None
    return None


def _german_noun(low: str) -> str | None:
    """Return the English for a German noun or for the last part of a compound
    ("Sprengstoffanschläge" -> attack); '' if unknown, None if it names no counted thing."""
    for start in range(0, max(1, len(low) - 6)):
        if start and low[start - 1] != "-" and start < 3:
            continue
        part = low[start:]
        for form in (part, part[:-1] if part.endswith("n") else part, part[:-2] if part.endswith("en") else part):
            if form in NOUN_TRANSLATIONS:
                return NOUN_TRANSLATIONS[form]
    return ""


def _foreign_head(word: str, language: str) -> tuple[str, bool] | None:
    """Return a French/Spanish noun not in the lexicon, crudely singularised (unknown)."""
    if "\u0600" <= word[:1] <= "\u06ff" and ARABIC_NISBA_PLURAL_RE.search(normalize_arabic(word)):
        return "person", False
    if word in FUNCTION_WORDS or word.endswith(VERB_ENDINGS) or "\u0590" <= word[:1] <= "\u06ff":
        return None
    if word.endswith(("és", "ados", "idos", "ées")):
        return None
    if language == "fr" and word.endswith(("ais", "ois")):
        return word, False
    for plural, singular in FRENCH_PLURALS if language == "fr" else SPANISH_PLURALS:
        if word.endswith(plural) and len(word) > len(plural) + 1:
            return word[: -len(plural)] + singular, False
    return word, False


def _translate(word: str) -> str | None:
    """Return the English singular for a counted noun in any supported language."""
    low = word.lower()
    translated = _lookup_noun(low)
    if translated != "":
        return translated
    return _singular(low) if low.isascii() else None


def _lookup_noun(word: str) -> str | None:
    """Return the lexicon's English for a noun or one of its inflected forms; '' if unknown."""
    for form in _noun_forms(word):
        if form in NOUN_TRANSLATIONS:
            return NOUN_TRANSLATIONS[form]
        if form in _NORMALIZED_TRANSLATIONS:
            return _NORMALIZED_TRANSLATIONS[form]
    return ""


def _noun_forms(word: str) -> list[str]:
    """Return `word` and its likely singular/base forms (French/Spanish plurals, Arabic affixes)."""
    if word.isascii() or word[:1].isalpha() and not "\u0600" <= word[:1] <= "\u06ff":
        forms = [word]
        if word.endswith("aux"):
            forms.append(word[:-3] + "al")
        if word.endswith(("s", "x")):
            forms.append(word[:-1])
        if word.endswith("es"):
            forms.append(word[:-2])
        return forms
    base = normalize_arabic(word)
    stems = [base] + [base[len(p) :] for p in ARABIC_PREFIXES if base.startswith(p) and len(base) - len(p) > 2]
    forms = []
    for stem in stems:
        forms.append(stem)
        forms.extend(stem[: -len(x)] + y for x, y in ARABIC_SUFFIXES if stem.endswith(x) and len(stem) - len(x) > 1)
    return forms


def _singular(word: str) -> str:
    """Return an English noun in its singular form ("bodies" -> "body")."""
    if word in ENGLISH_IRREGULAR_SINGULARS:
        return ENGLISH_IRREGULAR_SINGULARS[word]
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "sses", "zes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 2:
        return word[:-1]
    return word


def _propagate_lists(drafts: list[_Draft], doc: _Doc) -> list[_Draft]:
    """Return drafts where bare list items take the unit/object of the item closing the list."""
    result = list(drafts)
    for index, draft in enumerate(result):
        chain = _bare_chain_before(result, index, doc)
        if not chain:
            continue
        if draft.unit_kind == "time":
            result = _time_list(result, chain, index, doc)
        elif draft.unit_kind == "percent":
            for item in chain:
                result[item] = result[item]._replace(unit="percent", unit_kind="percent", object=draft.object)
        elif draft.unit_kind is None and draft.kind == "exact":
            for item in chain:
                result[item] = result[item]._replace(object=draft.object, object_known=draft.object_known)
    return result


def _bare_chain_before(drafts: list[_Draft], index: int, doc: _Doc) -> list[int]:
    """Return indices of bare numbers listed right before `index` ("12, 15 et" 17 ans)."""
    chain: list[int] = []
    cursor = index
    while cursor > 0:
        item = drafts[cursor - 1]
        if item.unit is not None or item.object is not None or item.kind != "exact":
            break
        gap = doc.low[item.end : drafts[cursor].start]
        if LIST_GAP_RE.fullmatch(gap) is None and not (
            drafts[index].unit_kind == "percent" and ALTERNATIVE_GAP_RE.fullmatch(gap)
        ):
            break
        chain.insert(0, cursor - 1)
        cursor -= 1
    return chain


def _time_list(drafts: list[_Draft], chain: list[int], index: int, doc: _Doc) -> list[_Draft]:
    """Return drafts where a listed time unit applies to the whole list, as ages if so read."""
    closing = drafts[index]
    head = drafts[chain[0]]
    before = doc.low[max(0, head.start - 40) : head.start]
    person = _person_before(before)
    age = closing.age or person is not None or AGE_PREFIX_RE.search(before) is not None
    object_ = (closing.object or person) if age else None
    result = list(drafts)
    for item in [*chain, index]:
        result[item] = result[item]._replace(unit=closing.unit, unit_kind="time", age=age, object=object_)
    return result


def _with_category(draft: _Draft, doc: _Doc, index: int, drafts: list[_Draft]) -> _Draft:
    """Return the draft with its category (and a currency read from context for bare amounts)."""
    if draft.unit_kind == "percent":
        return draft._replace(category="percent")
    if draft.unit_kind == "money":
        return draft._replace(category="money", object=None)
    if draft.unit_kind == "time":
        return draft._replace(category="age" if draft.age else "duration")
    if draft.unit_kind == "measure":
        return draft._replace(category="quantity")
    if draft.scale and draft.object is None and (code := _recent_currency(draft, doc)):
        return draft._replace(category="money", unit=code)
    if draft.object is not None and draft.object_known and draft.object in KILLED_NOUNS:
        return draft._replace(category="killed")
    if draft.object is not None and draft.object_known and not _is_person(draft.object):
        return draft._replace(category="count")
    following = drafts[index + 1] if index + 1 < len(drafts) else None
    cue = _cue_category(draft, doc, drafts[index - 1] if index else None, following)
    if cue is not None:
        return draft._replace(category=cue)
    return draft._replace(category="people" if draft.object and _is_person(draft.object) else "count")


def _inherit_list_categories(drafts: list[_Draft], doc: _Doc) -> list[_Draft]:
    """Return drafts where a breakdown of people takes the event of the count before it."""
    result = list(drafts)
    for index in range(1, len(result)):
        draft, prev = result[index], result[index - 1]
        if _is_elliptic_count(draft, prev, doc):
            result[index] = draft._replace(category=prev.category)
            continue
        if draft.category != "people" or prev.category not in EVENT_CATEGORIES:
            continue
        gap = doc.low[prev.end : draft.start]
        if (
            len(gap) < 40
            and SENTENCE_END_RE.search(gap) is None
            and CUE_RE.search(doc.low, max(prev.end, prev.noun_end), draft.start) is None
        ):
            result[index] = draft._replace(category=prev.category)
    return result


# Word endings of persons: "-ist" (communist, cyclist), French "-ien"/"-ais"/"-ois" (demonyms).
PERSON_SUFFIXES = ("ist", "ien", "ienne", "ais", "ois", "eer")
NOT_PERSON_SUFFIXED = frozenset(CONTEXT_WORDS["not_person_suffixed"].split("|"))


def _is_elliptic_count(draft: _Draft, prev: _Draft, doc: _Doc) -> bool:
    """Return whether a bare count continues the people count before it ("three dead in the north and
    two in the south", "tres heridos en Lima y uno en Cusco")."""
    if draft.category != "count" or draft.object is not None or draft.unit is not None or prev.unit is not None:
        return False
    if prev.category not in EVENT_CATEGORIES and prev.category != "people":
        return False
    gap = doc.low[prev.end : draft.start]
    if _next_word(doc.low, draft.end) in AUXILIARY_VERBS:
        return False  # "11,300 died and some 28,600 were infected": a clause of its own
    return len(gap) < 60 and SENTENCE_END_RE.search(gap) is None and ELLIPSIS_GAP_RE.search(gap) is not None


def _is_person(noun: str) -> bool:
    """Return whether a (translated, singular) noun names people."""
    if noun in PERSON_NOUNS:
        return True
    if noun.endswith(("an", "ian", "ese", "i")) and len(noun) > 4 and noun not in ("plan", "loan", "scan"):
        return True
    return noun.endswith(PERSON_SUFFIXES) and len(noun) > 6 and noun not in NOT_PERSON_SUFFIXED


def _cue_category(draft: _Draft, doc: _Doc, previous: _Draft | None, following: _Draft | None = None) -> str | None:
    """Return the nearest category cue: just before, then forward in the clause, then backward
    (a cue right after the previous bare count belongs to that count)."""
    previous_end = previous.end if previous else 0
    owner_end = previous_end if previous and previous.unit is None else 0
    low = doc.low
    near = low[max(0, draft.start - 25) : draft.start]
    cut = CLAUSE_CUT_RE.search(near)
    immediate = CUE_RE.search(near, cut.end() if cut else 0)
    if immediate is not None:
        return immediate.lastgroup
    forward_end = _forward_end(doc, draft.end)
    if (
        following is not None
        and following.start < forward_end
        and RELATIVE_PART_RE.search(low, draft.end, following.start) is not None
    ):
        forward_end = following.start
    for forward in CUE_RE.finditer(low, draft.end, forward_end):
        if not _cue_of_other_noun(low, draft.end, forward.start()):
            return forward.lastgroup
    start = max(previous_end, draft.start - 70)
    window = low[start : draft.start]
    sentence_start = max(window.rfind(c) for c in ".!?\n؟;") + 1
    last = next(reversed(list(CUE_RE.finditer(window, sentence_start))), None)
    if last is None or (owner_end and start == owner_end and last.start() < 10):
        return None
    return last.lastgroup


def _cue_of_other_noun(low: str, end: int, cue_start: int) -> bool:
    """Return whether a cue after the number opens another noun phrase ("den verletzten Torhüter",
    "die Verletzte"), not the partitive of the counted one ("three of the dead")."""
    determiner = DETERMINER_BEFORE_RE.search(low, max(end, cue_start - 8), cue_start)
    return determiner is not None and PARTITIVE_GAP_RE.fullmatch(low, end, determiner.start()) is None


def _forward_end(doc: _Doc, end: int) -> int:
    """Return where the forward cue search stops: the end of the clause, at most 90 characters on."""
    stop = FORWARD_STOP_RE.search(doc.low, end, end + 100)
    return min(stop.end() if stop else len(doc.low), end + 90)


def _recent_currency(draft: _Draft, doc: _Doc) -> str | None:
    """Return the currency named in the 300 characters before a bare scaled amount."""
    reach = draft.start if (draft.scale or 0) >= 1e9 else 1000
    ends, matches = doc.currencies
    before = bisect_right(ends, draft.start)
    last = matches[before - 1] if before else None
    if last is None or last.start() < draft.start - reach:
        return None
    if last.group(2):
        return CURRENCY_SYMBOLS[last.group(2)]
    return _currency_code(last.group(1), doc)


def _to_figure(draft: _Draft, original: str) -> Figure:
    """Return the public record for a finished draft (span extended over trailing diacritics)."""
    end = draft.end
    while end < len(original) and "\u064b" <= original[end] <= "\u0652":
        end += 1
    draft = draft._replace(end=end)
    object_ = None if draft.category in ("money", "quantity") else draft.object
    if draft.category == "duration" and draft.noun_end < 0:
        object_ = None
    return Figure(
        start=draft.start,
        end=draft.end,
        text=original[draft.start : draft.end],
        value=draft.value,
        lower=draft.lower,
        upper=draft.upper,
        qualifier=draft.qualifier,
        unit=draft.unit,
        object=object_,
        category=draft.category or "count",
    )
