"""Process lifecycle of `newsetl run`: nothing it starts outlives it, and signals end it cleanly.

`newsetl run` is a small supervisor. It starts the run itself in a child process with its own
process group (`python -m flows.cli run ...`, marked by `NEWSETL_SUPERVISOR_PID`) and waits:

- every process the run starts (the embedded Prefect server, the worker pool) stays in the
  child's group, so when the child ends in any way, even by SIGKILL from the OOM killer, the
  supervisor ends what is left of the group and reaps it (it is their subreaper on Linux);
- the child watches its parent and ends itself cleanly (as on SIGTERM) when the supervisor
  dies, even by SIGKILL;
- SIGINT, SIGTERM and SIGHUP sent to the supervisor are passed on to the child, which ends its
  run with one line.

Prefect starts its server with a plain `subprocess.Popen` and offers no hook to set a
parent-death signal on it; a process group needs no hook and also covers the workers.
"""

from __future__ import annotations

import ctypes
import errno
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from types import FrameType

SUPERVISOR_ENV = "NEWSETL_SUPERVISOR_PID"
FORWARDED = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
_PR_SET_CHILD_SUBREAPER = 36
_WATCH_SECONDS = 0.25
_GRACE_SECONDS = 3.0
EXIT_DISK_FULL = 74  # sysexits EX_IOERR
EXIT_LAKE_BUSY = 75  # sysexits EX_TEMPFAIL: try again later
EXIT_NO_PERMISSION = 77  # sysexits EX_NOPERM
_REFUSALS = (
    (EXIT_DISK_FULL, "disk full", (errno.ENOSPC, errno.EDQUOT)),
    (EXIT_NO_PERMISSION, "permission denied", (errno.EACCES, errno.EPERM, errno.EROFS)),
)


class Interrupted(BaseException):
    """The run was asked to stop by a signal (Ctrl-C, SIGTERM, its supervisor's death)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum

    @property
    def exit_code(self) -> int:
        """The shell's convention for a process ended by this signal: 128 + its number."""
        return 128 + self.signum


def operational_failure(err: BaseException) -> tuple[int, str] | None:
    """(exit status, kind) when the machine refused a write or read (disk full, no permission), else None.

    Looks through the chain of causes, by errno or, for DuckDB and Arrow errors that carry none, by the
    system's wording of it.
    """
    chain: list[BaseException] = []
    link: BaseException | None = err
    while link is not None and link not in chain:
        chain.append(link)
        link = link.__cause__ or link.__context__
    for status, kind, codes in _REFUSALS:
        for link in chain:
            if getattr(link, "errno", None) in codes or any(os.strerror(c) in str(link) for c in codes):
                return status, kind
    return None


def take_supervisor() -> int | None:
    """The supervisor's pid when this process is a run child (the mark is removed: descendants do not see it)."""
    mark = os.environ.pop(SUPERVISOR_ENV, None)
    return int(mark) if mark else None


def supervise(argv: Sequence[str]) -> int:
    """Run `python -m flows.cli ARGV` as the supervised child; its return code (-N when signal N killed it)."""
    env = {**os.environ, SUPERVISOR_ENV: str(os.getpid())}
    _set_subreaper(True)
    try:
        child = subprocess.Popen([sys.executable, "-m", "flows.cli", *argv], env=env, process_group=0)
        with _forwarding_signals(child):
            returncode = child.wait()
        end_group(child.pid)
    finally:
        _set_subreaper(False)
    return returncode


@contextmanager
def _forwarding_signals(child: subprocess.Popen[bytes]) -> Iterator[None]:
    """Pass SIGINT, SIGTERM and SIGHUP on to the child while it runs."""

    def forward(signum: int, frame: FrameType | None) -> None:
        if child.poll() is None:
            child.send_signal(signum)

    previous = {signum: signal.signal(signum, forward) for signum in FORWARDED}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def end_group(pgid: int, grace_seconds: float = _GRACE_SECONDS) -> None:
    """SIGTERM what is left of a process group, and SIGKILL what is still there after the grace time."""
    if _signal_group(pgid, signal.SIGTERM) and not _gone(pgid, grace_seconds):
        _signal_group(pgid, signal.SIGKILL)
        _gone(pgid, grace_seconds)


def _gone(pgid: int, within_seconds: float) -> bool:
    """Wait until no process of the group is left; False when some remain after the time."""
    deadline = time.monotonic() + within_seconds
    while _group_alive(pgid):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.02)
    return True


def _signal_group(pgid: int, signum: int) -> bool:
    """Send a signal to a process group; False when the group has no process left."""
    try:
        os.killpg(pgid, signum)
    except ProcessLookupError:
        return False
    return True


def _group_alive(pgid: int) -> bool:
    """Whether processes of the group remain, after reaping those this process adopted as their subreaper."""
    try:
        while os.waitpid(-pgid, os.WNOHANG)[0]:
            pass
    except ChildProcessError:
        pass
    return _signal_group(pgid, 0)


def _set_subreaper(on: bool) -> None:
    """Adopt orphaned descendants (Linux), so the run's leftovers are reaped here and not left as zombies."""
    if sys.platform == "linux":
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_CHILD_SUBREAPER, int(on), 0, 0, 0)


def raise_on_signals() -> None:
    """Turn SIGINT, SIGTERM and SIGHUP into `Interrupted` in the main thread."""

    def handler(signum: int, frame: FrameType | None) -> None:
        raise Interrupted(signum)

    for signum in FORWARDED:
        signal.signal(signum, handler)


def watch_parent(on_orphaned: Callable[[], None], every_seconds: float = _WATCH_SECONDS) -> threading.Thread:
    """A daemon thread calling `on_orphaned` once when this process's parent dies (however it died)."""
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(every_seconds)
        on_orphaned()

    thread = threading.Thread(target=watch, name="newsetl-parent-watch", daemon=True)
    thread.start()
    return thread


def terminate_self() -> None:
    """Send SIGTERM to this process (ends a run cleanly through `raise_on_signals`)."""
    os.kill(os.getpid(), signal.SIGTERM)
