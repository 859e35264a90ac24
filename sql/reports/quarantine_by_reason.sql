-- quarantine_by_reason: why inputs were not loaded, and how often.
-- grain: one row per quarantine reason code
-- depends on: main.quarantine, vocab.quarantine_reason
-- columns: reason_code, reason_kind (file, record or article), reason_meaning, input_count
--   (rejected files or lines), file_count (distinct files), example_reason (one detail), example_path
with
quarantine as (
    select * from main.quarantine
),

reasons as (
    select * from vocab.quarantine_reason
),

counted as (
    select
        reason_code,
        count(*) as input_count,
        count(distinct source_path) as file_count,
        min(reason) as example_reason,
        min(source_path) as example_path
    from quarantine
    group by reason_code
),

final as (
    select
        cast(c.reason_code as varchar) as reason_code,
        cast(r.kind as varchar) as reason_kind,
        cast(r.meaning as varchar) as reason_meaning,
        cast(c.input_count as bigint) as input_count,
        cast(c.file_count as bigint) as file_count,
        cast(c.example_reason as varchar) as example_reason,
        cast(c.example_path as varchar) as example_path
    from counted as c
    left join reasons as r on c.reason_code = r.code
)

select * from final
order by input_count desc, reason_code asc
