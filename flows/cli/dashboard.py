"""`newsetl dashboard`: write the warehouse's charts as one self-contained HTML page."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from flows.cli.errors import EXIT_OK, UsageError


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Register the dashboard subcommand."""
    dashboard = sub.add_parser("dashboard", help="write an offline HTML page of charts and a map from the warehouse")
    dashboard.add_argument("--output", required=True, metavar="DIR", help="folder to write index.html into")
    dashboard.add_argument("--data-dir", help="where warehouse.duckdb lives (default: as for run)")


def dashboard_command(args: argparse.Namespace) -> int:
    """Read the published warehouse (read-only) and write DIR/index.html; print its path on stdout."""
    from flows.dashboard import build_dashboard
    from flows.settings import load_settings
    from warehouse.db import WarehouseError

    settings = load_settings({"data_dir": args.data_dir})
    output = Path(args.output)
    if output.exists() and not output.is_dir():
        raise UsageError(f"--output {output} is a file, not a folder")
    try:
        page = build_dashboard(settings.warehouse_path, output, built_at=dt.datetime.now(dt.UTC))
    except WarehouseError as err:
        raise UsageError(str(err)) from None
    except OSError as err:
        raise UsageError(f"cannot write {output}: {err.strerror or err}") from None
    print(page)
    return EXIT_OK


__all__ = ["add_parser", "dashboard_command"]
