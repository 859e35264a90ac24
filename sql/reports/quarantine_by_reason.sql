-- quarantine_by_reason: why inputs were not loaded, and how often.
-- grain: one row per reason
-- depends on: main.quarantine
-- columns: reason, inputs (rejected files or lines), files (distinct files), example_path
with
quarantine as (
    select * from main.quarantine
),

final as (
    select
        cast(reason as varchar) as reason,
        cast(count(*) as bigint) as inputs,
        cast(count(distinct source_path) as bigint) as files,
        cast(min(source_path) as varchar) as example_path
    from quarantine
    group by reason
)

select * from final
order by inputs desc, reason asc
