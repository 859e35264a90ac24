-- noise_offsets: removed segments whose text is not raw_text[start:end] (bad rows fail the run).
-- grain: one row per bad segment
-- depends on: main.removed_noise, main.documents, checks.batches_in_scope
-- scope: the batches a publish checks (new or changed since the last one; all on a first publish)
-- columns: doc_id, start, end, text, found (what the offsets point at)
with
scope as (
    select batch_id from checks.batches_in_scope
),

removed as (
    select r.*
    from main.removed_noise as r
    inner join scope as s on r.batch_id = s.batch_id
),

documents as (
    select
        d.doc_id,
        d.raw_text
    from main.documents as d
    inner join scope as s on d.batch_id = s.batch_id
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
