-- casualty_figures: casualty and displacement figures by document, with the place named in
-- the same sentence (a place the gazetteer resolved, never a bare word). Every figure keeps its
-- bounds and the range of people it can stand for: exact -> value..value; approximate
-- ("environ 14,9 millions") -> its stated value at both ends; "at least 20" -> 20..open;
-- "up to 120,000" -> 0..120000; "thousands" -> 1000..open; "between 5 and 10" -> 5..10.
-- grain: one row per figure of a casualty category (vocab.figure_category of kind casualty:
--   killed, wounded, displaced, missing, arrested, kidnapped)
-- depends on: main.figures, main.documents_in_range, vocab.figure_category
-- columns: doc_id, title, published_at_utc (the document's date, UTC), language, category,
--   figure_text, value (people; the number as written, as figures.value: "at least 20" -> 20;
--   null when vague or a range; the qualifier says how to read it), lower/upper (people, inclusive
--   bounds as extracted, null when open), range_lower (people, never null: an open lower bound is
--   0), range_upper (people, null when the figure sets no ceiling), qualifier, object, place_name
--   (canonical name of the resolved place, as in casualties_by_place; else the text named),
--   place_text (the place as written in the sentence), place_entity_id, sentence
-- param since (date, default null): only documents published on or after this day (UTC)
-- param until (date, default null): only documents published on or before this day (UTC)
-- param language (varchar, default null): only documents in this language (ISO 639-1)
-- param place (varchar, default null): only figures at this place (its name, any case)
-- param category (varchar, default null): only this category (killed, wounded, displaced, ...)
with
args as (
    select
        lower(p_place) as only_place,
        p_category as only_category
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

ranged as (
    select
        f.*,
        coalesce(f.place_name, f.place_text) as place_label,
        coalesce(f.lower, case when f.qualifier = 'approximately' then f.value end, 0) as range_lower,
        coalesce(f.upper, case when f.qualifier in ('exact', 'approximately') then f.value end) as range_upper
    from main.figures as f
    inner join casualty_categories as c on f.category = c.code
),

final as (
    select
        cast(f.doc_id as varchar) as doc_id,
        cast(d.title as varchar) as title,
        cast(d.published_at_utc as timestamptz) as published_at_utc,
        cast(d.language as varchar) as language,
        cast(f.category as varchar) as category,
        cast(f.text as varchar) as figure_text,
        cast(f.value as double) as value,
        cast(f.lower as double) as lower,
        cast(f.upper as double) as upper,
        cast(f.range_lower as double) as range_lower,
        cast(f.range_upper as double) as range_upper,
        cast(f.qualifier as varchar) as qualifier,
        cast(f.object as varchar) as object,
        cast(f.place_label as varchar) as place_name,
        cast(f.place_text as varchar) as place_text,
        cast(f.place_entity_id as varchar) as place_entity_id,
        cast(f.sentence as varchar) as sentence
    from ranged as f
    inner join documents as d on f.doc_id = d.doc_id
    cross join args as a
    where a.only_place is null or lower(f.place_label) = a.only_place
)

select f.* from final as f
order by f.doc_id asc, f.category asc, f.figure_text asc
