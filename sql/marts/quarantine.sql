-- quarantine: inputs that could not be loaded, with the reason.
-- grain: one row per rejected input (a whole file, or one line of a .jsonl file)
-- depends on: raw.quarantine
-- columns: source_path, line_number (null for a whole file), reason_code (vocab.quarantine_reason),
--   reason (in words, with the detail), raw_excerpt
--   (first 200 characters of a rejected line), file_sha256, batch_id
with
lake as (
    select * from raw.quarantine
),

final as (
    select
        cast(source_path as varchar) as source_path,
        cast(line_number as integer) as line_number,
        cast(reason_code as varchar) as reason_code,
        cast(reason as varchar) as reason,
        cast(raw_excerpt as varchar) as raw_excerpt,
        cast(file_sha256 as varchar) as file_sha256,
        cast(batch_id as varchar) as batch_id
    from lake
)

select * from final
