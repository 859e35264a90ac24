"""Prefect tasks: each moves a whole batch between the core and the lake; retries only around I/O."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

from prefect import task
from prefect.cache_policies import NO_CACHE

from flows.batch import BatchStats, batch_id_for, build_batch, part_bytes
from flows.io import sources
from flows.io.parts import plan_parts
from flows.io.sources import InputFile, discover_files
from flows.settings import Settings
from warehouse import db, lake
from warehouse.schemas import DOCUMENTS, ENTITY_MENTIONS, FIGURES, INPUT_PARTS, INPUTS, REMOVED_NOISE, Table
from warehouse.storage import LakePath

Discover = Callable[[Iterable[Path]], tuple[list[InputFile], list[Path]]]


class InputPathError(ValueError):
    """An input path the user named does not exist."""


def pending_files(settings: Settings, discover: Discover = sources.discover_files) -> list[InputFile]:
    """Input files, or parts of them, not yet committed (by path and content); a file larger than a batch comes
    as the parts of it still to load. InputPathError for an input path that does not exist."""
    files, missing = discover(settings.inputs)
    if missing:
        raise InputPathError(f"input path does not exist: {missing[0]}")
    whole, parts = committed_inputs(settings.lake_dir)
    pending: list[InputFile] = []
    for file in files:
        key = (str(file.path), file.sha256)
        if key not in whole and not is_complete(parts.get(key, {})):
            pending.extend(plan_parts(file, part_bytes(settings.batch_docs), parts.get(key)))
    return pending


FileKey = tuple[str, str]  # (source_path, file_sha256)


def committed_inputs(lake_dir: LakePath) -> tuple[set[FileKey], dict[FileKey, dict[int, int | None]]]:
    """The files committed whole, and for each file loaded in parts its committed parts (start -> end)."""
    manifest = lake.read_column(lake_dir, INPUTS, ["source_path", "file_sha256", "batch_id"]).to_pylist()
    part_rows = lake.read_column(lake_dir, INPUT_PARTS, INPUT_PARTS.columns).to_pylist()
    in_parts = {(row["source_path"], row["file_sha256"], row["batch_id"]) for row in part_rows}
    whole = {
        (r["source_path"], r["file_sha256"])
        for r in manifest
        if (r["source_path"], r["file_sha256"], r["batch_id"]) not in in_parts
    }
    parts: dict[FileKey, dict[int, int | None]] = {}
    for row in part_rows:
        parts.setdefault((row["source_path"], row["file_sha256"]), {})[row["start_byte"]] = row["end_byte"]
    return whole, parts


def is_complete(parts: Mapping[int, int | None]) -> bool:
    """Whether committed parts (start -> end, None: the end of the file) chain from offset 0 to the file's end."""
    position = 0
    while position in parts:
        end = parts[position]
        if end is None:
            return True
        position = end
    return False


@task(retries=2, retry_delay_seconds=2, cache_policy=NO_CACHE)
def discover_pending(settings: Settings) -> tuple[list[InputFile], int]:
    """New input files (not yet committed by path and content) and the count of leftovers dropped."""
    dropped = lake.discard_uncommitted(settings.lake_dir)
    return pending_files(settings, discover_files), len(dropped)


@task(retries=2, retry_delay_seconds=2, cache_policy=NO_CACHE)
def load_batch(files: list[InputFile], run_id: str, settings: Settings) -> BatchStats:
    """Read, analyse and commit one batch of files to the lake (its doc_ids checked against the lake's); its stats.

    A batch already committed (its task ran again after the worker that ran it died) is not loaded twice.
    """
    done = committed_stats(settings.lake_dir, files)
    if done is not None:
        return done
    from flows.io.workers import analyser  # the text stack: imported only when there is something to analyse

    analyse = analyser(settings.workers, settings.batch_docs)
    now = datetime.now(UTC)
    committed = lake.committed_batches(settings.lake_dir)
    known = partial(lake.known_doc_ids, settings.lake_dir)
    batch = build_batch(files, analyse, known, run_id, now, dict(settings.metadata_fields), committed)
    if not settings.dask_address:
        lake.write_batch(settings.lake_dir, batch.stats.batch_id, batch.rows)
        return batch.stats
    from flows.distributed import without_documents

    # Batches commit side by side on a cluster: one at a time, and a document that a batch committed
    # since this one was read counts as a duplicate here, as it would have in a run of one batch at a time.
    with lake.committing(settings.lake_dir):
        since = lake.committed_batches(settings.lake_dir) - committed
        batch = without_documents(
            batch, lake.known_doc_ids(settings.lake_dir, batch.doc_ids, since) if since else set()
        )
        lake.write_batch(settings.lake_dir, batch.stats.batch_id, batch.rows)
    return batch.stats


def committed_stats(lake_dir: LakePath, files: list[InputFile]) -> BatchStats | None:
    """The stats of the batch of exactly these files (paths and contents) when its manifest exists, else None."""
    batch_id = batch_id_for(files)
    manifest = lake.table_dir(lake_dir, INPUTS) / f"{batch_id}.parquet"
    if not manifest.exists():
        return None
    rows = lake.read_file(manifest, INPUTS).to_pylist()
    if {(r["source_path"], r["file_sha256"]) for r in rows} != {(str(f.path), f.sha256) for f in files}:
        return None

    def count(table: Table) -> int:
        path = lake.table_dir(lake_dir, table) / f"{batch_id}.parquet"
        return lake.read_file(path, table, ["batch_id"]).num_rows if path.exists() else 0

    documents = lake.table_dir(lake_dir, DOCUMENTS) / f"{batch_id}.parquet"
    words = (
        sum(lake.read_file(documents, DOCUMENTS, ["word_count"]).column("word_count").to_pylist())
        if documents.exists()
        else 0
    )
    return BatchStats(
        batch_id=batch_id,
        input_files=len(rows),
        documents_loaded=sum(r["articles_loaded"] for r in rows),
        duplicates=sum(r["articles_duplicate"] for r in rows),
        rejected=sum(r["rejected"] for r in rows),
        figures=count(FIGURES),
        entity_mentions=count(ENTITY_MENTIONS),
        removed_segments=count(REMOVED_NOISE),
        words=words,
    )


@task(retries=2, retry_delay_seconds=2, cache_policy=NO_CACHE)
def record_run(lake_dir: LakePath, run_row: dict) -> None:
    """Write the run's row (only runs that committed something are recorded)."""
    lake.write_run(lake_dir, run_row)


@task(retries=2, retry_delay_seconds=2, cache_policy=NO_CACHE)
def publish_warehouse(settings: Settings) -> list[db.CheckFailure]:
    """Rebuild the DuckDB warehouse over the lake, run the checks, and swap it into place (skipped when current)."""
    if db.is_current(settings.warehouse_path, settings.lake_dir, settings.sql_dir):
        return []
    failures = db.publish(settings.warehouse_path, settings.lake_dir, settings.sql_dir)
    if not failures and settings.shared_warehouse is not None:  # a lake on an object store: a copy beside it
        settings.shared_warehouse.write_bytes(settings.warehouse_path.read_bytes())
    return failures
