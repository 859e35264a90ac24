-- entity_mentions: every named-entity mention, offsets into documents.clean_text.
-- grain: one row per mention (doc_id, mention_index)
-- depends on: raw.entity_mentions, main.document_versions (superseded versions left out)
-- columns: doc_id, mention_index, start/end (characters, end exclusive), text, label
--   (PERSON, ORG, LOC, NORP, MISC, ...), method, model (which NER model, gazetteer or rules found it),
--   entity_id, canonical_name,
--   geonames_id, country_code, latitude/longitude (degrees), feature_type, batch_id
with
superseded as (
    select doc_id
    from main.document_versions
    where not is_current
),

lake as (
    select r.*
    from raw.entity_mentions as r
    left join superseded as s on r.doc_id = s.doc_id
    where s.doc_id is null
),

final as (
    select
        cast(doc_id as varchar) as doc_id,
        cast(mention_index as integer) as mention_index,
        cast(start as integer) as start,
        cast("end" as integer) as "end",
        cast(text as varchar) as text,
        cast(label as varchar) as label,
        cast(method as varchar) as method,
        cast(model as varchar) as model,
        cast(entity_id as varchar) as entity_id,
        cast(canonical_name as varchar) as canonical_name,
        cast(geonames_id as bigint) as geonames_id,
        cast(country_code as varchar) as country_code,
        cast(latitude as double) as latitude,
        cast(longitude as double) as longitude,
        cast(feature_type as varchar) as feature_type,
        cast(batch_id as varchar) as batch_id
    from lake
)

select * from final
