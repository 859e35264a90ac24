-- top_entities: the most mentioned people, organisations and places.
-- grain: one row per entity (PERSON, ORG, LOC), ranked within its label
-- depends on: main.entity_counts_in_range (the entities and their counts within a date or language
--   range), vocab.entity_label
-- columns: label, rank_in_label, canonical_name, document_count (documents),
--   mention_count (mentions), entity_id
-- param since (date, default null): only documents published on or after this day (UTC)
-- param until (date, default null): only documents published on or before this day (UTC)
-- param language (varchar, default null): only documents in this language (ISO 639-1)
-- param label (varchar, default null): only this label (PERSON, ORG or LOC)
with
args as (
    select p_label as only_label
),

name_labels as (
    select l.code
    from vocab.entity_label as l
    cross join args as a
    where l.kind = 'name' and (a.only_label is null or l.code = a.only_label)
),

-- the counts within the range (with every document, the defaults, entity_names' own)
counted as (
    select e.*
    from main.entity_counts_in_range(
        p_since := p_since, p_until := p_until, p_language := p_language  -- noqa: RF03
    ) as e
),

entities as (
    select
        e.entity_id,
        e.label,
        e.canonical_name,
        e.document_count,
        e.mention_count
    from counted as e
    inner join name_labels as l on e.label = l.code
),

ranked as (
    select
        *,
        row_number() over (
            partition by label order by document_count desc, mention_count desc, canonical_name asc
        ) as rank_in_label
    from entities
),

final as (
    select
        cast(label as varchar) as label,
        cast(rank_in_label as bigint) as rank_in_label,
        cast(canonical_name as varchar) as canonical_name,
        cast(document_count as bigint) as document_count,
        cast(mention_count as bigint) as mention_count,
        cast(entity_id as varchar) as entity_id
    from ranked
)

select * from final
order by label, rank_in_label
