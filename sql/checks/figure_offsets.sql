-- figure_offsets: figures whose text is not clean_text[start:end] (bad rows fail the run).
-- grain: one row per bad figure
-- depends on: main.figures, main.documents
-- columns: doc_id, figure_index, start, end, text, found (what the offsets point at)
with
figures as (
    select * from main.figures
),

documents as (
    select
        doc_id,
        clean_text
    from main.documents
),

final as (
    select
        f.doc_id,
        f.figure_index,
        f.start,
        f."end",
        f.text,
        cast(substr(d.clean_text, f.start + 1, f."end" - f.start) as varchar) as found
    from figures as f
    left join documents as d on f.doc_id = d.doc_id
    where
        d.doc_id is null
        or substr(d.clean_text, f.start + 1, f."end" - f.start) is distinct from f.text
)

select * from final
