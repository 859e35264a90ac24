"""`newsetl evaluate`: the text stages scored on the gold sets against the pinned floors."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from flows.cli.errors import UsageError


def evaluate_command(args: Any) -> int:
    """Score the text stages on the gold sets; status 1 when a floor is missed."""
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
