-- removed_noise: what cleaning dropped from each article, and why.
-- grain: one row per removed segment (doc_id, start)
-- depends on: raw.removed_noise, main.document_versions (superseded versions left out)
-- columns: doc_id, start/end (characters in documents.raw_text, end exclusive), text, reason,
--   batch_id
with
superseded as (
    select doc_id
    from main.document_versions
    where not is_current
),

lake as (
    select r.*
    from raw.removed_noise as r
    left join superseded as s on r.doc_id = s.doc_id
    where s.doc_id is null
),

final as (
    select
        cast(doc_id as varchar) as doc_id,
        cast(start as integer) as start,
        cast("end" as integer) as "end",
        cast(text as varchar) as text,
        cast(reason as varchar) as reason,
        cast(batch_id as varchar) as batch_id
    from lake
)

select * from final
