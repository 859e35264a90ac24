-- entities: one canonical entity per name, aggregated over all mentions (a person or organisation
-- named in several languages or spellings is one entity: see entity_aliases).
-- grain: one row per entity_id
-- depends on: raw.entity_mentions, main.document_versions (superseded versions left out),
--   main.documents (language)
-- columns: entity_id, canonical_name (the most used name), label (most frequent), geonames_id,
--   country_code, latitude/longitude (degrees), feature_type, mention_count (mentions),
--   document_count (documents), aliases (distinct mention texts, most used first),
--   languages (ISO 639-1 codes of the documents naming it, sorted)
with
superseded as (
    select doc_id
    from main.document_versions
    where not is_current
),

mentions as (
    select
        r.*,
        regexp_replace(trim(r.text), '\s+', ' ', 'g') as alias,
        coalesce(d.language, 'und') as language
    from raw.entity_mentions as r
    left join superseded as s on r.doc_id = s.doc_id
    left join main.documents as d on r.doc_id = d.doc_id
    where s.doc_id is null
),

alias_counts as (
    select
        entity_id,
        alias,
        count(*) as mentions
    from mentions
    group by entity_id, alias
),

aliases as (
    select
        entity_id,
        list(alias order by mentions desc, alias asc) as aliases
    from alias_counts
    group by entity_id
),

grouped as (
    select
        entity_id,
        mode(canonical_name order by canonical_name) as canonical_name,
        mode(label order by label) as label,
        min(geonames_id) as geonames_id,
        min(country_code) as country_code,
        min(latitude) as latitude,
        min(longitude) as longitude,
        min(feature_type) as feature_type,
        count(*) as mention_count,
        count(distinct doc_id) as document_count,
        list(distinct language order by language) as languages
    from mentions
    group by entity_id
),

final as (
    select
        cast(g.entity_id as varchar) as entity_id,
        cast(g.canonical_name as varchar) as canonical_name,
        cast(g.label as varchar) as label,
        cast(g.geonames_id as bigint) as geonames_id,
        cast(g.country_code as varchar) as country_code,
        cast(g.latitude as double) as latitude,
        cast(g.longitude as double) as longitude,
        cast(g.feature_type as varchar) as feature_type,
        cast(g.mention_count as bigint) as mention_count,
        cast(g.document_count as bigint) as document_count,
        cast(a.aliases as varchar[]) as aliases,
        cast(g.languages as varchar[]) as languages
    from grouped as g
    inner join aliases as a on g.entity_id = a.entity_id
)

select * from final
