"""The Parquet lake: atomic files, commit by manifest, leftovers of a crash discarded."""

from __future__ import annotations

from datetime import datetime, timezone

import pyarrow.parquet as pq

from warehouse import lake
from warehouse.schemas import DOCUMENTS, INPUTS, QUARANTINE

NOW = datetime(2026, 1, 1, tzinfo=timezone.utc)


def _manifest(batch_id: str) -> list[dict]:
    return [{"source_path": "/in/a.txt", "file_sha256": "f" * 64, "size_bytes": 3, "articles_loaded": 0,
             "articles_duplicate": 0, "rejected": 1, "batch_id": batch_id, "run_id": "r", "committed_at": NOW}]


def _rejects(batch_id: str) -> list[dict]:
    return [{"source_path": "/in/a.txt", "line_number": None, "reason": "empty article (no text)", "batch_id": batch_id}]


def test_write_batch_writes_zstd_parquet_with_the_declared_schema_and_commits_last(tmp_path):
    lake.write_batch(tmp_path, "b1", {"quarantine": _rejects("b1"), "inputs": _manifest("b1")})
    path = tmp_path / "quarantine" / "b1.parquet"
    assert pq.read_schema(path).names == QUARANTINE.columns
    assert pq.ParquetFile(path).metadata.row_group(0).column(0).compression == "ZSTD"
    assert lake.committed_batches(tmp_path) == {"b1"}
    assert not list(tmp_path.rglob("*.tmp"))


def test_discard_uncommitted_drops_files_of_batches_without_manifest(tmp_path):
    lake.write_batch(tmp_path, "b1", {"quarantine": _rejects("b1"), "inputs": _manifest("b1")})
    # a crash after the data files of b2 but before its manifest:
    lake.write_parquet(tmp_path / "quarantine" / "b2.parquet", QUARANTINE, _rejects("b2"))
    (tmp_path / "quarantine" / "b3.parquet.tmp").write_bytes(b"half a file")
    dropped = lake.discard_uncommitted(tmp_path)
    assert sorted(p.name for p in dropped) == ["b2.parquet", "b3.parquet.tmp"]
    assert [p.name for p in lake.table_files(tmp_path, QUARANTINE)] == ["b1.parquet"]


def test_read_column_is_empty_and_typed_before_any_load(tmp_path):
    ids = lake.read_column(tmp_path, DOCUMENTS, ["doc_id"])
    assert ids.num_rows == 0 and ids.schema.names == ["doc_id"]
    assert lake.read_column(tmp_path, INPUTS, ["file_sha256"]).num_rows == 0


def test_exclusive_refuses_a_second_concurrent_run(tmp_path):
    import pytest

    with lake.exclusive(tmp_path):
        with pytest.raises(lake.LakeBusy, match="another newsetl run"):
            with lake.exclusive(tmp_path):
                pass
    with lake.exclusive(tmp_path):  # released after the first run
        pass
