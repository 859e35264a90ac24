"""The counted object of a figure (`object`), and ages read from the words around it."""

from __future__ import annotations

import re

from flows.text.figure_lexicon import CONTEXT_WORDS, PERSON_NOUNS
from flows.text.figures.draft import Doc, Draft
from flows.text.figures.nouns import head_noun, is_person, label_noun, person_before, translate
from flows.text.figures.patterns import AGE_PREFIX_RE, LIST_GAP_RE, PERSON_DE_RE, PHRASE_RE, UNDER_AGE_RE
from flows.text.figures.units import after_bracket

ABBREVIATION_RE = re.compile(r" (?:[A-Z]\.){2,}(?= )")
BARE_AGE_PREFIX_RE = re.compile(rf"(?<!\w)(?:{CONTEXT_WORDS['bare_age_prefix']})\s*$")
PRONOUN_DE_RE = re.compile(r"(?<!\w)(?:el|la|le|los|las|les|celui|celle|ceux)\s+(?:de|d')\s*$")
DECADE_AGE_RE = re.compile(r"([^\W\d_]+),?\s+in\s+(?:her|his|their)\s+(?:early\s+|mid-?\s*|late\s+)?$")
NOUN_LINK_RE = re.compile(
    r"(?:\s+(?:of|des|del|der|de|du|von|من)(?!\w)\s*|\s+(?:d'|d’)\s*)(?:the\s+|its\s+|their\s+|his\s+|her\s+|"
    r"las\s+|los\s+|la\s+|les\s+|le\s+|l'|l’|el\s+|die\s+|der\s+|ces\s+|these\s+|those\s+)?"
)
# "Dana Price (38 ans)", "سامي (41 عاما)": a bracketed age right after a name.
NAME_BEFORE_BRACKET_RE = re.compile(r"(?:\b[A-Z][\w'’-]+|(?<![\w])(?!ال)[\u0621-\u064a]{2,})\s?\(\s?$")
DECADE_OWNER_RE = re.compile(
    r"(?<!\w)(?:her|his|their|my|your|our)\s+(?:(?:early|late|mid)[\s-]*$|(?:[^\W\d_]+\s+){1,4}(?:early|late|mid)[\s-]*$)|"
    r"(?<!\w)(?:her|his|their|my|your|our)\s+$"
)
LABEL_BEFORE_RE = re.compile(r"(?:^|\n)([^\W\d][^\n:]{0,40}):[ \t]*$")
APPOSITIVE_END_RE = re.compile(r"\.(?:\s|$)")
# Languages where "NOUN de N" after a person noun states an age with the unit left out.
AGE_DE_LANGUAGES = frozenset({"es", "fr", "pt"})
APPOSITIVE_AGE_RE = re.compile(r"[A-Z][\w'’-]+\s?[,(]\s?$")


def with_object(draft: Draft, doc: Doc) -> Draft:
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
        if found.object is not None and is_person(found.object):
            return found._replace(unit="year", unit_kind="time", age=True)
    if draft.kind in ("range", "exact") and BARE_AGE_PREFIX_RE.search(doc.low, max(0, draft.start - 24), draft.start):
        return draft._replace(unit="year", unit_kind="time", age=True)
    if _is_appositive_age(draft, doc):
        return draft._replace(unit="year", unit_kind="time", age=True)
    if (person := _person_of_bare_number(draft, doc)) is not None:
        return draft._replace(unit="year", unit_kind="time", age=True, object=person)
    if is_decade_age(draft, doc):
        return _decade_age(draft, doc)
    found = _noun_after(draft, doc, after_bracket(draft, doc))
    if found.object is None and (link := NOUN_LINK_RE.match(doc.low, draft.end)) is not None:
        found = _noun_after(draft, doc, link.end())
    if found.object is None and (label := LABEL_BEFORE_RE.search(doc.text, max(0, draft.start - 50), draft.start)):
        return found._replace(object=label_noun(label.group(1), doc.language))
    return found


def _time_object(draft: Draft, doc: Doc) -> Draft:
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
        return draft._replace(age=True, object=person_before(before))
    person = PERSON_DE_RE.search(before)
    if person and draft.unit in ("year", "month", "day", "week") and translate(person.group(1)) in PERSON_NOUNS:
        return draft._replace(age=True, object=translate(person.group(1)))
    if adjectival and doc.text[draft.start : draft.end].count(" ") == 0:
        return _noun_after(draft, doc, draft.end)
    return draft


def _is_appositive_age(draft: Draft, doc: Doc) -> bool:
    """Return whether a bare number between commas after a name is an age ("Morelli, 54,")."""
    if not draft.has_digits or draft.value is None or not 1 <= draft.value < 120 or not draft.value.is_integer():
        return False
    return APPOSITIVE_AGE_RE.search(doc.text, max(0, draft.start - 30), draft.start) is not None and (
        doc.text[draft.end : draft.end + 1] in (",", ")")
        or doc.language in ("en", "und")
        and APPOSITIVE_END_RE.match(doc.text, draft.end) is not None
    )


def _person_of_bare_number(draft: Draft, doc: Doc) -> str | None:
    """Return the person of a Romance "NOUN de N" with no noun after the number, an age with its unit left
    out ("el niño de cinco", "une femme de 40"), else None."""
    if doc.language not in AGE_DE_LANGUAGES or draft.kind != "exact" or draft.value is None:
        return None
    if not 1 <= draft.value < 120 or not draft.value.is_integer() or LIST_GAP_RE.match(doc.low, draft.end):
        return None  # a list ("de 18, 24 et 26 ans") takes the unit of its last item
    noun = person_before(doc.low[max(0, draft.start - 30) : draft.start])
    if noun is None or _noun_after(draft, doc, draft.end).object is not None:
        return None
    return noun


def is_decade_age(draft: Draft, doc: Doc) -> bool:
    """Return whether the number is a decade of life ("in her 70s")."""
    if not draft.has_digits or draft.value is None or draft.value % 10 or draft.value >= 200:
        return False
    return (
        doc.low[draft.end : draft.end + 1] == "s"
        and DECADE_OWNER_RE.search(doc.low, max(0, draft.start - 40), draft.start) is not None
    )


def _decade_age(draft: Draft, doc: Doc) -> Draft:
    """Return "in her 70s" as an age range 70..79 with the person before it."""
    match = DECADE_AGE_RE.search(doc.low[max(0, draft.start - 40) : draft.start])
    noun = translate(match.group(1)) if match and match.group(1) else None
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


def _noun_after(draft: Draft, doc: Doc, position: int) -> Draft:
    """Return the draft with the head noun of the (up to four) words starting at `position`."""
    if (abbreviation := ABBREVIATION_RE.match(doc.text, position)) is not None:
        position = abbreviation.end()
    match = PHRASE_RE.match(doc.text, position)
    head = head_noun(match.group(1).split(), doc.language) if match else None
    if head is None or match is None:
        return draft
    noun, known = head
    return draft._replace(object=noun, object_known=known, noun_end=match.end())
