-- documents: the loaded articles, ready for analysis.
-- grain: one row per article (doc_id unique)
-- depends on: raw.documents
-- columns: doc_id, source_path, line_number, external_id, url, title, published_at, source, author,
--   published_at_utc (the date read from published_at, UTC), language (ISO 639-1 or 'und'),
--   language_score (0..1), language_reason, language_shares,
--   raw_text, clean_text, repairs, length_chars (characters), word_count (words),
--   batch_id, loaded_at (UTC)
with
lake as (
    select * from raw.documents
),

final as (
    select
        cast(doc_id as varchar) as doc_id,
        cast(source_path as varchar) as source_path,
        cast(line_number as integer) as line_number,
        cast(external_id as varchar) as external_id,
        cast(url as varchar) as url,
        cast(title as varchar) as title,
        cast(published_at as varchar) as published_at,
        cast(published_at_utc as timestamptz) as published_at_utc,
        cast(source as varchar) as source,
        cast(author as varchar) as author,
        cast(language as varchar) as language,
        cast(language_score as double) as language_score,
        cast(language_reason as varchar) as language_reason,
        language_shares,
        cast(raw_text as varchar) as raw_text,
        cast(clean_text as varchar) as clean_text,
        repairs,
        cast(length_chars as integer) as length_chars,
        cast(word_count as integer) as word_count,
        cast(batch_id as varchar) as batch_id,
        cast(loaded_at as timestamptz) as loaded_at
    from lake
)

select * from final
