-- top_entities_by_month: the most mentioned people, organisations and places per month of
-- publication (documents whose date could not be read are under month_start_date null).
-- grain: one row per (month_start_date, label, entity) among the top 10 of each label in each month
-- depends on: derived.entity_documents (warehouse/entity_documents.py: mentions counted per document
--   and entity at each publish), main.documents_in_range, main.entity_names (the entity's name),
--   vocab.entity_label
-- columns: month_start_date (first day of the month of publication, UTC), label, rank_in_month,
--   canonical_name (the entity's most used name overall), document_count (documents),
--   mention_count (mentions), entity_id
-- param since (date, default null): only documents published on or after this day (UTC)
-- param until (date, default null): only documents published on or before this day (UTC)
-- param language (varchar, default null): only documents in this language (ISO 639-1)
with
name_labels as (
    select code
    from vocab.entity_label
    where kind = 'name'
),

-- a document's mentions of an entity under a label, counted at each publish
mentions as (
    select m.*
    from derived.entity_documents as m
    inner join name_labels as l on m.label = l.code
),

documents as (
    select
        d.doc_id,
        cast(date_trunc('month', timezone('UTC', d.published_at_utc)) as date) as month_start_date
    from main.documents_in_range(
        p_since := p_since, p_until := p_until, p_language := p_language  -- noqa: RF03
    ) as d
),

counts as (
    select
        d.month_start_date,
        m.label,
        m.entity_id,
        sum(m.label_document_count) as document_count,
        sum(m.mention_count) as mention_count
    from mentions as m
    inner join documents as d on m.doc_id = d.doc_id
    group by d.month_start_date, m.label, m.entity_id
),

per_month as (
    select
        c.*,
        e.canonical_name
    from counts as c
    inner join main.entity_names as e on c.entity_id = e.entity_id
),

ranked as (
    select
        *,
        row_number() over (
            partition by month_start_date, label
            order by document_count desc, mention_count desc, canonical_name asc
        ) as rank_in_month
    from per_month
),

final as (
    select
        cast(month_start_date as date) as month_start_date,
        cast(label as varchar) as label,
        cast(rank_in_month as bigint) as rank_in_month,
        cast(canonical_name as varchar) as canonical_name,
        cast(document_count as bigint) as document_count,
        cast(mention_count as bigint) as mention_count,
        cast(entity_id as varchar) as entity_id
    from ranked
    where rank_in_month <= 10
)

select * from final
order by month_start_date asc nulls last, label asc, rank_in_month asc
