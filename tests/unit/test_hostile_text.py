"""Hostile text: megabyte-long runs of one character class go through the text stages in linear time.

The guard is a ratio, not a time limit: each stage runs on the full text and on a tenth of it, and
the full run may take at most `LINEAR_RATIO` times as long (linear work gives about 10; a pattern
that retries a long run from every position, what these tests were written against, gives about
100). A busy machine slows both runs alike, so the guard holds under load; runs under
`NOISE_FLOOR_S` pass whatever the ratio, as their timings are mostly noise.

Entities are checked on their own pre- and post-processing (truecasing, the rule and gazetteer
scans) with an empty gazetteer, on shorter runs: they look every word up (about 10 µs a word,
linear). spaCy is not run here: its tokenizer is quadratic on long punctuation runs,
so the text it is given (`model_text`) blanks them and stops at a token limit; that is checked.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from flows.text.article import MAX_ARTICLE_CHARS, ArticleFailure, Tools, analyse_articles, place_figures
from flows.text.clean import clean_article
from flows.text.entities import (
    MODEL_MAX_TOKENS,
    NerModels,
    fallback_candidates,
    model_text,
    resolve_document,
    truecase,
)
from flows.text.figures import extract_figures
from flows.text.language import detect_language
from flows.text.places import Gazetteer
from flows.text.records import Article, EntityMention, Figure, Place

HOSTILE_CHARS = 1_000_000  # length of each run
ENTITY_CHARS = 100_000  # length of each run for the entity rules
RULE_LINE = 1999  # lines just short enough for every cleaning rule to judge them
RULE_LINES_CHARS = 500_000  # length of a text of such lines (every rule runs on every line)
LINEAR_RATIO = 30.0  # full run against a tenth of the text: ~10 when linear, ~100 when quadratic
NOISE_FLOOR_S = 0.5  # full runs faster than this pass without comparison
NO_PLACES = Gazetteer(names={}, demonyms={}, country_names={})

# One unit repeated to a megabyte on a single line; the comment names what it stresses.
RUNS = {
    "word characters": "a",  # e-mail local parts, URL hosts, label heads
    "dots": ".",  # e-mail local parts, read-more ellipses
    "digits": "1",  # number scanning
    "spaces": " ",  # a blank line without a newline
    "at signs": "@",  # e-mail and @mention patterns
    "hyphens": "-",  # URL hosts, ranges, separators
    "slashes": "/",  # dates, URL paths
    "arabic letters": "ب",  # word characters outside Latin
    "cjk": "中",  # word characters of a script without spaces
    "digits with commas": "1,",  # thousands separators
    "digits with spaces": "1 ",  # one number after another
    "percentages": "1%",  # one token of numbers with units
    "punctuation": "!?.,;:",  # sentence ends without words
    "dotted words": "a.",  # e-mail domains, abbreviations
    "words with at signs": "a@",  # e-mail patterns with no domain
    "hyphenated capitals": "A-",  # URL hosts, capitalised runs
    "capitalised words": "Ab ",  # entity candidates, gazetteer scans
    "capitals": "AB ",  # truecasing, acronyms
    "number words": "twenty-three ",  # spelled numbers
    "billions": "$1bn ",  # scaled amounts and their currency
    "phone numbers": "+1 234 567 8901 ",  # phone spans against number spans
    "prose": "The mayor said 12 residents were hurt in the storm on Monday. ",  # a normal single line
}


def _run(unit: str, size: int = HOSTILE_CHARS) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _seconds(work: Callable[[], object]) -> float:
    started = time.monotonic()
    work()
    return time.monotonic() - started


def _assert_linear(work: Callable[[int], object], size: int) -> None:
    """`work(size)` takes at most LINEAR_RATIO times as long as `work(size // 10)`.

    The tenth runs first as well, so one-off costs (imports, tables built on first use) are not
    counted in the full run; the faster of its two runs is the reference.
    """
    first_tenth = _seconds(lambda: work(size // 10))
    full = _seconds(lambda: work(size))
    if full < NOISE_FLOOR_S:
        return
    tenth = min(first_tenth, _seconds(lambda: work(size // 10)))
    assert full < LINEAR_RATIO * max(tenth, 0.01), f"{full:.2f} s on the full text, {tenth:.2f} s on a tenth"


@pytest.mark.parametrize("unit", list(RUNS.values()), ids=list(RUNS))
def test_text_stages_finish_on_a_megabyte_run(unit):
    _assert_linear(lambda size: _stages(_run(unit, size)), HOSTILE_CHARS)


@pytest.mark.parametrize("unit", [RUNS["dots"], RUNS["words with at signs"]], ids=["dots", "words with at signs"])
def test_text_stages_finish_on_half_a_megabyte_of_long_lines(unit):
    _assert_linear(lambda size: _stages(_run(_run(unit, RULE_LINE) + "\n", size)), RULE_LINES_CHARS)


def _stages(text: str) -> None:
    cleaned = clean_article(text)
    language = detect_language(cleaned.clean_text)
    extract_figures(cleaned.clean_text, language.language)
    assert len(cleaned.clean_text) <= len(text)


@pytest.mark.parametrize(
    "unit",
    [RUNS["capitalised words"], RUNS["capitals"], RUNS["prose"], RUNS["dots"]],
    ids=["capitalised words", "capitals", "prose", "dots"],
)
def test_entity_rules_finish_on_a_long_run(unit):

    def rules(size: int) -> None:
        text = _run(unit, size)
        assert len(truecase(text)) == len(text)  # offsets kept
        resolve_document(text, [], NO_PLACES, "en")
        fallback_candidates(text, NO_PLACES)

    _assert_linear(rules, ENTITY_CHARS)


def test_an_article_over_the_size_limit_is_quarantined_without_analysis():
    line = (RUNS["prose"] * (2 * MAX_ARTICLE_CHARS // len(RUNS["prose"]) + 1))[: 2 * MAX_ARTICLE_CHARS]
    tools = Tools(ner_models=NerModels(pipelines={}), gazetteer=NO_PLACES)
    started = time.monotonic()
    (outcome,) = analyse_articles([Article("huge", line)], tools)
    assert time.monotonic() - started < NOISE_FLOOR_S * 4  # refused on its length, before any stage reads it
    assert isinstance(outcome, ArticleFailure)
    assert outcome.code == "article_too_large"
    assert outcome.reason == "article too large (2,000,000 characters > 1,000,000 limit)"


@pytest.mark.parametrize(
    "unit",
    [RUNS["punctuation"], ",", "(((((a))))) ", RUNS["prose"]],
    ids=["punctuation", "commas", "brackets", "prose"],
)
def test_model_text_finishes_on_a_megabyte_run_and_leaves_the_model_little(unit):
    _assert_linear(lambda size: model_text(_run(unit, size)), HOSTILE_CHARS)
    assert len(model_text(_run(unit)).split()) <= MODEL_MAX_TOKENS


def test_placing_many_figures_among_many_places_in_one_sentence_finishes():
    unit = "Paris 12 "  # one sentence: a place, a number, again and again
    paris = Place(2988507, "Paris", "FR", 48.85, 2.35, "city")

    def place(count: int) -> None:
        text = unit * count
        places = [
            EntityMention(i * 9, i * 9 + 5, "Paris", "LOC", "spacy", "Paris", "loc-paris", paris) for i in range(count)
        ]
        figures = [
            Figure(i * 9 + 6, i * 9 + 8, "12", 12.0, 12.0, 12.0, "exact", None, None, "count") for i in range(count)
        ]
        placed = place_figures(text, figures, places)
        assert all(p.place is not None and p.place.start == p.figure.start - 6 for p in placed)

    _assert_linear(place, 10_000)
