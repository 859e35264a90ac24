"""The entity mentions counted per document, kept at each publish, so the entity reports sum a few rows per
document instead of aggregating every mention (and its text) on each call.

`derived.entity_documents`: one row per document (current or not), entity and the attributes a mention
gives it (label, canonical name, place: GeoNames id, country, coordinates, feature type), with the number of
mentions; `document_count` is 1 on one row of each document and entity (0 on the others) and
`label_document_count` on one row of each document, entity and label, so that a sum over rows counts
documents without a distinct count. Rows are added and removed with their batch, like the raw tables; the
macros that read it for a date or language range join the documents in range (current ones only).

Over the current documents, kept by adding the rows of the documents that became current and taking away
those of the documents that stopped being current (an edited article, a rewritten batch):
- `derived.entity_attribute_totals`: one row per entity and set of attributes, with its mentions;
- `derived.entity_totals`: one row per entity, with its mentions and documents;
- `derived.entity_counted`: the documents (doc_id, batch_id) those totals count.
`main.entity_names` reads the totals (a few rows per entity). Whatever a report computed from
`main.entity_mentions` it computes from these rows: the mode of a name is the name with the most
mentions, a minimum over the mentions is the minimum over the rows, a document is in one row of a
document count. tests/sql/test_materialised_reports.py checks the reports against the mentions, and
tests/unit/test_pairs.py the totals through new batches, edits and rewritten batches.
"""

from __future__ import annotations

from collections.abc import Sequence

import duckdb

from warehouse.derived import SCHEMA, batch_table, has_table

ENTITY_DOCUMENTS = f"{SCHEMA}.entity_documents"
ATTRIBUTE_TOTALS = f"{SCHEMA}.entity_attribute_totals"
TOTALS = f"{SCHEMA}.entity_totals"
COUNTED = f"{SCHEMA}.entity_counted"
ATTRIBUTES = "entity_id, label, canonical_name, geonames_id, country_code, latitude, longitude, feature_type"

_ATTRIBUTE_COLUMNS = """entity_id varchar, label varchar, canonical_name varchar, geonames_id bigint,
    country_code varchar, latitude double, longitude double, feature_type varchar"""
_CREATE = (
    f"create schema if not exists {SCHEMA}",
    f"""create or replace table {ENTITY_DOCUMENTS} (
        doc_id varchar, batch_id varchar, {_ATTRIBUTE_COLUMNS}, mention_count bigint,
        document_count integer, label_document_count integer)""",
    f"create or replace table {ATTRIBUTE_TOTALS} ({_ATTRIBUTE_COLUMNS}, mention_count bigint)",
    f"create or replace table {TOTALS} (entity_id varchar, mention_count bigint, document_count bigint)",
    f"create or replace table {COUNTED} (doc_id varchar, batch_id varchar)",
)
# The documents no longer superseded (a view over the marts, which exist when the totals are kept).
_SUPERSEDED = "select doc_id from main.document_versions where not is_current"

# The totals changed by the documents of the temporary table `entity_delta(doc_id, sign)`: the rows of the
# entities they name read again with those documents' rows added (+1) or taken away (-1).
_APPLY_DELTA = (
    f"""create or replace temp table entity_change as
    select r.*, d.sign
    from {ENTITY_DOCUMENTS} as r
    inner join entity_delta as d on r.doc_id = d.doc_id and r.batch_id = d.batch_id
    where r.entity_id is not null""",
    f"""create or replace temp table entity_merged as
    select {ATTRIBUTES}, sum(mention_count) as mention_count
    from (
        select t.* from {ATTRIBUTE_TOTALS} as t semi join entity_change as c on t.entity_id = c.entity_id
        union all
        select {ATTRIBUTES}, sign * mention_count from entity_change
    )
    group by all
    having sum(mention_count) > 0""",
    f"delete from {ATTRIBUTE_TOTALS} where entity_id in (select entity_id from entity_change)",
    f"insert into {ATTRIBUTE_TOTALS} select * from entity_merged",
    f"""create or replace temp table entity_merged as
    select entity_id, sum(mention_count) as mention_count, sum(document_count) as document_count
    from (
        select t.* from {TOTALS} as t semi join entity_change as c on t.entity_id = c.entity_id
        union all
        select entity_id, sum(sign * mention_count), any_value(sign) * count(distinct doc_id)
        from entity_change
        group by entity_id, sign
    )
    group by entity_id
    having sum(mention_count) > 0""",
    f"delete from {TOTALS} where entity_id in (select entity_id from entity_change)",
    f"insert into {TOTALS} select * from entity_merged",
    "drop table entity_merged",
    "drop table entity_change",
)

# The rows of the mentions of some batches (the batch ids in the temporary table `entity_batches`), sorted so
# that a document's rows sit together (they compress, and a range of documents reads few row groups).
_ROWS_OF_BATCHES = f"""
insert into {ENTITY_DOCUMENTS}
with
grouped as (
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
)
select
    *,
    cast(row_number() over (partition by doc_id, entity_id) = 1 as integer) as document_count,
    cast(row_number() over (partition by doc_id, entity_id, label) = 1 as integer) as label_document_count
from grouped
order by batch_id, doc_id, entity_id
"""


def create(con: duckdb.DuckDBPyConnection) -> None:
    """Create the table over every committed batch (a first publish, or a warehouse built in memory), and the
    totals over the documents not superseded (`count`, once the marts exist)."""
    for statement in _CREATE:
        con.execute(statement)
    con.execute("create or replace temp table entity_batches as select distinct batch_id from raw.entity_mentions")
    con.execute(_ROWS_OF_BATCHES)
    con.execute("drop table entity_batches")


def count(con: duckdb.DuckDBPyConnection) -> None:
    """Fill the totals from every document not superseded, at once (no delta)."""
    con.execute(
        f"""insert into {COUNTED}
        select distinct r.doc_id, r.batch_id
        from {ENTITY_DOCUMENTS} as r
        anti join ({_SUPERSEDED}) as s on r.doc_id = s.doc_id"""
    )
    counted = f"select r.* from {ENTITY_DOCUMENTS} as r semi join {COUNTED} as k on r.doc_id = k.doc_id"
    con.execute(
        f"""insert into {ATTRIBUTE_TOTALS}
        select {ATTRIBUTES}, sum(mention_count) from ({counted}) where entity_id is not null group by all"""
    )
    con.execute(
        f"""insert into {TOTALS}
        select entity_id, sum(mention_count), count(distinct doc_id)
        from ({counted}) where entity_id is not null group by entity_id"""
    )


def update(con: duckdb.DuckDBPyConnection, stale: Sequence[str], fresh: Sequence[str]) -> None:
    """Delete the rows of the `stale` batches and add those of the `fresh` ones (a publish in place, after the
    raw tables were brought up to the lake), and bring the totals up to the documents now current; creates
    the tables when the warehouse has none yet."""
    if not has_table(con, COUNTED):
        create(con)
        count(con)
        return
    batch_table(con, "entity_batches", stale)
    # documents counted that are superseded now or of a batch rewritten or gone: their rows taken away
    con.execute(
        f"""create or replace temp table entity_delta as
        select c.doc_id, c.batch_id, -1 as sign
        from {COUNTED} as c
        where
            c.batch_id in (select batch_id from entity_batches)
            or c.doc_id in (select doc_id from ({_SUPERSEDED}))"""
    )
    for statement in _APPLY_DELTA:
        con.execute(statement)
    con.execute(
        f"""delete from {COUNTED}
        using entity_delta as d
        where {COUNTED}.doc_id = d.doc_id and {COUNTED}.batch_id = d.batch_id"""
    )
    con.execute(f"delete from {ENTITY_DOCUMENTS} where batch_id in (select batch_id from entity_batches)")
    batch_table(con, "entity_batches", fresh)
    con.execute(_ROWS_OF_BATCHES)
    # documents current and not counted (new, or current again after an edit back): their rows added
    con.execute(
        f"""create or replace temp table entity_delta as
        select distinct d.doc_id, d.batch_id, 1 as sign
        from main.document_versions as d
        anti join {COUNTED} as c on d.doc_id = c.doc_id and d.batch_id = c.batch_id
        where d.is_current"""
    )
    for statement in _APPLY_DELTA:
        con.execute(statement)
    con.execute(f"insert into {COUNTED} select doc_id, batch_id from entity_delta")
    con.execute("drop table entity_delta")
    con.execute("drop table entity_batches")
