-- figures: every number that quantifies, with bounds, qualifier, unit, object and category.
-- grain: one row per figure (doc_id, figure_index)
-- depends on: raw.figures, main.document_versions (superseded versions left out)
-- columns: doc_id, figure_index, start/end (characters in clean_text, end exclusive), text,
--   value (the stated number; null when vague or a range), lower/upper (inclusive bounds,
--   null when open), qualifier, unit, object, category, sentence, place (nearest LOC in the
--   sentence), place_entity_id, batch_id
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

final as (
    select
        cast(doc_id as varchar) as doc_id,
        cast(figure_index as integer) as figure_index,
        cast(start as integer) as start,
        cast("end" as integer) as "end",
        cast(text as varchar) as text,
        cast(value as double) as value,
        cast(lower as double) as lower,
        cast(upper as double) as upper,
        cast(qualifier as varchar) as qualifier,
        cast(unit as varchar) as unit,
        cast(object as varchar) as object,
        cast(category as varchar) as category,
        cast(sentence as varchar) as sentence,
        cast(place as varchar) as place,
        cast(place_entity_id as varchar) as place_entity_id,
        cast(batch_id as varchar) as batch_id
    from lake
)

select * from final
