-- top_entities: the most mentioned people, organisations and places.
-- grain: one row per entity (PERSON, ORG, LOC), ranked within its label
-- depends on: main.entities, vocab.entity_label; main.entity_mentions and main.documents_in_range
--   (the counts within a date or language range)
-- columns: label, rank_in_label, canonical_name, document_count (documents),
--   mention_count (mentions), entity_id
-- param since (date, default null): only documents published on or after this day (UTC)
-- param until (date, default null): only documents published on or before this day (UTC)
-- param language (varchar, default null): only documents in this language (ISO 639-1)
-- param label (varchar, default null): only this label (PERSON, ORG or LOC)
with
args as (
    select
        p_label as only_label,
        (p_since is null and p_until is null and p_language is null) as every_document
),

name_labels as (
    select l.code
    from vocab.entity_label as l
    cross join args as a
    where l.kind = 'name' and (a.only_label is null or l.code = a.only_label)
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
        e.entity_id,
        e.label,
        e.canonical_name,
        coalesce(c.document_count, e.document_count) as document_count,
        coalesce(c.mention_count, e.mention_count) as mention_count
    from main.entities as e
    inner join name_labels as l on e.label = l.code
    cross join args as a
    left join counted as c on e.entity_id = c.entity_id
    where a.every_document or c.entity_id is not null
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
