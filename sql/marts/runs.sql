-- runs: the runs that committed at least one batch (a run with nothing new leaves no row), with how
--   each ended; a run killed before it could say so is `incomplete` (recorded at the next start).
-- grain: one row per run_id
-- depends on: raw.runs
-- columns: run_id, status (running, succeeded, checks_failed, failed, interrupted, incomplete),
--   started_at/finished_at (UTC; finished_at of an incomplete run: its last commit), and what the
--   run committed: batch_count (batches), input_file_count (input files), loaded_document_count
--   (new documents), quarantined_count (quarantined inputs)
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
        cast(batches as integer) as batch_count,
        cast(input_files as integer) as input_file_count,
        cast(documents_loaded as integer) as loaded_document_count,
        cast(rejected as integer) as quarantined_count
    from lake
)

select * from final
