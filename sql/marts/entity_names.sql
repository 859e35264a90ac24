-- entity_names: each entity's name, label, place and counts, as in entities (without the aliases and the
-- languages), from the totals kept at each publish, so reports and figures name entities without
-- aggregating every mention.
-- grain: one row per entity_id (mentions without an entity left out, as in entities)
-- depends on: derived.entity_attribute_totals, derived.entity_totals (warehouse/entity_documents.py: the
--   mentions of the current documents counted per entity and attributes, and per entity)
-- columns: entity_id, canonical_name (the most used name; the smallest of equals), label (the most
--   frequent; the smallest of equals), geonames_id, country_code, latitude/longitude (degrees),
--   feature_type (each the smallest its mentions give), mention_count (mentions), document_count
--   (documents)
with
attributes as (
    select * from derived.entity_attribute_totals
),

name_counts as (
    select
        entity_id,
        canonical_name,
        sum(mention_count) as mention_count
    from attributes
    where canonical_name is not null
    group by entity_id, canonical_name
),

label_counts as (
    select
        entity_id,
        label,
        sum(mention_count) as mention_count
    from attributes
    where label is not null
    group by entity_id, label
),

names as (
    select
        entity_id,
        first(canonical_name order by mention_count desc, canonical_name asc) as canonical_name
    from name_counts
    group by entity_id
),

labels as (
    select
        entity_id,
        first(label order by mention_count desc, label asc) as label
    from label_counts
    group by entity_id
),

places as (
    select
        entity_id,
        min(geonames_id) as geonames_id,
        min(country_code) as country_code,
        min(latitude) as latitude,
        min(longitude) as longitude,
        min(feature_type) as feature_type
    from attributes
    group by entity_id
),

final as (
    select
        cast(t.entity_id as varchar) as entity_id,
        cast(n.canonical_name as varchar) as canonical_name,
        cast(l.label as varchar) as label,
        cast(p.geonames_id as bigint) as geonames_id,
        cast(p.country_code as varchar) as country_code,
        cast(p.latitude as double) as latitude,
        cast(p.longitude as double) as longitude,
        cast(p.feature_type as varchar) as feature_type,
        cast(t.mention_count as bigint) as mention_count,
        cast(t.document_count as bigint) as document_count
    from derived.entity_totals as t
    left join names as n on t.entity_id = n.entity_id
    left join labels as l on t.entity_id = l.entity_id
    left join places as p on t.entity_id = p.entity_id
)

select * from final
