"""The Parquet lake: rows checked against the schemas, atomic durable files, commit by manifest, crash leftovers
discarded, killed runs closed."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from warehouse import lake
from warehouse.schemas import BOILERPLATE, DOCUMENTS, INPUTS, QUARANTINE, RUNS, RowError, make_row

NOW = datetime(2026, 1, 1, tzinfo=UTC)


def _manifest(batch_id: str, run_id: str = "r", committed_at: datetime = NOW, loaded: int = 0) -> list[dict]:
    return [
        make_row(
            INPUTS,
            source_path="/in/a.txt",
            file_sha256="f" * 64,
            size_bytes=3,
            articles_loaded=loaded,
            articles_duplicate=0,
            rejected=1,
            batch_id=batch_id,
            run_id=run_id,
            committed_at=committed_at,
        )
    ]


def _run(run_id: str, status: str) -> dict:
    return make_row(
        RUNS,
        run_id=run_id,
        status=status,
        started_at=NOW,
        finished_at=None,
        batches=0,
        input_files=0,
        documents_loaded=0,
        rejected=0,
    )


def _rejects(batch_id: str) -> list[dict]:
    return [
        make_row(
            QUARANTINE,
            source_path="/in/a.txt",
            line_number=None,
            reason_code="empty",
            reason="empty article (no text)",
            raw_excerpt=None,
            file_sha256=None,
            batch_id=batch_id,
        )
    ]


def test_make_row_orders_the_columns_as_declared():
    row = make_row(BOILERPLATE, batch_id="b1", doc_count=2, line_text="Share", source="wire")
    assert list(row) == BOILERPLATE.columns and row["line_text"] == "Share"


@pytest.mark.parametrize(
    ("values", "message"),
    [
        (
            {"source": "wire", "line_text": "Share", "doc_count": 2, "batch_id": "b", "doc_cnt": 1},
            "boilerplate: unknown column 'doc_cnt'",
        ),  # a misspelt key never becomes a silent null
        ({"source": "wire", "line_text": "Share", "batch_id": "b"}, "boilerplate: missing column 'doc_count'"),
    ],
)
def test_make_row_refuses_unknown_and_missing_columns(values, message):
    with pytest.raises(RowError, match=message):
        make_row(BOILERPLATE, **values)


def test_write_batch_checks_every_row_before_writing_anything(tmp_path):
    bad = [{**_rejects("b1")[0], "raw_exerpt": "x"}]
    with pytest.raises(RowError, match="quarantine: unknown column 'raw_exerpt'"):
        lake.write_batch(tmp_path, "b1", {"quarantine": bad, "inputs": _manifest("b1")})
    with pytest.raises(RowError, match="unknown table 'quarantaine'"):
        lake.write_batch(tmp_path, "b1", {"quarantaine": _rejects("b1"), "inputs": _manifest("b1")})
    assert not list(tmp_path.rglob("*.parquet"))


def test_write_run_refuses_a_row_missing_a_column(tmp_path):
    with pytest.raises(RowError, match="runs: missing column 'finished_at'"):
        lake.write_run(
            tmp_path,
            {
                "run_id": "r",
                "status": lake.SUCCEEDED,
                "started_at": NOW,
                "batches": 1,
                "input_files": 1,
                "documents_loaded": 1,
                "rejected": 0,
            },
        )
    assert RUNS.name not in {p.name for p in tmp_path.iterdir()}


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
    with lake.exclusive(tmp_path):
        with pytest.raises(lake.LakeBusy, match="another newsetl run"):
            with lake.exclusive(tmp_path):
                pass
    with lake.exclusive(tmp_path):  # released after the first run
        pass


def test_write_batch_flushes_every_file_and_folder_to_disk_before_the_manifest_commits(tmp_path, monkeypatch):
    events: list[tuple[str, str]] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        events.append(("fsync", os.readlink(f"/proc/self/fd/{fd}")))
        real_fsync(fd)

    def replace(src: Path, dst: Path) -> None:
        events.append(("replace", str(dst)))
        real_replace(src, dst)

    monkeypatch.setattr(lake.os, "fsync", fsync)
    monkeypatch.setattr(lake.os, "replace", replace)
    lake.write_batch(tmp_path, "b1", {"quarantine": _rejects("b1"), "inputs": _manifest("b1")})
    data, manifest = tmp_path / "quarantine" / "b1.parquet", tmp_path / "inputs" / "b1.parquet"
    assert events.index(("fsync", f"{data}.tmp")) < events.index(("replace", str(data)))
    assert events.index(("replace", str(data))) < events.index(("fsync", str(data.parent)))
    assert events.index(("fsync", str(data.parent))) < events.index(("replace", str(manifest)))
    assert events[-1] == ("fsync", str(manifest.parent))
    assert ("fsync", str(tmp_path)) in events  # the new table folders are flushed into the lake folder


def test_close_killed_runs_records_what_a_killed_run_committed_and_forgets_one_that_committed_nothing(tmp_path):
    later = NOW + timedelta(minutes=5)
    lake.write_batch(tmp_path, "b1", {"inputs": _manifest("b1", "killed", NOW, loaded=2)})
    lake.write_batch(tmp_path, "b2", {"inputs": _manifest("b2", "killed", later, loaded=3)})
    for run_id, status in (("killed", lake.RUNNING), ("early", lake.RUNNING), ("done", lake.SUCCEEDED)):
        lake.write_run(tmp_path, _run(run_id, status))
    assert [r["run_id"] for r in lake.close_killed_runs(tmp_path)] == ["killed"]
    rows = {r["run_id"]: r for r in lake.read_column(tmp_path, RUNS, RUNS.columns).to_pylist()}
    assert set(rows) == {"killed", "done"}  # `early` died before its first commit: nothing to record
    killed = rows["killed"]
    assert (killed["status"], killed["batches"], killed["input_files"], killed["documents_loaded"]) == (
        lake.INCOMPLETE,
        2,
        2,
        5,
    )
    assert killed["finished_at"] == later and killed["rejected"] == 2
    assert lake.close_killed_runs(tmp_path) == []  # nothing left running
