-- casualties_by_place: how many people were reported killed, wounded, displaced (and so on) where,
-- as a range. total_lower is the sum of every figure's lower end, total_upper the sum of its upper
-- end (null, "open", as soon as one figure sets no ceiling). A figure's range: exact -> value..value;
-- approximate -> its stated value at both ends; "at least"/"more than"/vague -> lower..open;
-- "up to"/"almost"/"less than" -> 0..upper; a range -> lower..upper. Figures of several documents
-- are summed as reported: the same toll told twice is counted twice (see document_count).
-- grain: one row per (place, category); a figure's place is the resolved place named in its own
--   sentence; figures without one are grouped under place_name '(no place named)'
-- depends on: main.casualty_figures_in_range (the casualty figures of the documents in range)
-- columns: place_name (canonical name of the sentence's nearest LOC, as figures.place_name),
--   place_entity_id (its entity; null for '(no place named)'), category, document_count
--   (documents), figure_count (figures), exact_figure_count, approximate_figure_count,
--   bounded_figure_count (one bound open or a range), vague_figure_count (figures of each kind),
--   total_lower (people), total_upper (people, null when open), total_range (text: "lower .. upper",
--   upper "open" when null)
-- param since (date, default null): only documents published on or after this day (UTC)
-- param until (date, default null): only documents published on or before this day (UTC)
-- param language (varchar, default null): only documents in this language (ISO 639-1)
-- param place (varchar, default null): only this place (its name, any case)
-- param category (varchar, default null): only this category (killed, wounded, displaced, ...)
with
args as (
    select lower(p_place) as only_place
),

located as (
    select
        f.*,
        coalesce(f.place_name, f.place_text, '(no place named)') as place_label
    from main.casualty_figures_in_range(
        p_since := p_since, p_until := p_until, p_language := p_language,  -- noqa: RF03
        p_category := p_category  -- noqa: RF03
    ) as f
),

totals as (
    select
        l.place_label,
        l.place_entity_id,
        l.category as category_code,
        count(distinct l.doc_id) as document_count,
        count(*) as figure_count,
        count(*) filter (where l.qualifier = 'exact') as exact_figure_count,
        count(*) filter (where l.qualifier = 'approximately') as approximate_figure_count,
        count(*) filter (
            where l.qualifier not in ('exact', 'approximately', 'vague')
        ) as bounded_figure_count,
        count(*) filter (where l.qualifier = 'vague') as vague_figure_count,
        sum(l.range_lower) as total_lower,
        case when count(*) = count(l.range_upper) then sum(l.range_upper) end as total_upper
    from located as l
    cross join args as a
    where a.only_place is null or lower(l.place_label) = a.only_place
    group by l.place_label, l.place_entity_id, l.category
),

final as (
    select
        cast(t.place_label as varchar) as place_name,
        cast(t.place_entity_id as varchar) as place_entity_id,
        cast(t.category_code as varchar) as category,
        cast(t.document_count as bigint) as document_count,
        cast(t.figure_count as bigint) as figure_count,
        cast(t.exact_figure_count as bigint) as exact_figure_count,
        cast(t.approximate_figure_count as bigint) as approximate_figure_count,
        cast(t.bounded_figure_count as bigint) as bounded_figure_count,
        cast(t.vague_figure_count as bigint) as vague_figure_count,
        cast(t.total_lower as double) as total_lower,
        cast(t.total_upper as double) as total_upper,
        cast(
            format(
                '{:,} .. {}',
                cast(t.total_lower as bigint),
                coalesce(format('{:,}', cast(t.total_upper as bigint)), 'open')
            ) as varchar
        ) as total_range
    from totals as t
)

select f.* from final as f
order by f.document_count desc, f.figure_count desc, f.place_name asc, f.category asc
