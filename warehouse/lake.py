"""The Parquet lake: one folder per table, one zstd file per committed batch.

A batch is committed when its `inputs` manifest file exists; it is written last. Every file is
written under a temporary name, flushed to disk (fsync) and renamed into place, and its folder is
flushed too, so a committed batch survives a power loss, not only a killed process. Files of a
batch that never committed (a crash) are discarded at the start of the next run, and the batch
is processed again under the same deterministic id, so a re-run gives the same lake.

The lake may live on an object store (`s3://bucket/prefix`, see `warehouse.storage`): there every
file is one atomic PUT, in place, and the run lock is a lock object; the rest is the same.

A run's `runs` row is written as `running` before its first batch and rewritten with its final
status at the end; a row still `running` at the next start belongs to a killed run and becomes
`incomplete`, with what its committed batches loaded.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from warehouse.schemas import DOCUMENTS, INPUTS, RUNS, TABLES, RowError, Table, check_row, make_row
from warehouse.storage import LakeLockBusy, LakePath, ObjectLock, ObjectPath, source_for

TMP_SUFFIX = ".tmp"
BATCH_TABLES = tuple(t for t in TABLES if t is not RUNS)  # written per batch, `inputs` (the commit) last
LOCK_NAME = ".run.lock"
COMMIT_LOCK_NAME = ".commit.lock"
# The commit lock's expiry (renewed while held, so a dead worker's lock is taken over this soon after it
# died) and how long a batch waits for its turn to commit before its task fails (and is retried).
COMMIT_LOCK_SECONDS = 20
COMMIT_WAIT_SECONDS = 600
RUNNING, SUCCEEDED, CHECKS_FAILED, FAILED, INTERRUPTED, INCOMPLETE = (
    "running",
    "succeeded",
    "checks_failed",
    "failed",
    "interrupted",
    "incomplete",
)


class LakeBusy(RuntimeError):
    """Another run holds the lake."""


@contextmanager
def committing(lake_dir: LakePath) -> Iterator[None]:
    """Hold the lake's commit lock, waiting for it: batches committed at the same time (Dask workers) take turns.

    Local (or a shared folder): `flock` on `lake/.commit.lock`; on an object store: a lock object (see
    `warehouse.storage.ObjectLock`), polled until free.
    """
    if isinstance(lake_dir, ObjectPath):
        with ObjectLock(lake_dir / COMMIT_LOCK_NAME, seconds=COMMIT_LOCK_SECONDS).held(
            wait_seconds=COMMIT_WAIT_SECONDS
        ):
            yield
        return
    make_dirs(lake_dir)
    with (lake_dir / COMMIT_LOCK_NAME).open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@contextmanager
def exclusive(lake_dir: LakePath) -> Iterator[None]:
    """Hold the lake for one run; a second concurrent run fails at once instead of interleaving."""
    if isinstance(lake_dir, ObjectPath):
        try:
            with ObjectLock(lake_dir / LOCK_NAME).held():
                yield
        except LakeLockBusy as err:
            raise LakeBusy(f"another newsetl run is loading {lake_dir} ({err}); try again when it ends") from None
        return
    lake_dir.mkdir(parents=True, exist_ok=True)
    with (lake_dir / LOCK_NAME).open("a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise LakeBusy(f"another newsetl run is loading {lake_dir}; try again when it ends") from None
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def table_dir(lake_dir: LakePath, table: Table) -> LakePath:
    """Folder holding a table's Parquet files."""
    return lake_dir / table.name


def write_parquet(path: LakePath, table: Table, rows: Sequence[dict[str, Any]]) -> LakePath:
    """Write rows with the table's schema to a temporary name, then rename into place.

    Raises RowError when a row's keys are not exactly the table's columns.
    """
    for row in rows:
        check_row(table, row)
    data = pa.Table.from_pylist(list(rows), schema=table.schema)
    if isinstance(path, ObjectPath):  # one PUT, atomic: no temporary name needed
        sink = pa.BufferOutputStream()
        pq.write_table(data, sink, compression="zstd")
        path.write_bytes(sink.getvalue().to_pybytes())
        return path
    make_dirs(path.parent)
    tmp = path.with_name(path.name + TMP_SUFFIX)
    with tmp.open("wb") as handle:
        pq.write_table(data, handle, compression="zstd")
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)
    fsync_dir(path.parent)
    return path


def fsync_dir(folder: Path) -> None:
    """Flush a folder's entries (files created, renamed or deleted in it) to disk."""
    fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def make_dirs(folder: Path) -> None:
    """Create a folder and its missing parents, each flushed into its parent."""
    if folder.is_dir():
        return
    make_dirs(folder.parent)
    folder.mkdir(exist_ok=True)
    fsync_dir(folder.parent)


def write_batch(lake_dir: LakePath, batch_id: str, rows_by_table: Mapping[str, Sequence[dict[str, Any]]]) -> int:
    """Write every data table of a batch, then its `inputs` manifest (the commit); returns rows written.

    Every row is checked before anything is written: RowError for an unknown table name or a row whose
    keys are not its table's columns.
    """
    unknown = sorted(set(rows_by_table) - {t.name for t in BATCH_TABLES})
    if unknown:
        raise RowError(f"write_batch: unknown table {unknown[0]!r} (tables: {', '.join(t.name for t in BATCH_TABLES)})")
    for table in BATCH_TABLES:
        for row in rows_by_table.get(table.name, ()):
            check_row(table, row)
    written = 0
    for table in BATCH_TABLES:
        rows = rows_by_table.get(table.name, ())
        if rows and table is not INPUTS:
            write_parquet(table_dir(lake_dir, table) / f"{batch_id}.parquet", table, rows)
            written += len(rows)
    manifest = rows_by_table[INPUTS.name]
    write_parquet(table_dir(lake_dir, INPUTS) / f"{batch_id}.parquet", INPUTS, manifest)
    return written + len(manifest)


def write_run(lake_dir: LakePath, run_row: dict[str, Any]) -> LakePath:
    """Record (or re-record) a run's row; one file per run."""
    return write_parquet(_run_path(lake_dir, run_row["run_id"]), RUNS, [run_row])


def drop_run(lake_dir: LakePath, run_id: str) -> None:
    """Remove a run's row (a run that ended without committing a batch)."""
    path = _run_path(lake_dir, run_id)
    if path.exists():
        path.unlink()
        if isinstance(path, Path):
            fsync_dir(path.parent)


def _run_path(lake_dir: LakePath, run_id: str) -> LakePath:
    return table_dir(lake_dir, RUNS) / f"{run_id}.parquet"


def close_killed_runs(lake_dir: LakePath) -> list[dict[str, Any]]:
    """Rows still `running` (their run was killed) become `incomplete` with what their committed batches
    loaded, or are dropped when none committed; returns the rewritten rows. Call under `exclusive`."""
    running = [r for r in read_column(lake_dir, RUNS, RUNS.columns).to_pylist() if r["status"] == RUNNING]
    if not running:
        return []
    manifest = read_column(lake_dir, INPUTS, ["run_id", "batch_id", "articles_loaded", "rejected", "committed_at"])
    closed: list[dict[str, Any]] = []
    for run in running:
        files = [m for m in manifest.to_pylist() if m["run_id"] == run["run_id"]]
        if not files:
            drop_run(lake_dir, run["run_id"])
            continue
        row = {
            **run,
            "status": INCOMPLETE,
            "finished_at": max(m["committed_at"] for m in files),
            "batches": len({m["batch_id"] for m in files}),
            "input_files": len(files),
            "documents_loaded": sum(m["articles_loaded"] for m in files),
            "rejected": sum(m["rejected"] for m in files),
        }
        write_run(lake_dir, make_row(RUNS, **row))
        closed.append(row)
    return closed


def committed_batches(lake_dir: LakePath) -> set[str]:
    """Ids of batches whose manifest exists."""
    return {p.stem for p in listing(table_dir(lake_dir, INPUTS), "*.parquet")}


def listing(folder: LakePath, pattern: str) -> list[LakePath]:
    """Files of a lake folder matching a pattern, sorted by name (one listing request on an object store)."""
    found: list[LakePath] = list(folder.glob(pattern))
    return sorted(found, key=lambda p: p.name)


def uncommitted(lake_dir: LakePath) -> list[LakePath]:
    """Leftovers of batches that never committed and stray temporary files."""
    done = committed_batches(lake_dir)
    found: list[LakePath] = []
    for table in TABLES:
        folder = table_dir(lake_dir, table)
        found.extend(listing(folder, f"*{TMP_SUFFIX}"))
        if table not in (INPUTS, RUNS):
            found.extend(path for path in listing(folder, "*.parquet") if path.stem not in done)
    return found


def discard_uncommitted(lake_dir: LakePath) -> list[LakePath]:
    """Delete leftovers of batches that never committed and stray temporary files."""
    dropped = uncommitted(lake_dir)
    for path in dropped:
        path.unlink()
    return dropped


def has_killed_runs(lake_dir: LakePath) -> bool:
    """Whether a run row is still `running` (its run was killed; `close_killed_runs` settles it)."""
    return RUNNING in read_column(lake_dir, RUNS, ["status"]).column("status").to_pylist()


def table_files(lake_dir: LakePath, table: Table) -> list[LakePath]:
    """Committed Parquet files of a table, sorted."""
    if table is RUNS:
        return listing(table_dir(lake_dir, table), "*.parquet")
    done = committed_batches(lake_dir)
    return [p for p in listing(table_dir(lake_dir, table), "*.parquet") if p.stem in done]


def read_column(lake_dir: LakePath, table: Table, columns: Iterable[str]) -> pa.Table:
    """Some columns of a table over all committed files (empty table when there are none)."""
    names = list(columns)
    files = table_files(lake_dir, table)
    if not files:
        return table.schema.empty_table().select(names)
    return pa.concat_tables(read_file(f, table, names) for f in files)


def read_file(path: LakePath, table: Table, columns: Sequence[str] | None = None) -> pa.Table:
    """One lake file's rows (some columns, or all) with the table's schema, from a local disk or an object store."""
    source = source_for(path)
    try:
        return pq.read_table(source, columns=None if columns is None else list(columns), schema=table.schema)
    finally:
        if not isinstance(source, str):
            source.close()


def known_doc_ids(lake_dir: LakePath, candidates: Iterable[str], among: Iterable[str] | None = None) -> set[str]:
    """Those of the candidate doc_ids already in the lake's committed `documents` files (of the batches
    `among` only, when given).

    DuckDB joins the candidates against the documents' `doc_id` column, read by Arrow one file at a
    time (DuckDB never sees a path), so memory follows the candidates, not the size of the lake.
    """
    wanted = pa.table({"doc_id": pa.array(sorted(set(candidates)), pa.string())})
    files = table_files(lake_dir, DOCUMENTS)
    if among is not None:
        batches = set(among)
        files = [f for f in files if f.stem in batches]
    if not files or not wanted.num_rows:
        return set()
    lake_ids = _dataset(files, DOCUMENTS)
    con = duckdb.connect(config={"threads": 1})
    try:
        con.register("lake_ids", lake_ids)
        con.register("wanted", wanted)
        found = con.execute("select distinct doc_id from lake_ids semi join wanted using (doc_id)").fetchall()
    finally:
        con.close()
    return {doc_id for (doc_id,) in found}


def _dataset(files: Sequence[LakePath], table: Table) -> ds.Dataset:
    """An Arrow dataset over lake files; on an object store, read through its fsspec filesystem."""
    first = files[0]
    if isinstance(first, ObjectPath):
        from pyarrow.fs import FSSpecHandler, PyFileSystem

        filesystem = PyFileSystem(FSSpecHandler(first.fs))
        return ds.dataset(
            [f.key for f in files if isinstance(f, ObjectPath)], schema=table.schema, filesystem=filesystem
        )
    return ds.dataset([str(f) for f in files], schema=table.schema, format="parquet")
