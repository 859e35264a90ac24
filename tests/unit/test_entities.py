"""Entity stage: truecasing, span trimming, linking, gazetteer correction, ids, fallback.

Model-backed tests use the installed spaCy models and the real gazetteer, loaded once per module.
All sentences are written for these tests.
"""

from __future__ import annotations

import re

import pytest

from flows.io.models import load_gazetteer, load_ner_models
from flows.text.entities import (
    MODEL_MAX_TOKENS,
    MODEL_TOKEN_CHARS,
    Candidate,
    acronym_candidates,
    dateline_candidates,
    entity_id,
    extract_entities,
    is_caps_line,
    is_name_like,
    link_partial_names,
    model_text,
    settle_headline_spans,
    split_and_filter,
    trim_candidate,
    truecase,
    vote_labels,
)
from flows.text.entity_lexicon import read_rows
from flows.text.places import Gazetteer

# --------------------------------------------------------------------------- pure helpers


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("SOCCER - PORTO HOLD BENFICA TO DRAW .", True),  # wire sports headline
        ("TBILISI 2023-10-02", True),  # dateline: one caps word and a date
        ("Porto held Benfica to a draw on Sunday .", False),  # running text
        ("The IMF and NATO met .", False),  # acronyms inside running text
        ("2023-10-02", False),  # no letters at all
    ],
)
def test_is_caps_line_spots_headlines_and_datelines(line, expected):
    assert is_caps_line(line) is expected


@pytest.mark.parametrize(
    ("text", "expected_first_line"),
    [
        # Words seen in the body take their body casing; function words go lower-case.
        ("PORTO HOLD BENFICA IN LISBON\nPorto hold Benfica in Lisbon.", "Porto hold Benfica in Lisbon"),
        # Other words without body evidence are title-cased.
        ("PORTO HOLD BENFICA IN LISBON\nPorto drew with Benfica in Lisbon.", "Porto Hold Benfica in Lisbon"),
        # Unknown words are title-cased, known acronyms stay upper-case.
        ("EU ENVOY IN KHOJALY\nThe envoy arrived.", "EU envoy in Khojaly"),
        # Two-letter words that are no acronyms are recased too; stop words go lower-case.
        ("ST LOUIS AND DALLAS\nThey won.", "St Louis and Dallas"),
        # A known acronym stays upper-case even when it spells a stop word.
        ("US ENVOY IN OSLO\nThe envoy arrived.", "US envoy in Oslo"),
    ],
)
def test_truecase_recases_caps_lines_by_document_evidence(text, expected_first_line):
    cased = truecase(text)
    assert len(cased) == len(text)  # offsets are preserved
    assert cased.splitlines()[0] == expected_first_line


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("Baku's forces", (0, 6), "Baku"),  # ASCII possessive dropped
        ("Baku’s forces", (0, 6), "Baku"),  # typographic possessive dropped
        ("the Kremlin said", (0, 11), "Kremlin"),  # leading article dropped
        ("Kelby 114 all out", (0, 9), "Kelby"),  # trailing number dropped
        ("Brovapress news agency reported", (0, 22), "Brovapress"),  # trailing common nouns dropped
        ("U.S. officials", (0, 4), "U.S."),  # abbreviation keeps its final dot
    ],
)
def test_trim_candidate_keeps_the_name_only(text, span, expected):
    trimmed = trim_candidate(text, Candidate(span[0], span[1], "LOC", "spacy"))
    assert trimmed is not None and text[trimmed.start : trimmed.end] == expected


@pytest.mark.parametrize(
    ("text", "label", "expected"),
    [
        # Parts around " - " are separate names.
        ("Brovania - Tarla Vennik", "ORG", [("Brovania", "ORG"), ("Tarla Vennik", "ORG")]),
        # Competitions become MISC.
        ("Kelby Open", "LOC", [("Kelby Open", "MISC")]),
        # A span across lines is split per line.
        ("Kelby\nOstrov", "ORG", [("Kelby", "ORG"), ("Ostrov", "ORG")]),
        # Abbreviations and currency codes are no names.
        ("GMT", "ORG", []),
        ("NOK", "ORG", []),
    ],
)
def test_split_and_filter_cleans_model_spans(text, label, expected):
    parts = split_and_filter(text, Candidate(0, len(text), label, "spacy"))
    assert [(text[p.start : p.end], p.label) for p in parts] == expected


def test_link_partial_names_links_surname_to_full_name():
    text = "Viktor Orban spoke. Orban left."
    spans = [Candidate(0, 12, "PERSON", "spacy"), Candidate(20, 25, "ORG", "spacy")]
    linked = link_partial_names(text, spans)
    assert (linked[1].label, linked[1].canonical) == ("PERSON", "Viktor Orban")


def test_vote_labels_gives_one_label_per_surface_form():
    text = "Kessler met Kessler and Kessler."
    spans = [
        Candidate(0, 7, "PERSON", "spacy"),
        Candidate(12, 19, "ORG", "spacy"),
        Candidate(24, 31, "PERSON", "spacy"),
    ]
    assert [c.label for c in vote_labels(text, spans)] == ["PERSON", "PERSON", "PERSON"]


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("AL-AIN, United Arab Emirates, Oct 2 (Reuters) -", ["AL-AIN", "United Arab Emirates"]),
        ("YEREVAN, Oct 2 (Reuters) - Talks resumed.", ["YEREVAN"]),  # agency dateline
        ("TBILISI 2023-10-02\nText.", []),  # a caps word before a bare ISO date is no dateline
        ("NOTHING HERE\nJust text.", []),  # a caps line without date is no dateline
    ],
)
def test_dateline_candidates_find_wire_datelines(text, places):
    assert [text[c.start : c.end] for c in dateline_candidates(text)] == places


NO_PLACES = Gazetteer(names={}, demonyms={}, country_names={})


@pytest.mark.parametrize(
    ("text", "acronyms"),
    [
        ("Shares of ZOLTRA rose on Monday .", ["ZOLTRA"]),  # a ticker-like name in running text
        ("BUYER : Lower Valley Water Board", []),  # a form field label
        ("FIELD REPORT - Local papers say rain fell .", []),  # words of an all-caps phrase
        ("Talks with the ZPL and the Brovan party .", ["ZPL"]),  # a lone acronym stays
        ("Prices in NOK rose at 0900 GMT .", []),  # currency codes and time zones
    ],
)
def test_acronym_candidates_skip_field_labels_and_caps_phrases(text, acronyms):
    assert [text[c.start : c.end] for c in acronym_candidates(text, NO_PLACES)] == acronyms


def test_settle_headline_spans_checks_headline_guesses_against_the_body():
    text = "GOLF - VENNIK SEIZES SHARP LEAD .\nTarla Vennik led by two . Vennik was calm .\n"
    body_person = text.index("Vennik was")
    spans = [
        Candidate(7, 13, "ORG", "spacy"),  # "VENNIK": the body says PERSON
        Candidate(14, 31, "ORG", "spacy"),  # "SEIZES SHARP LEAD": never in the body, dropped
        Candidate(body_person, body_person + 6, "PERSON", "spacy"),
    ]
    out = settle_headline_spans(text, spans)
    assert [(text[c.start : c.end], c.label) for c in out] == [("VENNIK", "PERSON"), ("Vennik", "PERSON")]


def test_entity_id_is_a_stable_hash_of_label_and_key():
    assert entity_id("LOC", "geonames:174895") == entity_id("LOC", "geonames:174895")
    assert entity_id("LOC", "geonames:174895") != entity_id("ORG", "geonames:174895")
    assert re.fullmatch(r"[0-9a-f]{16}", entity_id("PERSON", "viktor orban"))


# --------------------------------------------------------------------------- with the models


@pytest.fixture(scope="module")
def extract():
    models, gazetteer = load_ner_models(("en", "fr")), load_gazetteer()

    def run(text: str, language: str = "en"):
        mentions = extract_entities([(text, language)], models, gazetteer)[0]
        for m in mentions:
            assert text[m.start : m.end] == m.text  # offsets always point into the input
        return mentions

    return run


def _pairs(mentions, labels=("PERSON", "ORG", "LOC", "NORP")):
    return [(m.text, m.label) for m in mentions if m.label in labels]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # spaCy GPE -> LOC, PERSON and ORG kept.
        (
            "Angela Merkel met managers of Siemens in Munich on Tuesday.",
            "en",
            [("Angela Merkel", "PERSON"), ("Siemens", "ORG"), ("Munich", "LOC")],
        ),
        # French PER -> PERSON.
        (
            "Emmanuel Macron a rencontré les dirigeants de Renault à Lyon mardi.",
            "fr",
            [("Emmanuel Macron", "PERSON"), ("Renault", "ORG"), ("Lyon", "LOC")],
        ),
        # A demonym is NORP, the country LOC.
        ("Armenian envoys flew to Armenia.", "en", [("Armenian", "NORP"), ("Armenia", "LOC")]),
    ],
)
def test_extract_entities_maps_model_labels(extract, text, language, expected):
    assert _pairs(extract(text, language)) == expected


def test_partial_name_gets_the_full_name_and_the_same_id(extract):
    mentions = extract("Prime Minister Viktor Orban spoke on Monday. Orban said the vote would wait.")
    people = [m for m in mentions if m.label == "PERSON"]
    assert [m.text for m in people] == ["Viktor Orban", "Orban"]
    assert {m.canonical_name for m in people} == {"Viktor Orban"}
    assert len({m.entity_id for m in people}) == 1


def test_repeat_the_model_missed_is_added_by_doc_consistency(extract):
    text = "Talks opened in Khojaly on Monday. Khojaly is quiet now, said a resident of Khojaly."
    locs = [m for m in extract(text) if m.text == "Khojaly"]
    assert len(locs) == 3 and {m.label for m in locs} == {"LOC"}


@pytest.mark.parametrize(
    ("text", "surface", "country"),
    [
        # Possessive: the place is "Baku", not "Baku's".
        ("Baku's forces advanced overnight.", "Baku", "AZ"),
        ("Baku’s envoy left for Vienna.", "Baku", "AZ"),
        # All-caps dateline.
        ("YEREVAN, Oct 2 (Reuters) - Armenian officials said talks would resume.", "YEREVAN", "AM"),
        # Town the small model calls a person, corrected by the gazetteer and context.
        ("Refugees reached Goris on Sunday after crossing from Azerbaijan into Armenia.", "Goris", "AM"),
    ],
)
def test_places_are_found_and_resolved(extract, text, surface, country):
    hits = [m for m in extract(text) if m.text == surface]
    assert hits and all(m.label == "LOC" and m.place and m.place.country_code == country for m in hits)


def test_place_missing_from_gazetteer_stays_unresolved(extract):
    hits = [m for m in extract("She fled the town of Martakert with her brother.") if m.text == "Martakert"]
    assert [(m.label, m.place) for m in hits] == [("LOC", None)]


def test_person_named_like_a_town_stays_a_person(extract):
    # "Lincoln" is a large US city; the honorific says person.
    mentions = extract("Mr Lincoln said the plan would work in Nebraska.")
    assert ("Lincoln", "PERSON") in _pairs(mentions)


@pytest.mark.parametrize(
    ("aliases", "canonical"),
    [
        (("US", "U.S.", "United States"), "United States"),
        (("Britain", "UK"), "United Kingdom"),
        (("EU", "European Union"), "European Union"),
    ],
)
def test_aliases_share_one_entity(extract, aliases, canonical):
    text = (
        "The US and the EU agreed. U.S. officials said the European Union and the United States "
        "would act. Britain and the UK joined."
    )
    hits = [m for m in extract(text) if m.text in aliases]
    assert {m.text for m in hits} == set(aliases)
    assert {m.canonical_name for m in hits} == {canonical}
    assert len({m.entity_id for m in hits}) == 1


def test_capital_named_for_its_government_stays_the_city(extract):
    hits = [m for m in extract("Moscow accused Washington of stoking tension.") if m.text == "Washington"]
    assert hits[0].canonical_name == "Washington"
    assert hits[0].place is not None and hits[0].place.geonames_id == 4140963


def test_entity_id_is_stable_across_documents_and_calls(extract):
    first = next(m for m in extract("Envoys met in Brussels.") if m.text == "Brussels")
    second = next(m for m in extract("Brussels hosted a summit on trade.") if m.text == "Brussels")
    assert first.entity_id == second.entity_id == entity_id("LOC", "geonames:2800866")


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # German: places by gazetteer (alternate name "Wien"), person by first-name heuristic.
        (
            "Die Delegation reiste von Berlin nach Wien, wo Angela Merkel sprach.",
            "de",
            [("Berlin", "LOC", "gazetteer"), ("Wien", "LOC", "gazetteer"), ("Angela Merkel", "PERSON", "heuristic")],
        ),
        # Arabic: no capitals, places still found by alternate names.
        (
            "وصل الوفد إلى الرياض قادما من القاهرة.",
            "ar",
            [("الرياض", "LOC", "gazetteer"), ("القاهرة", "LOC", "gazetteer")],
        ),
    ],
)
def test_languages_without_model_use_the_documented_fallback(extract, text, language, expected):
    assert [(m.text, m.label, m.method) for m in extract(text, language)] == expected


@pytest.mark.parametrize(
    ("surface", "expected"),
    [
        ("The", False),  # a sentence-initial function word
        ("However", False),
        ("Monday", False),  # weekdays and months are no names
        ("US", True),  # an acronym that spells a stop word
        ("Vennik", True),
    ],
)
def test_is_name_like_drops_function_words_not_acronyms(surface, expected):
    assert is_name_like(surface) is expected


def test_generated_word_lists_match_their_packages(build_script):
    builder = build_script("build_entity_data")
    built = builder.build()
    assert {"places_territory_names.tsv", "places_language_territories.tsv"} <= set(built)
    for name, content in built.items():
        assert (builder.DATA / name).read_text(encoding="utf-8") == content, f"rebuild {name}"
        assert read_rows(name), name


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Talks in Paris... ended!", "Talks in Paris... ended!"),  # ordinary punctuation stays
        ("Paris ------ Lyon", "Paris        Lyon"),  # a run of six marks is blanked
        ("x" * MODEL_TOKEN_CHARS + " Paris", " " * MODEL_TOKEN_CHARS + " Paris"),  # so is a run this long
        ("x" * (MODEL_TOKEN_CHARS - 1) + " Paris", "x" * (MODEL_TOKEN_CHARS - 1) + " Paris"),  # one shorter stays
        ("a " * (MODEL_MAX_TOKENS + 2), "a " * MODEL_MAX_TOKENS),  # read up to the token limit
    ],
)
def test_model_text_blanks_runs_no_name_is_made_of_and_stops_at_the_token_limit(text, expected):
    assert model_text(text) == expected
