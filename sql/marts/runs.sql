-- runs: the runs that loaded something (a run with nothing new leaves no row).
-- grain: one row per run_id
-- depends on: raw.runs
-- columns: run_id, started_at/finished_at (UTC), batches, input_files, documents_loaded,
--   rejected
with
lake as (
    select * from raw.runs
),

final as (
    select
        cast(run_id as varchar) as run_id,
        cast(started_at as timestamptz) as started_at,
        cast(finished_at as timestamptz) as finished_at,
        cast(batches as integer) as batches,
        cast(input_files as integer) as input_files,
        cast(documents_loaded as integer) as documents_loaded,
        cast(rejected as integer) as rejected
    from lake
)

select * from final
