-- unaccounted_inputs: committed input files whose counts of loaded articles and quarantined
-- items disagree with the documents and quarantine relations, or that yielded nothing at all
-- (bad rows fail the run: something was lost).
-- grain: one row per input file
-- depends on: raw.inputs (the manifest, lake names), main.document_versions (current or superseded),
--   main.quarantine
-- columns: source_path, batch_id, articles_loaded, documents_found, rejected, quarantine_rows
with
inputs as (
    select * from raw.inputs
),

loaded as (
    select
        source_path,
        batch_id,
        count(*) as documents_found
    from main.document_versions
    group by source_path, batch_id
),

rejected as (
    select
        source_path,
        batch_id,
        count(*) as quarantine_rows
    from main.quarantine
    group by source_path, batch_id
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
