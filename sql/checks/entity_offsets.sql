-- entity_offsets: mentions whose text is not clean_text[start:end] (bad rows fail the run).
-- grain: one row per bad mention
-- depends on: main.entity_mentions, main.documents
-- columns: doc_id, mention_index, start, end, text, found (what the offsets point at)
with
mentions as (
    select * from main.entity_mentions
),

documents as (
    select
        doc_id,
        clean_text
    from main.documents
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
