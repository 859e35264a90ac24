"""The run summary and the failed-checks message name what happened."""

from __future__ import annotations

from pathlib import Path

from flows.batch import BatchStats
from flows.pipeline import RunSummary, describe_failures
from warehouse.db import CheckFailure


def test_describe_failures_names_each_check_with_its_bad_rows():
    failure = CheckFailure("figure_offsets", ("doc_id", "found"), (("d1", "20"), ("d2", "7")), total=2)
    message = describe_failures((failure,))
    assert message.startswith("check figure_offsets returned 2 bad row(s):")
    assert "{'doc_id': 'd1', 'found': '20'}" in message and "'d2'" in message


def test_run_summary_markdown_totals_the_batches():
    stats = [BatchStats("b1", 2, 10, 1, 0, 30, 80, 4, 5000), BatchStats("b2", 1, 5, 0, 2, 12, 40, 1, 2000)]
    summary = RunSummary("run-1", Path("/data/warehouse.duckdb"), 3, tuple(stats), 0, 12.3)
    text = summary.to_markdown()
    assert "| documents loaded | 15 |" in text and "| quarantined | 2 |" in text
    assert "| figures | 42 |" in text and "Checks: all checks passed" in text
