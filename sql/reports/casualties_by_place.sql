-- casualties_by_place: how many people were reported killed, wounded, displaced, ... where, and
-- by how many documents. Bounds are honoured: exact figures give the range of point values
-- reported; "at least"/"more than" figures only raise the floor (highest_lower_bound); "up to"/
-- "almost" figures only cap (lowest_upper_bound); vague and approximate figures only count.
-- grain: one row per (place, category); figures with no place in their sentence are grouped
--   under place '(no place named)'
-- depends on: main.figures, main.entity_mentions, vocab.figure_category
-- columns: place (canonical name of the nearest LOC), category, documents, figures,
--   min_exact/max_exact (people, exact figures only), highest_lower_bound (people),
--   lowest_upper_bound (people), bounded_figures (figures with an open bound)
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

places as (
    select distinct
        entity_id,
        canonical_name
    from main.entity_mentions
),

located as (
    select
        f.*,
        coalesce(p.canonical_name, f.place, '(no place named)') as place_name
    from figures as f
    left join places as p on f.place_entity_id = p.entity_id
),

final as (
    select
        cast(place_name as varchar) as place,
        cast(category as varchar) as category,
        cast(count(distinct doc_id) as bigint) as documents,
        cast(count(*) as bigint) as figures,
        cast(min(value) filter (where qualifier = 'exact') as double) as min_exact,
        cast(max(value) filter (where qualifier = 'exact') as double) as max_exact,
        cast(max(lower) filter (where qualifier != 'exact') as double) as highest_lower_bound,
        cast(min(upper) filter (where qualifier != 'exact') as double) as lowest_upper_bound,
        cast(count(*) filter (where qualifier != 'exact' and (lower is null) != (upper is null)) as bigint)
            as bounded_figures
    from located
    group by place_name, category
)

select * from final
order by documents desc, figures desc, place asc, category asc
