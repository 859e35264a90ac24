-- language_mix: how many documents and words each main language has.
-- grain: one row per language
-- depends on: main.documents_in_range
-- columns: language (ISO 639-1 or 'und'), document_count (documents), share_pct (percent of
--   documents), word_count (total words), avg_language_score (0..1)
-- param since (date, default null): only documents published on or after this day (UTC)
-- param until (date, default null): only documents published on or before this day (UTC)
with
documents as (
    select d.*
    from main.documents_in_range(
        p_since := p_since, p_until := p_until  -- noqa: RF03
    ) as d
),

per_language as (
    select
        language,
        count(*) as document_count,
        sum(word_count) as word_count,
        avg(language_score) as avg_language_score
    from documents
    group by language
),

final as (
    select
        cast(language as varchar) as language,
        cast(document_count as bigint) as document_count,
        cast(round(100.0 * document_count / sum(document_count) over (), 1) as double) as share_pct,
        cast(word_count as bigint) as word_count,
        cast(round(avg_language_score, 3) as double) as avg_language_score
    from per_language
)

select * from final
order by document_count desc, language asc
