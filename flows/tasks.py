"""Prefect tasks: each moves a whole batch between the core and the lake; retries only around I/O."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from prefect import task
from prefect.cache_policies import NO_CACHE

from flows.batch import BatchStats, build_batch
from flows.io.sources import InputFile, discover_files
from flows.io.workers import analyser
from flows.settings import Settings
from warehouse import db, lake
from warehouse.schemas import DOCUMENTS, INPUTS


class InputPathError(ValueError):
    """An input path the user named does not exist."""


@task(retries=2, retry_delay_seconds=2, cache_policy=NO_CACHE)
def discover_pending(settings: Settings) -> tuple[list[InputFile], set[str], int]:
    """New input files (not yet committed by path and content), the loaded doc_ids, and leftovers dropped."""
    dropped = lake.discard_uncommitted(settings.lake_dir)
    files, missing = discover_files(settings.inputs)
    if missing:
        raise InputPathError(f"input path does not exist: {missing[0]}")
    manifest = lake.read_column(settings.lake_dir, INPUTS, ["source_path", "file_sha256"]).to_pylist()
    committed = {(row["source_path"], row["file_sha256"]) for row in manifest}
    pending = [f for f in files if (str(f.path), f.sha256) not in committed]
    known = set(lake.read_column(settings.lake_dir, DOCUMENTS, ["doc_id"]).column("doc_id").to_pylist())
    return pending, known, len(dropped)


@task(retries=2, retry_delay_seconds=2, cache_policy=NO_CACHE)
def load_batch(
    files: list[InputFile], known_doc_ids: set[str], run_id: str, settings: Settings
) -> tuple[BatchStats, set[str]]:
    """Read, analyse and commit one batch of files to the lake; returns its stats and new doc_ids."""
    analyse = analyser(settings.workers, settings.batch_docs)
    now = datetime.now(UTC)
    committed = lake.committed_batches(settings.lake_dir)
    batch = build_batch(files, analyse, known_doc_ids, run_id, now, dict(settings.metadata_fields), committed)
    lake.write_batch(settings.lake_dir, batch.stats.batch_id, batch.rows)
    return batch.stats, batch.doc_ids


@task(retries=2, retry_delay_seconds=2, cache_policy=NO_CACHE)
def record_run(lake_dir: Path, run_row: dict) -> None:
    """Write the run's row (only runs that committed something are recorded)."""
    lake.write_run(lake_dir, run_row)


@task(retries=2, retry_delay_seconds=2, cache_policy=NO_CACHE)
def publish_warehouse(settings: Settings) -> list[db.CheckFailure]:
    """Rebuild the DuckDB warehouse over the lake, run the checks, and swap it into place."""
    return db.publish(settings.warehouse_path, settings.lake_dir, settings.sql_dir)
