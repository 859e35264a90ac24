-- language_mix: how many documents and words each main language has.
-- grain: one row per language
-- depends on: main.documents
-- columns: language (ISO 639-1 or 'und'), documents, share_pct (percent of documents),
--   words (total words), avg_language_score (0..1)
with
documents as (
    select * from main.documents
),

per_language as (
    select
        language,
        count(*) as documents,
        sum(word_count) as words,
        avg(language_score) as avg_language_score
    from documents
    group by language
),

final as (
    select
        cast(language as varchar) as language,
        cast(documents as bigint) as documents,
        cast(round(100.0 * documents / sum(documents) over (), 1) as double) as share_pct,
        cast(words as bigint) as words,
        cast(round(avg_language_score, 3) as double) as avg_language_score
    from per_language
)

select * from final
order by documents desc, language asc
