"""Run progress (per committed batch), the run's JSON summary, and extract's summary line."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from flows import progress
from flows.batch import BatchStats
from flows.cli.extracting import counted, describe
from flows.cli.runs import RunOutcome, RunOutput, _progress_shown
from flows.io.sources import InputFile


def _stats(files: int, documents: int, words: int) -> BatchStats:
    return BatchStats(
        batch_id="b",
        input_files=files,
        documents_loaded=documents,
        duplicates=1,
        rejected=0,
        figures=2,
        entity_mentions=3,
        removed_segments=0,
        words=words,
    )


PENDING = [InputFile(Path(f"/in/{n}.txt"), "0" * 64, size) for n, size in enumerate((100, 300, 600))]


def test_measure_counts_files_and_bytes_done_in_the_batches_order():
    done = progress.measure([_stats(1, 10, 500), _stats(1, 20, 1_500)], PENDING, seconds=4.0)
    assert (done.batches_done, done.files_done, done.files_total) == (2, 2, 3)
    assert (done.bytes_done, done.bytes_total, done.fraction) == (400, 1_000, 0.4)
    assert (done.documents_loaded, done.duplicates, done.words) == (30, 2, 2_000)
    assert done.words_per_second == 500.0
    assert done.seconds_left == pytest.approx(6.0)  # 400 bytes took 4 s, 600 are left


def test_describe_is_one_plain_line_with_speed_and_time_left():
    line = progress.measure([_stats(1, 1_200, 5_000)], PENDING, seconds=2.0).describe()
    assert line == "batch 1: 1/3 files, 1,200 articles, 2,500 words/s, 2.0 s, ~18 s left"
    last = progress.measure([_stats(3, 1_200, 5_000)], PENDING, seconds=2.0).describe()
    assert "left" not in last  # nothing left to estimate


def test_the_hook_reaches_listeners_only_while_they_listen():
    heard: list[progress.RunProgress] = []
    progress.batch_committed([_stats(1, 1, 1)], PENDING)  # nobody listens: nothing happens
    with progress.listening(heard.append):
        progress.batch_committed([_stats(1, 1, 1)], PENDING)
    progress.batch_committed([_stats(2, 2, 2)], PENDING)
    assert [p.files_done for p in heard] == [1]


def test_without_a_terminal_each_batch_is_one_line_on_stderr(capsys):
    with _progress_shown(RunOutput(interactive=False)) as seen:
        progress.batch_committed([_stats(1, 5, 10)], PENDING)
        progress.batch_committed([_stats(1, 5, 10), _stats(2, 7, 10)], PENDING)
    captured = capsys.readouterr()
    assert captured.out == "" and len(seen) == 2
    lines = captured.err.splitlines()
    assert [line.split(":")[1].strip() for line in lines] == ["batch 1", "batch 2"]
    assert lines[1].startswith("newsetl run: batch 2: 3/3 files, 12 articles")


def test_quiet_shows_no_progress_but_keeps_the_counts(capsys):
    with _progress_shown(RunOutput(quiet=True)) as seen:
        progress.batch_committed([_stats(1, 5, 10)], PENDING)
    assert capsys.readouterr().err == "" and seen[0].documents_loaded == 5


def test_the_json_summary_of_failed_checks_says_so_and_counts_what_was_committed():
    outcome = RunOutcome("checks_failed", 1, "/data/warehouse.duckdb", failed_checks=["documents_have_text"])
    outcome.progress = progress.measure([_stats(2, 9, 40)], PENDING, seconds=1.0)
    summary = json.loads(json.dumps(outcome.as_dict()))
    assert summary["checks_passed"] is False and summary["failed_checks"] == ["documents_have_text"]
    assert (summary["exit_code"], summary["loaded_document_count"], summary["new_file_count"]) == (1, 9, 3)


def test_a_run_that_never_reached_the_checks_does_not_claim_them():
    assert RunOutcome("lake_busy", 75, "/w").as_dict()["checks_passed"] is None


def test_extract_counts_documents_quarantined_lines_figures_and_mentions():
    records = [
        {"status": "ok", "figures": [{}, {}], "entities": [{}]},
        {"status": "quarantined", "error": "line 2 is empty"},
        {"status": "ok", "figures": [], "entities": [{}, {}]},
    ]
    tally: Counter[str] = Counter()
    assert list(counted(records, tally)) == records  # passed on unchanged
    assert describe(tally, 1.25) == ("2 documents (1 quarantined), 2 figures, 3 entity mentions in 1.2 s")
