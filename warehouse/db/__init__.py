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

The modules: `build` (raw tables, vocabularies, the SQL relations and the checks in a connection),
`state` (what a publish was built from), `publish` (a fresh file or an update in place) and `read`
(the analyst's read-only connection, queries and reports). Everything is importable from `warehouse.db`.
"""

from __future__ import annotations

from warehouse.db.build import (
    SCOPE,
    SQL_LAYERS,
    VOCAB_SCHEMA,
    CheckFailure,
    WarehouseError,
    build_database,
    check_sql_dir,
    create_sql_views,
    create_vocabulary,
    duckdb_type,
    load_raw_table,
    raw_table_sql,
    run_checks,
    sql_files,
)
from warehouse.db.publish import PUBLISH_CONFIG, publish, remove_stale_builds
from warehouse.db.read import (
    ANALYST_CONFIG,
    LOCK_WAIT_SECONDS,
    LOCKDOWN,
    analyst_statement,
    connect_readonly,
    query,
    report_names,
    report_query,
    show,
)
from warehouse.db.state import PUBLISHED_NAME, is_current, lake_state

__all__ = [
    "ANALYST_CONFIG",
    "LOCKDOWN",
    "LOCK_WAIT_SECONDS",
    "PUBLISHED_NAME",
    "PUBLISH_CONFIG",
    "SCOPE",
    "SQL_LAYERS",
    "VOCAB_SCHEMA",
    "CheckFailure",
    "WarehouseError",
    "analyst_statement",
    "build_database",
    "check_sql_dir",
    "connect_readonly",
    "create_sql_views",
    "create_vocabulary",
    "duckdb_type",
    "is_current",
    "lake_state",
    "load_raw_table",
    "publish",
    "query",
    "raw_table_sql",
    "remove_stale_builds",
    "report_names",
    "report_query",
    "run_checks",
    "show",
    "sql_files",
]
