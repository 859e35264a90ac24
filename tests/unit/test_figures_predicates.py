"""The predicate that governs a count decides its event (invented sentences)."""

from __future__ import annotations

import pytest

from flows.text.figures import extract_figures
from flows.text.figures.predicates import is_agent, lemma_category, own_clause


def categories(text: str, language: str) -> list[tuple[str, str]]:
    return [(f.text, f.category) for f in extract_figures(text, language)]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # each count keeps the event of its own clause
        ("Last month 8,000 people were infected and six died.", "en", [("8,000", "people"), ("six", "killed")]),
        (
            "Au total, 3 000 personnes ont été infectées et deux sont mortes.",
            "fr",
            [("3 000", "people"), ("deux", "killed")],
        ),
        ("The raid killed 7 and wounded 30.", "en", [("7", "killed"), ("30", "wounded")]),
        # coordinated phrases share the predicate after both
        ("Four men and two women were killed.", "en", [("Four", "killed"), ("two", "killed")]),
        # a verb's lemma, not a listed form ("hirió" -> herir)
        ("La explosión mató a 6 personas e hirió a 20.", "es", [("6", "killed"), ("20", "wounded")]),
        ("Nell'attacco sono morte 5 persone.", "it", [("5", "killed")]),
        # a passive's agent is no victim
        ("The guard was beaten by three men.", "en", [("three", "people")]),
        # persons left out or named by a collective noun
        ("Some 5,000 marched to the square.", "en", [("Some 5,000", "people")]),
        ("The island has a population of 9,000.", "en", [("9,000", "people")]),
        ("The army sent 400 personnel.", "en", [("400", "people")]),
        # a verb after the last conjunction governs the next count
        ("About 200 people live in the block and the fire killed 3.", "en", [("About 200", "people"), ("3", "killed")]),
        # an Arabic death idiom
        ("لقي 7 أشخاص مصرعهم في الحريق.", "ar", [("7", "killed")]),
    ],
)
def test_category_from_governing_predicate(text: str, language: str, expected: list[tuple[str, str]]) -> None:
    assert categories(text, language) == expected


def test_lemma_category_reads_inflected_verbs() -> None:
    assert lemma_category("hirió", "es") == "wounded"
    assert lemma_category("погибли", "ru") == "killed"
    assert lemma_category("marched", "en") is None
    assert lemma_category("قتل", "ar") is None  # Arabic is read by the cue patterns


def test_agent_and_clause_boundaries() -> None:
    low = "he was hit by at least 3 men"
    assert is_agent(low, low.index("at least 3") + len("at least "))
    assert not is_agent("they killed 3", len("they killed "))
    text = "12 were infected and 4 died"
    assert own_clause(text, 2, text.index("4"))
    text = "2 boys and 3 girls were hurt"
    assert not own_clause(text, 1, text.index("3"))


def test_an_english_adjective_between_a_count_and_its_time_unit() -> None:
    (figure,) = extract_figures("The reform adds two more years of school.", "en")
    assert (figure.category, figure.unit, figure.value) == ("duration", "year", 2.0)


def test_predicate_forms_come_from_the_lemma_table() -> None:
    assert lemma_category("matarán", "es") == "killed"
    assert lemma_category("evacuated", "en") == "displaced"


def test_a_year_word_before_a_year_is_no_unit_of_the_count_before() -> None:
    text = "أصاب المرض نحو 300 مليون شخص وقتل 900 ألف عام 2015."
    assert [(f.text, f.category, f.unit) for f in extract_figures(text, "ar")] == [
        ("نحو 300 مليون", "people", None),
        ("900 ألف", "killed", None),
    ]
