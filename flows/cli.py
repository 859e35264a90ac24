"""The `newsetl` command: run, extract, query, report, evaluate. The only module that prints."""

from __future__ import annotations

import argparse
import csv
import json
import os
import shutil
import signal
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from flows.settings import SettingsError, load_settings


class UsageError(Exception):
    """A user mistake: reported in one line, exit status 2."""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every subcommand."""
    parser = argparse.ArgumentParser(prog="newsetl", description="Raw scraped news text → DuckDB warehouse.")
    sub = parser.add_subparsers(dest="command", required=True)

    run = sub.add_parser("run", help="load new articles from the inputs and publish the warehouse")
    run.add_argument(
        "--input",
        dest="inputs",
        action="append",
        metavar="PATH",
        help="file or folder of .txt/.jsonl(.gz) articles (repeatable; default: seeds/ of a checkout)",
    )
    run.add_argument(
        "--data-dir",
        help="where the lake and warehouse.duckdb live (default: ./data of a checkout, else $XDG_DATA_HOME/newsetl)",
    )
    run.add_argument("--batch-docs", type=int, help="articles per batch task (default 500)")
    run.add_argument("--workers", type=int, help="processes running the text stages (default 1)")
    run.add_argument(
        "--metadata-fields",
        metavar="FIELD=NAME,...",
        help="read metadata under other JSON names, e.g. published_at=dc_date,source=site",
    )
    run.add_argument("--verbose", action="store_true", help="show Prefect's INFO logs")

    serve = sub.add_parser("serve", help="run news_etl on a schedule (needs a running `prefect server`)")
    serve.add_argument("--cron", default="0 * * * *", help="cron schedule (default: every hour)")
    serve.add_argument("--input", dest="inputs", action="append", metavar="PATH", help="as for run")
    serve.add_argument("--data-dir", help="as for run")
    serve.add_argument("--batch-docs", type=int, help="as for run")
    serve.add_argument("--workers", type=int, help="as for run")
    serve.add_argument("--metadata-fields", metavar="FIELD=NAME,...", help="as for run")

    extract = sub.add_parser("extract", help="run the text stages on JSON Lines (no warehouse)")
    extract.add_argument("--input", default="-", help="JSON Lines file, or - for standard input")
    extract.add_argument("--output", default="-", help="JSON Lines file, or - for standard output")
    extract.add_argument("--workers", type=int, help="processes running the text stages (default 1)")
    extract.add_argument("--batch-docs", type=int, help="articles analysed together, as in run (default 500)")
    extract.add_argument("--metadata-fields", metavar="FIELD=NAME,...", help="as for run")

    query = sub.add_parser("query", help="run a read-only SQL query against the warehouse")
    query.add_argument("sql", help="the SQL text")
    _output_args(query)

    report = sub.add_parser("report", help="show a report from sql/reports")
    report.add_argument("name", nargs="?", help="report name (omit to list the reports)")
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
    return parser


def _output_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data-dir", help="where warehouse.duckdb lives (default: as for run)")
    parser.add_argument("--format", choices=("table", "csv", "json"), default="table")


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point: returns the exit status."""
    args = build_parser().parse_args(argv)
    args.argv = list(sys.argv[1:] if argv is None else argv)
    try:
        return _COMMANDS[args.command](args)
    except (UsageError, SettingsError) as err:
        print(f"newsetl {args.command}: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("newsetl: interrupted", file=sys.stderr)
        return 130


def _quiet_prefect(verbose: bool) -> None:
    """Prefect defaults for a command-line run: warnings kept in Prefect's run logs but none on the console (the
    run prints its own lines), no usage telemetry."""
    if not verbose:
        os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
        os.environ.setdefault("PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL", "CRITICAL")
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")


def _overrides(args: argparse.Namespace) -> dict[str, Any]:
    """The settings a subcommand's flags give (absent flags give None: lower sources decide)."""
    keys = ("data_dir", "inputs", "batch_docs", "workers", "metadata_fields")
    return {key: getattr(args, key, None) for key in keys}


def _run(args: argparse.Namespace) -> int:
    """Check the inputs, then load them in a supervised child process (see flows/lifecycle.py)."""
    from flows import lifecycle

    supervisor = lifecycle.take_supervisor()
    _quiet_prefect(args.verbose)
    settings = load_settings(_overrides(args))
    if not settings.inputs:
        raise UsageError("no input given: pass --input PATH (seeds/ comes only with a source checkout)")
    for path in settings.inputs:
        if not path.exists():
            raise UsageError(f"input path does not exist: {path}")
    if supervisor is None:
        returncode = lifecycle.supervise(args.argv)
        if returncode < 0:
            name = signal.Signals(-returncode).name
            print(f"newsetl run: the run process was killed ({name}); {_KEPT}", file=sys.stderr)
        return returncode if returncode >= 0 else 128 - returncode
    if supervisor != os.getppid():
        return 128 + signal.SIGTERM
    lifecycle.raise_on_signals()
    lifecycle.watch_parent(lifecycle.terminate_self)
    return _run_here(settings)


_KEPT = "batches already committed are kept: run again to finish"


def _run_here(settings: Any) -> int:
    """The run itself, with its operational failures as one line and a distinct exit status."""
    from flows import lifecycle
    from flows.pipeline import ChecksFailed, news_etl
    from warehouse.db import WarehouseError, check_sql_dir
    from warehouse.lake import LakeBusy

    try:
        check_sql_dir(settings.sql_dir)
    except WarehouseError as err:
        raise UsageError(str(err)) from None
    try:
        summary = news_etl(
            inputs=[str(p) for p in settings.inputs],
            data_dir=str(settings.data_dir),
            batch_docs=settings.batch_docs,
            workers=settings.workers,
            metadata_fields=dict(settings.metadata_fields),
        )
    except ChecksFailed as err:
        print(f"newsetl run: warehouse checks failed\n{err}", file=sys.stderr)
        return 1
    except LakeBusy as err:
        print(f"newsetl run: {err}", file=sys.stderr)
        return lifecycle.EXIT_LAKE_BUSY
    except lifecycle.Interrupted as err:
        from flows.io.workers import stop_workers

        stop_workers()
        print(f"newsetl run: stopped by {err}; {_KEPT}", file=sys.stderr)
        return err.exit_code
    except Exception as err:
        failure = lifecycle.operational_failure(err)
        if failure is None:
            raise
        status, kind = failure
        print(f"newsetl run: {kind} ({_first_line(err)}); {_KEPT}", file=sys.stderr)
        return status
    _print_summary(summary)
    return 0


def _first_line(err: BaseException) -> str:
    """The first line of an error's message."""
    lines = str(err).strip().splitlines()
    return lines[0] if lines else type(err).__name__


def _print_summary(summary: Any) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"newsetl run → {summary.warehouse_path}", show_header=False)
    for name, value in (
        ("new input files", summary.new_files),
        ("documents loaded", summary.documents_loaded),
        ("duplicates skipped", summary.total("duplicates")),
        ("quarantined", summary.rejected),
        ("entity mentions", summary.total("entity_mentions")),
        ("figures", summary.total("figures")),
        ("noise segments removed", summary.total("removed_segments")),
        ("seconds", f"{summary.seconds:.1f}"),
    ):
        table.add_row(name, str(value))
    Console().print(table)
    if not summary.batches:
        print("nothing new to load")


def _serve(args: argparse.Namespace) -> int:
    if not os.environ.get("PREFECT_API_URL"):
        raise UsageError("set PREFECT_API_URL to a running `prefect server` (see README: Scheduling)")
    from flows.deploy import serve

    serve(load_settings(_overrides(args)), args.cron)
    return 0


def _extract(args: argparse.Namespace) -> int:
    from flows.extract import extract_records, write_records
    from flows.io.workers import analyser

    settings = load_settings(_overrides(args))
    source = _open_text(args.input, "r")
    try:
        sink = _open_text(args.output, "w")
    except UsageError:
        source.close()
        raise
    try:
        analyse = analyser(settings.workers, settings.batch_docs)
        records = extract_records(source, analyse, settings.batch_docs, dict(settings.metadata_fields))
        write_records(records, sink)
    except UnicodeDecodeError as err:
        raise UsageError(f"input is not UTF-8 text ({err.reason} at byte {err.start})") from None
    finally:
        for handle in (source, sink):
            if handle not in (sys.stdin, sys.stdout):
                handle.close()
    return 0


def _open_text(name: str, mode: str) -> Any:
    """An opened text file, or stdin/stdout for '-'; a one-line error when it cannot be opened."""
    if name == "-":
        return sys.stdin if mode == "r" else sys.stdout
    try:
        return open(name, mode, encoding="utf-8")
    except OSError as err:
        raise UsageError(f"cannot open {name}: {err.strerror or err}") from None


def _query(args: argparse.Namespace) -> int:
    settings = load_settings({"data_dir": args.data_dir})
    _print_query(settings.warehouse_path, args.sql, [], args.format)
    return 0


def _report(args: argparse.Namespace) -> int:
    from warehouse.db import WarehouseError, report_names, report_query

    settings = load_settings({"data_dir": args.data_dir})
    if not args.name:
        print("\n".join(report_names(settings.sql_dir)))
        return 0
    if args.limit is not None and args.limit < 0:
        raise UsageError("--limit must not be negative")
    try:
        sql, params = report_query(settings.sql_dir, args.name, args.limit)
    except WarehouseError as err:
        raise UsageError(str(err)) from None
    _print_query(settings.warehouse_path, sql, params, args.format)
    return 0


def _print_query(warehouse_path: Path, sql: str, params: list, fmt: str) -> None:
    """Rows of a read-only query as DuckDB's box table, CSV, or a JSON list of row objects."""
    from warehouse.db import WarehouseError, query, show

    try:
        if fmt == "table":
            width = shutil.get_terminal_size().columns if sys.stdout.isatty() else 1_000
            show(warehouse_path, sql, params, max_width=width)
            return
        columns, rows = query(warehouse_path, sql, params)
    except WarehouseError as err:
        raise UsageError(str(err)) from None
    if fmt == "json":
        print(json.dumps([dict(zip(columns, r, strict=True)) for r in rows], ensure_ascii=False, default=str, indent=1))
    else:
        writer = csv.writer(sys.stdout)
        writer.writerow(columns)
        writer.writerows(rows)


def _evaluate(args: argparse.Namespace) -> int:
    try:
        from evaluation.runner import AREAS, default_gold_dir, run_evaluation, table_rows
    except ModuleNotFoundError as err:
        if (err.name or "").partition(".")[0] != "evaluation":
            raise
        raise UsageError("evaluation needs a source checkout: the `evaluation` package is not installed") from None

    gold_dir = Path(args.gold_dir) if args.gold_dir else default_gold_dir()
    if not gold_dir.is_dir():
        raise UsageError(f"no gold folder at {gold_dir} (give --gold-dir)")
    unknown = sorted(set(args.only or ()) - set(AREAS))
    if unknown:
        raise UsageError(f"unknown area {unknown[0]!r}; areas: {', '.join(AREAS)}")
    scores = run_evaluation(gold_dir, args.only or list(AREAS))
    text = json.dumps(scores, indent=1, sort_keys=True, default=str)
    if args.output:
        Path(args.output).write_text(text + "\n", encoding="utf-8")
    rows = table_rows(scores)
    if args.format == "json":
        print(text)
    else:
        _print_evaluation(rows)
    return 0 if all(row.passed for row in rows) else 1


def _print_evaluation(rows: list[Any]) -> None:
    """The pass/fail table of `evaluate`: rich on a terminal, plain aligned columns otherwise."""
    header = ("set", "metric", "docs tune/check", "tune", "check", "gap", "floor", "result")
    lines = [
        (
            r.set_name,
            r.metric,
            r.documents,
            _number(r.tune),
            _number(r.check),
            _number(r.gap, signed=True) + (" !" if r.wide_gap else ""),
            _number(r.floor),
            "pass" if r.passed else "FAIL",
        )
        for r in rows
    ]
    failed = sum(not r.passed for r in rows)
    wide = sum(r.wide_gap for r in rows)
    summary = f"{len(rows) - failed} of {len(rows)} floors met on the check half"
    summary += (f"; {failed} FAILED" if failed else "") + (f"; {wide} tune/check gaps to explain (!)" if wide else "")
    if sys.stdout.isatty():
        from rich.console import Console
        from rich.table import Table

        table = Table(title="newsetl evaluate: gates test the check half")
        for name in header:
            table.add_column(name, justify="left" if name in ("set", "metric", "result") else "right")
        for line in lines:
            table.add_row(*line, style=None if line[-1] == "pass" else "bold red")
        Console().print(table)
        print(summary)
        return
    widths = [max(len(cell) for cell in column) for column in zip(header, *lines, strict=True)]
    for line in (header, *lines):
        print("  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip())
    print(summary)


def _number(value: float | None, signed: bool = False) -> str:
    """A score for the table: three decimals (integers as they are), or a dash."""
    if value is None:
        return "-"
    if float(value).is_integer() and abs(value) > 1:
        return str(int(value))
    return f"{value:+.3f}" if signed else f"{value:.3f}"


_COMMANDS = {
    "run": _run,
    "serve": _serve,
    "extract": _extract,
    "query": _query,
    "report": _report,
    "evaluate": _evaluate,
}

if __name__ == "__main__":
    raise SystemExit(main())
