"""Composition helpers (sentences, the place nearest a figure) and the per-article budget."""

from __future__ import annotations

import pytest

from flows.text.article import (
    SENTENCE_REACH,
    ArticleFailure,
    ArticleResult,
    Budget,
    Tools,
    analyse_articles,
    nearest_place,
    place_figures,
    sentence_spans,
)
from flows.text.entities import NerModels
from flows.text.places import Gazetteer
from flows.text.records import Article, EntityMention, Figure, Place


def _mention(text: str, start: int, label: str = "LOC", resolved: bool = True) -> EntityMention:
    place = Place(1, text, "AM", 40.0, 45.0, "city") if resolved else None
    return EntityMention(start, start + len(text), text, label, "spacy", text, f"id-{text}", place)


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


@pytest.mark.parametrize(
    ("text", "mentions", "place"),
    [
        # the nearest place is in the sentence before: the figure's own sentence names none
        ("Fighting went on in Goris. Later 20 died.", [("Goris", True)], None),
        # the place of the next sentence is no nearer for being closer in characters
        ("At least 20 died. Goris mourned.", [("Goris", True)], None),
        # an unresolved LOC (a disease name the model took for a place) places nothing
        ("Covid killed 20 in the region.", [("Covid", False)], None),
        # the unresolved LOC is skipped for the resolved one further away in the same sentence
        ("In Goris, Covid killed 20 people.", [("Goris", True), ("Covid", False)], "Goris"),
        # a line break (headline, list line) ends the sentence too
        ("Goris\n20 people died.", [("Goris", True)], None),
    ],
)
def test_place_figures_takes_only_a_resolved_place_of_the_figures_own_sentence(text, mentions, place):
    figure = Figure(text.index("20"), text.index("20") + 2, "20", 20.0, 20.0, 20.0, "exact", None, None, "killed")
    entities = [_mention(name, text.index(name), resolved=resolved) for name, resolved in mentions]
    (placed,) = place_figures(text, [figure], entities)
    assert (placed.place.text if placed.place else None) == place


def test_place_figures_clips_a_long_sentence_around_the_figure():
    text = "x" * (2 * SENTENCE_REACH) + " at least 20 " + "y" * (2 * SENTENCE_REACH) + "."
    figure = _figure("at least 20", text.index("at least"))
    (placed,) = place_figures(text, [figure], [_mention("Goris", 0)])  # the place is out of reach
    assert placed.sentence == text[figure.start - SENTENCE_REACH : figure.end + SENTENCE_REACH]
    assert placed.place is None


NO_MODELS = Tools(ner_models=NerModels(pipelines={}), gazetteer=Gazetteer(names={}, demonyms={}, country_names={}))


class _StepClock:
    """A clock that moves `step` seconds each time it is read."""

    def __init__(self, step: float) -> None:
        self.now, self.step = 0.0, step

    def __call__(self) -> float:
        self.now += self.step
        return self.now


def test_analyse_articles_refuses_an_article_over_the_size_limit_before_any_stage():
    big, small = Article("big", "x" * 101), Article("small", "Twenty people were killed on Monday.")
    outcomes = analyse_articles([big, small], NO_MODELS, budget=Budget(max_chars=100))
    assert isinstance(outcomes[0], ArticleFailure)
    assert (outcomes[0].code, outcomes[0].reason) == (
        "article_too_large",
        "article too large (101 characters > 100 limit)",
    )
    assert isinstance(outcomes[1], ArticleResult)


@pytest.mark.parametrize(
    ("step", "stage"),
    [
        (30.0, "cleaning"),  # the first check, after cleaning, already passes the budget
        (6.0, "language detection"),  # cleaning 6 s, then 12 s in all after language detection
        (3.5, "figures"),  # 7 s before entities, then 10.5 s with figures
    ],
)
def test_analyse_articles_stops_an_article_at_the_first_stage_past_the_time_budget(step, stage):
    article = Article("slow", "Twenty people were killed on Monday.")
    (outcome,) = analyse_articles([article], NO_MODELS, budget=Budget(max_seconds=10.0, clock=_StepClock(step)))
    assert isinstance(outcome, ArticleFailure)
    assert outcome.code == "over_time_budget"
    assert outcome.reason.startswith(f"used more than 10 s of CPU time in {stage} (")


def test_analyse_articles_within_budget_gives_results():
    article = Article("quick", "Twenty people were killed on Monday.")
    (outcome,) = analyse_articles([article], NO_MODELS, budget=Budget(max_seconds=10.0, clock=_StepClock(1.0)))
    assert isinstance(outcome, ArticleResult)
