-- inputs: the load manifest, one committed input file per row.
-- grain: one row per input file (file_sha256, source_path)
-- depends on: raw.inputs
-- columns: source_path, file_sha256, size_bytes (bytes), articles_loaded, articles_duplicate,
--   rejected (quarantined items), batch_id, run_id, committed_at (UTC)
with
lake as (
    select * from raw.inputs
),

final as (
    select
        cast(source_path as varchar) as source_path,
        cast(file_sha256 as varchar) as file_sha256,
        cast(size_bytes as bigint) as size_bytes,
        cast(articles_loaded as integer) as articles_loaded,
        cast(articles_duplicate as integer) as articles_duplicate,
        cast(rejected as integer) as rejected,
        cast(batch_id as varchar) as batch_id,
        cast(run_id as varchar) as run_id,
        cast(committed_at as timestamptz) as committed_at
    from lake
)

select * from final
