"""Composition helpers: sentences and the place nearest a figure."""

from __future__ import annotations

import pytest

from flows.text.article import nearest_place, place_figures, sentence_spans
from flows.text.records import EntityMention, Figure


def _mention(text: str, start: int, label: str = "LOC") -> EntityMention:
    return EntityMention(start, start + len(text), text, label, "spacy", text, f"id-{text}")


def _figure(text: str, start: int) -> Figure:
    return Figure(start, start + len(text), text, 20.0, 20.0, None, "at_least", None, "people", "killed")


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("One. Two!", ["One.", "Two!"]),  # basic end marks
        ("He said “Go.” Then left.", ["He said “Go.”", "Then left."]),  # closing quote stays with its sentence
        ("Title line\nBody here.", ["Title line", "Body here."]),  # a line break ends a sentence
        ("وقتل 20 شخصا؟ نعم.", ["وقتل 20 شخصا؟", "نعم."]),  # Arabic question mark
        ("Costs $2.5m now.", ["Costs $2.5m now."]),  # a decimal point is no end
        ("", []),  # empty text
    ],
)
def test_sentence_spans_split_text_into_sentences(text, sentences):
    assert [text[s:e] for s, e in sentence_spans(text)] == sentences


def test_nearest_place_picks_the_closest_loc_in_the_sentence():
    text = "In Goris, near Stepanakert, at least 20 died. Baku said so."
    figure = _figure("at least 20", text.index("at least"))
    mentions = [
        _mention("Goris", 3),
        _mention("Stepanakert", 15),
        _mention("Baku", text.index("Baku")),
        _mention("UN", 0, "ORG"),
    ]
    (placed,) = place_figures(text, [figure], mentions)
    assert placed.place.text == "Stepanakert"
    assert placed.sentence == "In Goris, near Stepanakert, at least 20 died."
    assert nearest_place(figure, (0, 10), [_mention("Baku", 46)]) is None
