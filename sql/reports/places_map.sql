-- places_map: every resolved place with its coordinates, ready for a map. A country, continent,
-- subdivision or region sits at a representative point (a country at its capital, GeoNames; a
-- subdivision at its ISO 3166-2 point, iso3166-2; a region at its anchor; see flows/io/models.py).
-- grain: one row per place entity with a latitude and longitude
-- depends on: main.entities; main.entity_mentions and main.documents_in_range (the counts within
--   a date or language range)
-- columns: entity_id, canonical_name, geonames_id, country_code, feature_type, latitude, longitude
--   (degrees, WGS84), document_count (documents), mention_count (mentions)
-- param since (date, default null): only documents published on or after this day (UTC)
-- param until (date, default null): only documents published on or before this day (UTC)
-- param language (varchar, default null): only documents in this language (ISO 639-1)
with
args as (
    select (p_since is null and p_until is null and p_language is null) as every_document
),

documents as (
    select d.doc_id
    from main.documents_in_range(
        p_since := p_since, p_until := p_until, p_language := p_language  -- noqa: RF03
    ) as d
),

-- with every document (the defaults) the counts are main.entities' own; a date or language
-- range counts the mentions of the documents in it
counted as (
    select
        m.entity_id,
        count(distinct m.doc_id) as document_count,
        count(*) as mention_count
    from main.entity_mentions as m
    cross join args as a
    where not a.every_document and m.doc_id in (select d.doc_id from documents as d)
    group by m.entity_id
),

entities as (
    select
        e.*,
        coalesce(c.document_count, e.document_count) as documents_in_range,
        coalesce(c.mention_count, e.mention_count) as mentions_in_range
    from main.entities as e
    cross join args as a
    left join counted as c on e.entity_id = c.entity_id
    where
        e.label = 'LOC' and e.latitude is not null and e.longitude is not null
        and (a.every_document or c.entity_id is not null)
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
        cast(documents_in_range as bigint) as document_count,
        cast(mentions_in_range as bigint) as mention_count
    from entities
)

select * from final
order by document_count desc, mention_count desc, canonical_name asc
