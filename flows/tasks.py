"""Prefect tasks: each moves a whole batch between the core and the lake; retries only around I/O."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

from prefect import task
from prefect.cache_policies import NO_CACHE

from flows.batch import BatchStats, build_batch
from flows.io import sources
from flows.io.sources import InputFile, discover_files
from flows.settings import Settings
from warehouse import db, lake
from warehouse.schemas import INPUTS

Discover = Callable[[Iterable[Path]], tuple[list[InputFile], list[Path]]]


class InputPathError(ValueError):
    """An input path the user named does not exist."""


def pending_files(settings: Settings, discover: Discover = sources.discover_files) -> list[InputFile]:
    """Input files not yet committed (by path and content); InputPathError for an input path that does not exist."""
    files, missing = discover(settings.inputs)
    if missing:
        raise InputPathError(f"input path does not exist: {missing[0]}")
    manifest = lake.read_column(settings.lake_dir, INPUTS, ["source_path", "file_sha256"]).to_pylist()
    committed = {(row["source_path"], row["file_sha256"]) for row in manifest}
    return [f for f in files if (str(f.path), f.sha256) not in committed]


@task(retries=2, retry_delay_seconds=2, cache_policy=NO_CACHE)
def discover_pending(settings: Settings) -> tuple[list[InputFile], int]:
    """New input files (not yet committed by path and content) and the count of leftovers dropped."""
    dropped = lake.discard_uncommitted(settings.lake_dir)
    return pending_files(settings, discover_files), len(dropped)


@task(retries=2, retry_delay_seconds=2, cache_policy=NO_CACHE)
def load_batch(files: list[InputFile], run_id: str, settings: Settings) -> BatchStats:
    """Read, analyse and commit one batch of files to the lake (its doc_ids checked against the lake's); its stats."""
    from flows.io.workers import analyser  # the text stack: imported only when there is something to analyse

    analyse = analyser(settings.workers, settings.batch_docs)
    now = datetime.now(UTC)
    committed = lake.committed_batches(settings.lake_dir)
    known = partial(lake.known_doc_ids, settings.lake_dir)
    batch = build_batch(files, analyse, known, run_id, now, dict(settings.metadata_fields), committed)
    lake.write_batch(settings.lake_dir, batch.stats.batch_id, batch.rows)
    return batch.stats


@task(retries=2, retry_delay_seconds=2, cache_policy=NO_CACHE)
def record_run(lake_dir: Path, run_row: dict) -> None:
    """Write the run's row (only runs that committed something are recorded)."""
    lake.write_run(lake_dir, run_row)


@task(retries=2, retry_delay_seconds=2, cache_policy=NO_CACHE)
def publish_warehouse(settings: Settings) -> list[db.CheckFailure]:
    """Rebuild the DuckDB warehouse over the lake, run the checks, and swap it into place (skipped when current)."""
    if db.is_current(settings.warehouse_path, settings.lake_dir, settings.sql_dir):
        return []
    return db.publish(settings.warehouse_path, settings.lake_dir, settings.sql_dir)
