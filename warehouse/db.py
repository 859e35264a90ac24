"""DuckDB side: publish the warehouse file, run checks and reports, answer read-only queries.

The warehouse is a small DuckDB file of views over the committed Parquet files. Each publish
builds a new file under a temporary name and renames it into place, so the write lock is held
for the second it takes to build, and readers (`duckdb -readonly`, `newsetl query`) never wait
for a run nor see half a load.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from flows.text.vocabulary import VOCABULARIES, Vocabulary
from warehouse.lake import table_files
from warehouse.schemas import TABLES, Table

SQL_LAYERS = (("marts", "main"), ("reports", "reports"), ("checks", "checks"))
VOCAB_SCHEMA = "vocab"
_NAME = re.compile(r"^[a-z][a-z0-9_]*$")


class WarehouseError(RuntimeError):
    """The warehouse is missing, or a query or check failed."""


@dataclass(frozen=True)
class CheckFailure:
    """A check that returned rows: its name, columns and (at most 20) bad rows."""

    name: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]
    total: int


def duckdb_type(kind: pa.DataType) -> str:
    """The DuckDB type of an Arrow type used in the schemas."""
    if pa.types.is_list(kind):
        return f"{duckdb_type(kind.value_type)}[]"
    if pa.types.is_struct(kind):
        inner = ", ".join(f'"{f.name}" {duckdb_type(f.type)}' for f in kind)
        return f"struct({inner})"
    simple = {
        pa.string(): "varchar",
        pa.int32(): "integer",
        pa.int64(): "bigint",
        pa.float64(): "double",
        pa.bool_(): "boolean",
    }
    if kind in simple:
        return simple[kind]
    if pa.types.is_timestamp(kind):
        return "timestamptz" if kind.tz else "timestamp"
    raise TypeError(f"no DuckDB type for {kind}")


def _sql_literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def raw_view_sql(table: Table, files: Sequence[Path]) -> str:
    """`raw.<table>` over the given Parquet files, or an empty typed relation when there are none."""
    casts = ", ".join(f'cast("{f.name}" as {duckdb_type(f.type)}) as "{f.name}"' for f in table.schema)
    if not files:
        nulls = ", ".join(f'cast(null as {duckdb_type(f.type)}) as "{f.name}"' for f in table.schema)
        return f"create or replace view raw.{table.name} as select {nulls} where false"
    listing = ", ".join(_sql_literal(str(p)) for p in files)
    return f"create or replace view raw.{table.name} as select {casts} from read_parquet([{listing}])"


def sql_files(sql_dir: Path, layer: str) -> list[Path]:
    """The SQL files of a layer, sorted by name; WarehouseError when there are none (a broken install)."""
    files = sorted((sql_dir / layer).glob("*.sql"))
    if not files:
        raise WarehouseError(f"no SQL files in {sql_dir / layer}: the sql_dir setting or the installation is broken")
    return files


def check_sql_dir(sql_dir: Path) -> None:
    """Raise WarehouseError unless every layer of the SQL folder holds SQL files."""
    for layer, _ in SQL_LAYERS:
        sql_files(sql_dir, layer)


def create_vocabulary(con: duckdb.DuckDBPyConnection, vocabulary: Vocabulary) -> None:
    """Create the table `vocab.<name>(code, kind, meaning)` from a Python vocabulary."""
    table = f"{VOCAB_SCHEMA}.{vocabulary.name}"
    con.execute(
        f"create or replace table {table} (code varchar primary key, kind varchar not null, meaning varchar not null)"
    )
    con.executemany(f"insert into {table} values (?, ?, ?)", [(t.code, t.kind, t.meaning) for t in vocabulary.terms])


def build_database(con: duckdb.DuckDBPyConnection, lake_dir: Path, sql_dir: Path) -> None:
    """Create raw views over the lake and every SQL relation of sql/ in a connection."""
    for schema in ("raw", "reports", "checks"):
        con.execute(f"create schema if not exists {schema}")
    for table in TABLES:
        con.execute(raw_view_sql(table, table_files(lake_dir, table)))
    create_sql_views(con, sql_dir)


def create_sql_views(con: duckdb.DuckDBPyConnection, sql_dir: Path) -> None:
    """Create the vocabulary tables, then one view per sql/<layer>/<name>.sql file, named after the file."""
    con.execute(f"create schema if not exists {VOCAB_SCHEMA}")
    for vocabulary in VOCABULARIES:
        create_vocabulary(con, vocabulary)
    for layer, schema in SQL_LAYERS:
        con.execute(f"create schema if not exists {schema}")
        for path in sql_files(sql_dir, layer):
            body = path.read_text(encoding="utf-8").strip().rstrip(";")
            try:
                con.execute(f"create or replace view {schema}.{path.stem} as\n{body}")
            except duckdb.Error as err:
                raise WarehouseError(f"{path.relative_to(sql_dir)}: {err}") from err


def run_checks(con: duckdb.DuckDBPyConnection, sql_dir: Path, limit: int = 20) -> list[CheckFailure]:
    """Every check that returns rows, with those rows."""
    failures: list[CheckFailure] = []
    for path in sql_files(sql_dir, "checks"):
        relation = con.sql(f"select * from checks.{path.stem}")
        [(total,)] = con.sql(f"select count(*) from checks.{path.stem}").fetchall()
        if total:
            rows = tuple(relation.limit(limit).fetchall())
            failures.append(CheckFailure(path.stem, tuple(relation.columns), rows, total))
    return failures


def publish(warehouse_path: Path, lake_dir: Path, sql_dir: Path) -> list[CheckFailure]:
    """Build a fresh warehouse file beside the old one, check it, and rename it into place."""
    check_sql_dir(sql_dir)
    warehouse_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = warehouse_path.with_name(f".{warehouse_path.name}.{os.getpid()}.tmp")
    for leftover in (tmp, tmp.with_name(tmp.name + ".wal")):
        leftover.unlink(missing_ok=True)
    con = duckdb.connect(str(tmp))
    try:
        build_database(con, lake_dir, sql_dir)
        failures = run_checks(con, sql_dir)
        con.execute("checkpoint")
    finally:
        con.close()
    os.replace(tmp, warehouse_path)
    return failures


def connect_readonly(warehouse_path: Path) -> duckdb.DuckDBPyConnection:
    """A read-only connection to the published warehouse."""
    if not warehouse_path.is_file():
        raise WarehouseError(f"no warehouse at {warehouse_path}: run `newsetl run` first")
    try:
        return duckdb.connect(str(warehouse_path), read_only=True)
    except duckdb.Error as err:
        raise WarehouseError(f"cannot open {warehouse_path}: {err}") from err


def query(warehouse_path: Path, sql: str, params: Sequence[Any] | None = None) -> tuple[list[str], list[tuple]]:
    """Column names and rows of a read-only query."""
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
    """Print a read-only query's rows as DuckDB's box table, long cells cut to the width."""
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


def report_query(sql_dir: Path, name: str, limit: int | None = None) -> tuple[str, list[Any]]:
    """The SQL and bound parameters showing one report."""
    names = report_names(sql_dir)
    if not _NAME.match(name) or name not in names:
        raise WarehouseError(f"unknown report {name!r}; reports: {', '.join(names)}")
    if limit is None:
        return f"select * from reports.{name}", []
    return f"select * from reports.{name} limit ?", [limit]


def _first_line(message: str) -> str:
    return message.strip().splitlines()[0] if message.strip() else message
