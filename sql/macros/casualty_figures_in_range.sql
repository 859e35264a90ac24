-- casualty_figures_in_range: the casualty figures of the documents the reports' shared filters keep,
-- with the range of people each can stand for, as a table macro
-- `main.casualty_figures_in_range(p_since := ..., p_until := ..., p_language := ..., p_category := ...)`
-- that the casualty reports read. A figure's range: exact -> value..value; approximate -> its stated
-- value at both ends; an open lower bound is 0; range_upper is null when the figure sets no ceiling.
-- grain: one row per figure of a casualty category (vocab.figure_category of kind casualty) in a
--   document in range
-- depends on: main.figures, main.documents_in_range, vocab.figure_category
-- columns: the columns of figures, then title, published_at_utc, language (the document's),
--   range_lower (people, never null), range_upper (people, null when open)
-- param since (date, default null): only documents published on or after this day (UTC)
-- param until (date, default null): only documents published on or before this day (UTC)
-- param language (varchar, default null): only documents in this language (ISO 639-1)
-- param category (varchar, default null): only this category (killed, wounded, displaced, ...)
with
args as (
    select p_category as only_category
),

casualty_categories as (
    select c.code
    from vocab.figure_category as c
    cross join args as a
    where c.kind = 'casualty' and (a.only_category is null or c.code = a.only_category)
),

documents as (
    select
        d.doc_id,
        d.title,
        d.published_at_utc,
        d.language
    from main.documents_in_range(
        p_since := p_since, p_until := p_until, p_language := p_language  -- noqa: RF03
    ) as d
),

final as (
    select
        f.*,
        d.title,
        d.published_at_utc,
        d.language,
        coalesce(f.lower, case when f.qualifier = 'approximately' then f.value end, 0) as range_lower,
        coalesce(f.upper, case when f.qualifier in ('exact', 'approximately') then f.value end) as range_upper
    from main.figures as f
    inner join casualty_categories as c on f.category = c.code
    inner join documents as d on f.doc_id = d.doc_id
)

select * from final
