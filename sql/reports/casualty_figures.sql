-- casualty_figures: casualty and displacement figures by document, with the place named in
-- the same sentence (a place the gazetteer resolved, never a bare word). Every figure keeps its
-- bounds and the range of people it can stand for: exact -> value..value; approximate
-- ("environ 14,9 millions") -> its stated value at both ends; "at least 20" -> 20..open;
-- "up to 120,000" -> 0..120000; "thousands" -> 1000..open; "between 5 and 10" -> 5..10.
-- grain: one row per figure of a casualty category (vocab.figure_category of kind casualty:
--   killed, wounded, displaced, missing, arrested, kidnapped)
-- depends on: main.casualty_figures_in_range (the casualty figures of the documents in range)
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
    select lower(p_place) as only_place
),

figures as (
    select
        f.*,
        coalesce(f.place_name, f.place_text) as place_label
    from main.casualty_figures_in_range(
        p_since := p_since, p_until := p_until, p_language := p_language,  -- noqa: RF03
        p_category := p_category  -- noqa: RF03
    ) as f
),

final as (
    select
        cast(f.doc_id as varchar) as doc_id,
        cast(f.title as varchar) as title,
        cast(f.published_at_utc as timestamptz) as published_at_utc,
        cast(f.language as varchar) as language,
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
    from figures as f
    cross join args as a
    where a.only_place is null or lower(f.place_label) = a.only_place
)

select f.* from final as f
order by f.doc_id asc, f.category asc, f.figure_text asc
