-- figure_bounds: figures whose lower bound is above their upper bound (bad rows fail the run).
-- grain: one row per bad figure
-- depends on: main.figures
-- columns: doc_id, figure_index, text, qualifier, lower, upper
with
figures as (
    select * from main.figures
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
