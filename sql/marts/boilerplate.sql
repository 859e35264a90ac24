-- boilerplate: lines learned as repeated boilerplate of a source, per load batch.
-- grain: one row per (batch_id, source, line_text)
-- depends on: raw.boilerplate
-- columns: source, line_text, document_count (documents of the batch carrying the line), batch_id
with
lake as (
    select * from raw.boilerplate
),

final as (
    select
        cast(source as varchar) as source,
        cast(line_text as varchar) as line_text,
        cast(doc_count as integer) as document_count,
        cast(batch_id as varchar) as batch_id
    from lake
)

select * from final
