-- casualty_figures: casualty and displacement figures by document, with the place named in
-- the same sentence (a place the gazetteer resolved, never a bare word). Every figure keeps its
-- bounds and the range of people it can stand for: exact -> value..value; approximate
-- ("environ 14,9 millions") -> its stated value at both ends; "at least 20" -> 20..open;
-- "up to 120,000" -> 0..120000; "thousands" -> 1000..open; "between 5 and 10" -> 5..10.
-- grain: one row per figure of a casualty category (vocab.figure_category of kind casualty:
--   killed, wounded, displaced, missing, arrested, kidnapped)
-- depends on: main.figures, main.documents, vocab.figure_category
-- columns: doc_id, title, published_at, category, figure_text, stated_value (people; the number
--   as written, exact or approximate; null when vague or a range), point_value (people; only for
--   exact figures), lower/upper (people, inclusive bounds as extracted, null when open),
--   range_lower (people, never null: an open lower bound is 0), range_upper (people, null when the
--   figure sets no ceiling), qualifier, object, place, sentence
with
casualty_categories as (
    select code
    from vocab.figure_category
    where kind = 'casualty'
),

figures as (
    select f.*
    from main.figures as f
    inner join casualty_categories as c on f.category = c.code
),

documents as (
    select
        doc_id,
        title,
        published_at
    from main.documents
),

ranged as (
    select
        f.*,
        coalesce(f.lower, case when f.qualifier = 'approximately' then f.value end, 0) as range_lower,
        coalesce(f.upper, case when f.qualifier in ('exact', 'approximately') then f.value end) as range_upper
    from figures as f
),

final as (
    select
        cast(f.doc_id as varchar) as doc_id,
        cast(d.title as varchar) as title,
        cast(d.published_at as varchar) as published_at,
        cast(f.category as varchar) as category,
        cast(f.text as varchar) as figure_text,
        cast(case when f.qualifier in ('exact', 'approximately') then f.value end as double) as stated_value,
        cast(case when f.qualifier = 'exact' then f.value end as double) as point_value,
        cast(f.lower as double) as lower,
        cast(f.upper as double) as upper,
        cast(f.range_lower as double) as range_lower,
        cast(f.range_upper as double) as range_upper,
        cast(f.qualifier as varchar) as qualifier,
        cast(f.object as varchar) as object,
        cast(f.place as varchar) as place,
        cast(f.sentence as varchar) as sentence
    from ranged as f
    inner join documents as d on f.doc_id = d.doc_id
)

select * from final
order by doc_id, category, figure_text
