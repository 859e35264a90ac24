"""Rows of one read-only query on stdout: DuckDB's box table, CSV, JSON or JSON Lines.

`json` is one JSON array of row objects (CONTRACT.md: "json = a list of row objects"), written a row
per line as rows arrive; `jsonl` is JSON Lines, one object per line. Both are valid JSON: NaN and
infinities become null, decimals are numbers, dates and timestamps ISO 8601 strings, intervals
seconds. The table never drops rows silently: past `--max-rows` it says on stderr how many rows
there were and how many it shows.
"""

from __future__ import annotations

import base64
import csv
import datetime as dt
import json
import math
import shutil
import sys
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any
from uuid import UUID

from flows.cli.errors import SqlError, UsageError

DEFAULT_MAX_ROWS = 10_000
_FETCH_ROWS = 2_048


def json_value(value: Any) -> Any:
    """A query value as plain JSON: numbers stay numbers, NaN/inf are null, times are ISO strings."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, Decimal):
        if not value.is_finite():
            return None
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return value.total_seconds()
    if isinstance(value, bytes | bytearray | memoryview):
        return base64.b64encode(bytes(value)).decode("ascii")
    if isinstance(value, UUID):
        return str(value)
    if isinstance(value, dict):
        return {str(key): json_value(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [json_value(item) for item in value]
    return str(value)


def json_line(columns: Sequence[str], row: Sequence[Any]) -> str:
    """One row as a JSON object on one line."""
    record = {name: json_value(value) for name, value in zip(columns, row, strict=True)}
    return json.dumps(record, ensure_ascii=False, allow_nan=False)


def print_rows(warehouse_path: Path, sql: str, params: Sequence[Any], fmt: str, max_rows: int) -> None:
    """Run one read-only statement and write its rows in the format; SqlError carries DuckDB's whole message."""
    import duckdb

    from warehouse.db import WarehouseError, analyst_statement, connect_readonly

    try:
        analyst_statement(sql)
    except WarehouseError as err:
        raise _full(err) from None
    try:
        con = connect_readonly(warehouse_path)
    except WarehouseError as err:
        raise UsageError(str(err)) from None
    try:
        result = con.execute(sql, list(params))
        if result.description is None:
            return
        columns = [d[0] for d in result.description]
        if fmt == "table":
            _print_table(result, max_rows)
        elif fmt == "jsonl":
            while rows := result.fetchmany(_FETCH_ROWS):
                sys.stdout.write("".join(json_line(columns, row) + "\n" for row in rows))
        elif fmt == "json":
            _print_json_array(result, columns)
        else:
            writer = csv.writer(sys.stdout)
            writer.writerow(columns)
            while rows := result.fetchmany(_FETCH_ROWS):
                writer.writerows(rows)
    except duckdb.Error as err:
        raise SqlError(str(err).strip()) from None
    finally:
        con.close()


def _print_json_array(result: Any, columns: Sequence[str]) -> None:
    """The rows as one JSON array, one row object a line, streamed (no row list held)."""
    opener = "["
    while rows := result.fetchmany(_FETCH_ROWS):
        for row in rows:
            sys.stdout.write(opener + "\n" + json_line(columns, row))
            opener = ","
    sys.stdout.write("[]\n" if opener == "[" else "\n]\n")


def _full(err: Exception) -> UsageError:
    """The error with DuckDB's whole message when DuckDB raised it (warehouse.db keeps only its first line)."""
    import duckdb

    cause = err.__cause__
    return SqlError(str(cause).strip()) if isinstance(cause, duckdb.Error) else UsageError(str(err))


def _print_table(result: Any, max_rows: int) -> None:
    """The first `max_rows` rows (0: all) as DuckDB's box table, and on stderr how many were left out."""
    import duckdb
    import pyarrow as pa

    reader = result.to_arrow_reader(_FETCH_ROWS)
    kept: list[pa.RecordBatch] = []
    total = 0
    for batch in reader:
        room = batch.num_rows if not max_rows else max(0, max_rows - total)
        if room:
            kept.append(batch.slice(0, room))
        total += batch.num_rows
    table = pa.Table.from_batches(kept, schema=reader.schema)
    width = shutil.get_terminal_size().columns if sys.stdout.isatty() else 1_000
    renderer = duckdb.connect()
    try:
        renderer.register("shown_rows", table)
        renderer.sql("select * from shown_rows").show(
            max_width=width, max_rows=max(table.num_rows, 1), max_col_width=60
        )
    finally:
        renderer.close()
    sys.stdout.flush()
    if total > table.num_rows:
        print(
            f"newsetl: {total:,} rows, the first {table.num_rows:,} shown; --max-rows 0 shows all, "
            "--format csv, json or jsonl writes every row",
            file=sys.stderr,
        )
