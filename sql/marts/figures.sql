-- figures: every number that quantifies, with bounds, qualifier, unit, object and category.
-- grain: one row per figure (doc_id, figure_index)
-- depends on: raw.figures, main.document_versions (superseded versions left out), main.entity_names
--   (the place's canonical name), vocab.figure_category (the category's kind)
-- columns: doc_id, figure_index, start/end (characters in clean_text, end exclusive), text,
--   value (the stated number; null when vague or a range), lower/upper (inclusive bounds,
--   null when open), qualifier, unit, object (the counted noun as written, singular: person,
--   people, woman, death, ... stay apart), category, counts_people (the figure counts persons: its
--   category is of kind casualty or people, whatever noun names them), sentence, place_text (the nearest LOC
--   mention of the sentence as written), place_entity_id (its entity), place_name (that entity's
--   canonical_name, as in entities and the reports), batch_id
with
superseded as (
    select doc_id
    from main.document_versions
    where not is_current
),

lake as (
    select r.*
    from raw.figures as r
    left join superseded as s on r.doc_id = s.doc_id
    where s.doc_id is null
),

category_kinds as (
    select
        code,
        kind
    from vocab.figure_category
),

places as (
    select
        entity_id,
        canonical_name
    from main.entity_names
),

final as (
    select
        cast(f.doc_id as varchar) as doc_id,
        cast(f.figure_index as integer) as figure_index,
        cast(f.start as integer) as start,
        cast(f."end" as integer) as "end",
        cast(f.text as varchar) as text,
        cast(f.value as double) as value,
        cast(f.lower as double) as lower,
        cast(f.upper as double) as upper,
        cast(f.qualifier as varchar) as qualifier,
        cast(f.unit as varchar) as unit,
        cast(f.object as varchar) as object,
        cast(f.category as varchar) as category,
        coalesce(k.kind in ('casualty', 'people'), false) as counts_people,
        cast(f.sentence as varchar) as sentence,
        cast(f.place as varchar) as place_text,
        cast(f.place_entity_id as varchar) as place_entity_id,
        cast(p.canonical_name as varchar) as place_name,
        cast(f.batch_id as varchar) as batch_id
    from lake as f
    left join places as p on f.place_entity_id = p.entity_id
    left join category_kinds as k on f.category = k.code
)

select * from final
