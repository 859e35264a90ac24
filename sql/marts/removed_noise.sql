-- removed_noise: what cleaning dropped from each article, and why.
-- grain: one row per removed segment (doc_id, start)
-- depends on: raw.removed_noise
-- columns: doc_id, start/end (characters in documents.raw_text, end exclusive), text, reason,
--   batch_id
with
lake as (
    select * from raw.removed_noise
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
