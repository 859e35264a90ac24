-- duplicate_documents: doc_ids loaded more than once (bad rows fail the run).
-- grain: one row per duplicated doc_id
-- depends on: raw.documents (every loaded text, current or superseded), checks.batches_in_scope
-- scope: the doc_ids of the batches a publish checks, counted over the whole lake (a copy can
--   only appear with a batch that is new or changed since the last publish)
-- columns: doc_id, copies
with
scope as (
    select batch_id from checks.batches_in_scope
),

checked as (
    select distinct d.doc_id
    from raw.documents as d
    inner join scope as s on d.batch_id = s.batch_id
),

final as (
    select
        d.doc_id,
        count(*) as copies
    from raw.documents as d
    inner join checked as c on d.doc_id = c.doc_id
    group by d.doc_id
    having count(*) > 1
)

select * from final
