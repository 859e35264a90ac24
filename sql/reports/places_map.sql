-- places_map: every resolved place with its coordinates, ready for a map. A country, continent,
-- subdivision or region sits at a representative point (a country at its capital, GeoNames; a
-- subdivision at its ISO 3166-2 point, iso3166-2; a region at its anchor; see flows/io/models.py).
-- grain: one row per place entity with a latitude and longitude
-- depends on: main.entity_counts_in_range (the entities and their counts within a date or language
--   range)
-- columns: entity_id, canonical_name, geonames_id, country_code, feature_type, latitude, longitude
--   (degrees, WGS84), document_count (documents), mention_count (mentions)
-- param since (date, default null): only documents published on or after this day (UTC)
-- param until (date, default null): only documents published on or before this day (UTC)
-- param language (varchar, default null): only documents in this language (ISO 639-1)
with
-- the counts within the range (with every document, the defaults, entity_names' own)
counted as (
    select e.*
    from main.entity_counts_in_range(
        p_since := p_since, p_until := p_until, p_language := p_language  -- noqa: RF03
    ) as e
),

entities as (
    select e.*
    from counted as e
    where e.label = 'LOC' and e.latitude is not null and e.longitude is not null
),

final as (
    select
        cast(entity_id as varchar) as entity_id,
        cast(canonical_name as varchar) as canonical_name,
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
order by document_count desc, mention_count desc, canonical_name asc
