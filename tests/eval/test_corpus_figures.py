"""The hand-annotated corpus figure samples: well-formed pointers into the shared corpus, and registered.

The fixture holds no corpus text (it may not be copied here); the checks that need the text read it from
`../shared/corpus` and skip when it is absent. The scores are gated in `test_gates.py` through the floors
of `evaluation/floors.py`, like every other set.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from evaluation.corpus_figures import (
    CORPORA,
    FIXTURE_DIR,
    SAMPLE_SIZE,
    SET_NAME,
    corpus_texts,
    read_fixture,
    sample_ids,
    text_sha1,
    window_end,
)
from evaluation.floors import FLOORS, UNSPLIT_SETS
from evaluation.runner import AREAS, area_of
from flows.text.vocabulary import FIGURE_CATEGORIES, FIGURE_QUALIFIERS

LANGUAGES = tuple(CORPORA)
FIELDS = {"corpus", "id", "sha1", "window_end", "figures"}
FIGURE_FIELDS = {"start", "end", "value", "lower", "upper", "qualifier", "unit", "category"}


@pytest.fixture(scope="module")
def corpus_dir(shared: Path) -> Path:
    corpus = shared / "corpus"
    if not corpus.is_dir():
        pytest.skip(f"shared corpus not found at {corpus}")
    return corpus


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_language_has_its_sample_of_distinct_documents(language: str) -> None:
    docs = read_fixture(language)
    assert len(docs) == SAMPLE_SIZE
    assert len({d["id"] for d in docs}) == len(docs)
    assert {d["corpus"] for d in docs} == {CORPORA[language]}


@pytest.mark.parametrize("language", LANGUAGES)
def test_lines_hold_pointers_and_figures_but_no_text(language: str) -> None:
    for doc in read_fixture(language):
        assert set(doc) == FIELDS, doc["id"]
        assert len(doc["sha1"]) == 40
        previous_end = 0
        for figure in doc["figures"]:
            assert set(figure) == FIGURE_FIELDS, (doc["id"], figure)
            assert previous_end <= figure["start"] < figure["end"] <= doc["window_end"], (doc["id"], figure)
            assert figure["category"] in FIGURE_CATEGORIES.codes and figure["qualifier"] in FIGURE_QUALIFIERS.codes
            previous_end = figure["end"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_bounds_follow_the_qualifier(language: str) -> None:
    for doc in read_fixture(language):
        for f in doc["figures"]:
            value, lower, upper = f["value"], f["lower"], f["upper"]
            expected = {
                "exact": (value, value),
                "approximately": (None, None),
                "at_least": (value, None),
                "more_than": (value, None),
                "almost": (None, value),
                "up_to": (None, value),
            }.get(f["qualifier"])
            if expected is not None:
                assert value is not None and (lower, upper) == expected, (doc["id"], f)
            elif f["qualifier"] == "range":
                assert value is None and lower < upper, (doc["id"], f)
            elif f["qualifier"] == "vague":
                assert value is None and lower is not None, (doc["id"], f)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_sample_is_the_seeded_draw_and_the_corpus_is_unchanged(language: str, corpus_dir: Path) -> None:
    docs = read_fixture(language)
    assert [d["id"] for d in docs] == sample_ids(corpus_dir, language)
    texts = corpus_texts(corpus_dir, language)
    for doc in docs:
        text = texts[doc["id"]]
        assert text_sha1(text) == doc["sha1"], doc["id"]
        assert doc["window_end"] == window_end(text)
        for figure in doc["figures"]:
            assert text[figure["start"] : figure["end"]].strip() == text[figure["start"] : figure["end"]]


def test_the_window_ends_at_the_first_sentence_end_past_its_length() -> None:
    text = "One short line. A second sentence goes on here. And a third."
    assert window_end(text, 20) == len("One short line. A second sentence goes on here.")
    assert window_end(text, 500) == len(text)


def test_the_set_is_an_unsplit_area_with_floors_per_language() -> None:
    assert area_of(SET_NAME) == SET_NAME and SET_NAME in AREAS
    assert SET_NAME in UNSPLIT_SETS
    assert {f"{SET_NAME}.{language}.f1" for language in LANGUAGES} <= set(FLOORS)


def test_the_guide_names_every_corpus_and_its_licence() -> None:
    guide = (FIXTURE_DIR / "README.md").read_text(encoding="utf-8")
    assert all(f"{language}.jsonl" in guide and name in guide for language, name in CORPORA.items())
    assert "research use only" in guide
