"""The `derived` schema: tables a publish keeps beside the raw ones for the reports (warehouse/pairs.py,
warehouse/entity_documents.py), and what keeping them shares."""

from __future__ import annotations

from collections.abc import Sequence

import duckdb
import pyarrow as pa

SCHEMA = "derived"


def has_table(con: duckdb.DuckDBPyConnection, table: str) -> bool:
    """Whether the warehouse holds `derived.<table>` (an older warehouse may not)."""
    [(present,)] = con.execute(
        "select count(*) from information_schema.tables where table_schema = ? and table_name = ?",
        [SCHEMA, table.removeprefix(f"{SCHEMA}.")],
    ).fetchall()
    return bool(present)


def batch_table(con: duckdb.DuckDBPyConnection, name: str, batch_ids: Sequence[str]) -> None:
    """A temporary table `name(batch_id)` of these batch ids."""
    rows = pa.table({"batch_id": pa.array(list(batch_ids), pa.string())})
    con.register("derived_batch_rows", rows)
    try:
        con.execute(f"create or replace temp table {name} as select * from derived_batch_rows")
    finally:
        con.unregister("derived_batch_rows")
