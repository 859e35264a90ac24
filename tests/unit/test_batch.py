"""Batch planning: deterministic ids, files never split, size-bounded batches."""

from __future__ import annotations

from pathlib import Path

import pytest

from flows.batch import BYTES_PER_ARTICLE, batch_id_for, plan_batches
from flows.io.sources import InputFile


def _file(name: str, size: int, sha: str = "0") -> InputFile:
    return InputFile(Path(f"/in/{name}"), sha * 64, size)


@pytest.mark.parametrize(
    ("sizes", "batch_docs", "expected"),
    [
        ([], 10, []),  # nothing to do
        ([100, 100, 100], 10, [3]),  # all fit in one batch
        ([100] * 5, 2, [2, 2, 1]),  # at most batch_docs files per batch
        ([BYTES_PER_ARTICLE * 3, 100, 100], 2, [1, 2]),  # a big file fills a batch alone
        ([BYTES_PER_ARTICLE * 50], 2, [1]),  # a file bigger than a batch is never split
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
