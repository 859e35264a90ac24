"""Mention spans narrowed to clean names (the aliases analysts read): invented names."""

from __future__ import annotations

import pytest

from flows.text.entities.base import Candidate
from flows.text.entities.canonical import clean_spans
from flows.text.entities.names import clean_span


@pytest.mark.parametrize(
    ("span", "name"),
    [
        ('ООО "Ромашка', "Ромашка"),  # the stray half of a quote pair
        ("«Зелёный союз", "Зелёный союз"),  # an opening quote at the edge
        ("«Зелёный союз»", "Зелёный союз"),  # a name wrapped whole in quotes
        ("Nordic Freight Alliance (NFA", "Nordic Freight Alliance"),  # an aside opened inside the span
        ("Ивана] Петрова", "Петрова"),  # a closing bracket without its opener
        ("(Agencia Sur)", "Agencia Sur"),
        ("@ventanilla_sur", "ventanilla_sur"),  # a handle's sign
        ("Partido (Verde)", "Partido (Verde)"),  # a balanced pair stays
        ("U.S.", "U.S."),  # abbreviation dots stay
        ("Anna K.", "Anna K."),
        ("Radio Norte/", "Radio Norte"),
    ],
)
def test_clean_span_keeps_the_clean_name(span: str, name: str) -> None:
    found = clean_span(span, 0, len(span))
    assert found is not None
    assert span[found[0] : found[1]] == name


def test_clean_spans_drop_a_span_without_letters() -> None:
    text = "/ Marta,"
    spans = [Candidate(0, 1, "ORG", "crf"), Candidate(0, 8, "PERSON", "crf")]
    assert [(c.start, c.end) for c in clean_spans(text, spans)] == [(2, 7)]


def test_polish_case_forms_of_places_are_trusted_by_their_lemma() -> None:
    from flows.io.models import load_gazetteer
    from flows.text.places import place_lemma, trusted_entries

    assert place_lemma("Francji", "pl") == "Francja"
    assert place_lemma("Francji", "de") is None  # only in languages that decline place names
    gazetteer = load_gazetteer()
    assert any(e.place.country_code == "FR" for e in trusted_entries(gazetteer, "Francji", "pl", labelled=True))
    assert not trusted_entries(gazetteer, "Francji", "pl")  # a model's label is the evidence
