"""Files loaded in parts: a JSON Lines file larger than a batch becomes several batches, each line loaded once."""

from __future__ import annotations

import errno
import gzip
import json
import os
from collections.abc import Sequence
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

import pytest

from flows.batch import build_batch, plan_batches
from flows.deploy import new_input_files
from flows.io.parts import InputChanged, load_input, part_spans, plan_parts
from flows.io.sources import InputFile, discover_files, read_input, split_lines
from flows.settings import load_settings
from flows.tasks import is_complete, pending_files
from flows.text.article import ArticleResult, BatchAnalysis
from flows.text.records import Article, CleanedText, LanguageGuess
from warehouse import lake
from warehouse.schemas import TABLES

VOLATILE = {"loaded_at", "committed_at", "run_id"}


def _spans(data: bytes, part_bytes: int, committed: dict[int, int | None] | None = None) -> list:
    return part_spans(split_lines([data], -1), part_bytes, committed or {})


@pytest.mark.parametrize(
    ("data", "part_bytes", "committed", "expected"),
    [
        (b"aaaa\nbbbb\ncccc\n", 100, {}, [(0, None, 1)]),  # smaller than a part: one part
        (b"aaaa\nbbbb\ncccc\n", 5, {}, [(0, 5, 1), (5, 10, 2), (10, None, 3)]),  # a part per line
        (b"aaaa\nbbbb\ncccc\n", 6, {}, [(0, 10, 1), (10, None, 3)]),  # a part holds whole lines past its size
        (b"aaaa\n\n\n\nbbbb\n", 5, {}, [(0, 5, 1), (5, None, 2)]),  # blank lines go with the next line
        (b"aaaa\nbbbb\n\n\n\n\n\n", 5, {}, [(0, 5, 1), (5, None, 2)]),  # a blank tail stays in the last part
        (b"aaaa\nbbbb\ncccc\n", 5, {0: 5}, [(5, 10, 2), (10, None, 3)]),  # committed parts are not planned again
        (b"aaaa\nbbbb\ncccc\n", 5, {5: 10}, [(0, 5, 1), (10, None, 3)]),  # a hole left by a crash is filled
        (b"aaaa\nbbbb\ncccc\n", 100, {0: 5}, [(5, None, 2)]),  # planned with another size: the rest only
        (b"aaaa\nbbbb\ncccc\n", 5, {0: 5, 5: None}, []),  # all committed
    ],
)
def test_part_spans_cut_at_line_starts_around_the_committed_parts(data, part_bytes, committed, expected):
    assert _spans(data, part_bytes, committed) == expected


@pytest.mark.parametrize(
    ("parts", "complete"),
    [
        ({}, False),  # nothing committed
        ({0: None}, True),  # one part to the end
        ({0: 10, 10: None}, True),  # a chain from 0 to the end
        ({0: 10, 20: None}, False),  # a hole between 10 and 20
        ({10: None}, False),  # the start is missing
    ],
)
def test_is_complete_needs_parts_from_zero_to_the_end(parts, complete):
    assert is_complete(parts) is complete


def _record(n: int) -> dict:
    return {"id": f"r{n}", "text": f"Invented article number {n} reports on the harbour council. " * 8}


def _write(path: Path, lines: Sequence[str]) -> InputFile:
    data = "".join(f"{line}\n" for line in lines).encode()
    path.write_bytes(gzip.compress(data, mtime=0) if path.suffix == ".gz" else data)
    (file,), _ = discover_files([path])
    return file


def _read_all(file: InputFile, part_bytes: int) -> tuple[list[InputFile], list[tuple], list[tuple]]:
    parts = plan_parts(file, part_bytes)
    reads = [load_input(part) for part in parts]
    articles = [(a.line_number, a.external_id, a.article.doc_id) for r in reads for a in r.articles]
    rejects = [(r.line_number, r.code) for read in reads for r in read.rejected]
    return parts, articles, rejects


@pytest.mark.parametrize("name", ["feed.jsonl", "feed.jsonl.gz"])
def test_a_file_larger_than_a_part_is_read_in_parts_giving_what_a_whole_read_gives(tmp_path, name):
    lines = [json.dumps(_record(n)) for n in range(12)]
    lines.insert(7, "")  # a blank line: numbers still count it
    lines.insert(9, '{"id": "broken", "text": ')  # a broken line, in the second part
    file = _write(tmp_path / name, lines)
    whole = read_input(file)
    parts, articles, rejects = _read_all(file, part_bytes=2_000)
    assert len(parts) >= 3 and all(p.part is not None for p in parts)
    assert parts[0].part.start == 0 and parts[-1].part.end is None
    assert [a.part.end for a in parts[:-1]] == [b.part.start for b in parts[1:]]  # no gap, no overlap
    assert articles == [(a.line_number, a.external_id, a.article.doc_id) for a in whole.articles]
    assert rejects == [(10, "broken_json")] == [(r.line_number, r.code) for r in whole.rejected]
    assert parts[0].part.start <= _offset_of_line(lines, 10) and parts[1].part.start <= _offset_of_line(lines, 10)
    assert {load_input(p).sha256 for p in parts} == {whole.sha256}


def _offset_of_line(lines: Sequence[str], number: int) -> int:
    return sum(len(line) + 1 for line in lines[: number - 1])


def test_a_small_file_a_text_file_and_a_utf16_file_are_read_whole(tmp_path):
    small = _write(tmp_path / "small.jsonl", [json.dumps(_record(1))])
    text = tmp_path / "one.txt"
    text.write_text("An invented article about the harbour council. " * 100)
    (text_file,), _ = discover_files([text])
    utf16 = tmp_path / "wide.jsonl"
    utf16.write_text("\n".join(json.dumps(_record(n)) for n in range(10)), encoding="utf-16")
    (wide,), _ = discover_files([utf16])
    assert [plan_parts(f, 100) for f in (small, text_file, wide)] == [[small], [text_file], [wide]]


def test_a_part_of_a_file_changed_after_planning_is_not_read(tmp_path):
    path = tmp_path / "feed.jsonl"
    file = _write(path, [json.dumps(_record(n)) for n in range(6)])
    parts = plan_parts(file, 1_000)
    path.write_text(path.read_text() + json.dumps(_record(99)) + "\n")
    os.utime(path, ns=(0, 0))
    with pytest.raises(InputChanged, match="changed while it was loaded"):
        load_input(parts[1])


def _analyse(articles: Sequence[Article]) -> BatchAnalysis:
    """Every article analysed as itself: English, nothing removed, found or placed."""
    return BatchAnalysis(
        tuple(ArticleResult(a, CleanedText(a.text), LanguageGuess("en", 1.0), (), ()) for a in articles), ()
    )


def _load(inputs: Path, data: Path, stop_after: int | None = None) -> int:
    """Load like a run (batch_docs 1: parts of ~4 kB), committing at most `stop_after` batches; then, as a run
    killed mid-commit, the next batch's data files without its manifest. Returns the batches committed."""
    settings = load_settings({"inputs": [str(inputs)], "data_dir": str(data), "batch_docs": 1})
    lake.discard_uncommitted(settings.lake_dir)
    committed = 0
    for files in plan_batches(pending_files(settings), 1):
        known = partial(lake.known_doc_ids, settings.lake_dir)
        now = datetime(2026, 1, 1, tzinfo=UTC)
        batch = build_batch(files, _analyse, known, "run", now, None, lake.committed_batches(settings.lake_dir))
        if committed == stop_after:
            lake.write_batch(settings.lake_dir, batch.stats.batch_id, {**batch.rows, "inputs": []})
            (settings.lake_dir / "inputs" / f"{batch.stats.batch_id}.parquet").unlink()
            return committed
        lake.write_batch(settings.lake_dir, batch.stats.batch_id, batch.rows)
        committed += 1
    return committed


def _lake_rows(lake_dir: Path) -> dict[str, list]:
    tables = {}
    for table in TABLES:
        columns = [c for c in table.columns if c not in VOLATILE]
        tables[table.name] = sorted(map(str, lake.read_column(lake_dir, table, columns).to_pylist()))
    return tables


@pytest.mark.parametrize("name", ["feed.jsonl", "feed.jsonl.gz"])
def test_a_run_killed_mid_file_then_run_again_gives_the_lake_of_an_uninterrupted_run(tmp_path, name):
    inputs = tmp_path / "in"
    inputs.mkdir()
    lines = [json.dumps(_record(n % 10)) for n in range(20)]  # the second ten repeat the first ten's texts
    lines[14] = "not json at all"  # a quarantined line in a later part
    _write(inputs / name, lines)
    batches = _load(inputs, tmp_path / "clean")
    assert batches >= 3  # one file, several batches
    assert _load(inputs, tmp_path / "crashed", stop_after=1) == 1
    assert _load(inputs, tmp_path / "crashed") == batches - 1
    assert _load(inputs, tmp_path / "crashed") == 0  # the file counts as loaded: nothing left to do
    clean, crashed = _lake_rows(tmp_path / "clean" / "lake"), _lake_rows(tmp_path / "crashed" / "lake")
    assert crashed == clean
    assert len(clean["input_parts"]) == batches and len(clean["quarantine"]) == 1
    assert len(clean["documents"]) == 10 and len(clean["article_versions"]) == 19


def test_a_scheduled_run_sees_a_file_loaded_in_part_as_still_waiting(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    _write(inputs / "feed.jsonl", [json.dumps(_record(n)) for n in range(12)])
    settings = load_settings({"inputs": [str(inputs)], "data_dir": str(tmp_path / "data"), "batch_docs": 1})
    assert _load(inputs, tmp_path / "data", stop_after=1) == 1  # one part committed, the rest not
    assert new_input_files(settings) == (1, [])
    _load(inputs, tmp_path / "data")
    assert new_input_files(settings) == (0, [])


def test_each_part_is_a_batch_of_its_own_and_small_files_still_share_one(tmp_path):
    big = plan_parts(_write(tmp_path / "big.jsonl", [json.dumps(_record(n)) for n in range(12)]), 2_000)
    small = [_write(tmp_path / f"s{n}.jsonl", [json.dumps(_record(n))]) for n in range(2)]
    batches = plan_batches([small[0], *big, small[1]], batch_docs=10)
    assert [len(b) for b in batches] == [1] + [1] * len(big) + [1]
    assert plan_batches(small, batch_docs=10) == [small]


def test_a_part_that_cannot_be_read_fails_its_batch_rather_than_count_as_loaded(tmp_path, monkeypatch):
    parts = plan_parts(_write(tmp_path / "feed.jsonl", [json.dumps(_record(n)) for n in range(6)]), 1_000)

    def failing_open(self, *args, **kwargs):
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(Path, "open", failing_open)
    with pytest.raises(OSError, match="Input/output error"):
        load_input(parts[1])
