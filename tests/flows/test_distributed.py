"""Past one machine: the batch tasks on a real Dask cluster (2 worker processes, TCP on 127.0.0.1) and the lake on a
real S3 server (moto's server mode on 127.0.0.1) give the warehouse of a local run, even when a worker is killed
mid-run. Nothing of ours is mocked: the flow, Prefect's Dask task runner, s3fs and DuckDB are the real ones."""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest

from flows.pipeline import news_etl
from warehouse.storage import ObjectPath

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
BATCH_DOCS = 2  # several batches from the seeds, so both workers get some and one dies holding one
# Columns that say when or in which run something was loaded: they differ between any two runs.
VOLATILE = {"run_id", "loaded_at", "committed_at", "started_at", "finished_at", "first_loaded_at", "last_loaded_at"}


@pytest.fixture
def s3(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A bucket on a real S3 server on 127.0.0.1; the AWS_* environment points there (the Dask workers inherit it)."""
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    for name, value in {
        "AWS_ENDPOINT_URL": f"http://{host}:{port}",
        "AWS_ACCESS_KEY_ID": "newsetl-test",
        "AWS_SECRET_ACCESS_KEY": "newsetl-test",
        "AWS_DEFAULT_REGION": "us-east-1",
    }.items():
        monkeypatch.setenv(name, value)
    ObjectPath("s3://newsetl-lake").fs.mkdir("newsetl-lake")
    try:
        yield "s3://newsetl-lake/news"
    finally:
        server.stop()


@pytest.fixture
def dask_cluster(s3: str) -> Iterator[tuple[str, object]]:
    """(scheduler address, client) of a LocalCluster of 2 worker processes, one thread each, TCP on 127.0.0.1."""
    from distributed import Client, LocalCluster

    with (
        LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            protocol="tcp",
            dashboard_address=None,
        ) as cluster,
        Client(cluster) as client,
    ):
        yield cluster.scheduler_address, client


def _relations(con: duckdb.DuckDBPyConnection) -> list[str]:
    rows = con.execute(
        "select table_schema || '.' || table_name from information_schema.tables"
        " where table_schema in ('raw', 'main', 'reports') order by 1"
    ).fetchall()
    return [name for (name,) in rows]


def _snapshot(warehouse: Path) -> dict[str, list[str]]:
    """Every relation's rows (volatile columns left out), sorted, so two warehouses compare relation by relation."""
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        snapshot: dict[str, list[str]] = {}
        for relation in _relations(con):
            columns = [d[0] for d in con.execute(f"select * from {relation} limit 0").description or []]
            kept = ", ".join(f'"{c}"' for c in columns if c not in VOLATILE)
            snapshot[relation] = sorted(map(repr, con.execute(f"select {kept} from {relation}").fetchall()))
        return snapshot
    finally:
        con.close()


def _warm_the_workers(client: Any) -> list[Any]:
    """Have every worker import the text stack and load what any analysis needs, in its task thread (not waited for)."""
    from flows.io.workers import warm_up

    workers = list(client.scheduler_info()["workers"])
    return [client.submit(warm_up, workers=[w], allow_other_workers=False, pure=False) for w in workers]


def _kill_a_worker_after_first_commit(lake: ObjectPath, client: object, done: threading.Event) -> list[int]:
    """Start a thread that SIGKILLs one Dask worker process once the first batch is committed on S3."""
    killed: list[int] = []
    pids = client.run(os.getpid)  # type: ignore[attr-defined]

    def watch() -> None:
        manifests = lake / "inputs"
        while not done.is_set():
            if list(manifests.glob("*.parquet")):
                done.wait(0.5)  # the worker that committed has let go of the commit lock and taken its next batch
                pid = sorted(pids.values())[0]
                os.kill(pid, signal.SIGKILL)
                killed.append(pid)
                return
            done.wait(0.05)

    threading.Thread(target=watch, name="kill-a-worker", daemon=True).start()
    return killed


def test_dask_and_s3_give_the_local_warehouse_even_when_a_worker_dies(
    prefect_harness, dask_cluster, s3, tmp_path, monkeypatch
):
    address, client = dask_cluster
    monkeypatch.setenv("NEWSETL_WAREHOUSE_DIR", str(tmp_path / "from_s3"))
    warming = _warm_the_workers(client)  # while the local run goes: a long-lived cluster's workers are warm
    local = news_etl(inputs=[str(SEEDS)], data_dir=str(tmp_path / "local"), batch_docs=BATCH_DOCS, workers=1)

    done = threading.Event()
    killed = _kill_a_worker_after_first_commit(ObjectPath(s3) / "lake", client, done)
    try:
        remote = news_etl(inputs=[str(SEEDS)], data_dir=s3, batch_docs=BATCH_DOCS, dask_address=address)
    finally:
        done.set()

    client.cancel(warming)
    assert killed, "no worker was killed mid-run"
    assert len(remote.batches) == len(local.batches) > 2
    assert remote.documents_loaded == local.documents_loaded
    published = tmp_path / "from_s3" / "warehouse.duckdb"
    assert _snapshot(published) == _snapshot(local.warehouse_path)
    shared = ObjectPath(s3) / "warehouse.duckdb"  # the copy beside the lake is the published file
    assert shared.read_bytes() == published.read_bytes()
    assert not (ObjectPath(s3) / "lake" / ".run.lock").exists()  # the lock object is released
