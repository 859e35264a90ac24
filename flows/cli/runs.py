"""`newsetl run`: the supervised load, its progress on stderr and its summary on stdout."""

from __future__ import annotations

import json
import os
import re
import signal
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from flows.cli.errors import EXIT_FAILED, EXIT_OK, UsageError

if TYPE_CHECKING:
    from flows.progress import RunProgress
    from flows.settings import Settings

_KEPT = "batches already committed are kept: run again to finish"
_CHECK_NAME = re.compile(r"^check (\S+) returned", re.MULTILINE)


@dataclass(frozen=True)
class RunOutput:
    """What `run` shows: progress and summary (neither with `quiet`), the summary as JSON (`as_json`)."""

    quiet: bool = False
    as_json: bool = False
    interactive: bool = False  # stderr is a terminal: a live progress bar instead of a line per batch


@dataclass
class RunOutcome:
    """How a run ended, for the summary: a status word, the exit status, counts and failed checks."""

    status: str
    exit_code: int
    warehouse: str
    new_files: int | None = None
    seconds: float = 0.0
    progress: RunProgress | None = None
    counts: dict[str, int] = field(default_factory=dict)
    failed_checks: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        """The machine-readable run summary of `newsetl run --json`."""
        checks_ran = self.status in ("succeeded", "nothing_new", "checks_failed")
        done = self.progress
        counts = self.counts or {
            "batch_count": done.batches_done if done else 0,
            "input_file_count": done.files_done if done else 0,
            "loaded_document_count": done.documents_loaded if done else 0,
            "duplicate_count": done.duplicates if done else 0,
            "quarantined_count": done.rejected if done else 0,
            "entity_mention_count": done.entity_mentions if done else 0,
            "figure_count": done.figures if done else 0,
            "word_count": done.words if done else 0,
        }
        return {
            "status": self.status,
            "exit_code": self.exit_code,
            "checks_passed": (not self.failed_checks) if checks_ran else None,
            "failed_checks": self.failed_checks,
            "warehouse": self.warehouse,
            "new_file_count": self.new_files if self.new_files is not None else (done.files_total if done else None),
            **counts,
            "seconds": round(self.seconds, 3),
        }


def run_command(args: Any, argv: list[str], overrides: dict[str, Any]) -> int:
    """Check the inputs, then load them in a supervised child process (see flows/lifecycle.py)."""
    from flows import lifecycle
    from flows.settings import load_settings

    supervisor = lifecycle.take_supervisor()
    quiet_prefect(args.verbose)
    settings = load_settings(overrides)
    if not settings.inputs:
        raise UsageError("no input given: pass --input PATH (seeds/ comes only with a source checkout)")
    for path in settings.inputs:
        if not path.exists():
            raise UsageError(f"input path does not exist: {path}")
    if supervisor is None:
        returncode = lifecycle.supervise(argv)
        if returncode < 0:
            name = signal.Signals(-returncode).name
            print(f"newsetl run: the run process was killed ({name}); {_KEPT}", file=sys.stderr)
        return returncode if returncode >= 0 else 128 - returncode
    if supervisor != os.getppid():
        return 128 + signal.SIGTERM
    lifecycle.raise_on_signals()
    lifecycle.watch_parent(lifecycle.terminate_self)
    output = RunOutput(quiet=args.quiet, as_json=args.json, interactive=sys.stderr.isatty())
    return run_here(settings, output)


def quiet_prefect(verbose: bool) -> None:
    """Prefect defaults for a command-line run: warnings kept in Prefect's run logs but none on the console (the
    run prints its own lines), no usage telemetry."""
    if not verbose:
        os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
        os.environ.setdefault("PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL", "CRITICAL")
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")


def run_here(settings: Settings, output: RunOutput | None = None) -> int:
    """The run itself: progress while it loads, its operational failures as one line with a distinct status."""
    output = output or RunOutput()
    began = time.perf_counter()
    outcome = RunOutcome("succeeded", EXIT_OK, str(settings.warehouse_path))
    with _progress_shown(output) as seen:
        outcome = _load(settings, outcome)
    outcome.progress = seen[-1] if seen else None
    outcome.seconds = outcome.seconds or time.perf_counter() - began
    if output.as_json:
        print(json.dumps(outcome.as_dict()))
    elif not output.quiet and outcome.status in ("succeeded", "nothing_new"):
        _print_summary(outcome)
    return outcome.exit_code


def _load(settings: Settings, outcome: RunOutcome) -> RunOutcome:
    """Run the flow; the outcome says how it ended (a bug's traceback still propagates)."""
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
            dask_address=settings.dask_address,
        )
    except ChecksFailed as err:
        print(f"newsetl run: warehouse checks failed\n{err}", file=sys.stderr)
        return _ended(outcome, "checks_failed", EXIT_FAILED, failed_checks=_CHECK_NAME.findall(str(err)))
    except LakeBusy as err:
        print(f"newsetl run: {err}", file=sys.stderr)
        return _ended(outcome, "lake_busy", lifecycle.EXIT_LAKE_BUSY)
    except lifecycle.Interrupted as err:
        from flows.io.workers import stop_workers

        stop_workers()
        print(f"newsetl run: stopped by {err}; {_KEPT}", file=sys.stderr)
        return _ended(outcome, "interrupted", err.exit_code)
    except Exception as err:
        failure = lifecycle.operational_failure(err)
        if failure is None:
            raise
        status, kind = failure
        print(f"newsetl run: {kind} ({first_line(err)}); {_KEPT}", file=sys.stderr)
        return _ended(outcome, kind.replace(" ", "_"), status)
    outcome.status = "succeeded" if summary.batches else "nothing_new"
    outcome.new_files = summary.new_files
    outcome.seconds = summary.seconds
    outcome.counts = {
        "batch_count": len(summary.batches),
        "input_file_count": summary.total("input_files"),
        "loaded_document_count": summary.documents_loaded,
        "duplicate_count": summary.total("duplicates"),
        "quarantined_count": summary.rejected,
        "entity_mention_count": summary.total("entity_mentions"),
        "figure_count": summary.total("figures"),
        "removed_noise_segment_count": summary.total("removed_segments"),
        "word_count": summary.total("words"),
        "dropped_leftover_count": summary.leftovers_dropped,
    }
    return outcome


def _ended(outcome: RunOutcome, status: str, code: int, failed_checks: list[str] | None = None) -> RunOutcome:
    outcome.status, outcome.exit_code = status, code
    outcome.failed_checks = failed_checks or []
    return outcome


def first_line(err: BaseException) -> str:
    """The first line of an error's message."""
    lines = str(err).strip().splitlines()
    return lines[0] if lines else type(err).__name__


@contextmanager
def _progress_shown(output: RunOutput) -> Iterator[list[RunProgress]]:
    """Show each batch's progress while the block runs; yields the list of progress reports seen."""
    from flows import progress

    seen: list[RunProgress] = []
    if output.quiet:
        with progress.listening(seen.append):
            yield seen
        return
    if not output.interactive:

        def line(done: RunProgress) -> None:
            seen.append(done)
            print(f"newsetl run: {done.describe()}", file=sys.stderr, flush=True)

        with progress.listening(line):
            yield seen
        return
    with _progress_bar() as bar:

        def show(done: RunProgress) -> None:
            seen.append(done)
            bar(done)

        with progress.listening(show):
            yield seen


@contextmanager
def _progress_bar() -> Iterator[Any]:
    """A rich progress bar on stderr (files, articles, words/s, ETA), updated after each batch."""
    from rich.console import Console
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    bar = Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.fields[files]} files  {task.fields[articles]} articles  {task.fields[speed]} words/s"),
        TimeElapsedColumn(),
        TextColumn("{task.fields[eta]}"),
        console=Console(stderr=True),
        transient=True,
    )
    task = bar.add_task("loading", total=None, files="-", articles=0, speed="-", eta="")

    def update(done: RunProgress) -> None:
        left = done.seconds_left
        bar.update(
            task,
            total=max(done.bytes_total, 1),
            completed=done.bytes_done,
            files=f"{done.files_done}/{done.files_total}",
            articles=f"{done.documents_loaded:,}",
            speed=f"{done.words_per_second:,.0f}",
            eta=f"~{left:.0f} s left" if left is not None and done.files_done < done.files_total else "",
        )

    with bar:
        yield update


def _print_summary(outcome: RunOutcome) -> None:
    """The run's counts as a small table on stdout."""
    from rich.console import Console
    from rich.table import Table

    counts = outcome.counts
    table = Table(title=f"newsetl run → {outcome.warehouse}", show_header=False)
    for name, value in (
        ("new input files", outcome.new_files),
        ("documents loaded", counts.get("loaded_document_count", 0)),
        ("duplicates skipped", counts.get("duplicate_count", 0)),
        ("quarantined", counts.get("quarantined_count", 0)),
        ("entity mentions", counts.get("entity_mention_count", 0)),
        ("figures", counts.get("figure_count", 0)),
        ("noise segments removed", counts.get("removed_noise_segment_count", 0)),
        ("seconds", f"{outcome.seconds:.1f}"),
        ("warehouse checks", "passed"),
    ):
        table.add_row(name, str(value))
    Console().print(table)
    if outcome.status == "nothing_new":
        print("nothing new to load")
