-- documents_in_range: the documents the reports' shared filters keep, as a table macro
-- `main.documents_in_range(p_since := ..., p_until := ..., p_language := ...)` that every report
-- with a date or language parameter reads instead of main.documents.
-- since/until are whole UTC days of published_at_utc (a document without a date drops out of any
-- range); a null argument filters nothing.
-- grain: one row per current document (doc_id unique), as main.documents
-- depends on: main.documents
-- columns: the columns of documents
-- param since (date, default null): only documents published on or after this day (UTC)
-- param until (date, default null): only documents published on or before this day (UTC)
-- param language (varchar, default null): only documents in this language (ISO 639-1)
with
args as (
    select
        p_since as since_day,
        p_until as until_day,
        p_language as only_language
),

documents as (
    select * from main.documents
),

final as (
    select d.*
    from documents as d
    cross join args as a
    where
        (a.since_day is null or epoch(d.published_at_utc) >= epoch(cast(a.since_day as timestamp)))
        and (
            a.until_day is null
            or epoch(d.published_at_utc) < epoch(cast(a.until_day as timestamp) + interval 1 day)
        )
        and (a.only_language is null or d.language = a.only_language)
)

select * from final
