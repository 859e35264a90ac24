-- figure_fields: figures with an unknown qualifier or category, or bounds out of order
-- (bad rows fail the run).
-- grain: one row per bad figure
-- depends on: main.figures
-- columns: doc_id, figure_index, text, qualifier, category, lower, upper, problem
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
        category,
        lower,
        upper,
        case
            when qualifier not in (
                'exact', 'approximately', 'at_least', 'more_than', 'almost', 'up_to',
                'at_most', 'less_than', 'range', 'vague'
            ) then 'unknown qualifier'
            when category not in (
                'killed', 'wounded', 'displaced', 'missing', 'arrested', 'kidnapped', 'people',
                'money', 'percent', 'age', 'duration', 'quantity', 'count'
            ) then 'unknown category'
            else 'lower above upper'
        end as problem
    from figures
    where qualifier not in (
        'exact', 'approximately', 'at_least', 'more_than', 'almost', 'up_to',
        'at_most', 'less_than', 'range', 'vague'
    )
    or category not in (
        'killed', 'wounded', 'displaced', 'missing', 'arrested', 'kidnapped', 'people',
        'money', 'percent', 'age', 'duration', 'quantity', 'count'
    )
    or lower > upper
)

select * from final
