-- places_map: every resolved place with its coordinates, ready for a map. A country, continent,
-- subdivision or region sits at a representative point (a country at its capital, GeoNames; a
-- subdivision at its ISO 3166-2 point, iso3166-2; a region at its anchor; see flows/io/models.py).
-- grain: one row per place entity with a latitude and longitude
-- depends on: main.entities
-- columns: entity_id, name, geonames_id, country_code, feature_type, latitude, longitude
--   (degrees, WGS84), document_count (documents), mention_count (mentions)
with
entities as (
    select * from main.entities
    where label = 'LOC' and latitude is not null and longitude is not null
),

final as (
    select
        cast(entity_id as varchar) as entity_id,
        cast(canonical_name as varchar) as name,
        cast(geonames_id as bigint) as geonames_id,
        cast(country_code as varchar) as country_code,
        cast(feature_type as varchar) as feature_type,
        cast(latitude as double) as latitude,
        cast(longitude as double) as longitude,
        cast(document_count as bigint) as document_count,
        cast(mention_count as bigint) as mention_count
    from entities
)

select * from final
order by document_count desc, mention_count desc, name asc
