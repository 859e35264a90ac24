"""What a run with little or nothing new costs: doc_ids looked up in the lake, a current warehouse not
rebuilt, NER models loaded only for the languages met."""

from __future__ import annotations

import os
import shutil
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from flows.io.models import _load_ner_models
from flows.settings import PROJECT_ROOT
from warehouse import db, lake
from warehouse.schemas import DOCUMENTS, INPUTS, make_row

NOW = datetime(2026, 1, 1, tzinfo=UTC)


def _document(doc_id: str, batch_id: str) -> dict:
    values = dict.fromkeys(DOCUMENTS.columns)
    values.update(
        doc_id=doc_id,
        source_path=f"/in/{batch_id}.jsonl",
        language="en",
        language_score=1.0,
        raw_text="Text.",
        clean_text="Text.",
        length_chars=5,
        word_count=1,
        batch_id=batch_id,
        loaded_at=NOW,
    )
    return make_row(DOCUMENTS, **values)


def _manifest(batch_id: str) -> dict:
    return make_row(
        INPUTS,
        source_path=f"/in/{batch_id}.jsonl",
        file_sha256="f" * 64,
        size_bytes=3,
        articles_loaded=1,
        articles_duplicate=0,
        rejected=0,
        batch_id=batch_id,
        run_id="r",
        committed_at=NOW,
    )


def _commit(lake_dir: Path, batch_id: str, *doc_ids: str) -> None:
    rows = {"documents": [_document(d, batch_id) for d in doc_ids], "inputs": [_manifest(batch_id)]}
    lake.write_batch(lake_dir, batch_id, rows)


def test_known_doc_ids_answers_only_for_the_candidates_and_committed_batches(tmp_path):
    assert lake.known_doc_ids(tmp_path, {"a"}) == set()  # an empty lake knows nothing
    _commit(tmp_path, "b1", "a", "b")
    _commit(tmp_path, "b2", "c")
    lake.write_parquet(tmp_path / "documents" / "b3.parquet", DOCUMENTS, [_document("d", "b3")])  # no manifest
    assert lake.known_doc_ids(tmp_path, {"a", "c", "d", "z"}) == {"a", "c"}
    assert lake.known_doc_ids(tmp_path, set()) == set()


def test_a_published_warehouse_is_current_until_the_lake_the_sql_or_the_file_changes(tmp_path):
    lake_dir, warehouse = tmp_path / "lake", tmp_path / "warehouse.duckdb"
    sql_dir = tmp_path / "sql"
    shutil.copytree(PROJECT_ROOT / "sql", sql_dir)
    _commit(lake_dir, "b1", "a")
    assert not db.is_current(warehouse, lake_dir, sql_dir)  # never published
    assert db.publish(warehouse, lake_dir, sql_dir) == []
    assert db.is_current(warehouse, lake_dir, sql_dir)
    _commit(lake_dir, "b2", "b")
    assert not db.is_current(warehouse, lake_dir, sql_dir)  # a batch committed since
    assert db.publish(warehouse, lake_dir, sql_dir) == []
    report = sql_dir / "reports" / "extra_report.sql"
    report.write_text("select 1 as one", encoding="utf-8")
    assert not db.is_current(warehouse, lake_dir, sql_dir)  # the SQL changed
    assert db.publish(warehouse, lake_dir, sql_dir) == []
    os.utime(warehouse, ns=(1, 1))
    assert not db.is_current(warehouse, lake_dir, sql_dir)  # the file is not the one published


def test_no_ner_model_loads_before_a_document_of_its_language():
    models = _load_ner_models.__wrapped__(("en", "fr", "ru"))  # a fresh set: the cached one may have met documents
    assert models.pipelines.loaded() == frozenset()
    assert sorted(models.pipelines) == ["en", "fr", "ru"]


def _scope(warehouse: Path) -> list[str]:
    return sorted(batch for (batch,) in db.query(warehouse, "select batch_id from checks.batches_in_scope")[1])


def test_row_checks_look_at_the_batches_new_or_changed_since_the_last_publish(tmp_path):
    lake_dir, warehouse, sql_dir = tmp_path / "lake", tmp_path / "warehouse.duckdb", PROJECT_ROOT / "sql"
    _commit(lake_dir, "b1", "a")
    assert db.publish(warehouse, lake_dir, sql_dir) == []
    assert _scope(warehouse) == ["b1"]  # a first publish checks everything
    _commit(lake_dir, "b2", "b")
    assert db.publish(warehouse, lake_dir, sql_dir) == []
    assert _scope(warehouse) == ["b2"]
    _commit(lake_dir, "b1", "a")  # b1's files rewritten: checked again
    _commit(lake_dir, "b3", "c")
    assert db.publish(warehouse, lake_dir, sql_dir) == []
    assert _scope(warehouse) == ["b1", "b3"]


def _relations(warehouse: Path) -> dict[str, list[str]]:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        names = con.execute(
            "select table_schema || '.' || table_name from information_schema.tables"
            " where table_schema in ('raw', 'main') order by 1"
        ).fetchall()
        return {name: sorted(map(repr, con.execute(f"select * from {name}").fetchall())) for (name,) in names}
    finally:
        con.close()


def test_a_publish_after_a_new_batch_updates_the_file_in_place_to_what_a_fresh_build_gives(tmp_path):
    lake_dir, warehouse, sql_dir = tmp_path / "lake", tmp_path / "warehouse.duckdb", PROJECT_ROOT / "sql"
    _commit(lake_dir, "b1", "a")
    assert db.publish(warehouse, lake_dir, sql_dir) == []
    inode = warehouse.stat().st_ino
    _commit(lake_dir, "b2", "c")
    _commit(lake_dir, "b1", "d")  # b1 rewritten with another document: its old rows go
    assert db.publish(warehouse, lake_dir, sql_dir) == []
    assert warehouse.stat().st_ino == inode  # the same file, updated
    assert db.is_current(warehouse, lake_dir, sql_dir)
    fresh = tmp_path / "fresh.duckdb"
    assert db.publish(fresh, lake_dir, sql_dir) == []
    assert _relations(warehouse) == _relations(fresh)
    assert db.query(warehouse, "select doc_id from raw.documents order by 1")[1] == [("c",), ("d",)]


def test_a_failed_check_on_an_update_in_place_leaves_the_warehouse_as_it_was(tmp_path):
    lake_dir, warehouse, sql_dir = tmp_path / "lake", tmp_path / "warehouse.duckdb", PROJECT_ROOT / "sql"
    _commit(lake_dir, "b1", "a")
    assert db.publish(warehouse, lake_dir, sql_dir) == []
    before = _relations(warehouse)
    _commit(lake_dir, "b2", "a")  # the same doc_id loaded twice
    assert [f.name for f in db.publish(warehouse, lake_dir, sql_dir)] == ["duplicate_documents"]
    assert _relations(warehouse) == before
    assert not db.is_current(warehouse, lake_dir, sql_dir)


def test_a_reader_holding_the_warehouse_makes_the_publish_write_a_new_file(tmp_path):
    lake_dir, warehouse, sql_dir = tmp_path / "lake", tmp_path / "warehouse.duckdb", PROJECT_ROOT / "sql"
    _commit(lake_dir, "b1", "a")
    assert db.publish(warehouse, lake_dir, sql_dir) == []
    inode = warehouse.stat().st_ino
    reader = duckdb.connect(str(warehouse), read_only=True)
    try:
        _commit(lake_dir, "b2", "b")
        assert db.publish(warehouse, lake_dir, sql_dir) == []
        assert reader.execute("select count(*) from raw.documents").fetchall() == [(1,)]  # its file, unchanged
    finally:
        reader.close()
    assert warehouse.stat().st_ino != inode
    assert db.query(warehouse, "select count(*) from raw.documents")[1] == [(2,)]
