-- entities: one canonical entity per name, aggregated over all mentions (a person or organisation
-- named in several languages or spellings is one entity: see entity_aliases).
-- grain: one row per entity_id
-- depends on: main.entity_names (name, label, place and counts), raw.entity_mentions (aliases),
--   main.document_versions (superseded versions left out), main.documents (language)
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

languages as (
    select
        entity_id,
        list(distinct language order by language) as languages
    from mentions
    group by entity_id
),

final as (
    select
        n.entity_id,
        n.canonical_name,
        n.label,
        n.geonames_id,
        n.country_code,
        n.latitude,
        n.longitude,
        n.feature_type,
        n.mention_count,
        n.document_count,
        cast(a.aliases as varchar[]) as aliases,
        cast(g.languages as varchar[]) as languages
    from main.entity_names as n
    inner join aliases as a on n.entity_id = a.entity_id
    inner join languages as g on n.entity_id = g.entity_id
)

select * from final
