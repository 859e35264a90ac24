"""Canonical names, stable entity ids and resolved places of the final mentions."""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

import simplemma

from flows.text.entities.base import Candidate
from flows.text.entities.names import NAME_WORD, clean_span, name_words, nominative_word, person_key, plain_key
from flows.text.entity_lexicon import (
    ORG_ALIASES,
)
from flows.text.places import (
    Gazetteer,
    GazetteerEntry,
    normalize_name,
    resolve_trusted,
)
from flows.text.records import EntityMention, Place


def entity_id(label: str, key: str) -> str:
    """Return the stable id of an entity: a hash of its label and canonical key."""
    return hashlib.sha1(f"{label}|{key}".encode()).hexdigest()[:16]


# Languages whose place names decline by case ("в Москве", "России") and whose model spans are
# inflected forms: a one-word place the gazetteer does not know is looked up by its simplemma lemma.
DECLINED_NAME_LANGUAGES = frozenset({"ru"})


def place_lookup_name(surface: str, language: str) -> str | None:
    """Return the nominative (simplemma lemma, capitalised) of a one-word declined place name, else None."""
    if language not in DECLINED_NAME_LANGUAGES or len(surface.split()) != 1 or surface.isupper():
        return None
    lemma = simplemma.lemmatize(surface, lang=language)
    lemma = lemma[:1].upper() + lemma[1:]
    return lemma if lemma != surface else None


def place_key(place: Place) -> str:
    """Return the key of a resolved place: its GeoNames id, else its country, kind and name (a
    subdivision or region), never the bare name an unresolved LOC of the same spelling has."""
    if place.geonames_id:
        return f"geonames:{place.geonames_id}"
    return f"place:{place.country_code or ''}:{place.feature_type}:{plain_key(place.name)}"


def is_area_word(text: str, surface: str, entry: GazetteerEntry) -> bool:
    """Return whether an English subdivision name is used in the document after "the" as a name of
    its own ("the West", "the North"): a part of the world, not the subdivision (English names a
    state or province without an article)."""
    if entry.place.feature_type not in ("admin1", "admin2"):
        return False
    return re.search(rf"\b[Tt]he\s+{re.escape(surface)}\b(?!\s+[A-Z])", text) is not None


_ORG_CANON = {normalize_name(alias): group[0] for group in ORG_ALIASES for alias in group}


def canonical_person(name: str) -> str:
    """Return a person's display name: spaces collapsed, all-caps recased."""
    name = " ".join(name.split())
    return name.title() if name.isupper() else name


def person_names(cased: str, spans: Sequence[Candidate], language: str) -> dict[int, tuple[str, str]]:
    """Return span index -> (display name, key) of each PERSON span.

    Declined words are brought to the document's nominative form; a one-word name is the full name
    of the document whose surname it is, when exactly one full name of the document has that surname.
    """
    fulls = {i: c.canonical or cased[c.start : c.end] for i, c in enumerate(spans) if c.label == "PERSON"}
    known = {word for full in fulls.values() for word in name_words(full, language)}
    names: dict[int, tuple[str, str]] = {}
    by_surname: defaultdict[str, set[tuple[str, str]]] = defaultdict(set)
    for i, full in fulls.items():
        nominative = [nominative_word(word, language, known) for word in name_words(full, language)]
        display = canonical_person(" ".join(nominative) if nominative != NAME_WORD.findall(full) else full)
        names[i] = (display, person_key(nominative) or plain_key(full))
        if len(nominative) >= 2:
            by_surname[person_key(nominative[-1:])].add(names[i])
    for i, (_, key) in names.items():
        linked = by_surname.get(key, set()) if " " not in key else set()
        if len(linked) == 1:
            names[i] = next(iter(linked))
    return names


def clean_spans(text: str, spans: Sequence[Candidate]) -> list[Candidate]:
    """Return the spans narrowed to their clean names (`names.clean_span`), those with no letter left dropped."""
    out = []
    for c in spans:
        found = clean_span(text, c.start, c.end)
        if found is not None:
            out.append(c if found == (c.start, c.end) else replace(c, start=found[0], end=found[1]))
    return out


def canonicalise(
    text: str,
    cased: str,
    spans: Sequence[Candidate],
    gazetteer: Gazetteer,
    context: frozenset[str],
    language: str = "en",
) -> tuple[EntityMention, ...]:
    """Return frozen mentions with canonical names, entity ids and places resolved on evidence.

    A LOC that no trusted gazetteer entry explains stays a LOC without a place. Each span is first
    narrowed to its clean name (`names.clean_span`: no quotes, brackets or list marks at its edges), a
    span with no letter left dropped.
    """
    spans = clean_spans(text, spans)
    people = person_names(cased, spans, language)
    out = []
    for index, c in enumerate(spans):
        surface = cased[c.start : c.end]
        place: Place | None = None
        if c.label == "LOC":
            entry = resolve_trusted(gazetteer, surface, language, context, labelled=c.method != "gazetteer")
            lemma = None if entry else place_lookup_name(surface, language)
            if lemma:
                entry = resolve_trusted(gazetteer, lemma, language, context, labelled=c.method != "gazetteer")
            if entry and language == "en" and is_area_word(cased, surface, entry):
                entry = None
            place = entry.place if entry else None
            name = place.name if place else " ".join(surface.split())
            key = place_key(place) if place else plain_key(name)
        elif c.label == "ORG":
            name = _ORG_CANON.get(normalize_name(surface), " ".join(surface.split()))
            key = plain_key(name)
        elif c.label == "PERSON":
            name, key = people[index]
        else:
            name = " ".join(surface.split())
            key = plain_key(name)
        mention_id = entity_id(c.label, key)
        out.append(
            EntityMention(c.start, c.end, text[c.start : c.end], c.label, c.method, name, mention_id, place, c.model)
        )
    return tuple(out)
