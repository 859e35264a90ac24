-- entity_names: each entity's name, label, place and counts, as in entities (without the aliases and the
-- languages), summed from the mentions counted per document at each publish, so reports and figures
-- name entities without aggregating every mention.
-- grain: one row per entity_id (mentions without an entity left out, as in entities)
-- depends on: derived.entity_documents (warehouse/entity_documents.py: mentions counted per document and
--   entity), main.document_versions (superseded versions left out)
-- columns: entity_id, canonical_name (the most used name; the smallest of equals), label (the most
--   frequent; the smallest of equals), geonames_id, country_code, latitude/longitude (degrees),
--   feature_type (each the smallest its mentions give), mention_count (mentions), document_count
--   (documents)
with
superseded as (
    select doc_id
    from main.document_versions
    where not is_current
),

counted as (
    select r.*
    from derived.entity_documents as r
    anti join superseded as s on r.doc_id = s.doc_id
    where r.entity_id is not null
),

name_counts as (
    select
        entity_id,
        canonical_name,
        sum(mention_count) as mention_count
    from counted
    where canonical_name is not null
    group by entity_id, canonical_name
),

label_counts as (
    select
        entity_id,
        label,
        sum(mention_count) as mention_count
    from counted
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

grouped as (
    select
        entity_id,
        min(geonames_id) as geonames_id,
        min(country_code) as country_code,
        min(latitude) as latitude,
        min(longitude) as longitude,
        min(feature_type) as feature_type,
        sum(mention_count) as mention_count,
        count(distinct doc_id) as document_count
    from counted
    group by entity_id
),

final as (
    select
        cast(g.entity_id as varchar) as entity_id,
        cast(n.canonical_name as varchar) as canonical_name,
        cast(l.label as varchar) as label,
        cast(g.geonames_id as bigint) as geonames_id,
        cast(g.country_code as varchar) as country_code,
        cast(g.latitude as double) as latitude,
        cast(g.longitude as double) as longitude,
        cast(g.feature_type as varchar) as feature_type,
        cast(g.mention_count as bigint) as mention_count,
        cast(g.document_count as bigint) as document_count
    from grouped as g
    left join names as n on g.entity_id = n.entity_id
    left join labels as l on g.entity_id = l.entity_id
)

select * from final
