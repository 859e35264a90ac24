"""The co-occurrence tables kept at each publish (warehouse/pairs.py), and the mentions counted per document
(warehouse/entity_documents.py), give what joining the mentions gives,
through a first publish, new batches, an edited article, an edit back and a rewritten batch."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from flows.settings import PROJECT_ROOT
from warehouse import db, lake
from warehouse.schemas import ARTICLE_VERSIONS, DOCUMENTS, ENTITY_MENTIONS, INPUTS, make_row

START = datetime(2026, 1, 1, tzinfo=UTC)
# The pairs of the current documents, joined from the mentions (what the report computed before the tables).
JOINED = """
with
documents as (
    select doc_id from main.documents where ? is null or language = ?
),
mentions as (
    select distinct m.doc_id, m.entity_id, m.label, m.canonical_name
    from main.entity_mentions as m
    inner join vocab.entity_label as l on m.label = l.code and l.kind = 'name'
    inner join documents as d on m.doc_id = d.doc_id
)
select
    min(a.canonical_name), min(a.label), min(b.canonical_name), min(b.label),
    count(distinct a.doc_id), a.entity_id, b.entity_id
from mentions as a
inner join mentions as b on a.doc_id = b.doc_id and a.entity_id < b.entity_id
group by a.entity_id, b.entity_id
"""
# Each entity counted from the current mentions (what main.entities computed before main.entity_names).
COUNTED = """
select
    entity_id, mode(canonical_name order by canonical_name), mode(label order by label), count(*),
    count(distinct doc_id)
from main.entity_mentions
where entity_id is not null
group by entity_id
"""


def _commit(lake_dir: Path, batch_id: str, step: int, docs: dict, versions: dict, duplicates: int = 0) -> None:
    """A batch: documents {doc_id: (language, [(entity_id, name, label), ...])}, versions {article_key: doc_id}."""
    now = START + timedelta(days=step)
    documents, mentions = [], []
    for doc_id, (language, named) in docs.items():
        values = dict.fromkeys(DOCUMENTS.columns)
        values.update(
            doc_id=doc_id,
            source_path=f"/in/{batch_id}.jsonl",
            language=language,
            language_score=1.0,
            raw_text="Text.",
            clean_text="Text.",
            length_chars=5,
            word_count=1,
            batch_id=batch_id,
            loaded_at=now,
        )
        documents.append(make_row(DOCUMENTS, **values))
        for index, (entity_id, name, label) in enumerate(named):
            values = dict.fromkeys(ENTITY_MENTIONS.columns)
            values.update(
                doc_id=doc_id,
                mention_index=index,
                start=0,
                end=4,
                text="Text",
                label=label,
                method="rules",
                entity_id=entity_id,
                canonical_name=name,
                batch_id=batch_id,
            )
            mentions.append(make_row(ENTITY_MENTIONS, **values))
    rows = {
        "documents": documents,
        "entity_mentions": mentions,
        "article_versions": [
            make_row(
                ARTICLE_VERSIONS,
                article_key=key,
                source_path=f"/in/{batch_id}.jsonl",
                line_number=None,
                external_id=None,
                doc_id=doc_id,
                batch_id=batch_id,
                loaded_at=now,
            )
            for key, doc_id in versions.items()
        ],
        "inputs": [
            make_row(
                INPUTS,
                source_path=f"/in/{batch_id}.jsonl",
                file_sha256="f" * 64,
                size_bytes=3,
                articles_loaded=len(docs),
                articles_duplicate=duplicates,
                rejected=0,
                batch_id=batch_id,
                run_id="r",
                committed_at=now,
            )
        ],
    }
    lake.write_batch(lake_dir, batch_id, rows)


def _published_pairs(warehouse: Path, language: str | None) -> list[tuple]:
    report = "select * from reports.entity_cooccurrence(p_min_shared := 1, p_language := ?)"
    return sorted(db.query(warehouse, report, [language])[1])


def _joined_pairs(warehouse: Path, language: str | None) -> list[tuple]:
    return sorted(db.query(warehouse, JOINED, [language, language])[1])


def _check(warehouse: Path, lake_dir: Path) -> None:
    assert db.publish(warehouse, lake_dir, PROJECT_ROOT / "sql") == []
    for language in (None, "en"):
        assert _published_pairs(warehouse, language) == _joined_pairs(warehouse, language), language
    # the mentions counted per document (warehouse/entity_documents.py) follow the same batches
    names = "select entity_id, canonical_name, label, mention_count, document_count from main.entity_names"
    assert sorted(db.query(warehouse, names)[1]) == sorted(db.query(warehouse, COUNTED)[1])


def test_the_kept_pair_counts_follow_new_batches_edits_and_rewritten_batches(tmp_path):
    lake_dir, warehouse = tmp_path / "lake", tmp_path / "warehouse.duckdb"
    x, y, z, w = ("x", "Xan", "PERSON"), ("y", "Yale", "ORG"), ("z", "Zug", "LOC"), ("w", "Wen", "PERSON")
    _commit(lake_dir, "b1", 1, {"a": ("en", [x, y, z, x]), "b": ("fr", [x, y])}, {"ka": "a", "kb": "b"})
    _check(warehouse, lake_dir)
    assert _published_pairs(warehouse, None)[0][4] == 2  # Xan and Yale: two documents
    inode = warehouse.stat().st_ino
    _commit(lake_dir, "b2", 2, {"c": ("en", [x, y, w, ("y", "Aya", "ORG")])}, {"kb": "c"})  # b edited
    _check(warehouse, lake_dir)
    assert warehouse.stat().st_ino == inode  # updated in place
    _commit(lake_dir, "b3", 3, {}, {"kb": "b"}, duplicates=1)  # edited back: b current again, c not
    _check(warehouse, lake_dir)
    _commit(lake_dir, "b1", 4, {"a": ("en", [w, z]), "b": ("fr", [x, y])}, {"ka": "a", "kb": "b"})  # rewritten
    _check(warehouse, lake_dir)
    _commit(lake_dir, "b4", 5, {"d": ("en", [("v", "Vo", "NORP"), x, z])}, {"kd": "d"})  # NORP is no name label
    _check(warehouse, lake_dir)
    assert warehouse.stat().st_ino == inode
