-- entity_cooccurrence: which people, organisations and places are named in the same documents.
-- grain: one row per unordered pair of entities (entity_id_a < entity_id_b) sharing at least
--   min_shared documents (two by default)
-- depends on: derived.entity_pair_totals, derived.entity_pair_documents (warehouse/pairs.py: the name-label
--   entities named together per document, kept at each publish), main.documents_in_range
-- columns: canonical_name_a, label_a, canonical_name_b, label_b (each entity's canonical_name and
--   label), shared_document_count (documents naming both), entity_id_a, entity_id_b
-- param since (date, default null): only documents published on or after this day (UTC)
-- param until (date, default null): only documents published on or before this day (UTC)
-- param language (varchar, default null): only documents in this language (ISO 639-1)
-- param min_shared (bigint, default 2): only pairs named together in at least this many documents
with
-- the parameters are read where they are used (no CTE of them): the default call plans as the totals
-- alone, and its first rows are a top-N, not a sort of every pair
documents as (
    select d.doc_id
    from main.documents_in_range(
        p_since := p_since, p_until := p_until, p_language := p_language  -- noqa: RF03
    ) as d
),

totals as (
    -- no range asked: the pair counts over every current document, kept at each publish
    select
        t.entity_id_a,
        t.entity_id_b,
        t.name_a,
        t.label_a,
        t.name_b,
        t.label_b,
        t.shared_document_count
    from derived.entity_pair_totals as t
    where p_since is null and p_until is null and p_language is null  -- noqa: RF03
),

in_range as (
    -- a range asked: the pairs of each document in it (one row per document and pair)
    select
        p.entity_id_a,
        p.entity_id_b,
        min(p.name_a) as name_a,
        min(p.label_a) as label_a,
        min(p.name_b) as name_b,
        min(p.label_b) as label_b,
        count(*) as shared_document_count
    from derived.entity_pair_documents as p
    inner join documents as d on p.doc_id = d.doc_id
    where not (p_since is null and p_until is null and p_language is null)  -- noqa: RF02, RF03
    group by p.entity_id_a, p.entity_id_b
),

candidates as (
    select * from totals
    union all
    select * from in_range
),

pairs as (
    select c.*
    from candidates as c
    where c.shared_document_count >= p_min_shared  -- noqa: RF03
),

final as (
    select
        cast(name_a as varchar) as canonical_name_a,
        cast(label_a as varchar) as label_a,
        cast(name_b as varchar) as canonical_name_b,
        cast(label_b as varchar) as label_b,
        cast(shared_document_count as bigint) as shared_document_count,
        cast(entity_id_a as varchar) as entity_id_a,
        cast(entity_id_b as varchar) as entity_id_b
    from pairs
)

select * from final
order by shared_document_count desc, canonical_name_a asc, canonical_name_b asc
