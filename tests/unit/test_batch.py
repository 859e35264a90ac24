"""Batches: deterministic ids, size-bounded (a file is split into parts by flows.io.parts, never here); rows under the
bytes read; article versions."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

import pytest

from flows.batch import BYTES_PER_ARTICLE, BatchRows, batch_id_for, build_batch, plan_batches
from flows.io.sources import InputFile, discover_files, doc_id_for
from flows.text.article import ArticleResult, BatchAnalysis
from flows.text.records import Article, CleanedText, LanguageGuess


def _file(name: str, size: int, sha: str = "0") -> InputFile:
    return InputFile(Path(f"/in/{name}"), sha * 64, size)


@pytest.mark.parametrize(
    ("sizes", "batch_docs", "expected"),
    [
        ([], 10, []),  # nothing to do
        ([100, 100, 100], 10, [3]),  # all fit in one batch
        ([100] * 5, 2, [2, 2, 1]),  # at most batch_docs files per batch
        ([BYTES_PER_ARTICLE * 3, 100, 100], 2, [1, 2]),  # a big file fills a batch alone
        ([BYTES_PER_ARTICLE * 50], 2, [1]),  # a file bigger than a batch comes here whole or as parts
    ],
)
def test_plan_batches_groups_files_in_order(sizes, batch_docs, expected):
    files = [_file(f"f{i}.txt", s) for i, s in enumerate(sizes)]
    batches = plan_batches(files, batch_docs)
    assert [len(b) for b in batches] == expected
    assert [f for b in batches for f in b] == files


def test_batch_id_depends_on_paths_and_contents_only():
    a, b = _file("a.txt", 1, "1"), _file("b.txt", 1, "2")
    assert batch_id_for([a, b]) == batch_id_for([_file("a.txt", 99, "1"), _file("b.txt", 5, "2")])
    assert batch_id_for([a, b]) != batch_id_for([a, _file("b.txt", 1, "3")])
    assert len(batch_id_for([a])) == 16


def test_batch_id_is_never_one_already_committed():
    files = [_file("a.txt", 1, "1")]
    first = batch_id_for(files)
    second = batch_id_for(files, taken={first})
    assert second != first and batch_id_for(files, taken={first, second}) not in {first, second}
    assert batch_id_for(files, taken={first}) == second  # still deterministic


def test_build_batch_ids_hash_the_bytes_read_and_skip_committed_ids(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_bytes(_jsonl({"id": "a", "text": "Before."}))
    (discovered,), _ = discover_files([path])
    path.write_bytes(_jsonl({"id": "a", "text": "After."}))
    (after,), _ = discover_files([path])
    first = _build([discovered]).stats.batch_id
    assert first == batch_id_for([after])
    committed = build_batch([discovered], _analyse, set(), "run", datetime(2026, 1, 2, tzinfo=UTC), None, {first})
    assert committed.stats.batch_id not in {first, batch_id_for([discovered])}


def _analyse(articles: Sequence[Article]) -> BatchAnalysis:
    """Every article analysed as itself: English, nothing removed, found or placed."""
    return BatchAnalysis(
        tuple(ArticleResult(a, CleanedText(a.text), LanguageGuess("en", 1.0), (), ()) for a in articles), ()
    )


def _build(files: list[InputFile], known: set[str] | None = None) -> BatchRows:
    return build_batch(files, _analyse, known or set(), "run", datetime(2026, 1, 1, tzinfo=UTC))


def _jsonl(*records: dict) -> bytes:
    return b"\n".join(json.dumps(r).encode() for r in records)


def test_build_batch_commits_a_file_replaced_after_discovery_under_the_hash_it_read(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_bytes(_jsonl({"id": "a", "text": "Before."}))
    (discovered,), _ = discover_files([path])
    path.write_bytes(_jsonl({"id": "a", "text": "After."}, {"id": "b", "text": "Added."}))
    rows = _build([discovered]).rows
    ((manifest),) = rows["inputs"]
    assert manifest["file_sha256"] == hashlib.sha256(path.read_bytes()).hexdigest() != discovered.sha256
    assert (manifest["size_bytes"], manifest["articles_loaded"]) == (path.stat().st_size, 2)
    assert [d["raw_text"] for d in rows["documents"]] == ["After.", "Added."]


def test_build_batch_commits_a_file_deleted_after_discovery_as_unread(tmp_path):
    path = tmp_path / "story.txt"
    path.write_bytes(b"A story.")
    (discovered,), _ = discover_files([path])
    path.unlink()
    rows = _build([discovered]).rows
    assert [(m["file_sha256"], m["size_bytes"], m["rejected"]) for m in rows["inputs"]] == [("", 0, 1)]
    assert [(q["reason_code"], q["file_sha256"]) for q in rows["quarantine"]] == [("unreadable", None)]
    assert rows["documents"] == [] and rows["article_versions"] == []


def test_build_batch_records_the_version_every_article_key_read(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_bytes(_jsonl({"id": "a", "text": "Known."}, {"text": "New."}, {"id": "c", "text": "New."}))
    (tmp_path / "story.txt").write_bytes(b"Story.")
    files, _ = discover_files([tmp_path])
    batch = _build(files, known={doc_id_for("Known.")})
    versions = [(v["article_key"], v["doc_id"]) for v in batch.rows["article_versions"]]
    assert versions == [
        (f"{feed}#id=a", doc_id_for("Known.")),  # already loaded: a duplicate, but still the key's version
        (f"{feed}#line=2", doc_id_for("New.")),  # no id: the line is the key
        (f"{feed}#id=c", doc_id_for("New.")),  # the same text again under another key
        (str(tmp_path / "story.txt"), doc_id_for("Story.")),  # a .txt file is one article: its path
    ]
    assert batch.doc_ids == {doc_id_for("New."), doc_id_for("Story.")}
