-- entity_aliases: every name an entity is called by, per document language (the spellings,
-- translations and transliterations merged into one canonical entity).
-- grain: one row per (entity_id, alias, language)
-- depends on: raw.entity_mentions, main.document_versions (superseded versions left out),
--   main.documents (language)
-- columns: entity_id, label, canonical_name (the entity's most used name), alias (the text of
--   its mentions, spaces collapsed), language (ISO 639-1 of the documents), mention_count
--   (mentions), document_count (documents)
with
superseded as (
    select doc_id
    from main.document_versions
    where not is_current
),

mentions as (
    select
        r.entity_id,
        r.label,
        r.canonical_name,
        r.doc_id,
        regexp_replace(trim(r.text), '\s+', ' ', 'g') as alias,
        coalesce(d.language, 'und') as language
    from raw.entity_mentions as r
    left join superseded as s on r.doc_id = s.doc_id
    left join main.documents as d on r.doc_id = d.doc_id
    where s.doc_id is null
),

names as (
    select
        entity_id,
        mode(canonical_name order by canonical_name) as canonical_name,
        mode(label order by label) as label
    from mentions
    group by entity_id
),

aliases as (
    select
        entity_id,
        alias,
        language,
        count(*) as mention_count,
        count(distinct doc_id) as document_count
    from mentions
    group by entity_id, alias, language
),

final as (
    select
        cast(a.entity_id as varchar) as entity_id,
        cast(n.label as varchar) as label,
        cast(n.canonical_name as varchar) as canonical_name,
        cast(a.alias as varchar) as alias,
        cast(a.language as varchar) as language,
        cast(a.mention_count as bigint) as mention_count,
        cast(a.document_count as bigint) as document_count
    from aliases as a
    inner join names as n on a.entity_id = n.entity_id
)

select * from final
