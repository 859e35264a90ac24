-- casualty_figures: casualty and displacement figures by document, with the place named in
-- the same sentence. Bounds are kept apart from point values: a lower- or upper-bound
-- figure ("at least 20", "up to 120,000") has no point_value, only its bound.
-- grain: one row per figure of a casualty category (vocab.figure_category of kind casualty:
--   killed, wounded, displaced, missing, arrested, kidnapped)
-- depends on: main.figures, main.documents, vocab.figure_category
-- columns: doc_id, title, published_at, category, figure_text, point_value (people; only for
--   exact figures), lower/upper (people, inclusive, null when open), qualifier, object,
--   place, sentence
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

final as (
    select
        cast(f.doc_id as varchar) as doc_id,
        cast(d.title as varchar) as title,
        cast(d.published_at as varchar) as published_at,
        cast(f.category as varchar) as category,
        cast(f.text as varchar) as figure_text,
        cast(case when f.qualifier = 'exact' then f.value end as double) as point_value,
        cast(f.lower as double) as lower,
        cast(f.upper as double) as upper,
        cast(f.qualifier as varchar) as qualifier,
        cast(f.object as varchar) as object,
        cast(f.place as varchar) as place,
        cast(f.sentence as varchar) as sentence
    from figures as f
    inner join documents as d on f.doc_id = d.doc_id
)

select * from final
order by doc_id, category, figure_text
