"""Publishing the warehouse file: a fresh build renamed into place, or an update of the file in place."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from warehouse import entity_documents, pairs
from warehouse.db.build import (
    CheckFailure,
    append_files,
    build_database,
    check_sql_dir,
    insert_arrow,
    limit_scope,
    run_checks,
)
from warehouse.db.state import batches_to_check, lake_state, previous_record, record_published
from warehouse.lake import table_files
from warehouse.schemas import RUNS, TABLES
from warehouse.storage import LakePath

# A publish never writes a write-ahead log (each commit is checkpointed straight into the file):
# DuckDB names the log by cutting the path at its first '?', which breaks folders named with one.
# The memory limit bounds the build (100k articles: 1.4 GB peak without it, ~1 GB with it).
PUBLISH_CONFIG: dict[str, Any] = {
    "auto_checkpoint_skip_wal_threshold": "0",
    "checkpoint_threshold": "0b",
    "memory_limit": "512MB",
}


def publish(warehouse_path: Path, lake_dir: LakePath, sql_dir: Path) -> list[CheckFailure]:
    """Bring the warehouse up to the lake: in place when it can (`_update_in_place`), else by building a fresh
    file beside the old one and renaming it into place when every check passes.

    The checks look at the batches new or changed since the last publish of this warehouse
    (`checks.batches_in_scope`; every batch when the SQL, the schemas or the warehouse file changed).
    Returns the failed checks; when there are any, the previous warehouse is left as it was.
    """
    check_sql_dir(sql_dir)
    warehouse_path.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_builds(warehouse_path)
    state = lake_state(lake_dir, sql_dir)
    scope = batches_to_check(warehouse_path, lake_dir, state)
    if scope is not None:
        updated = _update_in_place(warehouse_path, lake_dir, sql_dir, state)
        if updated is not None:
            return updated
    tmp = warehouse_path.with_name(f".{warehouse_path.name}.{os.getpid()}.tmp")
    try:
        con = duckdb.connect(str(tmp), config={**PUBLISH_CONFIG, "temp_directory": f"{tmp}.spill"})
        try:
            con.execute("set enable_progress_bar = false")
            build_database(con, lake_dir, sql_dir)
            if scope is not None:
                limit_scope(con, scope)
            failures = run_checks(con, sql_dir)
            con.execute("checkpoint")
        finally:
            con.close()
        if not failures:
            _fsync(tmp)
            os.replace(tmp, warehouse_path)
            _fsync(warehouse_path.parent)
            record_published(warehouse_path, lake_dir, state)
    finally:
        remove_stale_builds(warehouse_path)
    return failures


def _update_in_place(
    warehouse_path: Path, lake_dir: LakePath, sql_dir: Path, state: dict[str, Any]
) -> list[CheckFailure] | None:
    """Bring the published warehouse up to the lake in one transaction on the file itself; None when it cannot.

    Only the rows of batches new, changed or gone since the last publish are deleted and inserted (and
    the small `runs` table reloaded when it changed), so the cost follows what was added, not the lake.
    The row checks look at those batches; when a check fails the transaction is rolled back and the
    warehouse stays as it was. A reader holding the file open (DuckDB's lock) makes this impossible:
    the caller then builds a new file beside it as on a first publish.
    """
    previous = previous_record(warehouse_path, lake_dir)
    if previous is None or previous.get("code") != state["code"]:
        return None
    before, after = previous.get("batches") or {}, state["batches"]
    changed = sorted(b for b, stamp in after.items() if before.get(b) != stamp)
    stale = sorted(b for b, stamp in before.items() if after.get(b) != stamp)
    try:
        spill = warehouse_path.with_name(f".{warehouse_path.name}.{os.getpid()}.tmp.spill")
        con = duckdb.connect(str(warehouse_path), config={**PUBLISH_CONFIG, "temp_directory": str(spill)})
    except duckdb.Error:
        return None
    try:
        con.execute("set enable_progress_bar = false")
        con.execute("begin transaction")
        _replace_batches(con, lake_dir, stale, changed)
        entity_documents.update(con, stale, changed)
        pairs.update(con, stale, changed)
        if previous.get("runs") != state["runs"]:
            con.execute(f"delete from raw.{RUNS.name}")
            append_files(con, RUNS, table_files(lake_dir, RUNS))
        limit_scope(con, changed)
        failures = run_checks(con, sql_dir)
        con.execute("rollback" if failures else "commit")
        if not failures:
            con.execute("checkpoint")
    except duckdb.Error:
        con.close()
        return None
    con.close()
    _fsync(warehouse_path)
    if not failures:
        record_published(warehouse_path, lake_dir, state)
    return failures


def _replace_batches(con: duckdb.DuckDBPyConnection, lake_dir: LakePath, stale: list[str], fresh: list[str]) -> None:
    """Delete the rows of the stale batches from every raw table and insert those of the fresh ones."""
    wanted = set(fresh)
    for table in TABLES:
        if table is RUNS:
            continue
        if stale:
            insert_arrow(con, "temp_stale_batches", pa.table({"batch_id": pa.array(stale, pa.string())}), create=True)
            con.execute(f"delete from raw.{table.name} where batch_id in (select batch_id from temp_stale_batches)")
            con.execute("drop table temp_stale_batches")
        if wanted:
            append_files(con, table, [path for path in table_files(lake_dir, table) if path.stem in wanted])


def remove_stale_builds(warehouse_path: Path) -> list[Path]:
    """Delete temporary files of warehouse builds that never finished (a publish holds the lake, so none is live)."""
    prefix = f".{warehouse_path.name}."
    stale = [p for p in warehouse_path.parent.iterdir() if p.name.startswith(prefix) and ".tmp" in p.name]
    for path in stale:
        if path.is_dir():
            shutil.rmtree(path)
        else:
            path.unlink(missing_ok=True)
    return stale


def _fsync(path: Path) -> None:
    """Flush a file's or a folder's data to disk."""
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
