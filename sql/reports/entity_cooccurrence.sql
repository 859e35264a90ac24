-- entity_cooccurrence: which people, organisations and places are named in the same documents.
-- grain: one row per unordered pair of entities (entity_id_a < entity_id_b) sharing at least
--   two documents
-- depends on: main.entity_mentions, vocab.entity_label
-- columns: name_a, label_a, name_b, label_b, shared_documents (documents naming both),
--   entity_id_a, entity_id_b
with
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
),

pairs as (
    select
        a.entity_id as entity_id_a,
        b.entity_id as entity_id_b,
        min(a.canonical_name) as name_a,
        min(a.label) as label_a,
        min(b.canonical_name) as name_b,
        min(b.label) as label_b,
        count(distinct a.doc_id) as shared_documents
    from mentions as a
    inner join mentions as b on a.doc_id = b.doc_id and a.entity_id < b.entity_id
    group by a.entity_id, b.entity_id
    having count(distinct a.doc_id) >= 2
),

final as (
    select
        cast(name_a as varchar) as name_a,
        cast(label_a as varchar) as label_a,
        cast(name_b as varchar) as name_b,
        cast(label_b as varchar) as label_b,
        cast(shared_documents as bigint) as shared_documents,
        cast(entity_id_a as varchar) as entity_id_a,
        cast(entity_id_b as varchar) as entity_id_b
    from pairs
)

select * from final
order by shared_documents desc, name_a asc, name_b asc
