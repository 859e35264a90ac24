-- noise_by_reason: what cleaning removed, by reason and source, with an example to inspect.
-- grain: one row per (reason, source)
-- depends on: main.removed_noise, main.documents, vocab.removal_reason
-- columns: reason, reason_meaning (from vocab.removal_reason), source ('(none)' when the input
--   names no source), segments, documents, chars_removed (characters), example (shortest
--   removed text)
with
removed as (
    select * from main.removed_noise
),

documents as (
    select
        doc_id,
        coalesce(source, '(none)') as source
    from main.documents
),

reasons as (
    select
        code,
        meaning
    from vocab.removal_reason
),

final as (
    select
        cast(r.reason as varchar) as reason,
        cast(any_value(v.meaning) as varchar) as reason_meaning,
        cast(d.source as varchar) as source,
        cast(count(*) as bigint) as segments,
        cast(count(distinct r.doc_id) as bigint) as documents,
        cast(sum(r."end" - r.start) as bigint) as chars_removed,
        cast(arg_min(r.text, length(r.text)) as varchar) as example
    from removed as r
    inner join documents as d on r.doc_id = d.doc_id
    left join reasons as v on r.reason = v.code
    group by r.reason, d.source
)

select * from final
order by segments desc, reason asc, source asc
