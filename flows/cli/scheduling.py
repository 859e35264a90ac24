"""`newsetl server` (a local Prefect server, on any port) and `newsetl serve` (the scheduled load against it)."""

from __future__ import annotations

import os
import socket
import sys
from typing import Any

from flows.cli.errors import UsageError

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 4200


def api_url(host: str, port: int) -> str:
    """The Prefect API address of a server on host:port."""
    return f"http://{host}:{port}/api"


def server_environment(host: str, port: int, environ: dict[str, str]) -> dict[str, str]:
    """The server's environment: its host and port, and the API address for its own UI and services.

    Without PREFECT_API_URL / PREFECT_UI_API_URL the UI of a server on another port calls the default
    port's API and finds nothing there.
    """
    url = api_url(host, port)
    return {
        **environ,
        "PREFECT_SERVER_API_HOST": host,
        "PREFECT_SERVER_API_PORT": str(port),
        "PREFECT_API_URL": url,
        "PREFECT_UI_API_URL": url,
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    }


def server_command(args: Any) -> int:
    """Become a local Prefect server (foreground, until Ctrl-C); says which PREFECT_API_URL to use."""
    host, port = args.host, args.port
    if not 0 < port < 65_536:
        raise UsageError(f"--port must be between 1 and 65535, got {port}")
    _check_port_free(host, port)
    url = api_url(host, port)
    print(
        f"newsetl server: Prefect server on {url} (UI http://{host}:{port}); in another terminal:\n"
        f"  export PREFECT_API_URL={url}\n  newsetl serve --cron '0 * * * *' --input PATH",
        file=sys.stderr,
        flush=True,
    )
    command = [sys.executable, "-m", "prefect", "server", "start", "--host", host, "--port", str(port)]
    # the server replaces this process: Ctrl-C, SIGTERM and SIGHUP reach it directly, nothing is left behind
    os.execve(sys.executable, command, server_environment(host, port, dict(os.environ)))


def _check_port_free(host: str, port: int) -> None:
    """UsageError when something already listens on host:port (often a Prefect server started before)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.settimeout(1)
        if probe.connect_ex((host, port)) == 0:
            raise UsageError(
                f"port {port} on {host} is taken (a Prefect server already? then export "
                f"PREFECT_API_URL={api_url(host, port)}); or choose another --port"
            )


def check_server(url: str, timeout_seconds: float = 5.0) -> None:
    """UsageError in one line unless a Prefect server answers its health check at `url`."""
    import httpx

    try:
        response = httpx.get(url.rstrip("/") + "/health", timeout=timeout_seconds)
        response.raise_for_status()
    except httpx.HTTPError as err:
        reason = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
        raise UsageError(
            f"no Prefect server answers at {url} ({reason}): start one with `newsetl server`, "
            "or point PREFECT_API_URL at a running one"
        ) from None


def serve_command(args: Any, overrides: dict[str, Any]) -> int:
    """Check the schedule and the server, then serve the scheduled deployment until interrupted."""
    from flows.deploy import ScheduleError, check_schedule
    from flows.settings import load_settings

    url = os.environ.get("PREFECT_API_URL")
    if not url:
        raise UsageError(
            "set PREFECT_API_URL to a running Prefect server, e.g. start `newsetl server` and "
            f"export PREFECT_API_URL={api_url(DEFAULT_HOST, DEFAULT_PORT)}"
        )
    cron = None if args.interval is not None else args.cron
    try:
        check_schedule(cron, args.interval)
    except ScheduleError as err:
        raise UsageError(str(err)) from None
    settings = load_settings(overrides)
    if not settings.inputs:
        raise UsageError("no input given: pass --input PATH (seeds/ comes only with a source checkout)")
    check_server(url)
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    from flows.deploy import serve

    serve(settings, cron, args.interval)
    return 0
