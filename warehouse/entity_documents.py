"""The entity mentions counted per document, kept at each publish, so the entity reports sum a few rows per
document instead of aggregating every mention (and its text) on each call.

`derived.entity_documents`: one row per document (current or not), entity and the attributes a mention
gives it (label, canonical name, place: GeoNames id, country, coordinates, feature type), with the number of
mentions. Rows are added and removed with their batch, like the raw tables; the marts and macros that read
it leave out the superseded documents (`main.entity_names`, `main.entity_counts_in_range`). Whatever a
report computed from `main.entity_mentions` it computes from these rows: a document's mentions of an
entity are one or a few rows, the mode of a name is the name with the most mentions, a minimum over the
mentions is the minimum over the rows. tests/sql/test_materialised_reports.py checks the reports against
the mentions.
"""

from __future__ import annotations

from collections.abc import Sequence

import duckdb
import pyarrow as pa

SCHEMA = "derived"
ENTITY_DOCUMENTS = f"{SCHEMA}.entity_documents"

_CREATE = f"""create or replace table {ENTITY_DOCUMENTS} (
    doc_id varchar, batch_id varchar, entity_id varchar, label varchar, canonical_name varchar,
    geonames_id bigint, country_code varchar, latitude double, longitude double, feature_type varchar,
    mention_count bigint)"""

# The rows of the mentions of some batches (the batch ids in the temporary table `entity_batches`), sorted so
# that a document's rows sit together (they compress, and a range of documents reads few row groups).
_ROWS_OF_BATCHES = f"""
insert into {ENTITY_DOCUMENTS}
select
    m.doc_id,
    m.batch_id,
    m.entity_id,
    m.label,
    m.canonical_name,
    m.geonames_id,
    m.country_code,
    m.latitude,
    m.longitude,
    m.feature_type,
    count(*) as mention_count
from raw.entity_mentions as m
semi join entity_batches as b on m.batch_id = b.batch_id
group by all
order by m.batch_id, m.doc_id, m.entity_id
"""


def create(con: duckdb.DuckDBPyConnection) -> None:
    """Create the table over every committed batch (a first publish, or a warehouse built in memory)."""
    con.execute(f"create schema if not exists {SCHEMA}")
    con.execute(_CREATE)
    con.execute("create or replace temp table entity_batches as select distinct batch_id from raw.entity_mentions")
    con.execute(_ROWS_OF_BATCHES)
    con.execute("drop table entity_batches")


def update(con: duckdb.DuckDBPyConnection, stale: Sequence[str], fresh: Sequence[str]) -> None:
    """Delete the rows of the `stale` batches and add those of the `fresh` ones (a publish in place, after the
    raw tables were brought up to the lake); creates the table when the warehouse has none yet."""
    [(present,)] = con.execute(
        "select count(*) from information_schema.tables where table_schema = ? and table_name = ?",
        [SCHEMA, ENTITY_DOCUMENTS.split(".")[1]],
    ).fetchall()
    if not present:
        create(con)
        return
    if stale:
        _batch_table(con, stale)
        con.execute(f"delete from {ENTITY_DOCUMENTS} where batch_id in (select batch_id from entity_batches)")
    if fresh:
        _batch_table(con, fresh)
        con.execute(_ROWS_OF_BATCHES)
    con.execute("drop table if exists entity_batches")


def _batch_table(con: duckdb.DuckDBPyConnection, batch_ids: Sequence[str]) -> None:
    """The temporary table `entity_batches(batch_id)` of these batch ids."""
    rows = pa.table({"batch_id": pa.array(list(batch_ids), pa.string())})
    con.register("entity_batch_rows", rows)
    try:
        con.execute("create or replace temp table entity_batches as select * from entity_batch_rows")
    finally:
        con.unregister("entity_batch_rows")
