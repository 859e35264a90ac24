"""Helpers of the fault and lifecycle tests: `newsetl run` in its own session, its run child, process groups."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import duckdb

PROJECT_ROOT = Path(__file__).resolve().parents[2]
SEEDS = PROJECT_ROOT / "seeds"
SMALL_INPUTS = (  # the seed article and two short ones: three batches with --batch-docs 1
    SEEDS / "000_d6384df40f951bf6.txt",
    SEEDS / "globalvoices" / "gv-en-315673.txt",
    SEEDS / "globalvoices" / "gv-en-315377.txt",
)
VOLATILE = {"loaded_at", "committed_at", "run_id"}  # differ between any two runs by design
PATIENCE_SECONDS = 120.0  # a bound against hangs only: every wait ends as soon as its condition holds


def small_inputs(folder: Path) -> Path:
    """A folder holding copies of the small inputs."""
    folder.mkdir(parents=True, exist_ok=True)
    for path in SMALL_INPUTS:
        shutil.copy(path, folder)
    return folder


@contextmanager
def cli_run(inputs: Path, data_dir: Path, *flags: str, env: dict[str, str] | None = None) -> Iterator[subprocess.Popen]:
    """`newsetl run --quiet` in its own session (batches of one document, no progress lines: stderr holds only
    failures); whatever is left is killed afterwards."""
    command = [sys.executable, "-m", "flows.cli", "run", "--quiet", "--input", str(inputs), "--data-dir", str(data_dir)]
    process = subprocess.Popen(
        [*command, "--batch-docs", "1", *flags],
        env={**{k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}, **(env or {})},
        cwd=data_dir.parent,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    groups = [process.pid]
    try:
        yield process
    finally:
        groups.extend(members_pgids(process.pid))
        for pgid in groups:
            with suppress(ProcessLookupError):
                os.killpg(pgid, signal.SIGKILL)
        process.communicate()


def members_pgids(session: int) -> set[int]:
    """Process groups of the processes of a session."""
    return {stat[1] for stat in _stats().values() if stat[2] == session}


def _stats() -> dict[int, tuple[int, int, int]]:
    """(ppid, pgid, session) of every process."""
    found = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with suppress(OSError):
                fields = (entry / "stat").read_text().rpartition(")")[2].split()
                found[int(entry.name)] = (int(fields[1]), int(fields[2]), int(fields[3]))
    return found


def group_commands(pgid: int) -> dict[int, str]:
    """Command lines of the live (not zombie) processes of a process group."""
    commands = {}
    for pid, (_, group, _) in _stats().items():
        if group == pgid:
            with suppress(OSError):
                if (Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split() or ["Z"])[0] != "Z":
                    commands[pid] = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    return commands


def wait_for(condition: Callable[[], object], process: subprocess.Popen, what: str) -> object:
    """Poll until the condition holds; fails when the process ended first or after PATIENCE_SECONDS."""
    deadline = time.monotonic() + PATIENCE_SECONDS
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        if process.poll() is not None:
            raise AssertionError(f"the run ended before {what}: {process.returncode}, {process.stderr.read()}")
        time.sleep(0.005)
    raise AssertionError(f"no {what} within {PATIENCE_SECONDS} s")


def run_child(supervisor: subprocess.Popen) -> int:
    """Pid of the run child of a `newsetl run` supervisor (it leads its own process group)."""

    def child() -> int | None:
        return next((pid for pid, stat in _stats().items() if stat[0] == supervisor.pid), None)

    pid = wait_for(child, supervisor, "a run child")
    assert isinstance(pid, int)
    return pid


def group_gone(pgid: int) -> bool:
    """Wait until no live process of the group is left (False after PATIENCE_SECONDS)."""
    deadline = time.monotonic() + PATIENCE_SECONDS
    while group_commands(pgid):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def fingerprint(warehouse: Path) -> dict[str, str]:
    """A digest of every relation of the warehouse but `runs`, without the columns that differ between runs."""
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        names = [
            name
            for (name,) in con.execute(
                "select table_name from information_schema.tables where table_schema = 'main' order by 1"
            ).fetchall()
        ]
        digests = {}
        for name in names:
            if name == "runs":
                continue
            columns = [d[0] for d in con.execute(f'select * from "{name}" limit 0').description]
            kept = ", ".join(f'"{c}"' for c in columns if c not in VOLATILE)
            rows = sorted(map(repr, con.execute(f'select {kept} from "{name}"').fetchall()))
            digests[name] = hashlib.sha256("\n".join(rows).encode()).hexdigest()[:16] + f" ({len(rows)} rows)"
        return digests
    finally:
        con.close()


def runs(warehouse: Path) -> list[tuple]:
    """(status, batch_count, loaded_document_count) of every run, sorted."""
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return sorted(con.execute("select status, batch_count, loaded_document_count from runs").fetchall())
    finally:
        con.close()
