"""Running the batch tasks on an existing Dask cluster (`newsetl run --dask-address tcp://HOST:PORT`).

The flow runs where it is started; its `load_batch` tasks go to the cluster through Prefect's Dask
task runner (prefect-dask), all submitted at once. Each Dask worker process analyses its batches in
itself (one core each; no process pool inside a worker) and keeps the models it loaded (the per-process
caches of flows.io.models) for every later batch. A worker writes its batch's files and, last, the
manifest that commits it, to the lake (a shared folder or an object store such as S3), so a batch is
committed by its manifest whoever ran it. When a worker dies, Dask runs its batch again elsewhere: a
batch whose manifest already exists is not loaded twice (`flows.tasks.load_batch`).

The Dask workers report their task runs to the same Prefect API as the flow: to `PREFECT_API_URL`
when it is set (a server the workers can reach), else to the embedded server this process started
(reachable on 127.0.0.1 only: a cluster on one machine).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from flows.batch import BatchRows
from flows.settings import Settings

if TYPE_CHECKING:
    from prefect import Flow


def on_dask(flow: Flow[..., Any], address: str) -> Flow[..., Any]:
    """The flow with its tasks submitted to the Dask scheduler at `address`."""
    from prefect_dask import DaskTaskRunner

    runner: Any = DaskTaskRunner(address=address)  # prefect-dask's class predates Prefect's generic TaskRunner type
    return flow.with_options(task_runner=runner)


@contextmanager
def api_for_workers() -> Iterator[None]:
    """Make the embedded Prefect server's URL the API of this block, so the Dask workers report to it too."""
    from prefect.server.api.server import SubprocessASGIServer
    from prefect.settings import PREFECT_API_URL, PREFECT_SERVER_EPHEMERAL_ENABLED, temporary_settings

    if PREFECT_API_URL.value() or not PREFECT_SERVER_EPHEMERAL_ENABLED.value():
        yield
        return
    server = SubprocessASGIServer()
    server.start()  # a no-op when the background start already did it
    with temporary_settings(updates={PREFECT_API_URL: server.api_url}):
        yield


def on_a_cluster() -> bool:
    """Whether the current flow run submits its tasks to a Dask cluster (a scheduled run's flow does not)."""
    from prefect.context import FlowRunContext
    from prefect_dask import DaskTaskRunner

    context = FlowRunContext.get()
    return context is not None and isinstance(context.task_runner, DaskTaskRunner)


def analyse_here(settings: Settings) -> Settings:
    """The settings a batch task uses on a Dask worker: its text stages in that worker process."""
    return replace(settings, workers=1)


PER_DOCUMENT = ("documents", "entity_mentions", "figures", "removed_noise")  # the rows a loaded document brings


def without_documents(batch: BatchRows, doc_ids: set[str]) -> BatchRows:
    """The batch with these documents counted as duplicates (another batch committed them first): their rows gone,
    the manifest and the stats counting them as duplicates. Article versions and boilerplate are kept."""
    if not doc_ids:
        return batch
    rows = dict(batch.rows)
    dropped_by_path: dict[str, int] = {}
    for row in batch.rows["documents"]:
        if row["doc_id"] in doc_ids:
            dropped_by_path[row["source_path"]] = dropped_by_path.get(row["source_path"], 0) + 1
    for name in PER_DOCUMENT:
        rows[name] = [row for row in batch.rows[name] if row["doc_id"] not in doc_ids]
    rows["inputs"] = [
        {
            **row,
            "articles_loaded": row["articles_loaded"] - dropped_by_path.get(row["source_path"], 0),
            "articles_duplicate": row["articles_duplicate"] + dropped_by_path.get(row["source_path"], 0),
        }
        for row in batch.rows["inputs"]
    ]
    stats = replace(
        batch.stats,
        documents_loaded=len(rows["documents"]),
        duplicates=batch.stats.duplicates + sum(dropped_by_path.values()),
        figures=len(rows["figures"]),
        entity_mentions=len(rows["entity_mentions"]),
        removed_segments=len(rows["removed_noise"]),
        words=sum(row["word_count"] for row in rows["documents"]),
    )
    return BatchRows(rows, stats, batch.doc_ids - doc_ids)
