"""The `newsetl` command: run, serve, server, extract, query, report, evaluate. The only package that prints.

Conventions (README: Command-line conventions): data on stdout, progress and errors on stderr; a user
mistake is one line and status 2; a closed pipe (`| head`) ends quietly with status 141.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from contextlib import suppress
from typing import Any

from flows.cli import dashboard as _dashboard
from flows.cli.errors import EXIT_BROKEN_PIPE, EXIT_INTERRUPTED, EXIT_USAGE, UsageError
from flows.cli.tables import DEFAULT_MAX_ROWS
from flows.settings import SettingsError, load_settings

__all__ = ["UsageError", "build_parser", "main", "version"]


def version() -> str:
    """The installed distribution's version (from its metadata)."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as distribution_version

    try:
        return distribution_version("newsetl")
    except PackageNotFoundError:
        return "unknown (not installed)"


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every subcommand."""
    parser = argparse.ArgumentParser(prog="newsetl", description="Raw scraped news text → DuckDB warehouse.")
    parser.add_argument("--version", action="version", version=f"newsetl {version()}")
    sub = parser.add_subparsers(dest="command", required=True)

    run = sub.add_parser("run", help="load new articles from the inputs and publish the warehouse")
    _load_args(run)
    run.add_argument("--verbose", action="store_true", help="show Prefect's INFO logs")
    run.add_argument("-q", "--quiet", action="store_true", help="no progress and no summary (errors only)")
    run.add_argument("--json", action="store_true", help="the run summary as one JSON object on stdout")

    serve = sub.add_parser("serve", help="run news_etl on a schedule (needs a running Prefect server)")
    when = serve.add_mutually_exclusive_group()
    when.add_argument("--cron", default="0 * * * *", help="cron schedule (default: every hour)")
    when.add_argument("--interval", type=float, metavar="SECONDS", help="run every SECONDS instead of on a cron")
    _load_args(serve)

    server = sub.add_parser("server", help="start a local Prefect server (the UI finds its API on any port)")
    server.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    server.add_argument("--port", type=int, default=4200, help="port (default 4200)")

    extract = sub.add_parser("extract", help="run the text stages on JSON Lines (no warehouse)")
    extract.add_argument("--input", default="-", help="JSON Lines file, or - for standard input")
    extract.add_argument("--output", default="-", help="JSON Lines file, or - for standard output")
    extract.add_argument("--workers", type=int, help="processes running the text stages (default: the available cores)")
    extract.add_argument("--batch-docs", type=int, help="articles analysed together, as in run (default 500)")
    extract.add_argument("--metadata-fields", metavar="FIELD=NAME,...", help="as for run")
    extract.add_argument("-q", "--quiet", action="store_true", help="no summary line on stderr")

    query = sub.add_parser("query", help="run a read-only SQL query against the warehouse")
    query.add_argument("sql", help="the SQL text")
    _output_args(query)

    report = sub.add_parser(
        "report",
        help="show a report from sql/reports",
        description="Show a report. Its parameters (--since, --language, ...) follow its name; "
        "`newsetl report` lists every report with its parameters.",
    )
    report.add_argument("name", nargs="?", help="report name (omit to list the reports and their parameters)")
    report.add_argument("--limit", type=int, help="at most this many rows")
    _output_args(report)

    evaluate = sub.add_parser("evaluate", help="score the text stages on the gold sets (source checkout only)")
    evaluate.add_argument("--gold-dir", help="gold folder (default: ../shared/gold beside the project)")
    evaluate.add_argument(
        "--only",
        action="append",
        help="one area (repeatable): seed, figures, cleaning, scraped, entities, langid, numbers",
    )
    evaluate.add_argument(
        "--format",
        choices=("table", "json"),
        default="table",
        help="pass/fail table against the floors, or every raw score as JSON",
    )
    evaluate.add_argument("--json", dest="format", action="store_const", const="json", help="same as --format json")
    evaluate.add_argument("--output", help="also write the raw scores to this JSON file")
    _dashboard.add_parser(sub)
    return parser


def _load_args(parser: argparse.ArgumentParser) -> None:
    """The flags of a load (run and serve)."""
    parser.add_argument(
        "--input",
        dest="inputs",
        action="append",
        metavar="PATH",
        help="file or folder of .txt/.jsonl(.gz) articles (repeatable; default: seeds/ of a checkout)",
    )
    parser.add_argument(
        "--data-dir",
        help="where the lake and warehouse.duckdb live (default: ./data of a checkout, else $XDG_DATA_HOME/newsetl)",
    )
    parser.add_argument("--batch-docs", type=int, help="articles per batch task (default 500)")
    parser.add_argument("--workers", type=int, help="processes running the text stages (default: the available cores)")
    parser.add_argument(
        "--dask-address",
        metavar="tcp://HOST:PORT",
        help="run the batch tasks on this Dask cluster's workers (default: here); see docs/SCALING.md",
    )
    parser.add_argument(
        "--metadata-fields",
        metavar="FIELD=NAME,...",
        help="read metadata under other JSON names, e.g. published_at=dc_date,source=site",
    )


def _output_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data-dir", help="where warehouse.duckdb lives (default: as for run)")
    parser.add_argument(
        "--format",
        choices=("table", "csv", "json", "jsonl"),
        default="table",
        help="box table, CSV, JSON (one array of row objects) or JSON Lines (one object per line); "
        "NaN as null, numbers as numbers",
    )
    parser.add_argument(
        "--max-rows",
        type=int,
        default=DEFAULT_MAX_ROWS,
        metavar="N",
        help=f"table rows shown (default {DEFAULT_MAX_ROWS:,}; 0 for all); stderr says how many were left out",
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point: returns the exit status."""
    parser = build_parser()
    args, extra = parser.parse_known_args(argv)
    if extra and args.command != "report":  # a report's own parameters (its SQL header) are read by the command
        options = [token.partition("=")[0] for token in extra if token.startswith("-") and token != "-"]
        if not options:
            parser.error(f"unrecognized arguments: {' '.join(extra)}")
        print(f"newsetl {args.command}: {unknown_option(args.command, options[0])}", file=sys.stderr)
        return EXIT_USAGE
    args.report_args = extra
    args.argv = list(sys.argv[1:] if argv is None else argv)
    try:
        return _COMMANDS[args.command](args)
    except (UsageError, SettingsError) as err:
        print(f"newsetl {args.command}: {err}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("newsetl: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        return reader_gone()


def unknown_option(command: str, option: str) -> str:
    """The one-line error for an option a command does not take (never a value mistaken for SQL or a path)."""
    message = f"unknown option {option}"
    if command == "query":  # `query --since X "SQL"` would otherwise read X as the SQL text
        return (
            f"{message}: query takes the SQL text and --data-dir, --format, --max-rows; filter in the SQL"
            " (where published_at_utc >= date '2024-01-01'), or give a report its parameters"
            " (newsetl report casualty_figures --since 2024-01-01; `newsetl report` lists them)"
        )
    return f"{message} (newsetl {command} --help lists its options)"


def reader_gone() -> int:
    """The reader of stdout went away (`newsetl query ... | head`): no traceback, the status of a SIGPIPE death.

    Standard output is pointed at /dev/null so that the interpreter's last flush cannot fail again.
    """
    with suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    return EXIT_BROKEN_PIPE


def _overrides(args: argparse.Namespace) -> dict[str, Any]:
    """The settings a subcommand's flags give (absent flags give None: lower sources decide)."""
    keys = ("data_dir", "inputs", "batch_docs", "workers", "metadata_fields", "dask_address")
    return {key: getattr(args, key, None) for key in keys}


def _run(args: argparse.Namespace) -> int:
    from flows.cli.runs import run_command

    return run_command(args, args.argv, _overrides(args))


def _serve(args: argparse.Namespace) -> int:
    from flows.cli.scheduling import serve_command

    return serve_command(args, _overrides(args))


def _server(args: argparse.Namespace) -> int:
    from flows.cli.scheduling import server_command

    return server_command(args)


def _extract(args: argparse.Namespace) -> int:
    from flows.cli.extracting import extract_command

    return extract_command(args, _overrides(args))


def _query(args: argparse.Namespace) -> int:
    from flows.cli.tables import print_rows

    settings = load_settings({"data_dir": args.data_dir})
    _check_max_rows(args.max_rows)
    print_rows(settings.warehouse_path, args.sql, [], args.format, args.max_rows)
    return 0


def _report(args: argparse.Namespace) -> int:
    from flows.cli.reports import report_command

    return report_command(args)


def _check_max_rows(max_rows: int) -> None:
    if max_rows < 0:
        raise UsageError("--max-rows must not be negative (0 shows every row)")


def _evaluate(args: argparse.Namespace) -> int:
    from flows.cli.scores import evaluate_command

    return evaluate_command(args)


def __getattr__(name: str) -> Any:
    """`_run_here`, the run without its supervisor (tests/flows/test_lifecycle.py), imported when asked for."""
    if name == "_run_here":
        from flows.cli.runs import run_here

        return run_here
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


_COMMANDS = {
    "run": _run,
    "serve": _serve,
    "server": _server,
    "extract": _extract,
    "query": _query,
    "report": _report,
    "evaluate": _evaluate,
    "dashboard": _dashboard.dashboard_command,
}
