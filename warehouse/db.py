"""DuckDB side: publish the warehouse file, run checks and reports, answer read-only queries.

The warehouse is a self-contained DuckDB file: `raw.*` tables holding the committed Parquet rows
(read by pyarrow from an explicit file list, so no path ever reaches DuckDB as a glob pattern) and
the views of sql/ over them. A first publish builds a new file under a temporary name, checks it, and
renames it into place only when every check passes; later ones update it in place in one
transaction (below). Readers never see half a load, and a failed check keeps the previous
warehouse; `newsetl query` opening the file during an update in place waits for it (a second or so).
The analyst surface answers one SELECT on a read-only connection with file access off and its
configuration locked: the warehouse needs no file but its own.

A publish records what it was built from (`lake/.published`: a stamp per committed batch from its
files' names, sizes and modification times, one of the SQL and the schemas, and the warehouse file
it wrote), so a run that committed nothing and finds the warehouse current skips the rebuild
(`is_current`), and the checks look only at the batches new or changed since the last publish
(`checks.batches_in_scope`; a duplicate doc_id is still looked for over the whole lake). When the
code is unchanged and no reader holds the warehouse, a publish updates the file itself in one
transaction, deleting and inserting only the rows of those batches (rolled back when a check
fails), so its cost follows what was added, not the size of the lake; otherwise it builds a new
file and renames it into place.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from flows.text.vocabulary import VOCABULARIES, Vocabulary
from warehouse import pairs, report_params
from warehouse.lake import TMP_SUFFIX, read_file, table_files
from warehouse.schemas import RUNS, TABLES, Table
from warehouse.storage import LakePath, ObjectPath

SQL_LAYERS = (("marts", "main"), ("macros", "main"), ("reports", "reports"), ("checks", "checks"))
PUBLISHED_NAME = ".published"  # in the lake folder: what the last publish was built from
# The batches whose rows the row checks look at: a view of every committed batch, which a publish
# after an earlier one replaces with a table of the batches new or changed since.
SCOPE = "checks.batches_in_scope"
VOCAB_SCHEMA = "vocab"
_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
# A publish never writes a write-ahead log (each commit is checkpointed straight into the file):
# DuckDB names the log by cutting the path at its first '?', which breaks folders named with one.
# The memory limit bounds the build (100k articles: 1.4 GB peak without it, ~1 GB with it).
PUBLISH_CONFIG: dict[str, Any] = {
    "auto_checkpoint_skip_wal_threshold": "0",
    "checkpoint_threshold": "0b",
    "memory_limit": "512MB",
}
LOCK_WAIT_SECONDS = 30  # how long an analyst's connection waits for a publish updating the file in place
ANALYST_CONFIG: dict[str, Any] = {"autoload_known_extensions": False, "autoinstall_known_extensions": False}
# timestamps show in UTC whatever the machine's zone (`published_at_utc` reads as UTC), then files off and locked
LOCKDOWN = ("set TimeZone = 'UTC'", "set enable_external_access = false", "set lock_configuration = true")


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
    _append_files(con, table, files)


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
    _insert_arrow(con, table, terms)


def _insert_arrow(con: duckdb.DuckDBPyConnection, table: str, rows: pa.Table, create: bool = False) -> None:
    """Insert an Arrow table's rows in one statement (executemany costs ~0.25 s per statement on a busy machine);
    `create`: into a new temporary table of that name."""
    con.register("arrow_rows", rows)
    try:
        into = f"create temp table {table} as" if create else f"insert into {table}"
        con.execute(f"{into} select * from arrow_rows")
    finally:
        con.unregister("arrow_rows")


def build_database(con: duckdb.DuckDBPyConnection, lake_dir: LakePath, sql_dir: Path) -> None:
    """Create the raw tables from the committed lake files and every SQL relation of sql/ in a connection."""
    for schema in ("raw", "reports", "checks"):
        con.execute(f"create schema if not exists {schema}")
    for table in TABLES:
        load_raw_table(con, table, table_files(lake_dir, table))
    create_sql_views(con, sql_dir)


def create_sql_views(con: duckdb.DuckDBPyConnection, sql_dir: Path) -> None:
    """Create the vocabulary tables, then one view per sql/<layer>/<name>.sql file, named after the file (and
    before the reports, the co-occurrence tables of warehouse/pairs.py)."""
    con.execute(f"create schema if not exists {VOCAB_SCHEMA}")
    for vocabulary in VOCABULARIES:
        create_vocabulary(con, vocabulary)
    con.execute("create schema if not exists checks")
    con.execute(f"create or replace view {SCOPE} as select distinct batch_id from raw.inputs")
    for layer, schema in SQL_LAYERS:
        if layer == "reports":  # the co-occurrence tables, over the marts, that the reports read
            pairs.create(con)
        con.execute(f"create schema if not exists {schema}")
        for path in sql_files(sql_dir, layer):
            body = path.read_text(encoding="utf-8").strip().rstrip(";")
            statements = [f"create or replace view {schema}.{path.stem} as\n{body}"]
            try:
                # a table macro taking the header's parameters; a report's also gets the view of its defaults
                if layer in ("macros", "reports"):
                    spec = report_params.read_report(path)
                    statements = report_params.create_statements(schema, spec, body, view=layer == "reports")
                for statement in statements:
                    con.execute(statement)
            except (duckdb.Error, report_params.ParamError) as err:
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


def publish(warehouse_path: Path, lake_dir: LakePath, sql_dir: Path) -> list[CheckFailure]:
    """Bring the warehouse up to the lake: in place when it can (`_update_in_place`), else by building a fresh
    file beside the old one and renaming it into place when every check passes.

    The checks look at the batches new or changed since the last publish of this warehouse
    (`checks.batches_in_scope`; every batch when the SQL, the schemas or the warehouse file changed).
    Returns the failed checks; when there are any, the previous warehouse is left as it was.
    """
    check_sql_dir(sql_dir)
    warehouse_path.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_builds(warehouse_path)
    state = lake_state(lake_dir, sql_dir)
    scope = _batches_to_check(warehouse_path, lake_dir, state)
    if scope is not None:
        updated = _update_in_place(warehouse_path, lake_dir, sql_dir, state)
        if updated is not None:
            return updated
    tmp = warehouse_path.with_name(f".{warehouse_path.name}.{os.getpid()}.tmp")
    try:
        con = duckdb.connect(str(tmp), config={**PUBLISH_CONFIG, "temp_directory": f"{tmp}.spill"})
        try:
            con.execute("set enable_progress_bar = false")
            build_database(con, lake_dir, sql_dir)
            if scope is not None:
                _limit_scope(con, scope)
            failures = run_checks(con, sql_dir)
            con.execute("checkpoint")
        finally:
            con.close()
        if not failures:
            _fsync(tmp)
            os.replace(tmp, warehouse_path)
            _fsync(warehouse_path.parent)
            _record_published(warehouse_path, lake_dir, state)
    finally:
        remove_stale_builds(warehouse_path)
    return failures


def _update_in_place(
    warehouse_path: Path, lake_dir: LakePath, sql_dir: Path, state: dict[str, Any]
) -> list[CheckFailure] | None:
    """Bring the published warehouse up to the lake in one transaction on the file itself; None when it cannot.

    Only the rows of batches new, changed or gone since the last publish are deleted and inserted (and
    the small `runs` table reloaded when it changed), so the cost follows what was added, not the lake.
    The row checks look at those batches; when a check fails the transaction is rolled back and the
    warehouse stays as it was. A reader holding the file open (DuckDB's lock) makes this impossible:
    the caller then builds a new file beside it as on a first publish.
    """
    previous = _previous(warehouse_path, lake_dir)
    if previous is None or previous.get("code") != state["code"]:
        return None
    before, after = previous.get("batches") or {}, state["batches"]
    changed = sorted(b for b, stamp in after.items() if before.get(b) != stamp)
    stale = sorted(b for b, stamp in before.items() if after.get(b) != stamp)
    try:
        spill = warehouse_path.with_name(f".{warehouse_path.name}.{os.getpid()}.tmp.spill")
        con = duckdb.connect(str(warehouse_path), config={**PUBLISH_CONFIG, "temp_directory": str(spill)})
    except duckdb.Error:
        return None
    try:
        con.execute("set enable_progress_bar = false")
        con.execute("begin transaction")
        _replace_batches(con, lake_dir, stale, changed)
        pairs.update(con, stale, changed)
        if previous.get("runs") != state["runs"]:
            con.execute(f"delete from raw.{RUNS.name}")
            _append_files(con, RUNS, table_files(lake_dir, RUNS))
        _limit_scope(con, changed)
        failures = run_checks(con, sql_dir)
        con.execute("rollback" if failures else "commit")
        if not failures:
            con.execute("checkpoint")
    except duckdb.Error:
        con.close()
        return None
    con.close()
    _fsync(warehouse_path)
    if not failures:
        _record_published(warehouse_path, lake_dir, state)
    return failures


def _replace_batches(con: duckdb.DuckDBPyConnection, lake_dir: LakePath, stale: list[str], fresh: list[str]) -> None:
    """Delete the rows of the stale batches from every raw table and insert those of the fresh ones."""
    wanted = set(fresh)
    for table in TABLES:
        if table is RUNS:
            continue
        if stale:
            _insert_arrow(con, "temp_stale_batches", pa.table({"batch_id": pa.array(stale, pa.string())}), create=True)
            con.execute(f"delete from raw.{table.name} where batch_id in (select batch_id from temp_stale_batches)")
            con.execute("drop table temp_stale_batches")
        if wanted:
            _append_files(con, table, [path for path in table_files(lake_dir, table) if path.stem in wanted])


def _append_files(con: duckdb.DuckDBPyConnection, table: Table, files: Sequence[LakePath]) -> None:
    """Insert the rows of these Parquet files into `raw.<table>`, one file in memory at a time."""
    if not files:
        return
    con.register("lake_rows", pa.RecordBatchReader.from_batches(table.schema, _file_batches(table, files)))
    try:
        con.execute(f"insert into raw.{table.name} select * from lake_rows")
    finally:
        con.unregister("lake_rows")


def _limit_scope(con: duckdb.DuckDBPyConnection, batch_ids: Sequence[str]) -> None:
    """Make `checks.batches_in_scope` a table of these batch ids (the row checks look at their rows only)."""
    kinds = con.execute(
        "select table_type from information_schema.tables where table_schema = ? and table_name = ?",
        SCOPE.split("."),
    ).fetchall()
    con.execute(f"drop {'view' if kinds == [('VIEW',)] else 'table'} if exists {SCOPE}")
    con.execute(f"create table {SCOPE} (batch_id varchar primary key)")
    if batch_ids:
        _insert_arrow(con, SCOPE, pa.table({"batch_id": pa.array(list(batch_ids), pa.string())}))


def lake_state(lake_dir: LakePath, sql_dir: Path) -> dict[str, Any]:
    """What a publish reads: a stamp per committed batch (its files' names, sizes and modification times), one of
    the runs, and one of the code (the SQL, the schemas, the vocabularies)."""
    batches: dict[str, Any] = {}
    runs = hashlib.sha256()
    for table in TABLES:
        for path in table_files(lake_dir, table):
            stat = path.stat()
            line = f"{table.name}/{path.name}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode()
            if table.name == "runs":
                runs.update(line)
            else:
                batches.setdefault(path.stem, hashlib.sha256()).update(line)
    code = hashlib.sha256()
    for layer, _ in SQL_LAYERS:
        for path in sorted((sql_dir / layer).glob("*.sql")):
            code.update(f"{layer}/{path.name}\0".encode() + path.read_bytes())
    code.update(repr([(t.name, str(t.schema)) for t in TABLES]).encode())
    code.update(repr([(v.name, v.terms) for v in VOCABULARIES]).encode())
    return {
        "code": code.hexdigest(),
        "runs": runs.hexdigest(),
        "batches": {batch: digest.hexdigest()[:32] for batch, digest in sorted(batches.items())},
    }


def _previous(warehouse_path: Path, lake_dir: LakePath) -> dict[str, Any] | None:
    """The record of the last publish, when the warehouse file is still the one it wrote."""
    try:
        record = json.loads((lake_dir / PUBLISHED_NAME).read_text(encoding="utf-8"))
        stamp = _warehouse_stamp(warehouse_path)
    except (OSError, ValueError):
        return None
    return record if isinstance(record, dict) and record.get("warehouse") == stamp else None


def _batches_to_check(warehouse_path: Path, lake_dir: LakePath, state: dict[str, Any]) -> list[str] | None:
    """Batches new or changed since the last publish; None (all) when the code or the warehouse changed."""
    previous = _previous(warehouse_path, lake_dir)
    if previous is None or previous.get("code") != state["code"]:
        return None
    checked = previous.get("batches") or {}
    return [batch for batch, stamp in state["batches"].items() if checked.get(batch) != stamp]


def _warehouse_stamp(warehouse_path: Path) -> list[Any]:
    stat = warehouse_path.stat()
    return [str(warehouse_path), stat.st_size, stat.st_mtime_ns, stat.st_ino]


def _record_published(warehouse_path: Path, lake_dir: LakePath, state: dict[str, Any]) -> None:
    """Write `lake/.published` (temporary name, then rename): the lake's state and the warehouse file written."""
    record = {**state, "warehouse": _warehouse_stamp(warehouse_path)}
    path = lake_dir / PUBLISHED_NAME
    if isinstance(path, ObjectPath):  # one PUT, atomic
        path.write_text(json.dumps(record))
        return
    tmp = path.with_name(path.name + TMP_SUFFIX)
    lake_dir.mkdir(parents=True, exist_ok=True)
    tmp.write_text(json.dumps(record), encoding="utf-8")
    os.replace(tmp, path)


def is_current(warehouse_path: Path, lake_dir: LakePath, sql_dir: Path) -> bool:
    """Whether the warehouse file is the one the last publish wrote from the lake as it is now (nothing to rebuild)."""
    previous = _previous(warehouse_path, lake_dir)
    if previous is None:
        return False
    return {k: previous.get(k) for k in ("code", "runs", "batches")} == lake_state(lake_dir, sql_dir)


def remove_stale_builds(warehouse_path: Path) -> list[Path]:
    """Delete temporary files of warehouse builds that never finished (a publish holds the lake, so none is live)."""
    prefix = f".{warehouse_path.name}."
    stale = [p for p in warehouse_path.parent.iterdir() if p.name.startswith(prefix) and ".tmp" in p.name]
    for path in stale:
        if path.is_dir():
            shutil.rmtree(path)
        else:
            path.unlink(missing_ok=True)
    return stale


def _fsync(path: Path) -> None:
    """Flush a file's or a folder's data to disk."""
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


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
