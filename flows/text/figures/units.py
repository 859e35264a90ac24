"""Units, currencies, qualifiers and bounds attached to a figure."""

from __future__ import annotations

import re

from flows.text.figure_lexicon import (
    CONTEXT_WORDS,
    COORDINATED_ARTICLES,
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    MEASURE_UNITS,
    PESO_COUNTRIES,
    POST_QUALIFIERS,
    PRE_QUALIFIERS,
    TIME_UNITS,
    UNIT_LANGUAGES,
)
from flows.text.figures.draft import Doc, Draft
from flows.text.figures.nouns import head_noun, is_person
from flows.text.figures.patterns import (
    AGE_SUFFIX_RE,
    CURRENCY_PREFIX_RE,
    CURRENCY_WORD_RE,
    PERCENT_RE,
    PHRASE_RE,
    SP,
    alternation,
)
from flows.text.numbers import normalize_arabic

NUMBER_AHEAD_RE = re.compile(r"\s*(?:\d|(?:une?|a|an|some)\s)")
PRE_QUALIFIER_RE = re.compile(rf"(?<!\w)و?({alternation(list(PRE_QUALIFIERS))})(?:{SP}*-|{SP}|\()*$")
POST_QUALIFIER_RE = re.compile(rf",?{SP}*({alternation(list(POST_QUALIFIERS))})(?!\w)")
POST_QUALIFIER_AFTER_NOUN_RE = re.compile(rf"{SP}+[^\W\d_]+{SP}+({alternation(list(POST_QUALIFIERS))})(?!\w)")
GERMAN_DURATION_SUFFIX_RE = re.compile(r"-?(minütig|stündig|tägig|wöchig|monatig)\w*")
TIME_ADJECTIVE_RE = re.compile(rf" (?:{CONTEXT_WORDS['time_adjective']})(?= )")
GERMAN_DURATION_UNITS = {"minütig": "minute", "stündig": "hour", "tägig": "day", "wöchig": "week", "monatig": "month"}
COORDINATED_ARTICLE_RE = re.compile(r"\s+(?:[^\W\d_]+\s+){0,3}?(?:et|and|y|und|e|ou|or|o)\s+([^\W\d_]+)(?!\w)")
COMPOUND_GAP_RE = re.compile(r"\s+(?:and|y|et|und|و)\s+")
WORD_BEFORE_RE = re.compile(r"([^\W\d_]+)\s+$")
APPROX_ARTICLE_RE = re.compile(r"(?<!\w)(?:une|un|una|a|some|quelque)\s+$")
PREPOSITION_QUALIFIERS = frozenset({"over", "under", "above", "below", "über", "unter"})
ARABIC_ONE = frozenset({"واحد", "واحدة", "واحده"})
_TIME_UNIT_RE = re.compile(rf"(?:{SP}|-)?({alternation(list(TIME_UNITS))})(?!\w)")
_TIME_UNIT_GLUED_RE = re.compile(rf"({alternation(list(TIME_UNITS))})(?!\w)")
_MEASURE_RE = re.compile(rf"(?:{SP}|-)?({alternation(list(MEASURE_UNITS))})(?![\w/])")
# "584 ألفا عام 2013": a year word followed by a year names the date, not the unit of the count before.
YEAR_AFTER_RE = re.compile(r"[ \u00a0]+(?:1[89]|20)\d\d(?!\d|[.,]\d)")
_NORMALIZED_TIME_UNITS = {normalize_arabic(k): v for k, v in TIME_UNITS.items()}


def with_unit(draft: Draft, doc: Doc) -> Draft:
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


def _with_currency_word(draft: Draft, doc: Doc, keep_code: bool) -> Draft:
    """Return the draft extended over a currency word after it, or over another unit."""
    if (match := CURRENCY_WORD_RE.match(doc.low, draft.end)) is not None:
        code = draft.unit if keep_code else currency_code(match.group(1), doc)
        return draft._replace(end=match.end(), unit=code, unit_kind="money")
    if doc.low.startswith(")", draft.end) and (match := CURRENCY_WORD_RE.match(doc.low, draft.end + 1)):
        return draft._replace(unit=currency_code(match.group(1), doc), unit_kind="money")
    if keep_code:
        return draft
    return _with_time_or_measure(draft, doc)


def after_bracket(draft: Draft, doc: Doc) -> int:
    """Return where the words after a number start: past ")" when the number is bracketed."""
    if draft.start and doc.low[draft.start - 1] == "(" and doc.low.startswith(") ", draft.end):
        return draft.end + 1
    return draft.end


def _names_a_thing(doc: Doc, end: int) -> bool:
    """Return whether the noun after an adjectival "-jährige" is a known thing, not a person
    ("die zweijährige Haftstrafe" is a duration, "der 23-jährige Brasilianer" an age)."""
    match = PHRASE_RE.match(doc.text, end)
    head = head_noun(match.group(1).split()[:3], doc.language) if match else None
    return head is not None and head[1] and not is_person(head[0])


def currency_code(word: str, doc: Doc) -> str:
    """Return the ISO code for a currency word, resolving pesos from the country named."""
    code = CURRENCY_WORDS.get(word, "USD")
    if code != "PESO":
        return code
    return next((iso for country, iso in PESO_COUNTRIES if country in doc.low), "MXN")


def _with_time_or_measure(draft: Draft, doc: Doc) -> Draft:
    """Return the draft extended over a time unit or measurement unit after it (read past the
    closing bracket of "(150) كلم" without extending the span)."""
    low, end = doc.low, after_bracket(draft, doc)
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
        and YEAR_AFTER_RE.match(low, match.end()) is None
    ):
        unit = _NORMALIZED_TIME_UNITS.get(normalize_arabic(match.group(1)))
        return draft._replace(end=match.end(), unit=unit, unit_kind="time")
    match = _MEASURE_RE.match(low, end)
    if match is not None and draft.kind != "vague" and not (match.group(1) == "m" and match.start(1) > end):
        return draft._replace(end=match.end(), unit=MEASURE_UNITS[match.group(1)], unit_kind="measure")
    return _with_arabic_one(draft, doc)


def _with_arabic_one(draft: Draft, doc: Doc) -> Draft:
    """Return "يوم واحد" (noun + واحد) as one figure with the noun as unit."""
    if draft.kind != "article" or doc.text[draft.start : draft.end] not in ARABIC_ONE:
        return draft
    match = WORD_BEFORE_RE.search(doc.low[max(0, draft.start - 20) : draft.start])
    unit = _NORMALIZED_TIME_UNITS.get(normalize_arabic(match.group(1))) if match else None
    if unit is None or match is None:
        return draft._replace(kind="article")
    start = draft.start - len(match.group(0))
    return draft._replace(start=start, unit=unit, unit_kind="time", kind="exact")


def merge_compound_durations(drafts: list[Draft], doc: Doc) -> list[Draft]:
    """Return drafts with "2 years and 3 months" merged into one value in years."""
    merged: list[Draft] = []
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


def with_qualifier(draft: Draft, doc: Doc) -> Draft:
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


def _is_adjectival(draft: Draft, doc: Doc) -> bool:
    """Return whether the figure is a hyphenated modifier of a noun ("nine-month siege")."""
    return (
        "-" in doc.low[draft.start : draft.end] and draft.unit is not None and doc.low[draft.end : draft.end + 1] == " "
    )


def _bounded(draft: Draft, qualifier: str) -> Draft:
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


def _approximate_noun(draft: Draft, doc: Doc) -> Draft:
    """Return "une vingtaine" / "un centenar" as an approximate value with its article."""
    article = APPROX_ARTICLE_RE.search(doc.low[max(0, draft.start - 8) : draft.start])
    start = draft.start - len(article.group()) if article else draft.start
    return draft._replace(start=start, qualifier="approximately", lower=None, upper=None)


def drop_overlaps(drafts: list[Draft]) -> list[Draft]:
    """Return drafts without those swallowed by an earlier draft's unit ("12% por ciento")."""
    kept: list[Draft] = []
    for draft in drafts:
        if kept and draft.start < kept[-1].end:
            if draft.start <= kept[-1].start:
                kept[-1] = draft
            continue
        kept.append(draft)
    return kept


def keep_coordinated_articles(drafts: list[Draft], doc: Doc) -> list[Draft]:
    """Return drafts plus "un/une/one" read as 1 when coordinated with a count ("deux garçons et une fille")."""
    kept: list[Draft] = []
    for draft in drafts:
        if draft.kind != "article":
            kept.append(draft)
        if draft.kind != "exact" or draft.unit is not None:
            continue
        match = COORDINATED_ARTICLE_RE.match(doc.low, draft.end)
        if match is not None and match.group(1) in COORDINATED_ARTICLES:
            start, end = match.span(1)
            kept.append(Draft(start, end, 1.0, 1.0, 1.0, "exact", False))
    return drop_overlaps(kept)
