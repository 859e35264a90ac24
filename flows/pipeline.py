"""The `news_etl` flow: discover → load batches → publish the warehouse → check → summarise.

Called directly (`newsetl run`, tests), the flow first looks without Prefect: a run with nothing to
do (no new input, no leftover of a killed run, the warehouse current) returns at once, without
starting the embedded Prefect server (6–11 s) or loading any model; such a run changes nothing and
records no flow run. When there is work and no Prefect server is configured, the embedded server
starts in the background (`flows.embedded_server`: its command line, without importing Prefect's
server code here) while this process imports the text stages and, for a small load, loads the
gazetteer (`_IdleAwareFlow`). A deployment's scheduled runs always run the flow itself.
"""

from __future__ import annotations

import inspect
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, nullcontext, suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from prefect import Flow
from prefect.artifacts import create_markdown_artifact
from prefect.client.schemas.objects import TaskRun
from prefect.context import FlowRunContext
from prefect.runtime import flow_run
from prefect.states import State

from flows.batch import BYTES_PER_ARTICLE, BatchStats, batch_id_for, plan_batches
from flows.io.sources import InputFile
from flows.lifecycle import operational_failure
from flows.progress import batch_committed
from flows.settings import Settings, load_settings
from flows.tasks import InputPathError, discover_pending, load_batch, pending_files, publish_warehouse, record_run
from warehouse import db, lake
from warehouse.db import CheckFailure, remove_stale_builds
from warehouse.schemas import RUNS, make_row
from warehouse.storage import LakePath

if TYPE_CHECKING:
    from flows.embedded_server import EmbeddedServer

SERVER_START_SECONDS = 120  # the longest wait for the embedded server started in the background


class ChecksFailed(RuntimeError):
    """Warehouse checks returned bad rows."""


@dataclass(frozen=True)
class RunSummary:
    """What one run did."""

    run_id: str
    warehouse_path: Path
    new_files: int
    batches: tuple[BatchStats, ...]
    leftovers_dropped: int
    seconds: float
    check_failures: tuple[CheckFailure, ...] = field(default=())

    @property
    def documents_loaded(self) -> int:
        return sum(b.documents_loaded for b in self.batches)

    @property
    def rejected(self) -> int:
        return sum(b.rejected for b in self.batches)

    def total(self, name: str) -> int:
        """Sum of one BatchStats counter over the batches."""
        return sum(getattr(b, name) for b in self.batches)

    def to_markdown(self) -> str:
        """The run summary as a small markdown table."""
        rows = [
            ("new input files", self.new_files),
            ("batches committed", len(self.batches)),
            ("documents loaded", self.documents_loaded),
            ("duplicates skipped", self.total("duplicates")),
            ("quarantined", self.rejected),
            ("entity mentions", self.total("entity_mentions")),
            ("figures", self.total("figures")),
            ("noise segments removed", self.total("removed_segments")),
            ("words", self.total("words")),
            ("uncommitted leftovers dropped", self.leftovers_dropped),
            ("seconds", round(self.seconds, 1)),
        ]
        lines = ["| measure | value |", "|---|---|", *(f"| {k} | {v} |" for k, v in rows)]
        checks = (
            "all checks passed"
            if not self.check_failures
            else ", ".join(c.name for c in self.check_failures) + " FAILED"
        )
        return (
            f"# news_etl run {self.run_id}\n\nWarehouse: `{self.warehouse_path}`\n\n"
            + "\n".join(lines)
            + f"\n\nChecks: {checks}\n"
        )


def describe_failures(failures: tuple[CheckFailure, ...]) -> str:
    """One message naming each failed check with its first bad rows."""
    parts = []
    for failure in failures:
        shown = "; ".join(str(dict(zip(failure.columns, row, strict=True))) for row in failure.rows[:5])
        parts.append(f"check {failure.name} returned {failure.total} bad row(s): {shown}")
    return "\n".join(parts)


def _run_id() -> str:
    """The Prefect flow-run id, or a fresh one outside a flow run."""
    return str(flow_run.get_id() or uuid.uuid4())


class _IdleAwareFlow(Flow[..., "RunSummary"]):
    """The flow, which when called directly answers a run with nothing to do without Prefect (see the module doc)."""

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        if kwargs.get("return_state") or kwargs.get("wait_for") or FlowRunContext.get() is not None:
            return super().__call__(*args, **kwargs)
        began = time.perf_counter()
        settings = _settings(**inspect.signature(self.fn).bind(*args, **kwargs).arguments)
        pending = _pending_unless_idle(settings)
        if pending is None:
            return RunSummary(str(uuid.uuid4()), settings.warehouse_path, 0, (), 0, time.perf_counter() - began)
        server = _embedded_server()
        _warm_up(settings, pending)
        with _api_of(server):
            if settings.dask_address:  # the batch tasks run on that Dask cluster (flows/distributed.py)
                from flows.distributed import api_for_workers, on_dask

                with api_for_workers():
                    return on_dask(self, settings.dask_address)(*args, **kwargs)
            return super().__call__(*args, **kwargs)


def _idle_aware(fn: Callable[..., RunSummary]) -> _IdleAwareFlow:
    return _IdleAwareFlow(fn=fn, name="news_etl", log_prints=False)


def _settings(
    inputs: list[str] | None = None,
    data_dir: str | None = None,
    batch_docs: int | None = None,
    workers: int | None = None,
    metadata_fields: dict[str, str] | None = None,
    dask_address: str | None = None,
) -> Settings:
    """The run's settings from the flow's parameters (None: from the environment, pyproject, defaults)."""
    overrides = {
        "inputs": inputs,
        "data_dir": data_dir,
        "batch_docs": batch_docs,
        "workers": workers,
        "metadata_fields": metadata_fields,
        "dask_address": dask_address,
    }
    return load_settings(overrides)


def _pending_unless_idle(settings: Settings) -> list[InputFile] | None:
    """None when the run has nothing to do; else the files it will load (empty: work other than loading).

    Anything unusual (the lake busy, a killed run's leftovers, a missing input) counts as work: the
    flow itself deals with it and reports it.
    """
    try:
        with lake.exclusive(settings.lake_dir):
            pending = pending_files(settings)
            idle = not (
                pending
                or lake.has_killed_runs(settings.lake_dir)
                or lake.uncommitted(settings.lake_dir)
                or not db.is_current(settings.warehouse_path, settings.lake_dir, settings.sql_dir)
            )
    except (lake.LakeBusy, InputPathError):
        return []
    return None if idle else pending


def _embedded_server() -> EmbeddedServer | None:
    """This process's embedded Prefect server, starting in the background, when no Prefect server is configured."""
    from prefect.settings import PREFECT_API_URL, PREFECT_SERVER_EPHEMERAL_ENABLED

    if PREFECT_API_URL.value() or not PREFECT_SERVER_EPHEMERAL_ENABLED.value():
        return None
    from flows.embedded_server import start_server

    return start_server()


def _api_of(server: EmbeddedServer | None) -> AbstractContextManager[Any]:
    """The embedded server as the Prefect API of the block once it answers (a server that does not start is
    left to Prefect, which then starts its own)."""
    from prefect.settings import PREFECT_API_URL, PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS, temporary_settings

    # A busy machine can take longer than Prefect's default to start it: waiting longer here costs nothing else.
    timeout = max(PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS.value(), SERVER_START_SECONDS)
    if server is None or not server.wait(timeout):
        return nullcontext()
    return temporary_settings(updates={PREFECT_API_URL: server.api_url})


def _warm_up(settings: Settings, pending: list[InputFile]) -> None:
    """While the embedded server starts, import the text stages and, for a load small enough to run here, load
    the gazetteer (for a larger one, the worker processes start and load it)."""
    from flows.io import workers

    small = sum(f.size_bytes for f in pending) < workers.POOL_MIN_DOCS * BYTES_PER_ARTICLE
    if pending and settings.dask_address:
        pass  # the models load on the Dask workers
    elif pending and (settings.workers <= 1 or small):
        workers.warm_up()
    elif pending:
        workers.start_workers(settings.workers)


@_idle_aware
def news_etl(
    inputs: list[str] | None = None,
    data_dir: str | None = None,
    batch_docs: int | None = None,
    workers: int | None = None,
    metadata_fields: dict[str, str] | None = None,
    dask_address: str | None = None,
) -> RunSummary:
    """Load new articles from the inputs into the lake and publish the DuckDB warehouse."""
    began = time.perf_counter()
    started_at = datetime.now(UTC)
    settings = _settings(inputs, data_dir, batch_docs, workers, metadata_fields, dask_address)
    run_id = _run_id()
    with lake.exclusive(settings.lake_dir):
        lake.close_killed_runs(settings.lake_dir)
        settings.warehouse_path.parent.mkdir(parents=True, exist_ok=True)  # a lake on S3: its local warehouse folder
        remove_stale_builds(settings.warehouse_path)
        pending, dropped = discover_pending.with_options(retry_condition_fn=worth_retrying)(settings)
        stats: list[BatchStats] = []
        ledger = _Ledger(settings.lake_dir, run_id, started_at, stats)
        try:
            for batch_stats in _load_batches(
                ledger.begin(plan_batches(pending, settings.batch_docs)), run_id, settings
            ):
                stats.append(batch_stats)
                batch_committed(stats, pending)
            ledger.record(lake.SUCCEEDED)
            failures = tuple(publish_warehouse.with_options(retry_condition_fn=worth_retrying)(settings))
        except BaseException as err:
            ledger.close_after(err)
            raise
        if failures:
            ledger.record(lake.CHECKS_FAILED)
    summary = RunSummary(
        run_id,
        settings.warehouse_path,
        len({f.path for f in pending}),  # a file loaded in parts counts once
        tuple(stats),
        dropped,
        time.perf_counter() - began,
        failures,
    )
    create_markdown_artifact(
        markdown=summary.to_markdown(), key="news-etl-run-summary", description="newsetl run summary"
    )
    if failures:
        raise ChecksFailed(describe_failures(failures))
    return summary


def _load_batches(batches: Sequence[list[InputFile]], run_id: str, settings: Settings) -> Iterator[BatchStats]:
    """Each batch's stats once committed: loaded one after another here, or all submitted at once to the Dask
    cluster (each on a worker, its text stages in that worker process) and collected in order."""

    def task(files: list[InputFile]) -> Any:
        return load_batch.with_options(
            task_run_name=f"load-batch-{batch_id_for(files)}", retry_condition_fn=worth_retrying
        )

    from flows.distributed import analyse_here, on_a_cluster

    if settings.dask_address and on_a_cluster():
        futures = [task(files).submit(files, run_id, analyse_here(settings)) for files in batches]
        return (future.result() for future in futures)
    return (task(files)(files, run_id, settings) for files in batches)


def worth_retrying(task: object, task_run: TaskRun, state: State) -> bool:
    """Retry a failed task unless the machine refused (disk full, no permission): retrying cannot help."""
    return not (isinstance(state.data, BaseException) and operational_failure(state.data))


def _record_run(lake_dir: LakePath, row: dict) -> None:
    record_run.with_options(retry_condition_fn=worth_retrying)(lake_dir, row)


@dataclass
class _Ledger:
    """The run's `runs` row: `running` from before its first batch, then its final status.

    A run that commits no batch leaves no row, so a run with nothing new changes nothing.
    """

    lake_dir: LakePath
    run_id: str
    started_at: datetime
    stats: list[BatchStats]

    def begin(self, batches: list[list[InputFile]]) -> list[list[InputFile]]:
        """Record the run as running when it has batches to load; returns the batches."""
        if batches:
            _record_run(self.lake_dir, self._row(lake.RUNNING, finished=False))
        return batches

    def record(self, status: str) -> None:
        """Record the run's final status (only a run that committed something has a row)."""
        if self.stats:
            _record_run(self.lake_dir, self._row(status))

    def close_after(self, err: BaseException) -> None:
        """Best effort after an error or interrupt: the final row, or none when nothing was committed.

        When even this cannot be written (disk full), the next start closes the run as incomplete.
        """
        status = lake.FAILED if isinstance(err, Exception) else lake.INTERRUPTED
        with suppress(OSError):
            if self.stats:
                lake.write_run(self.lake_dir, self._row(status))
            else:
                lake.drop_run(self.lake_dir, self.run_id)

    def _row(self, status: str, finished: bool = True) -> dict:
        return make_row(
            RUNS,
            run_id=self.run_id,
            status=status,
            started_at=self.started_at,
            finished_at=datetime.now(UTC) if finished else None,
            batches=len(self.stats),
            input_files=sum(s.input_files for s in self.stats),
            documents_loaded=sum(s.documents_loaded for s in self.stats),
            rejected=sum(s.rejected for s in self.stats),
        )
