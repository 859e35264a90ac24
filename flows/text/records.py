"""Frozen records passed between the pure text stages.

Offsets: `Removal` offsets point into the raw article text; `EntityMention` and `Figure`
offsets point into the cleaned text (`clean_text[start:end] == text`).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Removal:
    """One span of noise dropped from the raw text."""

    start: int
    end: int
    text: str
    reason: str


@dataclass(frozen=True)
class CleanedText:
    """The article body after cleaning, with an audit of every removal."""

    clean_text: str
    removed: tuple[Removal, ...] = ()
    repairs: tuple[str, ...] = ()


@dataclass(frozen=True)
class LanguageGuess:
    """Main language of a text (ISO 639-1 or `und`), its score and per-paragraph shares."""

    language: str
    score: float
    reason: str | None = None
    shares: tuple[tuple[str, float], ...] = ()


@dataclass(frozen=True)
class Place:
    """A gazetteer entry a LOC mention resolved to."""

    geonames_id: int | None
    name: str
    country_code: str | None
    latitude: float | None
    longitude: float | None
    feature_type: str


@dataclass(frozen=True)
class EntityMention:
    """One named-entity mention; `entity_id` is stable across documents and runs."""

    start: int
    end: int
    text: str
    label: str
    method: str
    canonical_name: str
    entity_id: str
    place: Place | None = None
    model: str = "rules"  # which model found it: a spaCy pipeline, "natasha", "gazetteer" or "rules"


@dataclass(frozen=True)
class Figure:
    """One quantity stated in the text, with its bounds and what it counts."""

    start: int
    end: int
    text: str
    value: float | None
    lower: float | None
    upper: float | None
    qualifier: str
    unit: str | None
    object: str | None
    category: str


@dataclass(frozen=True)
class Article:
    """One input article as the core sees it."""

    doc_id: str
    text: str
    source: str | None = None
    title: str | None = None
    metadata: dict[str, str] = field(default_factory=dict, compare=False, hash=False)
