-- figure_offsets: figures whose text is not clean_text[start:end] (bad rows fail the run).
-- grain: one row per bad figure
-- depends on: raw.figures, raw.documents (every loaded text, current or superseded), checks.batches_in_scope
-- scope: the batches a publish checks (new or changed since the last one; all on a first publish)
-- columns: doc_id, figure_index, start, end, text, found (what the offsets point at)
with
scope as (
    select batch_id from checks.batches_in_scope
),

figures as (
    select f.*
    from raw.figures as f
    inner join scope as s on f.batch_id = s.batch_id
),

documents as (
    select
        d.doc_id,
        d.clean_text
    from raw.documents as d
    inner join scope as s on d.batch_id = s.batch_id
),

final as (
    select
        f.doc_id,
        f.figure_index,
        f.start,
        f."end",
        f.text,
        cast(substr(d.clean_text, f.start + 1, f."end" - f.start) as varchar) as found
    from figures as f
    left join documents as d on f.doc_id = d.doc_id
    where
        d.doc_id is null
        or substr(d.clean_text, f.start + 1, f."end" - f.start) is distinct from f.text
)

select * from final
