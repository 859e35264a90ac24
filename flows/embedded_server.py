"""The embedded Prefect server of a run that has no Prefect server configured, started by its command line.

Prefect starts the same server itself (`SubprocessASGIServer`: uvicorn serving
`prefect.server.api.server:create_app` on a free port of 127.0.0.1, without the UI), but
starting it that way imports the whole server (FastAPI, SQLAlchemy, the API's models: ~2 CPU
seconds) into the process that only needs the server's URL. This module starts the same command
without importing any of it; the flow then uses the server through `PREFECT_API_URL` set for the
call. One server per process, kept for later runs in the process and stopped when it exits.
"""

from __future__ import annotations

import atexit
import os
import random
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import closing, suppress
from dataclasses import dataclass, field

PORTS = range(8000, 9000)  # where Prefect's own embedded server looks for a free port
PORT_IN_USE = 3  # uvicorn's exit status when its port was taken in between
_RUNNING: list[EmbeddedServer] = []


def _free_port() -> int:
    """A port of 127.0.0.1 that nothing listens on now (the server retries another when it is taken meanwhile)."""
    for _ in range(50):
        port = random.choice(PORTS)
        with closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError("no free port for the embedded Prefect server")


def server_command(port: int) -> list[str]:
    """Prefect's own command line for its embedded server (uvicorn over the API's app factory)."""
    import prefect

    return [
        sys.executable,
        "-m",
        "uvicorn",
        "--app-dir",
        str(prefect.__module_path__.parent),
        "--factory",
        "prefect.server.api.server:create_app",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--log-level",
        "error",
        "--lifespan",
        "on",
    ]


def server_environment() -> dict[str, str]:
    """The server's environment, as Prefect sets it: no UI, an ephemeral server, this process's Prefect settings."""
    from prefect.settings import get_current_settings

    return {
        **os.environ,
        "PREFECT_UI_ENABLED": "0",
        "PREFECT__SERVER_EPHEMERAL": "1",
        "PREFECT__SERVER_FINAL": "1",
        **get_current_settings().to_environment_variables(exclude_unset=True),
    }


@dataclass
class EmbeddedServer:
    """A Prefect server process on 127.0.0.1 started by this process."""

    port: int
    process: subprocess.Popen[bytes]
    ready: bool = field(default=False)

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api"

    def wait(self, timeout: float) -> bool:
        """Wait until the server answers its health check (True), or it failed or the time ran out (False)."""
        deadline = time.monotonic() + timeout
        while not self.ready and time.monotonic() < deadline:
            if self.process.poll() == PORT_IN_USE:
                self.port = _free_port()
                self.process = _start(self.port)
                continue
            if self.process.poll() is not None:
                return False
            with suppress(OSError), urllib.request.urlopen(f"{self.api_url}/health", timeout=2) as answer:
                self.ready = answer.status == 200
            if not self.ready:
                time.sleep(0.1)
        return self.ready

    def stop(self) -> None:
        """End the server process (asked first, then killed) and reap it."""
        if self in _RUNNING:
            _RUNNING.remove(self)
        self.process.terminate()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def _start(port: int) -> subprocess.Popen[bytes]:
    return subprocess.Popen(server_command(port), env=server_environment())


def start_server() -> EmbeddedServer:
    """This process's embedded server: the running one, or one started now (not waited for: see `wait`)."""
    for server in list(_RUNNING):
        if server.process.poll() is None:
            return server
        _RUNNING.remove(server)
    port = _free_port()
    server = EmbeddedServer(port, _start(port))
    _RUNNING.append(server)
    atexit.register(server.stop)  # after the flow's log and event writers have flushed (atexit runs last first)
    return server
