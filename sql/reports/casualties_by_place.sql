-- casualties_by_place: how many people were reported killed, wounded, displaced, ... where, as a
-- range: total_lower is the sum of every figure's lower end, total_upper the sum of its upper end
-- (null, "open", as soon as one figure sets no ceiling). A figure's range: exact -> value..value;
-- approximate -> its stated value at both ends; "at least"/"more than"/vague -> lower..open;
-- "up to"/"almost"/"less than" -> 0..upper; a range -> lower..upper. Figures of several documents
-- are summed as reported: the same toll told twice is counted twice (see documents).
-- grain: one row per (place, category); a figure's place is a resolved place named in its own
--   sentence; figures without one are grouped under place '(no place named)'
-- depends on: main.figures, main.entity_mentions, vocab.figure_category
-- columns: place (canonical name of the nearest resolved LOC of the sentence), category,
--   documents, figures, exact_figures, approximate_figures, bounded_figures (one bound open or
--   a range), vague_figures, total_lower (people), total_upper (people, null when open),
--   total_range (text: "lower .. upper", upper "open" when null)
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
        coalesce(p.canonical_name, f.place, '(no place named)') as place_name,
        coalesce(f.lower, case when f.qualifier = 'approximately' then f.value end, 0) as range_lower,
        coalesce(f.upper, case when f.qualifier in ('exact', 'approximately') then f.value end) as range_upper
    from figures as f
    left join places as p on f.place_entity_id = p.entity_id
),

totals as (
    select
        place_name,
        category,
        count(distinct doc_id) as documents,
        count(*) as figures,
        count(*) filter (where qualifier = 'exact') as exact_figures,
        count(*) filter (where qualifier = 'approximately') as approximate_figures,
        count(*) filter (where qualifier not in ('exact', 'approximately', 'vague')) as bounded_figures,
        count(*) filter (where qualifier = 'vague') as vague_figures,
        sum(range_lower) as total_lower,
        case when count(*) = count(range_upper) then sum(range_upper) end as total_upper
    from located
    group by place_name, category
),

final as (
    select
        cast(place_name as varchar) as place,
        cast(category as varchar) as category,
        cast(documents as bigint) as documents,
        cast(figures as bigint) as figures,
        cast(exact_figures as bigint) as exact_figures,
        cast(approximate_figures as bigint) as approximate_figures,
        cast(bounded_figures as bigint) as bounded_figures,
        cast(vague_figures as bigint) as vague_figures,
        cast(total_lower as double) as total_lower,
        cast(total_upper as double) as total_upper,
        cast(
            format(
                '{:,} .. {}',
                cast(total_lower as bigint),
                coalesce(format('{:,}', cast(total_upper as bigint)), 'open')
            ) as varchar
        ) as total_range
    from totals
)

select * from final
order by documents desc, figures desc, place asc, category asc
