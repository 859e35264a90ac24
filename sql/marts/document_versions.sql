-- document_versions: every text ever loaded, current or superseded by a newer version of its article.
-- A text is superseded when every article key that read it has since read another text.
-- grain: one row per loaded text (doc_id unique)
-- depends on: raw.documents, main.article_versions
-- columns: the columns of documents, then is_current (false: superseded, not counted by documents)
with
lake as (
    select * from raw.documents
),

superseded as (
    select doc_id
    from main.article_versions
    group by doc_id
    having not bool_or(is_current)
),

final as (
    select
        cast(d.doc_id as varchar) as doc_id,
        cast(d.source_path as varchar) as source_path,
        cast(d.line_number as integer) as line_number,
        cast(d.external_id as varchar) as external_id,
        cast(d.url as varchar) as url,
        cast(d.title as varchar) as title,
        cast(d.published_at as varchar) as published_at_raw,
        cast(d.published_at_utc as timestamptz) as published_at_utc,
        cast(d.source as varchar) as source,
        cast(d.author as varchar) as author,
        cast(d.language as varchar) as language,
        cast(d.language_score as double) as language_score,
        cast(d.language_reason as varchar) as language_reason,
        d.language_shares,
        cast(d.raw_text as varchar) as raw_text,
        cast(d.clean_text as varchar) as clean_text,
        d.repairs,
        cast(d.length_chars as integer) as length_chars,
        cast(d.word_count as integer) as word_count,
        cast(d.batch_id as varchar) as batch_id,
        cast(d.loaded_at as timestamptz) as loaded_at,
        cast(s.doc_id is null as boolean) as is_current
    from lake as d
    left join superseded as s on d.doc_id = s.doc_id
)

select * from final
