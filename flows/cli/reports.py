"""`newsetl report`: list the reports with their parameters, or show one with its parameters bound.

A report's parameters come from its SQL header (warehouse/report_params.py), so the options after the
report's name are not known to argparse: they arrive as the parser's leftovers (`--since 2024-01-01`,
`--language=en`) and are read here against the report's declaration. A value is passed to DuckDB as a
prepared parameter, never spliced into the SQL.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from flows.cli.errors import UsageError
from flows.settings import load_settings
from warehouse.report_params import ParamError, ReportSpec, read_report, usage

__all__ = ["listing", "parse_values", "report_command"]


def listing(sql_dir: Path) -> str:
    """Every report: name, one-line description, and its parameters indented below."""
    from warehouse.db import sql_files

    return "\n".join(usage(read_report(path)) for path in sql_files(sql_dir, "reports"))


def parse_values(spec: ReportSpec, tokens: Sequence[str]) -> dict[str, Any]:
    """The values of `--name VALUE` / `--name=VALUE` options, checked against the report's parameters."""
    values: dict[str, Any] = {}
    rest = list(tokens)
    while rest:
        token = rest.pop(0)
        if not token.startswith("--") or token == "--":
            raise UsageError(f"unexpected argument {token!r}: give parameters as --name VALUE")
        flag, has_value, value = token.partition("=")
        try:
            param = spec.param(flag)
        except ParamError as err:
            raise UsageError(str(err)) from None
        if not has_value:
            if not rest:
                raise UsageError(f"{param.flag} needs a value")
            value = rest.pop(0)
        if param.name in values:
            raise UsageError(f"{param.flag} given twice")
        try:
            values[param.name] = param.convert(value)
        except ParamError as err:
            raise UsageError(str(err)) from None
    return values


def report_command(args: argparse.Namespace) -> int:
    """List the reports, or print one report's rows with the given parameters bound."""
    from flows.cli.tables import print_rows
    from warehouse.db import WarehouseError, report_names, report_query

    settings = load_settings({"data_dir": args.data_dir})
    extra: list[str] = getattr(args, "report_args", [])
    if not args.name:
        if extra:
            raise UsageError(f"give a report name before its parameters ({' '.join(extra)})")
        print(listing(settings.sql_dir))
        return 0
    if args.limit is not None and args.limit < 0:
        raise UsageError("--limit must not be negative")
    if args.max_rows < 0:
        raise UsageError("--max-rows must not be negative (0 shows every row)")
    names = report_names(settings.sql_dir)
    if args.name not in names:
        raise UsageError(f"unknown report {args.name!r}; reports: {', '.join(names)}")
    values = parse_values(read_report(settings.sql_dir / "reports" / f"{args.name}.sql"), extra)
    try:
        sql, params = report_query(settings.sql_dir, args.name, args.limit, values)
    except WarehouseError as err:
        raise UsageError(str(err)) from None
    print_rows(settings.warehouse_path, sql, params, args.format, args.max_rows)
    return 0
