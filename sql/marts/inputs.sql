-- inputs: the load manifest, one committed input file per row.
-- grain: one row per input file (file_sha256, source_path)
-- depends on: raw.inputs
-- columns: source_path, file_sha256, size_bytes (bytes), loaded_document_count (new articles loaded
--   from the file), duplicate_count (articles whose text was already loaded), quarantined_count
--   (quarantined items: the file or its lines), batch_id, run_id, committed_at (UTC: when the
--   batch's manifest was written, its commit)
with
lake as (
    select * from raw.inputs
),

final as (
    select
        cast(source_path as varchar) as source_path,
        cast(file_sha256 as varchar) as file_sha256,
        cast(size_bytes as bigint) as size_bytes,
        cast(articles_loaded as integer) as loaded_document_count,
        cast(articles_duplicate as integer) as duplicate_count,
        cast(rejected as integer) as quarantined_count,
        cast(batch_id as varchar) as batch_id,
        cast(run_id as varchar) as run_id,
        cast(committed_at as timestamptz) as committed_at
    from lake
)

select * from final
