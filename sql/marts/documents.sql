-- documents: the current version of every loaded article, ready for analysis (superseded
-- versions of an edited article are in document_versions and count nowhere else).
-- grain: one row per current article text (doc_id unique)
-- depends on: main.document_versions
-- columns: doc_id, source_path, line_number, external_id, url, title, published_at_raw (the input's
--   published_at as given), published_at_utc (the date read from it, UTC), source, author,
--   language (ISO 639-1 or 'und'),
--   language_score (0..1), language_reason, language_shares,
--   raw_text, clean_text, repairs, length_chars (characters), word_count (words),
--   batch_id, loaded_at (UTC)
with
versions as (
    select * from main.document_versions
),

final as (
    select * exclude (is_current)
    from versions
    where is_current
)

select * from final
