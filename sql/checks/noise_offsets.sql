-- noise_offsets: removed segments whose text is not raw_text[start:end] (bad rows fail the run).
-- grain: one row per bad segment
-- depends on: main.removed_noise, main.documents
-- columns: doc_id, start, end, text, found (what the offsets point at)
with
removed as (
    select * from main.removed_noise
),

documents as (
    select
        doc_id,
        raw_text
    from main.documents
),

final as (
    select
        r.doc_id,
        r.start,
        r."end",
        r.text,
        cast(substr(d.raw_text, r.start + 1, r."end" - r.start) as varchar) as found
    from removed as r
    left join documents as d on r.doc_id = d.doc_id
    where
        d.doc_id is null
        or substr(d.raw_text, r.start + 1, r."end" - r.start) is distinct from r.text
)

select * from final
