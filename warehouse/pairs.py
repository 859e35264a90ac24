"""Entity co-occurrence kept up to date at each publish, so `reports.entity_cooccurrence` answers in well
under a second on a large lake instead of joining every mention with every other one per call.

Two tables in the `derived` schema of the warehouse:

- `derived.entity_pair_documents`: one row per document (current or not) and unordered pair of
  entities with a name label (PERSON, ORG, LOC: `vocab.entity_label` kind `name`) named in it,
  with the smallest canonical name and label each entity has in that document. Rows are added and
  removed with their batch, like the raw tables.
- `derived.entity_pair_totals`: one row per pair over the current documents (`main.documents`):
  the number of documents naming both and the smallest names and labels; and
  `derived.entity_pair_counted` the doc_ids those totals count. A publish adds the pairs of the
  documents that became current and takes away those of the documents that stopped being current
  (an edited article); the names of the pairs it took documents away from are read again.

The report reads the totals when no date or language range is asked for, and the per-document
rows otherwise. The totals equal what the report's own join gives; tests/unit/test_pairs.py checks it.
"""

from __future__ import annotations

from collections.abc import Sequence

import duckdb

from warehouse.derived import SCHEMA, batch_table, has_table

PAIR_DOCUMENTS = f"{SCHEMA}.entity_pair_documents"
PAIR_TOTALS = f"{SCHEMA}.entity_pair_totals"
COUNTED = f"{SCHEMA}.entity_pair_counted"

_CREATE = (
    f"create schema if not exists {SCHEMA}",
    f"""create or replace table {PAIR_DOCUMENTS} (
        doc_id varchar, batch_id varchar, entity_id_a varchar, entity_id_b varchar,
        name_a varchar, label_a varchar, name_b varchar, label_b varchar)""",
    f"""create or replace table {PAIR_TOTALS} (
        entity_id_a varchar, entity_id_b varchar, name_a varchar, label_a varchar,
        name_b varchar, label_b varchar, shared_document_count bigint)""",
    f"create or replace table {COUNTED} (doc_id varchar, batch_id varchar)",
)

# The pairs of the documents of some batches (the batch ids in temp table `pair_batches`).
_PAIRS_OF_BATCHES = f"""
insert into {PAIR_DOCUMENTS}
with
name_labels as (
    select code from vocab.entity_label where kind = 'name'
),

mentions as (
    select
        m.doc_id,
        m.batch_id,
        m.entity_id,
        min(m.canonical_name) as canonical_name,
        min(m.label) as label
    from raw.entity_mentions as m
    inner join name_labels as l on m.label = l.code
    inner join pair_batches as b on m.batch_id = b.batch_id
    where m.entity_id is not null
    group by m.doc_id, m.batch_id, m.entity_id
)

select
    a.doc_id,
    a.batch_id,
    a.entity_id as entity_id_a,
    b.entity_id as entity_id_b,
    a.canonical_name as name_a,
    a.label as label_a,
    b.canonical_name as name_b,
    b.label as label_b
from mentions as a
inner join mentions as b on a.doc_id = b.doc_id and a.entity_id < b.entity_id
"""

_CHANGE = f"""
create or replace temp table pair_change as
select
    p.entity_id_a,
    p.entity_id_b,
    sum(d.sign) as change,
    min(p.name_a) as name_a,
    min(p.label_a) as label_a,
    min(p.name_b) as name_b,
    min(p.label_b) as label_b
from {PAIR_DOCUMENTS} as p
inner join pair_delta as d on p.doc_id = d.doc_id
group by p.entity_id_a, p.entity_id_b
"""

_NEW_PAIRS = f"""
insert into {PAIR_TOTALS}
select c.entity_id_a, c.entity_id_b, null, null, null, null, 0
from pair_change as c
anti join {PAIR_TOTALS} as t on c.entity_id_a = t.entity_id_a and c.entity_id_b = t.entity_id_b
"""

_COUNT = f"""
update {PAIR_TOTALS} as t set
    shared_document_count = t.shared_document_count + c.change,
    name_a = least(t.name_a, c.name_a),
    label_a = least(t.label_a, c.label_a),
    name_b = least(t.name_b, c.name_b),
    label_b = least(t.label_b, c.label_b)
from pair_change as c
where t.entity_id_a = c.entity_id_a and t.entity_id_b = c.entity_id_b
"""

_DISCOUNT = f"""
update {PAIR_TOTALS} as t set shared_document_count = t.shared_document_count + c.change
from pair_change as c
where t.entity_id_a = c.entity_id_a and t.entity_id_b = c.entity_id_b
"""

# The pairs that lost a document: their smallest names and labels read again over the documents counted.
_RENAME = f"""
update {PAIR_TOTALS} as t set
    name_a = n.name_a, label_a = n.label_a, name_b = n.name_b, label_b = n.label_b
from (
    select
        p.entity_id_a,
        p.entity_id_b,
        min(p.name_a) as name_a,
        min(p.label_a) as label_a,
        min(p.name_b) as name_b,
        min(p.label_b) as label_b
    from {PAIR_DOCUMENTS} as p
    semi join pair_lost as c on p.entity_id_a = c.entity_id_a and p.entity_id_b = c.entity_id_b
    semi join {COUNTED} as k on p.doc_id = k.doc_id
    group by p.entity_id_a, p.entity_id_b
) as n
where t.entity_id_a = n.entity_id_a and t.entity_id_b = n.entity_id_b
"""


def create(con: duckdb.DuckDBPyConnection) -> None:
    """Create the co-occurrence tables over every committed batch (a first publish)."""
    for statement in _CREATE:
        con.execute(statement)
    con.execute("create or replace temp table pair_batches as select distinct batch_id from raw.entity_mentions")
    con.execute(_PAIRS_OF_BATCHES)
    con.execute("drop table pair_batches")
    # Every current document counted at once: one aggregation, no upsert of each pair.
    con.execute(f"insert into {COUNTED} select doc_id, batch_id from main.documents")
    con.execute(
        f"""insert into {PAIR_TOTALS}
        select
            p.entity_id_a,
            p.entity_id_b,
            min(p.name_a),
            min(p.label_a),
            min(p.name_b),
            min(p.label_b),
            count(*)
        from {PAIR_DOCUMENTS} as p
        semi join {COUNTED} as k on p.doc_id = k.doc_id
        group by p.entity_id_a, p.entity_id_b"""
    )


def update(con: duckdb.DuckDBPyConnection, stale: Sequence[str], fresh: Sequence[str]) -> None:
    """Bring the tables up to the raw tables after the rows of `stale` batches were deleted and those of
    `fresh` batches inserted (a publish in place); creates them when the warehouse has none yet."""
    if not has_table(con, PAIR_TOTALS):
        create(con)
        return
    batch_table(con, "pair_stale", stale)
    # Documents counted that are gone, no longer current, or of a batch rewritten: their pairs taken away.
    con.execute(
        f"""create or replace temp table pair_delta as
        select c.doc_id, -1 as sign
        from {COUNTED} as c
        anti join main.documents as d on c.doc_id = d.doc_id and c.batch_id = d.batch_id
        union all
        select c.doc_id, -1 as sign
        from {COUNTED} as c
        semi join pair_stale as s on c.batch_id = s.batch_id
        semi join main.documents as d on c.doc_id = d.doc_id and c.batch_id = d.batch_id"""
    )
    con.execute(_CHANGE)
    con.execute(_DISCOUNT)
    con.execute("create or replace temp table pair_lost as select entity_id_a, entity_id_b from pair_change")
    con.execute(f"delete from {COUNTED} where doc_id in (select doc_id from pair_delta)")
    con.execute(f"delete from {PAIR_DOCUMENTS} where batch_id in (select batch_id from pair_stale)")
    batch_table(con, "pair_batches", fresh)
    con.execute(_PAIRS_OF_BATCHES)
    _count_new_documents(con)
    con.execute(_RENAME)
    for name in ("pair_stale", "pair_batches", "pair_lost"):
        con.execute(f"drop table {name}")


def _count_new_documents(con: duckdb.DuckDBPyConnection) -> None:
    """Add the pairs of the current documents not counted yet to the totals."""
    con.execute(
        f"""create or replace temp table pair_delta as
        select d.doc_id, d.batch_id, 1 as sign
        from main.documents as d
        anti join {COUNTED} as c on d.doc_id = c.doc_id"""
    )
    con.execute(_CHANGE)
    con.execute(_NEW_PAIRS)
    con.execute(_COUNT)
    con.execute(f"delete from {PAIR_TOTALS} where shared_document_count <= 0")
    con.execute(f"insert into {COUNTED} select doc_id, batch_id from pair_delta")
    con.execute("drop table pair_change")
    con.execute("drop table pair_delta")
