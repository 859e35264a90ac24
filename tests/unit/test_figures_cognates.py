"""English objects for foreign nouns the translation table lacks: a generated cognate table (invented words)."""

from __future__ import annotations

from flows.text.figures import extract_figures
from flows.text.figures.cognates import english_cognate, is_noun_lemma, is_participle, noun_cognate

ENGLISH = {"experience", "society", "university", "edition", "moment"}


def test_a_lemma_is_a_noun_singular_only_when_it_begins_the_word() -> None:
    assert is_noun_lemma("ediciones", "edición")
    assert not is_noun_lemma("compases", "compasar")  # a verb's lemma
    assert not is_noun_lemma("consiste", "consister")


def test_cognates_by_accent_and_suffix() -> None:
    assert english_cognate("expérience", "fr", ENGLISH.__contains__) == "experience"
    assert english_cognate("société", "fr", ENGLISH.__contains__) == "society"
    assert english_cognate("universidad", "es", ENGLISH.__contains__) == "university"
    assert english_cognate("momento", "es", ENGLISH.__contains__) == "moment"
    assert english_cognate("caja", "es", ENGLISH.__contains__) is None


def test_generated_table_reads_plurals() -> None:
    assert noun_cognate("ediciones", "es") == "edition"
    assert noun_cognate("universités", "fr") == "university"
    assert noun_cognate("edition", "en") is None


def test_french_te_plurals_are_nouns() -> None:
    assert not is_participle("universités", "fr")
    assert is_participle("tués", "fr")


def test_object_of_a_foreign_count_is_english() -> None:
    (figure,) = extract_figures("Se celebraron tres elecciones en el año.", "es")
    assert figure.object == "election"
    (figure,) = extract_figures("Il a visité trois universités.", "fr")
    assert figure.object == "university"
