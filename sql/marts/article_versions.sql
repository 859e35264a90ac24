-- article_versions: the history of every article key, one row per time its file was read.
-- An article's key is its file plus its record id, else its line number (a .txt file: its path);
-- the latest load of a key is its current version, earlier loads with other text are superseded.
-- grain: one row per article read in a batch (article_key, batch_id, line_number)
-- depends on: raw.article_versions
-- columns: article_key, source_path, line_number, external_id, doc_id (the text read; see
--   document_versions), batch_id, loaded_at (UTC), is_current (this load is the key's latest)
with
versions as (
    select * from raw.article_versions
),

ranked as (
    select
        *,
        row_number() over (
            partition by article_key
            order by loaded_at desc, batch_id desc, line_number desc nulls last
        ) as recency
    from versions
),

final as (
    select
        cast(article_key as varchar) as article_key,
        cast(source_path as varchar) as source_path,
        cast(line_number as integer) as line_number,
        cast(external_id as varchar) as external_id,
        cast(doc_id as varchar) as doc_id,
        cast(batch_id as varchar) as batch_id,
        cast(loaded_at as timestamptz) as loaded_at,
        cast(recency = 1 as boolean) as is_current
    from ranked
)

select * from final
