-- entity_cooccurrence: which people, organisations and places are named in the same documents.
-- grain: one row per unordered pair of entities (entity_id_a < entity_id_b) sharing at least
--   min_shared documents (two by default)
-- depends on: main.entity_mentions, main.documents_in_range, vocab.entity_label
-- columns: name_a, label_a, name_b, label_b, shared_document_count (documents naming both),
--   entity_id_a, entity_id_b
-- param since (date, default null): only documents published on or after this day (UTC)
-- param until (date, default null): only documents published on or before this day (UTC)
-- param language (varchar, default null): only documents in this language (ISO 639-1)
-- param min_shared (bigint, default 2): only pairs named together in at least this many documents
with
args as (
    select p_min_shared as min_shared_documents
),

documents as (
    select d.doc_id
    from main.documents_in_range(
        p_since := p_since, p_until := p_until, p_language := p_language  -- noqa: RF03
    ) as d
),

name_labels as (
    select code
    from vocab.entity_label
    where kind = 'name'
),

mentions as (
    select distinct
        m.doc_id,
        m.entity_id,
        m.label,
        m.canonical_name
    from main.entity_mentions as m
    inner join name_labels as l on m.label = l.code
    inner join documents as d on m.doc_id = d.doc_id
),

pairs as (
    select
        a.entity_id as entity_id_a,
        b.entity_id as entity_id_b,
        min(a.canonical_name) as name_a,
        min(a.label) as label_a,
        min(b.canonical_name) as name_b,
        min(b.label) as label_b,
        count(distinct a.doc_id) as shared_document_count
    from mentions as a
    inner join mentions as b on a.doc_id = b.doc_id and a.entity_id < b.entity_id
    cross join args as g
    group by a.entity_id, b.entity_id, g.min_shared_documents
    having count(distinct a.doc_id) >= g.min_shared_documents
),

final as (
    select
        cast(name_a as varchar) as name_a,
        cast(label_a as varchar) as label_a,
        cast(name_b as varchar) as name_b,
        cast(label_b as varchar) as label_b,
        cast(shared_document_count as bigint) as shared_document_count,
        cast(entity_id_a as varchar) as entity_id_a,
        cast(entity_id_b as varchar) as entity_id_b
    from pairs
)

select * from final
order by shared_document_count desc, name_a asc, name_b asc
