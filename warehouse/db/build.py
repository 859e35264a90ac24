"""Building the warehouse in a DuckDB connection: the raw tables from lake files, the vocabularies, the views,
macros and reports of sql/ (with the tables kept at each publish that the reports read), and the checks."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from flows.text.vocabulary import VOCABULARIES, Vocabulary
from warehouse import entity_documents, pairs, report_params
from warehouse.lake import read_file, table_files
from warehouse.schemas import TABLES, Table
from warehouse.storage import LakePath

SQL_LAYERS = (("marts", "main"), ("macros", "main"), ("reports", "reports"), ("checks", "checks"))
# The batches whose rows the row checks look at: a view of every committed batch, which a publish
# after an earlier one replaces with a table of the batches new or changed since.
SCOPE = "checks.batches_in_scope"
VOCAB_SCHEMA = "vocab"


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


def raw_table_sql(table: Table) -> str:
    """DDL of the empty table `raw.<table>`, typed from the table's Arrow schema."""
    columns = ", ".join(f'"{f.name}" {duckdb_type(f.type)}' for f in table.schema)
    return f"create or replace table raw.{table.name} ({columns})"


def _file_batches(table: Table, files: Sequence[LakePath]) -> Iterator[pa.RecordBatch]:
    """The rows of lake files (local or on an object store), one file in memory at a time, with the table's schema."""
    for path in files:
        yield from read_file(path, table).to_batches()


def load_raw_table(con: duckdb.DuckDBPyConnection, table: Table, files: Sequence[LakePath]) -> None:
    """Create `raw.<table>` holding the rows of exactly these Parquet files (DuckDB never sees their paths)."""
    con.execute(raw_table_sql(table))
    append_files(con, table, files)


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
    terms = pa.table(
        {
            "code": [t.code for t in vocabulary.terms],
            "kind": [t.kind for t in vocabulary.terms],
            "meaning": [t.meaning for t in vocabulary.terms],
        }
    )
    insert_arrow(con, table, terms)


def insert_arrow(con: duckdb.DuckDBPyConnection, table: str, rows: pa.Table, create: bool = False) -> None:
    """Insert an Arrow table's rows in one statement (executemany costs ~0.25 s per statement on a busy machine);
    `create`: into a new temporary table of that name."""
    con.register("arrow_rows", rows)
    try:
        into = f"create temp table {table} as" if create else f"insert into {table}"
        con.execute(f"{into} select * from arrow_rows")
    finally:
        con.unregister("arrow_rows")


def append_files(con: duckdb.DuckDBPyConnection, table: Table, files: Sequence[LakePath]) -> None:
    """Insert the rows of these Parquet files into `raw.<table>`, one file in memory at a time."""
    if not files:
        return
    con.register("lake_rows", pa.RecordBatchReader.from_batches(table.schema, _file_batches(table, files)))
    try:
        con.execute(f"insert into raw.{table.name} select * from lake_rows")
    finally:
        con.unregister("lake_rows")


def build_database(con: duckdb.DuckDBPyConnection, lake_dir: LakePath, sql_dir: Path) -> None:
    """Create the raw tables from the committed lake files and every SQL relation of sql/ in a connection."""
    for schema in ("raw", "reports", "checks"):
        con.execute(f"create schema if not exists {schema}")
    for table in TABLES:
        load_raw_table(con, table, table_files(lake_dir, table))
    create_sql_views(con, sql_dir)


def create_sql_views(con: duckdb.DuckDBPyConnection, sql_dir: Path) -> None:
    """Create the vocabulary tables, then one view per sql/<layer>/<name>.sql file, named after the file (and
    before the macros, the co-occurrence tables of warehouse/pairs.py). The mentions counted per document
    (warehouse/entity_documents.py), read by the marts, come first. Within a layer a relation that reads
    another one of the layer is created after it, whatever their names."""
    con.execute(f"create schema if not exists {VOCAB_SCHEMA}")
    for vocabulary in VOCABULARIES:
        create_vocabulary(con, vocabulary)
    con.execute("create schema if not exists checks")
    con.execute(f"create or replace view {SCOPE} as select distinct batch_id from raw.inputs")
    entity_documents.create(con)
    for layer, schema in SQL_LAYERS:
        if layer == "macros":  # the totals and co-occurrence tables, over the marts, that the reports read
            entity_documents.count(con)
            pairs.create(con)
        con.execute(f"create schema if not exists {schema}")
        pending = sql_files(sql_dir, layer)
        while pending:
            # a view over one not created yet fails to bind: it waits for the next pass
            waiting = [path for path in pending if not _create_relation(con, sql_dir, layer, schema, path, pending)]
            if len(waiting) == len(pending):
                _create_relation(con, sql_dir, layer, schema, waiting[0], [])  # raises its error
            pending = waiting


def _create_relation(
    con: duckdb.DuckDBPyConnection, sql_dir: Path, layer: str, schema: str, path: Path, pending: list[Path]
) -> bool:
    """Create the view (or macro) of one SQL file; False when it reads a relation of `pending` not created yet,
    WarehouseError for any other error."""
    body = path.read_text(encoding="utf-8").strip().rstrip(";")
    statements = [f"create or replace view {schema}.{path.stem} as\n{body}"]
    try:
        # a table macro taking the header's parameters; a report's also gets the view of its defaults
        if layer in ("macros", "reports"):
            spec = report_params.read_report(path)
            statements = report_params.create_statements(schema, spec, body, view=layer == "reports")
        for statement in statements:
            con.execute(statement)
    except duckdb.CatalogException as err:
        if any(f"{schema}.{other.stem}" in body and other != path for other in pending):
            return False
        raise WarehouseError(f"{path.relative_to(sql_dir)}: {err}") from err
    except (duckdb.Error, report_params.ParamError) as err:
        raise WarehouseError(f"{path.relative_to(sql_dir)}: {err}") from err
    return True


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


def limit_scope(con: duckdb.DuckDBPyConnection, batch_ids: Sequence[str]) -> None:
    """Make `checks.batches_in_scope` a table of these batch ids (the row checks look at their rows only)."""
    kinds = con.execute(
        "select table_type from information_schema.tables where table_schema = ? and table_name = ?",
        SCOPE.split("."),
    ).fetchall()
    con.execute(f"drop {'view' if kinds == [('VIEW',)] else 'table'} if exists {SCOPE}")
    con.execute(f"create table {SCOPE} (batch_id varchar primary key)")
    if batch_ids:
        insert_arrow(con, SCOPE, pa.table({"batch_id": pa.array(list(batch_ids), pa.string())}))
