"""Canonical names, stable entity ids and resolved places of the final mentions."""

from __future__ import annotations

import hashlib

import simplemma

from flows.text.entities.base import Candidate
from flows.text.entity_lexicon import (
    ORG_ALIASES,
)
from flows.text.places import (
    Gazetteer,
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


_ORG_CANON = {normalize_name(alias): group[0] for group in ORG_ALIASES for alias in group}


def canonical_person(name: str) -> str:
    """Return a person's display name: spaces collapsed, all-caps recased."""
    name = " ".join(name.split())
    return name.title() if name.isupper() else name


def canonicalise(
    text: str,
    cased: str,
    spans: list[Candidate],
    gazetteer: Gazetteer,
    context: frozenset[str],
    language: str = "en",
) -> tuple[EntityMention, ...]:
    """Return frozen mentions with canonical names, entity ids and places resolved on evidence.

    A LOC that no trusted gazetteer entry explains stays a LOC without a place.
    """
    out = []
    for c in spans:
        surface = cased[c.start : c.end]
        place: Place | None = None
        if c.label == "LOC":
            entry = resolve_trusted(gazetteer, surface, language, context, labelled=c.method != "gazetteer")
            lemma = None if entry else place_lookup_name(surface, language)
            if lemma:
                entry = resolve_trusted(gazetteer, lemma, language, context, labelled=c.method != "gazetteer")
            place = entry.place if entry else None
            name = place.name if place else " ".join(surface.split())
            key = f"geonames:{place.geonames_id}" if place and place.geonames_id else normalize_name(name)
        elif c.label == "ORG":
            name = _ORG_CANON.get(normalize_name(surface), " ".join(surface.split()))
            key = normalize_name(name)
        elif c.label == "PERSON":
            name = canonical_person(c.canonical or surface)
            key = normalize_name(name)
        else:
            name = " ".join(surface.split())
            key = normalize_name(name)
        mention_id = entity_id(c.label, key)
        out.append(
            EntityMention(c.start, c.end, text[c.start : c.end], c.label, c.method, name, mention_id, place, c.model)
        )
    return tuple(out)
