"""Process lifecycle of `newsetl run`: nothing it started outlives it; signals and refusals end it with one line."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import textwrap

import duckdb
import pytest
from run_processes import cli_run, group_commands, group_gone, run_child, small_inputs, wait_for

from flows import cli
from flows.lifecycle import EXIT_DISK_FULL, EXIT_NO_PERMISSION, operational_failure
from flows.settings import load_settings
from warehouse import lake

pytestmark = pytest.mark.faults


def _chained(outer: Exception, cause: BaseException) -> Exception:
    outer.__cause__ = cause
    return outer


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), "/data/lake/x.parquet.tmp"), EXIT_DISK_FULL),
        (OSError(errno.EDQUOT, os.strerror(errno.EDQUOT)), EXIT_DISK_FULL),  # a quota is a full disk to the user
        (duckdb.IOException("Could not write file: No space left on device"), EXIT_DISK_FULL),  # no errno given
        (OSError("[errno 28] No space left on device"), EXIT_DISK_FULL),  # Arrow's wording, no errno attribute
        (PermissionError(errno.EACCES, os.strerror(errno.EACCES), "/data/lake"), EXIT_NO_PERMISSION),
        (OSError(errno.EROFS, os.strerror(errno.EROFS)), EXIT_NO_PERMISSION),  # a read-only mount
        (_chained(RuntimeError("task failed"), OSError(errno.ENOSPC, "full")), EXIT_DISK_FULL),  # wrapped
        (ValueError("a bug"), None),  # anything else is not operational: its traceback is shown
        (FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT)), None),
    ],
)
def test_operational_failures_are_told_by_errno_or_by_the_systems_wording(error, expected):
    found = operational_failure(error)
    assert (found[0] if found else None) == expected


@pytest.mark.parametrize(
    ("code", "status", "kind"), [(errno.ENOSPC, 74, "disk full"), (errno.EACCES, 77, "permission")]
)
def test_a_refused_write_ends_the_run_with_one_line_a_distinct_status_and_no_retry(
    prefect_harness, tmp_path, monkeypatch, capsys, code, status, kind
):
    calls = []

    def refuse(*args: object, **kwargs: object) -> None:
        calls.append(args)
        raise OSError(code, os.strerror(code), str(tmp_path / "data" / "lake" / "documents" / "x.parquet.tmp"))

    monkeypatch.setattr(lake, "write_batch", refuse)
    settings = load_settings({"inputs": [str(small_inputs(tmp_path / "in"))], "data_dir": str(tmp_path / "data")})
    assert cli._run_here(settings) == status
    lines = [line for line in capsys.readouterr().err.splitlines() if line.startswith("newsetl")]
    assert len(lines) == 1 and lines[0].startswith(f"newsetl run: {kind}") and "run again" in lines[0]
    assert len(calls) == 1  # retrying cannot help
    assert not lake.read_column(tmp_path / "data" / "lake", lake.RUNS, ["run_id"]).num_rows  # nothing committed


def test_sigterm_ends_a_run_with_one_line_and_status_143_and_leaves_no_process(prefect_harness, tmp_path):
    from prefect.settings import PREFECT_API_URL

    data = tmp_path / "data"
    with cli_run(small_inputs(tmp_path / "in"), data, env={"PREFECT_API_URL": str(PREFECT_API_URL.value())}) as run:
        child = run_child(run)
        wait_for(lambda: (data / "lake" / lake.LOCK_NAME).exists(), run, "the run holding the lake")
        run.send_signal(signal.SIGTERM)
        _, err = run.communicate()
    assert run.returncode == 128 + signal.SIGTERM
    assert err.strip().splitlines() == [err.strip()] and err.startswith("newsetl run: stopped by SIGTERM")
    assert group_gone(child)


def test_a_killed_run_child_takes_the_embedded_prefect_server_with_it(tmp_path):
    data = tmp_path / "data"
    env = {"PREFECT_HOME": str(tmp_path / "prefect")}  # and no PREFECT_API_URL: the run starts its own server
    with cli_run(small_inputs(tmp_path / "in"), data, env=env) as run:
        child = run_child(run)
        wait_for(lambda: any("uvicorn" in c for c in group_commands(child).values()), run, "the embedded server")
        os.kill(child, signal.SIGKILL)  # as the OOM killer would
        _, err = run.communicate()
    assert run.returncode == 128 + signal.SIGKILL and "the run process was killed (SIGKILL)" in err
    assert group_gone(child)


def test_a_process_watching_its_parent_ends_when_the_parent_is_killed(tmp_path):
    """How a run child and each pool worker end when their parent dies, even by SIGKILL."""
    watcher = textwrap.dedent(
        """
        import os, time
        from flows.lifecycle import watch_parent
        watch_parent(lambda: os._exit(3), every_seconds=0.05)
        print(os.getpid(), flush=True)
        time.sleep(20)
        """
    )
    parent = textwrap.dedent(
        f"""
        import subprocess, sys, time
        subprocess.Popen([sys.executable, "-c", {watcher!r}])
        time.sleep(20)
        """
    )
    middle = subprocess.Popen(
        [sys.executable, "-c", parent], stdout=subprocess.PIPE, text=True, cwd=tmp_path, start_new_session=True
    )
    try:
        assert int(middle.stdout.readline()) in group_commands(middle.pid)  # the watcher is up
        middle.kill()
        middle.wait()
        assert group_gone(middle.pid)
    finally:
        os.killpg(middle.pid, signal.SIGKILL) if group_commands(middle.pid) else None
