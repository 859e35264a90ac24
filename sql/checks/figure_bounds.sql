-- figure_bounds: figures whose lower bound is above their upper bound (bad rows fail the run).
-- grain: one row per bad figure
-- depends on: raw.figures (every loaded figure, current or superseded), checks.batches_in_scope
-- scope: the batches a publish checks (new or changed since the last one; all on a first publish)
-- columns: doc_id, figure_index, text, qualifier, lower, upper
with
scope as (
    select batch_id from checks.batches_in_scope
),

figures as (
    select f.*
    from raw.figures as f
    inner join scope as s on f.batch_id = s.batch_id
),

final as (
    select
        doc_id,
        figure_index,
        text,
        qualifier,
        lower,
        upper
    from figures
    where lower > upper
)

select * from final
