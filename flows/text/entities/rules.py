"""Rule candidates: agency datelines, initial-and-surname names, government bodies, acronyms (English)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from flows.text.entities.base import Candidate, _words
from flows.text.entities.casing import is_caps_line
from flows.text.entities.evidence import has_person_evidence
from flows.text.entity_lexicon import (
    EVENT_WORDS,
    FIRST_NAMES,
    NON_NAME_ACRONYMS,
)
from flows.text.places import (
    Gazetteer,
    is_demonym,
    lookup_candidates,
    place_strength,
)

_DATELINE = re.compile(
    r"^(?P<city>[A-Z][A-Z.'’\-]+(?: [A-Z][A-Z.'’\-]+)*)"
    r"(?: ?, ?(?P<region>[A-Z][\w.'’\-]*(?: [A-Z][\w.'’\-]*)*))?"
    r"(?= ?,? ?(?:\((?:Reuters|AP|AFP)\)"
    r"|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d))",
    re.MULTILINE,
)


_GOV_BODY = re.compile(
    r"\b(?:[Ss]tate|[Tt]reasury|[Jj]ustice|[Cc]ommerce|[Dd]efen[cs]e|[Ee]nergy) [Dd]epartment\b"
    r"|\b(?:[Ff]oreign|[Dd]efen[cs]e|[Ii]nterior|[Ff]inance|[Hh]ealth|[Jj]ustice) [Mm]inistry\b"
)


_INITIAL_NAME = re.compile(r"(?<![\w.])[A-Z]\. (?P<surname>[A-Z][a-z]+(?:[-'][A-Za-z]+)?(?: [A-Z][a-z]+)?)\b")


BUSINESS_WORDS = re.compile(
    r"\b(?:shares|profit|revenue|earnings|stake|merger|acquisition|investors|dividend)\b", re.IGNORECASE
)


_ACRONYM = re.compile(r"(?<![\w.&-])[A-Z]{3,6}(?![\w.&-])")


# A form field ("SELLER :") or a word of an all-caps phrase ("MARKET REPORT") is no acronym.
_CAPS_NEIGHBOUR_BEFORE = re.compile(r"(?:^|[^\w])[A-Z]{2,} $")


_CAPS_NEIGHBOUR_AFTER = re.compile(r"^ ?:| [A-Z]{2,}(?![\w.&-])")


def dateline_candidates(text: str) -> list[Candidate]:
    """Return the places of agency datelines ("OSLO, May 4 (Reuters)", "AL-AIN, UAE, Oct 2")."""
    out = []
    for match in _DATELINE.finditer(text):
        for group in ("city", "region"):
            if match.group(group):
                out.append(Candidate(match.start(group), match.end(group), "LOC", "heuristic", 3.0))
    return out


def government_candidates(text: str) -> list[Candidate]:
    """Return lower-case government bodies ("state department", "foreign ministry") as ORG."""
    return [Candidate(m.start(), m.end(), "ORG", "heuristic") for m in _GOV_BODY.finditer(text)]


def initial_candidates(text: str, gazetteer: Gazetteer) -> list[Candidate]:
    """Return initial-and-surname names ("T. Vennik") as PERSON, unless a place ("S. Korea")."""
    out = []
    for match in _INITIAL_NAME.finditer(text):
        surname = match.group("surname")
        if (
            lookup_candidates(gazetteer, surname)
            and not surname[:1].islower()
            and (
                is_demonym(gazetteer, surname)
                or any(place_strength(e) == 3 for e in lookup_candidates(gazetteer, surname))
            )
        ):
            continue
        if is_demonym(gazetteer, surname) or surname.split()[-1].casefold() in EVENT_WORDS:
            continue
        out.append(Candidate(match.start(), match.end(), "PERSON", "heuristic", 2.0))
    return out


def as_company(text: str, cand: Candidate, spans: Sequence[Candidate]) -> Candidate:
    """Return a lone surname-like PERSON in business news as ORG when nothing says person."""
    if cand.label != "PERSON" or cand.canonical or len(_words(text, cand)) > 1:
        return cand
    surface = text[cand.start : cand.end]
    if surface.casefold() in FIRST_NAMES:
        return cand
    for other in spans:
        if text[other.start : other.end] == surface and has_person_evidence(text, other):
            return cand
    if re.search(r"\b\w+ " + re.escape(surface) + r"\b", text) and any(
        w.casefold() in FIRST_NAMES for w in re.findall(r"\b(\w+) " + re.escape(surface) + r"\b", text)
    ):
        return cand
    return replace(cand, label="ORG", method=f"{cand.method}+business")


def acronym_candidates(text: str, gazetteer: Gazetteer) -> list[Candidate]:
    """Return all-caps acronyms in running (not all-caps) lines as ORG, minus known non-names."""
    out, offset = [], 0
    for line in text.splitlines(keepends=True):
        if not is_caps_line(line):
            for match in _ACRONYM.finditer(line):
                word = match.group()
                if word.casefold() in NON_NAME_ACRONYMS or lookup_candidates(gazetteer, word):
                    continue
                if _CAPS_NEIGHBOUR_BEFORE.search(line, 0, match.start()) or _CAPS_NEIGHBOUR_AFTER.match(
                    line[match.end() : match.end() + 8]
                ):
                    continue
                out.append(Candidate(offset + match.start(), offset + match.end(), "ORG", "heuristic", 0.5))
        offset += len(line)
    return out
