-- unaccounted_inputs: committed input files whose counts of loaded articles and quarantined
-- items disagree with the documents and quarantine rows of their batch, or that yielded nothing
-- at all (bad rows fail the run: something was lost).
-- grain: one row per input file
-- depends on: raw.inputs (the manifest), raw.documents (current or superseded), raw.quarantine,
--   checks.batches_in_scope
-- scope: the batches a publish checks (a manifest row only counts the rows of its own batch)
-- columns: source_path, batch_id, articles_loaded, documents_found, rejected, quarantine_rows
with
scope as (
    select batch_id from checks.batches_in_scope
),

inputs as (
    select i.*
    from raw.inputs as i
    inner join scope as s on i.batch_id = s.batch_id
),

loaded as (
    select
        d.source_path,
        d.batch_id,
        count(*) as documents_found
    from raw.documents as d
    inner join scope as s on d.batch_id = s.batch_id
    group by d.source_path, d.batch_id
),

rejected as (
    select
        q.source_path,
        q.batch_id,
        count(*) as quarantine_rows
    from raw.quarantine as q
    inner join scope as s on q.batch_id = s.batch_id
    group by q.source_path, q.batch_id
),

final as (
    select
        i.source_path,
        i.batch_id,
        i.articles_loaded,
        coalesce(l.documents_found, 0) as documents_found,
        i.rejected,
        coalesce(r.quarantine_rows, 0) as quarantine_rows
    from inputs as i
    left join loaded as l on i.source_path = l.source_path and i.batch_id = l.batch_id
    left join rejected as r on i.source_path = r.source_path and i.batch_id = r.batch_id
    where
        coalesce(l.documents_found, 0) != i.articles_loaded
        or coalesce(r.quarantine_rows, 0) != i.rejected
        or i.articles_loaded + i.rejected + i.articles_duplicate = 0
)

select * from final
