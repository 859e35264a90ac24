-- entity_counts_in_range: the entities named in the documents the reports' shared filters keep, with
-- their mentions and documents counted within them, as a table macro
-- `main.entity_counts_in_range(p_since := ..., p_until := ..., p_language := ...)` that the entity
-- reports read. With no filter the counts are entity_names' own (every current document).
-- grain: one row per entity_id named in a document in range
-- depends on: main.entity_names (name, label, place), derived.entity_documents (mentions counted per
--   document and entity, kept at each publish), main.documents_in_range
-- columns: the columns of entity_names, document_count and mention_count counted in range
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

-- a date or language range counts the mentions of the documents in it
counted as (
    select
        r.entity_id,
        sum(r.document_count) as document_count,
        sum(r.mention_count) as mention_count
    from derived.entity_documents as r
    cross join args as a
    where not a.every_document and r.doc_id in (select d.doc_id from documents as d)
    group by r.entity_id
),

final as (
    select
        e.* exclude (document_count, mention_count),
        cast(coalesce(c.document_count, e.document_count) as bigint) as document_count,
        cast(coalesce(c.mention_count, e.mention_count) as bigint) as mention_count
    from main.entity_names as e
    cross join args as a
    left join counted as c on e.entity_id = c.entity_id
    where a.every_document or c.entity_id is not null
)

select * from final
