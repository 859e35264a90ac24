"""The hand-annotated corpus entity samples: well-formed pointers into the shared corpus, and gated.

The fixture holds no corpus text (most of it may not be copied here); the checks that need the text
read it from `../shared/corpus` and skip when it is absent. The scores themselves are gated in
`test_gates.py` through the floors of `evaluation/floors.py` on each sample's check half, like every other set.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from evaluation.corpus_entities import (
    CORPORA,
    FIXTURE_DIR,
    corpus_texts,
    halves,
    read_fixture,
    sample_ids,
    set_name,
    text_sha1,
    window_end,
)
from evaluation.entities import SCORED
from evaluation.floors import FLOORS, UNSPLIT_SETS
from evaluation.runner import AREAS, area_of

LANGUAGES = tuple(CORPORA)
MIN_DOCS = 15
FIELDS = {"corpus", "id", "sha1", "window", "entities"}


@pytest.fixture(scope="module")
def corpus_dir(shared: Path) -> Path:
    corpus = shared / "corpus"
    if not corpus.is_dir():
        pytest.skip(f"shared corpus not found at {corpus}")
    return corpus


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_language_has_enough_annotated_documents(language: str) -> None:
    docs = read_fixture(language)
    assert len(docs) >= MIN_DOCS
    assert len({(d["corpus"], d["id"]) for d in docs}) == len(docs)
    assert {d["corpus"] for d in docs} <= set(CORPORA[language])


@pytest.mark.parametrize("language", LANGUAGES)
def test_lines_hold_pointers_and_mentions_but_no_text(language: str) -> None:
    for doc in read_fixture(language):
        assert set(doc) == FIELDS, doc["id"]
        assert len(doc["sha1"]) == 40
        start, end = doc["window"]
        assert start == 0 < end
        previous_end = 0
        for entity in doc["entities"]:
            assert entity["label"] in SCORED
            assert start <= previous_end <= entity["start"] < entity["end"] <= end, (doc["id"], entity)
            assert len(entity["text"]) == entity["end"] - entity["start"]
            previous_end = entity["end"]


def test_the_guide_names_every_corpus_and_its_licence() -> None:
    guide = (FIXTURE_DIR / "README.md").read_text(encoding="utf-8")
    for language, files in CORPORA.items():
        assert f"{language}.jsonl" in guide
        assert all(name in guide for name in files)
    assert "CC BY 4.0" in guide and "research use only" in guide


def test_the_window_ends_at_the_first_sentence_end_past_its_length() -> None:
    text = "One short line. A second sentence goes on here. And a third."
    assert window_end(text, 20) == len("One short line. A second sentence goes on here.")
    assert window_end(text, 500) == len(text)
    assert window_end("No sentence end at all in this text", 5) == len("No sentence end at all in this text")


def test_the_checksum_is_the_sha1_of_the_utf8_text() -> None:
    assert text_sha1("") == "da39a3ee5e6b4b0d3255bfef95601890afd80709"
    assert text_sha1("é") != text_sha1("e")


@pytest.mark.parametrize("language", LANGUAGES)
def test_offsets_slice_to_the_mention_in_the_unchanged_corpus_text(corpus_dir: Path, language: str) -> None:
    docs = read_fixture(language)
    texts = corpus_texts(corpus_dir, docs)
    for doc in docs:
        text = texts[(doc["corpus"], doc["id"])]
        assert text_sha1(text) == doc["sha1"], f"{doc['id']} changed since it was annotated"
        assert doc["window"] == [0, window_end(text)]
        for entity in doc["entities"]:
            assert text[entity["start"] : entity["end"]] == entity["text"], (doc["id"], entity)


@pytest.mark.parametrize("language", LANGUAGES)
def test_documents_are_the_seeded_random_sample_in_order(corpus_dir: Path, language: str) -> None:
    docs: list[dict[str, Any]] = read_fixture(language)
    assert [(d["corpus"], d["id"]) for d in docs] == sample_ids(corpus_dir, language)[: len(docs)]


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_language_is_gated_on_its_check_half(language: str) -> None:
    name = set_name(language)
    assert name not in UNSPLIT_SETS
    assert area_of(name) == "entities_corpus" and "entities_corpus" in AREAS
    assert f"{name}.f1" in FLOORS


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_halves_split_each_sample_evenly_by_record(language: str) -> None:
    docs = read_fixture(language)
    parts = halves(docs)
    tune, check = ({d["id"] for d in parts[half]} for half in ("tune", "check"))
    assert tune and check and not tune & check
    assert len(tune) + len(check) == len(docs) and abs(len(tune) - len(check)) <= len({d["corpus"] for d in docs})
