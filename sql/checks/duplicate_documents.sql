-- duplicate_documents: doc_ids loaded more than once (bad rows fail the run).
-- grain: one row per duplicated doc_id
-- depends on: main.documents
-- columns: doc_id, copies
with
documents as (
    select * from main.documents
),

final as (
    select
        doc_id,
        count(*) as copies
    from documents
    group by doc_id
    having count(*) > 1
)

select * from final
