"""Places need evidence beyond a gazetteer match; CLDR names in every corpus language; country points;
demonym codes; common words that are no names. All sentences are written for these tests."""

from __future__ import annotations

import pytest

from flows.io.models import load_gazetteer
from flows.text.entities import Candidate, NerModels, extract_entities, resolve_document
from flows.text.entities.evidence import context_countries
from flows.text.entities.plain_words import drop_plain_words, is_international_word, is_single_letter
from flows.text.entities.spans import trim_candidate
from flows.text.places import Gazetteer, GazetteerEntry, is_trusted, resolve_trusted, trusted_entries
from flows.text.records import Place


def _entry(gid: int, name: str, cc: str, kind: str = "city", pop: int = 0, primary: bool = True, capital=False):
    return GazetteerEntry(Place(gid, name, cc, 1.0, 2.0, kind), pop, primary, capital)


# Invented place names; word frequencies and official languages set by hand.
TOWN_WORD = _entry(1, "Tisch", "VE", pop=150_000)  # a city abroad named like a common German word
HOME_TOWN = _entry(2, "Quellbach", "DE", pop=8_000)  # a small town at home, rare name
FAR_TOWN = _entry(3, "Quellbach", "NZ", pop=9_000)  # a small namesake abroad
FAR_CITY = _entry(4, "Vorlund", "NZ", pop=300_000)  # a city abroad, no word anywhere
OTHER_NAME = _entry(12, "Quellbach", "DE", pop=3_000, primary=False)  # another name of a small town at home
CROWN_CITY = _entry(5, "Krona", "US", pop=160_000)  # a city abroad, a common word in Spanish
CAPITAL = _entry(6, "Tisch", "XX", pop=50_000, capital=True)
SUBDIVISION = _entry(7, "Oberwald", "DE", "admin1")
NORTH_A = _entry(8, "Norden", "BF", "admin1")
NORTH_B = _entry(9, "Norden", "CM", "admin1")
TINY = Gazetteer(
    names={
        "tisch": (TOWN_WORD,),
        "quellbach": (HOME_TOWN, FAR_TOWN),
        "vorlund": (FAR_CITY,),
        "krona": (CROWN_CITY,),
        "oberwald": (SUBDIVISION,),
        "norden": (NORTH_A, NORTH_B),
        "afghanville": (_entry(10, "Afghanville", "AF", pop=5_000), _entry(11, "Afghanville", "ZZ", pop=4_000)),
    },
    demonyms={"african": None, "afghan": "AF"},
    country_names={"AF": "Afghanistan", "DE": "Germany"},
    home_countries={"de": frozenset({"DE", "AT"}), "es": frozenset({"ES"}), "en": frozenset({"US", "GB"})},
    word_zipf={
        "de": {"tisch": 5.2, "oberwald": 5.3, "norden": 5.4},
        "es": {"krona": 4.6},
        "en": {},
    },
)


@pytest.mark.parametrize(
    ("entry", "name", "context", "labelled", "expected"),
    [
        (TOWN_WORD, "Tisch", (), False, False),  # a common word of the document's language
        (TOWN_WORD, "Tisch", (), True, False),  # even when a model labelled it a place
        (HOME_TOWN, "Quellbach", (), False, True),  # a rare name at home
        (OTHER_NAME, "Quellbach", (), False, False),  # a small town's other name: its country must be named
        (OTHER_NAME, "Quellbach", ("DE",), False, True),
        (FAR_TOWN, "Quellbach", (), False, False),  # a small town abroad, its country never named
        (FAR_TOWN, "Quellbach", ("NZ",), False, True),  # ... unless the document names its country
        (FAR_CITY, "Vorlund", (), False, True),  # a city abroad whose name is a word nowhere
        (CROWN_CITY, "Krona", (), False, False),  # a common word in another corpus language
        (CROWN_CITY, "Krona", (), True, True),  # a model label is evidence for a city
        (CROWN_CITY, "Krona Beach", (), False, True),  # a name of several words stands
        (CAPITAL, "Tisch", (), False, True),  # a capital is a landmark
        (SUBDIVISION, "Oberwald", (), False, True),  # a subdivision of one home country, however frequent
        (NORTH_A, "Norden", ("BF",), False, False),  # a subdivision name several countries share: a word
        (NORTH_A, "Norden", ("BF",), True, False),  # ... even labelled
    ],
)
def test_a_place_needs_evidence_beyond_the_match(entry, name, context, labelled, expected):
    assert is_trusted(TINY, entry, name, "de", frozenset(context), labelled) is expected


def test_resolution_only_picks_trusted_entries():
    assert resolve_trusted(TINY, "Quellbach", "de") == HOME_TOWN
    assert resolve_trusted(TINY, "Quellbach", "es", ("NZ",)) == FAR_TOWN
    assert resolve_trusted(TINY, "Quellbach", "es") is None
    assert trusted_entries(TINY, "Nowhere", "de") == ()


def test_demonym_of_a_continent_adds_no_country_to_the_context():
    text = "African envoys met in Afghanville."
    spans = [Candidate(0, 7, "NORP", "spacy"), Candidate(22, 33, "LOC", "spacy")]
    assert context_countries(text, spans, TINY) == frozenset()
    afghan = "Afghan envoys met in Afghanville."
    assert context_countries(afghan, [Candidate(0, 6, "NORP", "spacy")], TINY) == frozenset({"AF"})


def test_continent_demonym_does_not_pick_between_places_of_one_name():
    # "African" must not count as Afghanistan (AF): the town is trusted in Afghanistan only when
    # the document names that country, through "Afghan" but not through "African".
    def place_of(text: str) -> str | None:
        start, first = text.index("Afghanville"), text.split()[0]
        spans = [Candidate(0, len(first), "NORP", "spacy"), Candidate(start, start + 11, "LOC", "gazetteer")]
        places = [m.place for m in resolve_document(text, spans, TINY, "en") if m.label == "LOC"]
        return places[0].country_code if places and places[0] else None

    assert place_of("African envoys met in Afghanville.") is None
    assert place_of("Afghan envoys met in Afghanville.") == "AF"


@pytest.mark.parametrize(
    ("surface", "expected"),
    [("L", True), ("J.", True), ("UN", False), ("Li", False)],
)
def test_single_letters_are_no_names(surface, expected):
    assert is_single_letter(surface) is expected


def test_trailing_lower_case_words_belong_to_french_names():
    text = "Les ministres de l'Union européenne se sont réunis."
    start = text.index("Union")
    cand = Candidate(start, start + len("Union européenne"), "ORG", "spacy")
    kept = trim_candidate(text, cand, "fr")
    assert kept is not None and text[kept.start : kept.end] == "Union européenne"
    english = trim_candidate(text, cand, "en")
    assert english is not None and text[english.start : english.end] == "Union"


# --------------------------------------------------------------------------- real gazetteer


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


@pytest.mark.parametrize("name", ["Russia", "Russie", "Rusia", "Russland", "Россия", "روسيا", "Rosja"])
def test_cldr_names_in_every_corpus_language_resolve_to_one_country(gazetteer, name):
    entry = resolve_trusted(gazetteer, name, "en")
    assert entry is not None
    assert (entry.place.country_code, entry.place.geonames_id, entry.place.feature_type) == ("RU", 2017370, "country")


@pytest.mark.parametrize(("name", "language"), [("Lateinamerika", "de"), ("Afrique occidentale", "fr")])
def test_cldr_region_names_are_regions_without_a_country(gazetteer, name, language):
    entry = resolve_trusted(gazetteer, name, language)
    assert entry is not None and entry.place.feature_type == "region" and entry.place.country_code is None


def test_countries_have_a_representative_point(gazetteer):
    countries = {e.place for entries in gazetteer.names.values() for e in entries if e.place.feature_type == "country"}
    placed = [p for p in countries if p.latitude is not None and p.longitude is not None]
    assert len(placed) >= 0.95 * len(countries)
    france = resolve_trusted(gazetteer, "Frankreich", "de")
    assert france is not None and france.place.latitude is not None
    assert (round(france.place.latitude), round(france.place.longitude)) == (49, 2)  # Paris


@pytest.mark.parametrize(
    ("word", "language"),
    [
        ("Länder", "de"),
        ("Man", "de"),
        ("Mitte", "de"),
        ("Corona", "de"),
        ("Occident", "fr"),
        ("Nord", "fr"),
        ("Maison Blanche", "fr"),  # every word common
        ("Sam", "pl"),  # an alternate name of a capital, and a very common word
    ],
)
def test_common_words_of_the_language_are_no_places(gazetteer, word, language):
    assert resolve_trusted(gazetteer, word, language) is None
    assert resolve_trusted(gazetteer, word, language, ("FR", "SY")) is None  # whatever countries are named


@pytest.mark.parametrize(
    ("name", "language", "country"),
    [
        ("Wien", "de", "AT"),
        ("Graz", "de", "AT"),
        ("Bayern", "de", "DE"),
        ("Denver", "de", "US"),
        ("Corse", "fr", "FR"),
        # a country's or a home capital's name is among its language's commonest words
        ("Deutschland", "de", "DE"),
        ("Polska", "pl", "PL"),
        ("Россия", "ru", "RU"),
        ("Roma", "it", "IT"),
        ("مصر", "ar", "EG"),
    ],
)
def test_names_that_are_no_common_words_stay_places(gazetteer, name, language, country):
    entry = resolve_trusted(gazetteer, name, language)
    assert entry is not None and entry.place.country_code == country


def test_german_text_keeps_places_and_drops_common_words(gazetteer):
    text = "Man sagt, die Länder in der Mitte Europas hätten wegen Corona in Wien und Russland verhandelt."
    mentions = extract_entities([(text, "de")], NerModels(pipelines={}), gazetteer)[0]
    places = [(m.text, m.place.country_code if m.place else None) for m in mentions if m.label == "LOC"]
    assert places == [("Europas", None), ("Wien", "AT"), ("Russland", "RU")] or places == [
        ("Wien", "AT"),
        ("Russland", "RU"),
    ]


def test_platform_names_are_no_people_and_common_nouns_no_organisations(gazetteer):
    text = "She wrote on Twitter that the Church and the State had failed."
    spans = [
        Candidate(13, 20, "PERSON", "spacy"),
        Candidate(30, 36, "ORG", "spacy"),
        Candidate(45, 50, "ORG", "spacy"),
    ]
    kept = drop_plain_words(text, spans, gazetteer, "en")
    assert [(text[c.start : c.end], c.label) for c in kept] == [("Twitter", "ORG")]
    assert is_international_word(gazetteer, "Twitter") and not is_international_word(gazetteer, "Smith")
    assert not is_international_word(gazetteer, "Paul")  # a first name used everywhere is still a name


def test_a_surname_linked_to_a_full_name_stays_a_person(gazetteer):
    text = "Anna White spoke first. Later White left."
    spans = [Candidate(0, 10, "PERSON", "spacy"), Candidate(30, 35, "PERSON", "spacy", canonical="Anna White")]
    kept = drop_plain_words(text, spans, gazetteer, "en")
    assert [(text[c.start : c.end], c.label) for c in kept] == [("Anna White", "PERSON"), ("White", "PERSON")]
