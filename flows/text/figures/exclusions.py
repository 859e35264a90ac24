"""Numbers that are not figures: dates, times, years, identifiers, codes, list marks and scores."""

from __future__ import annotations

import re

from flows.text.figure_lexicon import (
    CONTEXT_WORDS,
    COORDINATED_ARTICLES,
    FRACTION_NOUNS,
    FUNCTION_WORDS,
    MEASURE_UNITS,
    NOUN_PHRASE_STOPS,
    NOUN_SKIP_WORDS,
    NOUN_TRANSLATIONS,
    PERCENT_WORDS,
    PERSON_NOUNS,
    PRE_QUALIFIERS,
    TIME_UNITS,
)
from flows.text.figures.dates import is_date_or_time, without_listed_days
from flows.text.figures.draft import Doc, Draft
from flows.text.figures.noise import is_noise_number
from flows.text.figures.nouns import has_counted_noun, next_word, translate
from flows.text.figures.objects import is_decade_age
from flows.text.figures.patterns import (
    AGE_SUFFIX_RE,
    CURRENCY_PREFIX_RE,
    LIST_GAP_RE,
    PERCENT_RE,
    UNDER_AGE_RE,
    WORD_RE,
)

ORDINAL_AFTER_RE = re.compile(r"(?:st|nd|rd|th|er|re|e|ème|eme|ième|º|ª|°(?!c))(?!\w)")
IDENTIFIER_BEFORE_RE = re.compile(rf"(?<!\w)(?:{CONTEXT_WORDS['identifier']})\s*\(?\s*$")
PHONE_RE = re.compile(r"0\d{8,}(?!\d)|\d{3}[-.]\d{3}[-.]\d{4}(?!\d)|\d{2,4}(?:-\d{2,4}){2,}(?!\d)")
CONTACT_BEFORE_RE = re.compile(rf"(?:{CONTEXT_WORDS['contact']})\W{{0,3}}$", re.I)
SCORE_CUE_RE = re.compile(rf"(?<!\w)(?:{CONTEXT_WORDS['score']})(?!\w)")
GERMAN_TIME_ADJECTIVE_RE = re.compile(r"(?:jährig|minütig|stündig|tägig|wöchig|monatig)")
ARABIC_CLITIC_BEFORE_RE = re.compile(r"(?:^|[^\w])(?:و|ب|ل|وب|ول)$")
ARABIC_ORDINAL_BEFORE_RE = re.compile(r"(?<!\w)و?ال\w+\s+$")
DIGIT_OR_SLASH_BEFORE_RE = re.compile(r"(?:\d|/) ?$")
LONG_DIGITS_RE = re.compile(r"\d{7,}")
LIST_MARKER_AFTER_RE = re.compile(r"[.)] +[^\W\d_]|[ \t]*[-–—][ \t]+[^\W\d_]|[ \t]{2,}[^\W\d_]")
LIST_MARKER_BEFORE_RE = re.compile(r"(?:^|\n|[:.;!?] +)[ \t]*$")
HYPHEN_COMPOUND_AFTER_RE = re.compile(r"-[^\W\d_]")
NAME_BEFORE_VAGUE_RE = re.compile(r"(?:\bthe|\bof|[a-z]\s[A-Z][a-z]+) $")
QUOTE_DECADE_AFTER_RE = re.compile(r"\d*s(?![^\W\d_])")
EMERGENCY_CALL_RE = re.compile(r"(?<!\d)(?:911|999|112)(?!\d)")
EMERGENCY_CONTEXT_RE = re.compile(
    r"(?:call(?:ed|ing|s)?|dial(?:ed|led|ing)?|a|the)\s+$|^\s*(?:call|hang|dispatch|operator|emergency)"
)
FOOTNOTE_BRACKET_BEFORE_RE = re.compile(r"[^\W\d_][ \u00a0]?\($")
FOOTNOTE_BRACKET_AFTER_RE = re.compile(r"\)[.,;:]")
HEADLINE_BEFORE_RE = re.compile(r"[A-Z][a-z]+ [A-Z][a-z]+ $")
NAME_AFTER_RE = re.compile(r" [A-Z][a-z]")
STREET_INITIAL_AFTER_RE = re.compile(r" [NSEW]\.? [A-Z][a-z]")
STREET_AFTER_RE = re.compile(rf" block of|,? (?:{CONTEXT_WORDS['street']})(?!\w)")
POSTCODE_RE = re.compile(r"\d{5}")
CAPITALISED_AFTER_RE = re.compile(r" [A-ZÀ-Ý][a-zà-ÿ]")
PAREN_ITEM_AFTER_RE = re.compile(r"\. +[A-ZÀ-Ý]")
FOOTNOTE_AFTER_RE = re.compile(r"[.,;:!?]|[ \t]*(?:\n|$)")
ENUMERATOR_RE = re.compile(r"(?:^|[\n:;,]\s*|\s{2,})\($")
DECADE_S_RE = re.compile(r"[’'‘]?s(?![^\W\d_])")
QUOTED_BEFORE_RE = re.compile(r"[“\"«„‘'] ?$")
QUOTED_AFTER_RE = re.compile(r" ?[”\"»“’']")
GERMAN_ORDINAL_AFTER_RE = re.compile(r"\.(?:[),;]|\s+(?:\d|[a-zäöüß]))")
# Polish writes ordinals as German does, a dot after the digits before a lowercase word ("75. rocznica").
POLISH_ORDINAL_AFTER_RE = re.compile(r"\.(?:[),;]|\s+(?:\d|[a-ząćęłńóśźż]))")
# Russian ordinal endings after a hyphen ("6-е место", "статья 5-й", "в 1990-х").
RUSSIAN_ORDINAL_AFTER_RE = re.compile(r"-(?:ы?й|ий|ой|ая|я|ое|е|ые|ого|го|ому|му|ом|м|ых|х|ым|ыми|ми|ую|ю)(?![^\W\d_])")
CLOCK_MINUTES_BEFORE_RE = re.compile(r"\d ?h ?$")
CODE_DIGITS_RE = re.compile(r"\d{5,}")
CODE_AFTER_RE = re.compile(r"\s*(?:[-–/|]|$)")
CAPITALISED_BEFORE_RE = re.compile(r"(?:^|[^.!?:;,\s]\s|\()([A-Z][\w-]*|[a-z]+[A-Z][\w-]*)[ \u00a0]$")
NEUF_ADJECTIVE_RE = re.compile(r"(?:tout|toute|à|flambant|du|le|la|de)\s+$")
LETTER_AFTER_SPACE_RE = re.compile(r" [^\W\d_]")
SENTENCE_START_RE = re.compile(r"(?:^|[.!?:;\n\"„“«(‘'*•\])»”…]\s*|^\s+|\s[-–—]\s*)$")
GERMAN_ORDINAL_BEFORE_RE = re.compile(r"(?<!\w)(?:der|die|das|den|dem|des|zum|zur|am|im|beim|vom|seit)\s+$")


def drop_excluded(drafts: list[Draft], doc: Doc) -> list[Draft]:
    """Return drafts that are figures; a number listed right after an excluded reference number
    is excluded too ("notes 336 and 351", "الدقائق 76 و84")."""
    kept: list[Draft] = []
    previous: Draft | None = None
    for draft in drafts:
        reason = _exclusion(draft, doc)
        excluded = reason is not None
        if (
            not excluded
            and previous is not None
            and draft.has_digits
            and previous.has_digits
            and LIST_GAP_RE.fullmatch(doc.low[previous.end : draft.start])
            and not has_counted_noun(doc, draft.end)
        ):
            excluded = True
        previous = draft if reason == "reference" and draft.kind == "exact" else None
        if reason == "date":
            kept = without_listed_days(kept, draft, doc)
        if not excluded:
            kept.append(draft)
    return kept


def _exclusion(draft: Draft, doc: Doc) -> str | None:
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
    if draft.has_digits and is_noise_number(draft, doc):
        return "reference"
    if draft.kind == "score" or is_date_or_time(draft, doc):
        return "date"
    if _is_identifier(draft, doc):
        return "reference"
    return "date" if draft.kind == "range" and _is_score(draft, doc) else None


def _is_identifier(draft: Draft, doc: Doc) -> bool:
    """Return whether the number belongs to a name, code, ordinal or list marker (G20, 2nd)."""
    return (
        _is_glued_or_marked(draft, doc)
        or _is_code_or_reference(draft, doc)
        or (draft.has_digits and _is_proper_name_number(draft, doc))
    )


def _is_glued_or_marked(draft: Draft, doc: Doc) -> bool:
    """Return whether letters, marks or brackets attached to the number make it a non-figure."""
    text, low, start, end = doc.text, doc.low, draft.start, draft.end
    before = text[max(0, start - 2) : start]
    if ARABIC_CLITIC_BEFORE_RE.search(text, max(0, start - 3), start):
        before = " "
    if (before[-1:].isalpha() and not is_unspaced_script(before[-1:])) or (
        before[-1:] in "-." and before[:1].isalpha() and not _hyphen_count_ok(doc, draft)
    ):
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
    if draft.has_digits and DECADE_S_RE.match(low, end) and not is_decade_age(draft, doc):
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
    if doc.language == "pl" and text[end - 1 : end].isdigit() and POLISH_ORDINAL_AFTER_RE.match(text, end):
        return True
    if draft.has_digits and RUSSIAN_ORDINAL_AFTER_RE.match(low, end):
        return True
    if end < len(text) and text[end].isalpha() and not _glued_suffix_ok(low, end) and not is_unspaced_script(text[end]):
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
    if next_word(low, end + (low[end : end + 1] == "-")) in FRACTION_NOUNS:
        return True
    if text[start:end] in ("عشر", "عشرة") and ARABIC_ORDINAL_BEFORE_RE.search(text[max(0, start - 12) : start]):
        return True
    return not draft.has_digits and _is_word_not_number(draft, doc)


def is_unspaced_script(char: str) -> bool:
    """Whether a letter is Chinese, Japanese or Korean: those scripts glue counters and particles to a
    number ("3万人", "1만 명"), so a letter touching it marks no identifier."""
    return "\u3040" <= char <= "\u9fff" or "\uac00" <= char <= "\ud7a3" or "\uf900" <= char <= "\ufaff"


def _is_code_or_reference(draft: Draft, doc: Doc) -> bool:
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


def _is_word_not_number(draft: Draft, doc: Doc) -> bool:
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


def _hyphen_count_ok(doc: Doc, draft: Draft) -> bool:
    """Return whether a hyphenated number is an age bracket before a person ("over-65 residents"), not "COVID-19"."""
    if UNDER_AGE_RE.search(doc.low, max(0, draft.start - 12), draft.end) is None:
        return False
    return translate(next_word(doc.low, draft.end)) in PERSON_NOUNS


def _glued_suffix_ok(low: str, end: int) -> bool:
    """Return whether letters glued to a number are a unit, scale, decade 's' or noun."""
    match = WORD_RE.match(low, end)
    word = match.group() if match else ""
    if word in ("s", "m", "bn", "k", "mn", "b") or word in MEASURE_UNITS or word in TIME_UNITS:
        return True
    if GERMAN_TIME_ADJECTIVE_RE.match(word):
        return True
    return word in NOUN_TRANSLATIONS or word in PERCENT_WORDS


def _is_proper_name_number(draft: Draft, doc: Doc) -> bool:
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
        not has_counted_noun(doc, draft.end)
        and not PERCENT_RE.match(doc.low, draft.end)
        and not AGE_SUFFIX_RE.match(doc.low, draft.end)
    )


def _is_score(draft: Draft, doc: Doc) -> bool:
    """Return whether a dash range of small numbers is a sports score."""
    if draft.lower is None or draft.upper is None or draft.upper > 20:
        return False
    sentence = doc.low[max(0, draft.start - 80) : draft.end + 80]
    if PERCENT_RE.match(doc.low, draft.end):
        return False
    return SCORE_CUE_RE.search(sentence) is not None and "-" in doc.low[draft.start : draft.end]
