-- entity_offsets: mentions whose text is not clean_text[start:end] (bad rows fail the run).
-- grain: one row per bad mention
-- depends on: main.entity_mentions, main.documents, checks.batches_in_scope
-- scope: the batches a publish checks (new or changed since the last one; all on a first publish)
-- columns: doc_id, mention_index, start, end, text, found (what the offsets point at)
with
scope as (
    select batch_id from checks.batches_in_scope
),

mentions as (
    select m.*
    from main.entity_mentions as m
    inner join scope as s on m.batch_id = s.batch_id
),

documents as (
    select
        d.doc_id,
        d.clean_text
    from main.documents as d
    inner join scope as s on d.batch_id = s.batch_id
),

final as (
    select
        m.doc_id,
        m.mention_index,
        m.start,
        m."end",
        m.text,
        cast(substr(d.clean_text, m.start + 1, m."end" - m.start) as varchar) as found
    from mentions as m
    left join documents as d on m.doc_id = d.doc_id
    where
        d.doc_id is null
        or substr(d.clean_text, m.start + 1, m."end" - m.start) is distinct from m.text
)

select * from final
