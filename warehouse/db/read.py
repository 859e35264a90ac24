"""The analyst's side: a read-only connection, one SELECT answered or shown, the reports' SQL."""

from __future__ import annotations

import re
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import duckdb

from warehouse import report_params
from warehouse.db.build import WarehouseError, sql_files

_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
LOCK_WAIT_SECONDS = 30  # how long an analyst's connection waits for a publish updating the file in place
ANALYST_CONFIG: dict[str, Any] = {"autoload_known_extensions": False, "autoinstall_known_extensions": False}
# timestamps show in UTC whatever the machine's zone (`published_at_utc` reads as UTC), then files off and locked
LOCKDOWN = ("set TimeZone = 'UTC'", "set enable_external_access = false", "set lock_configuration = true")


def connect_readonly(warehouse_path: Path, *, lockdown: bool = True) -> duckdb.DuckDBPyConnection:
    """A read-only connection to the published warehouse, waiting out a publish that updates it in place.

    With `lockdown` (the CLI's analyst connection) file access is off and the configuration locked;
    the Python API's connection leaves both to the analyst.
    """
    if not warehouse_path.is_file():
        raise WarehouseError(f"no warehouse at {warehouse_path}: run `newsetl run` first")
    deadline = time.monotonic() + LOCK_WAIT_SECONDS
    while True:
        try:
            con = duckdb.connect(str(warehouse_path), read_only=True, config=ANALYST_CONFIG)
            break
        except duckdb.IOException as err:  # a publish updating the file in place holds its lock for a moment
            if "lock" not in str(err).lower() or time.monotonic() > deadline:
                raise WarehouseError(f"cannot open {warehouse_path}: {_first_line(str(err))}") from err
            time.sleep(0.1)
        except duckdb.Error as err:
            raise WarehouseError(f"cannot open {warehouse_path}: {_first_line(str(err))}") from err
    for setting in LOCKDOWN if lockdown else ():
        con.execute(setting)
    return con


def analyst_statement(sql: str) -> duckdb.Statement:
    """The single read-only statement of an analyst's SQL; WarehouseError for several, none, or any other kind."""
    try:
        statements = duckdb.extract_statements(sql)
    except duckdb.Error as err:
        raise WarehouseError(_first_line(str(err))) from err
    if len(statements) != 1:
        raise WarehouseError(f"give exactly one SQL statement, not {len(statements)}")
    [statement] = statements
    kind = "PRAGMA" if _first_word(sql) == "pragma" else statement.type.name
    if kind != duckdb.StatementType.SELECT.name:
        raise WarehouseError(f"the warehouse is read-only: only a SELECT statement is answered, not {kind}")
    return statement


def _first_word(sql: str) -> str:
    """The first token of SQL text (comments skipped), lower-cased, as DuckDB's tokenizer reads it."""
    tokens = duckdb.tokenize(sql)
    if not tokens:
        return ""
    start = tokens[0][0]
    end = tokens[1][0] if len(tokens) > 1 else len(sql)
    return sql[start:end].strip().lower()


def query(warehouse_path: Path, sql: str, params: Sequence[Any] | None = None) -> tuple[list[str], list[tuple]]:
    """Column names and rows of one read-only statement."""
    analyst_statement(sql)
    con = connect_readonly(warehouse_path)
    try:
        relation = con.execute(sql, params or [])
        if relation.description is None:
            return [], []
        columns = [d[0] for d in relation.description]
        return columns, relation.fetchall()
    except duckdb.Error as err:
        raise WarehouseError(_first_line(str(err))) from err
    finally:
        con.close()


def show(warehouse_path: Path, sql: str, params: Sequence[Any] | None = None, max_width: int | None = None) -> None:
    """Print one read-only statement's rows as DuckDB's box table, long cells cut to the width."""
    analyst_statement(sql)
    con = connect_readonly(warehouse_path)
    try:
        relation = con.sql(sql, params=params or None)
        if relation is None:
            return
        relation.show(max_width=max_width, max_rows=10_000, max_col_width=60)
    except duckdb.Error as err:
        raise WarehouseError(_first_line(str(err))) from err
    finally:
        con.close()


def report_names(sql_dir: Path) -> list[str]:
    """Names of the reports `newsetl report` can show."""
    return [p.stem for p in sql_files(sql_dir, "reports")]


def report_query(
    sql_dir: Path, name: str, limit: int | None = None, values: dict[str, Any] | None = None
) -> tuple[str, list[Any]]:
    """The SQL and bound parameters showing one report, its declared parameters given `values`."""
    names = report_names(sql_dir)
    if not _NAME.match(name) or name not in names:
        raise WarehouseError(f"unknown report {name!r}; reports: {', '.join(names)}")
    spec = report_params.read_report(sql_dir / "reports" / f"{name}.sql")
    try:
        return report_params.call("reports", spec, values or {}, limit)
    except report_params.ParamError as err:
        raise WarehouseError(str(err)) from None


def _first_line(message: str) -> str:
    return message.strip().splitlines()[0] if message.strip() else message
