-- noise_by_reason: what cleaning removed, by reason and source, with an example to inspect.
-- grain: one row per (reason, source)
-- depends on: main.removed_noise, main.documents_in_range, vocab.removal_reason
-- columns: reason, reason_meaning (from vocab.removal_reason), source ('(none)' when the input
--   names no source), segment_count (removed segments), document_count (documents),
--   removed_char_count (characters removed), example (shortest removed text)
-- param since (date, default null): only documents published on or after this day (UTC)
-- param until (date, default null): only documents published on or before this day (UTC)
-- param language (varchar, default null): only documents in this language (ISO 639-1)
with
removed as (
    select * from main.removed_noise
),

documents as (
    select
        d.doc_id,
        coalesce(d.source, '(none)') as source
    from main.documents_in_range(
        p_since := p_since, p_until := p_until, p_language := p_language  -- noqa: RF03
    ) as d
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
        cast(count(*) as bigint) as segment_count,
        cast(count(distinct r.doc_id) as bigint) as document_count,
        cast(sum(r."end" - r.start) as bigint) as removed_char_count,
        cast(arg_min(r.text, length(r.text)) as varchar) as example
    from removed as r
    inner join documents as d on r.doc_id = d.doc_id
    left join reasons as v on r.reason = v.code
    group by r.reason, d.source
)

select * from final
order by segment_count desc, reason asc, source asc
