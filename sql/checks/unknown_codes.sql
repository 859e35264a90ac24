-- unknown_codes: stored codes missing from their vocabulary table (vocab.*, defined once in
-- flows/text/vocabulary.py); bad rows fail the run.
-- grain: one row per column and unknown code
-- depends on: raw.figures, raw.entity_mentions, raw.removed_noise, raw.documents, raw.quarantine,
--   vocab.*, checks.batches_in_scope
-- scope: the batches a publish checks (a change of vocabulary changes the code stamp, and then
--   every batch is checked)
-- columns: column_name (table.column), code, row_count (rows carrying the code)
with
scope as (
    select batch_id from checks.batches_in_scope
),

unknown as (
    select
        'figures.qualifier' as column_name,
        f.qualifier as code
    from raw.figures as f
    inner join scope as s on f.batch_id = s.batch_id
    left join vocab.figure_qualifier as v on f.qualifier = v.code
    where v.code is null
    union all
    select
        'figures.category' as column_name,
        f.category as code
    from raw.figures as f
    inner join scope as s on f.batch_id = s.batch_id
    left join vocab.figure_category as v on f.category = v.code
    where v.code is null
    union all
    select
        'entity_mentions.label' as column_name,
        m.label as code
    from raw.entity_mentions as m
    inner join scope as s on m.batch_id = s.batch_id
    left join vocab.entity_label as v on m.label = v.code
    where v.code is null
    union all
    select
        'removed_noise.reason' as column_name,
        r.reason as code
    from raw.removed_noise as r
    inner join scope as s on r.batch_id = s.batch_id
    left join vocab.removal_reason as v on r.reason = v.code
    where v.code is null
    union all
    select
        'documents.language_reason' as column_name,
        d.language_reason as code
    from raw.documents as d
    inner join scope as s on d.batch_id = s.batch_id
    left join vocab.language_reason as v on d.language_reason = v.code
    where d.language_reason is not null and v.code is null
    union all
    select
        'quarantine.reason_code' as column_name,
        q.reason_code as code
    from raw.quarantine as q
    inner join scope as s on q.batch_id = s.batch_id
    left join vocab.quarantine_reason as v on q.reason_code = v.code
    where v.code is null
),

final as (
    select
        cast(column_name as varchar) as column_name,
        cast(code as varchar) as code,
        cast(count(*) as bigint) as row_count
    from unknown
    group by column_name, code
)

select * from final
order by column_name, code
