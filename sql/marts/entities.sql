-- entities: one canonical entity per name, aggregated over all mentions.
-- grain: one row per entity_id
-- depends on: raw.entity_mentions, main.document_versions (superseded versions left out)
-- columns: entity_id, canonical_name, label (most frequent), geonames_id, country_code,
--   latitude/longitude (degrees), feature_type, mention_count (mentions),
--   document_count (documents)
with
superseded as (
    select doc_id
    from main.document_versions
    where not is_current
),

mentions as (
    select r.*
    from raw.entity_mentions as r
    left join superseded as s on r.doc_id = s.doc_id
    where s.doc_id is null
),

final as (
    select
        cast(entity_id as varchar) as entity_id,
        cast(min(canonical_name) as varchar) as canonical_name,
        cast(mode(label order by label) as varchar) as label,
        cast(min(geonames_id) as bigint) as geonames_id,
        cast(min(country_code) as varchar) as country_code,
        cast(min(latitude) as double) as latitude,
        cast(min(longitude) as double) as longitude,
        cast(min(feature_type) as varchar) as feature_type,
        cast(count(*) as bigint) as mention_count,
        cast(count(distinct doc_id) as bigint) as document_count
    from mentions
    group by entity_id
)

select * from final
