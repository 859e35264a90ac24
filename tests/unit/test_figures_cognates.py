"""English objects for foreign nouns the translation table lacks: lemma, then cognate (invented words)."""

from __future__ import annotations

from flows.text.figures import extract_figures
from flows.text.figures.cognates import english_cognate, noun_lemma


def test_lemma_is_kept_only_for_a_noun() -> None:
    assert noun_lemma("ediciones", "es") == "edición"
    assert noun_lemma("compases", "es") is None  # simplemma reads a verb
    assert noun_lemma("edition", "en") is None  # English nouns are read by their own rules


def test_cognates_by_accent_and_suffix() -> None:
    assert english_cognate("expérience", "fr") == "experience"
    assert english_cognate("société", "fr") == "society"
    assert english_cognate("universidad", "es") == "university"
    assert english_cognate("caja", "es") is None  # no cognate: the lemma stays


def test_object_of_a_foreign_count_is_english() -> None:
    (figure,) = extract_figures("Se celebraron tres elecciones en el año.", "es")
    assert figure.object == "election"
    (figure,) = extract_figures("Il a visité trois universités.", "fr")
    assert figure.object == "university"
