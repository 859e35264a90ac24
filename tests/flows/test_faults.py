"""Fault tests: `newsetl run` killed with SIGKILL at chosen points, a reader across a publish, overlapping runs.

Each killed run is re-run and every relation compared with a clean run of the same input (volatile
columns aside). The runs use the test session's Prefect server, so only the kills are timed by events.
"""

from __future__ import annotations

import os
import shutil
import signal
from pathlib import Path

import duckdb
import pytest
from run_processes import cli_run, fingerprint, group_gone, run_child, runs, small_inputs, wait_for

from flows.lifecycle import EXIT_LAKE_BUSY
from flows.pipeline import news_etl
from warehouse import lake

pytestmark = pytest.mark.faults


@pytest.fixture(scope="module")
def api_env(prefect_harness) -> dict[str, str]:
    """Environment pointing a `newsetl run` subprocess at the session's Prefect server."""
    from prefect.settings import PREFECT_API_URL

    return {"PREFECT_API_URL": str(PREFECT_API_URL.value())}


@pytest.fixture(scope="module")
def clean(prefect_harness, tmp_path_factory) -> tuple[Path, Path, dict[str, str]]:
    """(inputs, data dir, fingerprint) of an uninterrupted run over the small inputs."""
    base = tmp_path_factory.mktemp("clean")
    inputs = small_inputs(base / "in")
    news_etl(inputs=[str(inputs)], data_dir=str(base / "data"), batch_docs=1)
    return inputs, base / "data", fingerprint(base / "data" / "warehouse.duckdb")


def _one_line(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in stderr, stderr
    return lines[0]


def test_killed_after_a_commit_while_an_overlapping_run_is_refused_then_a_rerun_equals_a_clean_run(
    clean, api_env, tmp_path
):
    inputs, _, expected = clean
    data = tmp_path / "data"
    with cli_run(inputs, data, env=api_env) as first:
        child = run_child(first)
        wait_for(lambda: lake.committed_batches(data / "lake"), first, "a committed batch")
        os.kill(child, signal.SIGSTOP)  # frozen after its first commit, holding the lake
        with cli_run(inputs, data, env=api_env) as second:
            _, err = second.communicate()
        assert second.returncode == EXIT_LAKE_BUSY
        assert "another newsetl run is loading" in _one_line(err)
        os.kill(child, signal.SIGKILL)
        _, err = first.communicate()
    assert first.returncode == 128 + signal.SIGKILL
    assert "the run process was killed (SIGKILL)" in _one_line(err)
    assert group_gone(child)
    committed = len(lake.committed_batches(data / "lake"))
    assert 1 <= committed < 3

    news_etl(inputs=[str(inputs)], data_dir=str(data), batch_docs=1)
    warehouse = data / "warehouse.duckdb"
    assert fingerprint(warehouse) == expected
    assert runs(warehouse) == sorted(
        [("incomplete", committed, committed), ("succeeded", 3 - committed, 3 - committed)]
    )
    assert not list((data / "lake").rglob("*.tmp"))


def test_killed_while_publishing_keeps_the_previous_warehouse_whole_and_leaves_no_build(clean, api_env, tmp_path):
    inputs, clean_data, expected = clean
    data = tmp_path / "data"
    shutil.copytree(clean_data, data)
    builds = ".warehouse.duckdb.*.tmp"
    with cli_run(inputs, data, env=api_env) as run:
        child = run_child(run)
        wait_for(lambda: list(data.glob(builds)), run, "a warehouse build")
        os.kill(child, signal.SIGKILL)
        run.communicate()
    assert run.returncode == 128 + signal.SIGKILL and group_gone(child)
    assert fingerprint(data / "warehouse.duckdb") == expected  # the reader's file was never touched
    assert list(data.glob(builds))  # the killed build is still there ...

    summary = news_etl(inputs=[str(inputs)], data_dir=str(data), batch_docs=1)
    assert summary.batches == () and not list(data.glob(".warehouse.duckdb.*"))  # ... until the next start
    assert fingerprint(data / "warehouse.duckdb") == expected
    assert runs(data / "warehouse.duckdb") == [("succeeded", 3, 3)]


def test_a_reader_holding_the_warehouse_open_across_a_publish_reads_a_whole_warehouse(clean, tmp_path):
    inputs, _, expected = clean
    data = tmp_path / "data"
    news_etl(inputs=[str(next(inputs.glob("000_*.txt")))], data_dir=str(data), batch_docs=1)
    query = (
        "select (select count(*) from documents), (select count(distinct doc_id) from figures), count(*) from inputs"
    )
    reader = duckdb.connect(str(data / "warehouse.duckdb"), read_only=True)
    try:
        before = reader.execute(query).fetchall()
        news_etl(inputs=[str(inputs)], data_dir=str(data), batch_docs=1)  # publishes a new warehouse file
        assert reader.execute(query).fetchall() == before == [(1, 1, 1)]
    finally:
        reader.close()
    assert fingerprint(data / "warehouse.duckdb") == expected
