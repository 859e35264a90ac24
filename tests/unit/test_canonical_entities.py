"""One entity across languages and spellings; places on a map. All names and sentences are invented
for these tests (no real person is needed: the spellings follow the languages' romanisations)."""

from __future__ import annotations

import pytest

from flows.io.models import region_points
from flows.text.entities.base import Candidate
from flows.text.entities.canonical import canonicalise, is_area_word, person_names, place_key
from flows.text.entities.names import fold_name_word, name_words, nominative_word, person_key, plain_key
from flows.text.places import Gazetteer, GazetteerEntry, is_acronym, is_trusted, resolve_place
from flows.text.records import Place

NO_PLACES = Gazetteer(names={}, demonyms={}, country_names={})


@pytest.mark.parametrize(
    ("spellings", "same"),
    [
        # English, French ("ou", silent "e"), German ("W"), Polish ("Ł", "W"), Russian (Cyrillic)
        (["Boris Tulin", "Boris Touline", "Borys Tulin"], False),  # "Borys" is another first name
        (["Vadim Kurbin", "Vadim Kourbine", "Wadim Kurbin", "Wadim Kurbin", "Вадим Курбин"], True),
        (["Lev Grachev", "Lev Gratchev", "Lew Gratschew", "Лев Грачев"], True),  # "tch", "tsch", "w"
        (["Lev Grachev", "Lev Grachova"], False),
        (["Yuri Zaretsky", "Yuri Zaretskyy", "Yuri Zaretskiy", "Yuri Zaretskij", "Юрий Зарецкий"], True),
        (["Anna Sorel", "Anna Sorell", "Änna Sorel"], True),  # doubled letters and accents fold away
        (["Marc Sorel", "Marc Sorelle"], True),  # a silent final "e" is dropped from every name alike
        (["Marc Sorel", "Mark Sorel"], False),
        (["Anna Petrova", "Anna Petrov"], False),  # a woman's and a man's form of a surname stay apart
        (["Michel Barrat", "Mishel Barrat"], False),  # French "ch" stays "ch": a Latin name keeps its key
    ],
)
def test_person_key_merges_romanisations_of_one_name(spellings: list[str], same: bool) -> None:
    keys = {person_key(name.split()) for name in spellings}
    assert (len(keys) == 1) is same


@pytest.mark.parametrize(
    ("name", "language", "expected"),
    [
        ("Vadim Petrovitch Kourbine", "fr", ["Vadim", "Kourbine"]),  # a patronymic is no part of the key
        ("Вадим Петрович Курбин", "ru", ["Вадим", "Курбин"]),
        ("M. Kourbine", "fr", ["Kourbine"]),  # French "M." is Monsieur, not an initial
        ("M. Kourbine", "en", ["M", "Kourbine"]),  # English "M." is an initial
        ("Vadim Kourbine qu", "fr", ["Vadim", "Kourbine"]),  # a lower-case fragment after the name
        ("Jan van Dael", "en", ["Jan", "van", "Dael"]),  # a lower-case particle inside stays
        ("Anna Maria Holt", "en", ["Anna", "Maria", "Holt"]),  # a middle name stays
    ],
)
def test_name_words(name: str, language: str, expected: list[str]) -> None:
    assert name_words(name, language) == expected


def test_fold_name_word_transliterates_cyrillic_to_the_latin_key() -> None:
    assert fold_name_word("Курбин") == fold_name_word("Kourbine") == "kurbin"


@pytest.mark.parametrize(
    ("word", "language", "known", "expected"),
    [
        ("Курбина", "ru", {"Курбин"}, "Курбин"),  # genitive, the nominative named in the document
        ("Курбиным", "ru", {"Курбин"}, "Курбин"),  # instrumental
        ("Курбина", "ru", set(), "Курбина"),  # no nominative named: may be a woman's name, kept
        ("Зарецкого", "ru", set(), "Зарецкий"),  # adjectival surname: its nominative is regular
        ("Курбиным", "ru", set(), "Курбиным"),  # simplemma does not know this name: kept
        ("Владимира", "ru", set(), "Владимир"),  # simplemma's lemma is the word less a case ending
        ("Kurbina", "pl", {"Kurbin"}, "Kurbin"),
        ("Kurbina", "en", {"Kurbin"}, "Kurbina"),  # English does not decline names
        ("НАТО", "ru", set(), "НАТО"),  # capitals: an abbreviation, not declined
    ],
)
def test_nominative_word(word: str, language: str, known: set[str], expected: str) -> None:
    assert nominative_word(word, language, known) == expected


def _people(text: str, names: list[str], language: str = "en") -> list[tuple[str, str]]:
    spans, start = [], 0
    for name in names:
        start = text.index(name, start)
        spans.append(Candidate(start, start + len(name), "PERSON", "spacy"))
        start += len(name)
    found = person_names(text, spans, language)
    return [found[i] for i in range(len(spans))]


def test_a_declined_surname_joins_its_full_name_inside_a_russian_document() -> None:
    text = "Вадим Курбин приехал в город. Журналисты ждали Курбина у входа."
    full, single = _people(text, ["Вадим Курбин", "Курбина"], "ru")
    assert full == single == ("Вадим Курбин", person_key(["Vadim", "Kourbine"]))


def test_a_surname_two_people_of_the_document_share_stays_alone() -> None:
    text = "Maria Lind met Peter Lind at the port. Lind said nothing."
    maria, peter, lind = _people(text, ["Maria Lind", "Peter Lind", "Lind"])
    assert maria[1] != peter[1]
    assert lind[1] not in (maria[1], peter[1])


def test_a_surname_alone_never_takes_a_full_name_across_documents() -> None:
    [(_, full)] = _people("Peter Lind spoke first.", ["Peter Lind"])
    [(_, alone)] = _people("Lind spoke last.", ["Lind"])
    assert full != alone


def _mentions(text: str, names: list[str], language: str):
    spans, start = [], 0
    for name in names:
        start = text.index(name, start)
        spans.append(Candidate(start, start + len(name), "PERSON", "spacy"))
        start += len(name)
    return canonicalise(text, text, spans, NO_PLACES, frozenset(), language)


def test_one_entity_id_for_a_person_named_in_three_languages() -> None:
    docs = [
        ("en", "Vadim Kurbin arrived on Monday. Kurbin spoke briefly.", ["Vadim Kurbin", "Kurbin"]),
        ("fr", "Vadim Kourbine est arrivé lundi. Kourbine a parlé.", ["Vadim Kourbine", "Kourbine"]),
        (
            "ru",
            "Вадима Курбина встретили в понедельник. Вадим Курбин выступил. Курбину хлопали.",
            ["Вадима Курбина", "Вадим Курбин", "Курбину"],
        ),
    ]
    mentions = [m for language, text, names in docs for m in _mentions(text, names, language)]
    assert len({m.entity_id for m in mentions}) == 1
    assert {m.canonical_name for m in mentions} == {"Vadim Kurbin", "Vadim Kourbine", "Вадим Курбин"}


def test_organisation_keys_are_transliterated() -> None:
    assert plain_key("НАТО") == plain_key("NATO") == "nato"


def _entry(name: str, cc: str, kind: str) -> GazetteerEntry:
    return GazetteerEntry(Place(None, name, cc, 1.0, 2.0, kind), 0, True)


DISTRICT = _entry("Og", "SI", "admin2")
FAR_DISTRICT = _entry("Valdoro", "CO", "admin2")
FAR_PROVINCE = _entry("Valdoro", "CO", "admin1")
FAR_CITY = GazetteerEntry(Place(9, "Corsa", "ID", 1.0, 2.0, "city"), 180_000, True)
TINY = Gazetteer(
    names={"og": (DISTRICT,), "valdoro": (FAR_DISTRICT, FAR_PROVINCE), "corsa": (FAR_CITY,)},
    demonyms={},
    country_names={},
    home_countries={"en": frozenset({"GB"}), "it": frozenset({"IT"})},
    word_zipf={"en": {}, "it": {"corsa": 4.6}},  # between the towns' and the cities' thresholds
)


@pytest.mark.parametrize(
    ("entry", "name", "language", "context", "labelled", "expected"),
    [
        (DISTRICT, "OG", "en", ("SI",), True, False),  # capitals: an abbreviation
        (DISTRICT, "Og", "en", ("SI",), True, True),  # the name itself, its country named
        (FAR_DISTRICT, "Valdoro", "it", (), True, False),  # a district abroad, named bare
        (FAR_DISTRICT, "Valdoro", "it", ("CO",), True, True),
        (FAR_PROVINCE, "Valdoro", "it", (), True, True),  # a first-level subdivision labelled by a model
        (FAR_CITY, "Corsa", "it", (), True, False),  # a city abroad named by a common word of the language
        (FAR_CITY, "Corsa", "en", (), True, True),  # ... not one of this language
    ],
)
def test_places_need_more_than_capitals_or_a_bare_district_name(entry, name, language, context, labelled, expected):
    assert is_trusted(TINY, entry, name, language, frozenset(context), labelled) is expected


@pytest.mark.parametrize(("name", "expected"), [("IG", True), ("ASP", True), ("Ig", False), ("NORDLAND", False)])
def test_is_acronym(name: str, expected: bool) -> None:
    assert is_acronym(name) is expected


@pytest.mark.parametrize(
    ("text", "surface", "kind", "expected"),
    [
        ("Trade with the West grew. West officials agreed.", "West", "admin1", True),  # "the West": a world part
        ("Rain fell across the West Bank. West officials agreed.", "West", "admin1", False),  # another name
        ("Farmers in Nordland sold more.", "Nordland", "admin1", False),
        ("Trade with the West grew.", "West", "region", False),  # only subdivisions are checked
    ],
)
def test_is_area_word(text: str, surface: str, kind: str, expected: bool) -> None:
    assert is_area_word(text, surface, _entry(surface, "CM", kind)) is expected


def test_region_points_follow_their_anchor() -> None:
    rows = [("Upper Vale", "XX-01"), ("Old Realm", "XX"), ("Grey Sea", "43 34.5")]
    points = region_points(rows, countries={"XX": (10.0, 20.0)}, subdivisions={"XX-01": (1.5, 2.5)})
    assert points == {"Upper Vale": (1.5, 2.5), "Old Realm": (10.0, 20.0), "Grey Sea": (43.0, 34.5)}
    with pytest.raises(ValueError, match="Lost Land"):
        region_points([("Lost Land", "nowhere")], countries={}, subdivisions={})


def test_a_resolved_place_without_geonames_id_is_no_unresolved_name() -> None:
    text = "Rain fell on Valdoro. Valdoro voted."
    spans = [Candidate(13, 20, "LOC", "spacy"), Candidate(22, 29, "LOC", "spacy")]
    resolved = canonicalise(text, text, spans[:1], TINY_WITH_PROVINCE, frozenset({"CO"}), "it")
    unresolved = canonicalise(text, text, spans[1:], NO_PLACES, frozenset(), "it")
    assert resolved[0].place is not None and unresolved[0].place is None
    assert resolved[0].entity_id != unresolved[0].entity_id
    assert place_key(FAR_PROVINCE.place) == "place:CO:admin1:valdoro"


def test_a_first_level_subdivision_outranks_a_town_of_its_name() -> None:
    town = GazetteerEntry(Place(7, "Valdoro", "ZA", 1.0, 2.0, "city"), 66_000, True)
    gazetteer = Gazetteer(names={"valdoro": (town, FAR_PROVINCE)}, demonyms={}, country_names={})
    assert resolve_place(gazetteer, "Valdoro").place.feature_type == "admin1"
    big = GazetteerEntry(Place(8, "Valdoro", "ZA", 1.0, 2.0, "city"), 2_000_000, True)
    gazetteer = Gazetteer(names={"valdoro": (big, FAR_PROVINCE)}, demonyms={}, country_names={})
    assert resolve_place(gazetteer, "Valdoro").place.feature_type == "city"  # a city of millions stays first


TINY_WITH_PROVINCE = Gazetteer(
    names={"valdoro": (FAR_PROVINCE,)},
    demonyms={},
    country_names={},
    home_countries={"it": frozenset({"IT"})},
    word_zipf={"it": {}},
)
