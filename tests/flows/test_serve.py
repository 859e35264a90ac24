"""`newsetl serve` against a real local Prefect server (`newsetl server`): a scheduled run loads a new file.

Slow (a server start, a deployment every 5 s, a flow-run process per run: ~1-2 min), so marked `serve`;
the default run (CI) includes it.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

import duckdb
import httpx
import pytest

pytestmark = pytest.mark.serve

PROJECT_ROOT = Path(__file__).resolve().parents[2]
ARTICLE = PROJECT_ROOT / "seeds" / "globalvoices" / "gv-en-315673.txt"
PATIENCE_SECONDS = 240.0  # a bound against hangs only: every wait ends as soon as its condition holds


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def _newsetl(args: list[str], env: dict[str, str], log: Path) -> Iterator[subprocess.Popen]:
    """`newsetl ARGS` in its own session, output to `log`; its whole group is stopped afterwards."""
    with log.open("w") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "flows.cli", *args],
            env=env,
            cwd=log.parent,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            yield process
        finally:
            for signum in (signal.SIGINT, signal.SIGKILL):
                with suppress(ProcessLookupError):
                    os.killpg(process.pid, signum)
                with suppress(subprocess.TimeoutExpired):
                    process.wait(timeout=15)


def _wait_for(condition: Callable[[], Any], what: str, processes: list[subprocess.Popen], log: Path) -> Any:
    deadline = time.monotonic() + PATIENCE_SECONDS
    while time.monotonic() < deadline:
        if any(p.poll() is not None for p in processes):
            raise AssertionError(f"a process ended before {what}:\n{log.read_text()[-3000:]}")
        with suppress(httpx.HTTPError, duckdb.Error):
            found = condition()
            if found:
                return found
        time.sleep(1)
    raise AssertionError(f"no {what} within {PATIENCE_SECONDS:.0f} s:\n{log.read_text()[-3000:]}")


def _flow_runs(api: str) -> list[dict]:
    response = httpx.post(f"{api}/flow_runs/filter", json={"limit": 200}, timeout=10)
    response.raise_for_status()
    return response.json()


def _documents(warehouse: Path) -> int:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return con.execute("select count(*) from documents").fetchone()[0]  # type: ignore[index]
    finally:
        con.close()


def test_a_scheduled_run_loads_a_new_file_and_overlapping_runs_never_fail(tmp_path):
    inputs, data = tmp_path / "in", tmp_path / "data"
    inputs.mkdir()
    shutil.copy(ARTICLE, inputs)
    port = _free_port()
    api = f"http://127.0.0.1:{port}/api"
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")},
        "PREFECT_HOME": str(tmp_path / "prefect"),  # a fresh server database
        "PYTHONPATH": str(PROJECT_ROOT),
        "PREFECT_RUNNER_POLL_FREQUENCY": "2",
    }
    server_log, serve_log = tmp_path / "server.log", tmp_path / "serve.log"
    with _newsetl(["server", "--port", str(port)], env, server_log) as server:
        _wait_for(lambda: httpx.get(f"{api}/health", timeout=2).json() is True, "server", [server], server_log)
        serve_args = ["serve", "--interval", "5", "--input", str(inputs), "--data-dir", str(data)]
        with _newsetl(serve_args, {**env, "PREFECT_API_URL": api}, serve_log) as serve:
            running = [server, serve]
            warehouse = data / "warehouse.duckdb"
            _wait_for(lambda: warehouse.is_file() and _documents(warehouse) == 1, "load", running, serve_log)

            def finished_runs() -> list[dict]:
                done = [r for r in _flow_runs(api) if r["state_type"] == "COMPLETED"]
                return done if len(done) >= 2 else []  # the load, then a run with nothing new

            _wait_for(finished_runs, "second completed run", running, serve_log)
            runs = _flow_runs(api)
            artifacts = httpx.post(f"{api}/artifacts/filter", json={}, timeout=10).json()
    states = {r["state_type"] for r in runs}
    assert not states & {"FAILED", "CRASHED"}, [(r["name"], r["state_type"], r["state"]["message"]) for r in runs]
    cancelled = [r["state"]["message"] for r in runs if r["state_type"] == "CANCELLED"]
    assert all(m == "Deployment concurrency limit reached." for m in cancelled)  # overlaps are skipped
    assert [a["key"] for a in artifacts] == ["news-etl-run-summary"]  # only the run that loaded wrote one
    log = serve_log.read_text()
    assert "loaded 1 new file(s) in 1 batch(es): 1 articles" in log and "checks passed" in log
    assert "nothing new in" in log
