-- top_entities: the most mentioned people, organisations and places.
-- grain: one row per entity (PERSON, ORG, LOC), ranked within its label
-- depends on: main.entities, vocab.entity_label
-- columns: label, rank_in_label, canonical_name, document_count (documents),
--   mention_count (mentions), entity_id
with
name_labels as (
    select code
    from vocab.entity_label
    where kind = 'name'
),

entities as (
    select e.*
    from main.entities as e
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
