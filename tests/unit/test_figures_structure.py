"""Category and object of a count from its dependency parse (invented sentences, the installed spaCy parsers)."""

from __future__ import annotations

import pytest

from flows.io.parsers import load_parsers
from flows.text.figures import extract_figures
from flows.text.figures.structure import read_structures
from flows.text.records import Figure


@pytest.fixture(scope="module")
def parsers() -> object:
    return load_parsers()


def _figure(text: str, language: str, parsers: object, number: str) -> Figure:
    parser = parsers.get(language)  # type: ignore[attr-defined]
    figures = extract_figures(text, language, parser)
    return next(f for f in figures if number in f.text)


def test_each_count_takes_the_predicate_of_its_own_clause(parsers: object) -> None:
    text = "The storm flooded the valley, and 14 tourists were injured while 3 drowned."
    assert _figure(text, "en", parsers, "14").category == "wounded"
    assert _figure(text, "en", parsers, "3").category == "killed"


def test_coordinated_nouns_share_the_predicate_after_them(parsers: object) -> None:
    text = "Officials said four nurses and two drivers were abducted near the border."
    assert _figure(text, "en", parsers, "four").category == "kidnapped"
    assert _figure(text, "en", parsers, "two").category == "kidnapped"


def test_counted_noun_read_past_an_age_modifier(parsers: object) -> None:
    text = "Health workers warned that 3,000 under-5 children could die this winter."
    figure = _figure(text, "en", parsers, "3,000")
    assert (figure.object, figure.category) == ("child", "killed")


def test_a_bare_percentage_is_a_share_of_its_subject(parsers: object) -> None:
    text = "In the northern provinces, farmers make up 40%."
    assert _figure(text, "en", parsers, "40%").object == "farmer"


def test_a_hyphened_noun_is_no_counted_object(parsers: object) -> None:
    text = "The council appointed a 9-member panel last week."
    assert _figure(text, "en", parsers, "9").object is None


def test_french_participle_after_the_noun_is_the_event(parsers: object) -> None:
    text = "Selon la préfecture, sept manifestants ont été interpellés samedi soir."
    assert _figure(text, "fr", parsers, "sept").category == "arrested"


def test_without_a_parser_the_clause_cues_decide() -> None:
    figures = extract_figures("The storm flooded the valley, and 14 tourists were injured.", "en")
    assert figures[0].category == "wounded"


def test_no_parser_for_a_language_reads_no_structure(parsers: object) -> None:
    assert read_structures([], None, parsers.get("ar")) == []  # type: ignore[arg-type, attr-defined]


def test_romance_person_de_bare_number_is_an_age() -> None:
    figure = extract_figures("La niña de ocho sufrió heridas leves.", "es")[0]
    assert (figure.category, figure.unit, figure.object) == ("age", "year", "girl")


def test_romance_list_of_ages_keeps_the_unit_of_its_last_item() -> None:
    figures = extract_figures("Tres mujeres de 25, 33 y 47 años fueron detenidas.", "es")
    assert [(f.unit, f.category) for f in figures[1:]] == [("year", "age")] * 3


@pytest.mark.parametrize(
    ("text", "language", "category", "object_"),
    [
        ("Il bilancio dei morti è salito a 31.", "it", "killed", None),
        ("Le bilan des morts s'élève désormais à 52.", "fr", "killed", "person"),
        ("The toll of the dead climbed to 18 on Friday.", "en", "killed", None),
    ],
)
def test_a_bare_count_a_tally_amounts_to_takes_its_event(
    text: str, language: str, category: str, object_: str | None
) -> None:
    figure = extract_figures(text, language)[0]
    assert (figure.category, figure.object) == (category, object_)


def test_a_tally_listing_two_events_decides_nothing() -> None:
    figures = extract_figures("The toll so far: 4 killed and 9 wounded.", "en")
    assert [f.category for f in figures] == ["killed", "wounded"]


def test_italian_conjunction_closes_the_clause_of_the_count_before() -> None:
    figures = extract_figures("Nel crollo 6 operai sono morti e 11 sono rimasti feriti.", "it")
    assert [f.category for f in figures] == ["killed", "wounded"]
