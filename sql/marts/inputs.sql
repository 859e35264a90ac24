-- inputs: the load manifest, one committed input file (or part of a file loaded in parts) per row.
-- grain: one row per input file (file_sha256, source_path), or per part of a JSON Lines file larger than a
--   batch (file_sha256, source_path, part_start_byte): the file is loaded once its parts reach its end
-- depends on: raw.inputs, raw.input_parts
-- columns: source_path, file_sha256, size_bytes (bytes), loaded_document_count (new articles loaded
--   from the file), duplicate_count (articles whose text was already loaded), quarantined_count
--   (quarantined items: the file or its lines), batch_id, run_id, committed_at (UTC: when the
--   batch's manifest was written, its commit), part_start_byte / part_end_byte (the part's byte range
--   in the file's content, end null at the file's end; both null for a file loaded whole),
--   part_first_line (the line number at part_start_byte)
with
lake as (
    select * from raw.inputs
),

parts as (
    select
        source_path,
        file_sha256,
        batch_id,
        start_byte,
        end_byte,
        first_line
    from raw.input_parts
),

final as (
    select
        cast(l.source_path as varchar) as source_path,
        cast(l.file_sha256 as varchar) as file_sha256,
        cast(l.size_bytes as bigint) as size_bytes,
        cast(l.articles_loaded as integer) as loaded_document_count,
        cast(l.articles_duplicate as integer) as duplicate_count,
        cast(l.rejected as integer) as quarantined_count,
        cast(l.batch_id as varchar) as batch_id,
        cast(l.run_id as varchar) as run_id,
        cast(l.committed_at as timestamptz) as committed_at,
        cast(p.start_byte as bigint) as part_start_byte,
        cast(p.end_byte as bigint) as part_end_byte,
        cast(p.first_line as integer) as part_first_line
    from lake as l
    left join parts as p
        on l.source_path = p.source_path and l.file_sha256 = p.file_sha256 and l.batch_id = p.batch_id
)

select * from final
