-- runs: the runs that committed at least one batch (a run with nothing new leaves no row), with how
--   each ended; a run killed before it could say so is `incomplete` (recorded at the next start).
-- grain: one row per run_id
-- depends on: raw.runs
-- columns: run_id, status (running, succeeded, checks_failed, failed, interrupted, incomplete),
--   started_at/finished_at (UTC; finished_at of an incomplete run: its last commit), batches,
--   input_files, documents_loaded, rejected (what the run committed)
with
lake as (
    select * from raw.runs
),

final as (
    select
        cast(run_id as varchar) as run_id,
        cast(status as varchar) as status,
        cast(started_at as timestamptz) as started_at,
        cast(finished_at as timestamptz) as finished_at,
        cast(batches as integer) as batches,
        cast(input_files as integer) as input_files,
        cast(documents_loaded as integer) as documents_loaded,
        cast(rejected as integer) as rejected
    from lake
)

select * from final
