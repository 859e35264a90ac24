"""End to end: the real `news_etl` flow on seeds/ into tmp_path (real Prefect, Parquet, DuckDB, models)."""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path

import duckdb

from flows.pipeline import news_etl
from warehouse import lake

PROJECT_ROOT = Path(__file__).resolve().parents[2]
SEEDS = PROJECT_ROOT / "seeds"
SEED_ID = "000_d6384df40f951bf6"
RELATIONS = (
    "documents",
    "entity_mentions",
    "figures",
    "removed_noise",
    "quarantine",
    "entities",
    "inputs",
    "runs",
    "boilerplate",
)


def _snapshot(warehouse: Path) -> dict[str, list]:
    """Every row of every relation, sorted, so two warehouses can be compared."""
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return {r: sorted(map(repr, con.execute(f"select * from {r}").fetchall())) for r in RELATIONS}
    finally:
        con.close()


def _query(warehouse: Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_seed_article_is_loaded_right(seeded):
    data_dir, summary = seeded
    warehouse = data_dir / "warehouse.duckdb"
    ((doc_id, language, clean),) = _query(
        warehouse, f"select doc_id, language, clean_text from documents where external_id = '{SEED_ID}'"
    )
    assert language == "en"
    assert "مشاركة" not in clean and clean.endswith("when a mine hit their vehicle on Sunday.")
    assert ("مشاركة :",) in _query(warehouse, f"select text from removed_noise where doc_id = '{doc_id}'")
    figures = _query(
        warehouse, f"select text, value, category, qualifier, lower, upper from figures where doc_id = '{doc_id}'"
    )
    assert ("13,550", 13550.0, "displaced", "exact", 13550.0, 13550.0) in figures
    assert ("at least 20", 20.0, "killed", "at_least", 20.0, None) in figures
    persons = {
        r[0]
        for r in _query(warehouse, f"select text from entity_mentions where doc_id = '{doc_id}' and label = 'PERSON'")
    }
    assert "Simon Mordue" in persons
    assert ("Stepanakert",) in _query(
        warehouse, f"select place_text from figures where doc_id = '{doc_id}' and text = 'at least 20'"
    )


def test_seeds_load_every_input_and_both_languages(seeded):
    data_dir, summary = seeded
    warehouse = data_dir / "warehouse.duckdb"
    assert summary.documents_loaded == 31 and summary.rejected == 0
    assert dict(_query(warehouse, "select language, document_count from reports.language_mix")) == {"en": 21, "fr": 10}
    assert _query(warehouse, "select count(*) from inputs") == [(11,)]
    assert _query(warehouse, "select count(*) from runs") == [(1,)]


def test_second_run_changes_nothing(seeded):
    data_dir, _ = seeded
    warehouse = data_dir / "warehouse.duckdb"
    before = _snapshot(warehouse)
    summary = news_etl(inputs=[str(SEEDS)], data_dir=str(data_dir))
    assert summary.new_files == 0 and summary.batches == ()
    assert _snapshot(warehouse) == before


def _bad_inputs(folder: Path) -> None:
    """One input of each bad kind, plus one good article."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "good.txt").write_text("A good article about 12 people in Paris.", encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (folder / "latin1.txt").write_bytes("Un café à Paris.".encode("latin-1"))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "truncated.jsonl.gz").write_bytes(gzip.compress(b'{"id": "t", "text": "cut short"}\n' * 50)[:-20])
    (folder / "feed.jsonl").write_text(
        json.dumps({"id": "ok", "text": "Another good article."}) + "\n{broken json\n", encoding="utf-8"
    )


def test_bad_inputs_are_quarantined_and_the_run_carries_on(prefect_harness, tmp_path):
    _bad_inputs(tmp_path / "in")
    summary = news_etl(inputs=[str(tmp_path / "in")], data_dir=str(tmp_path / "data"))
    warehouse = tmp_path / "data" / "warehouse.duckdb"
    assert summary.documents_loaded == 2
    reasons = {
        (Path(p).name, line, reason.split(" (")[0])
        for p, line, reason in _query(warehouse, "select source_path, line_number, reason from quarantine")
    }
    assert reasons == {
        ("binary.txt", None, "binary content"),
        ("latin1.txt", None, "not valid UTF-8"),
        ("empty.txt", None, "empty article"),
        ("truncated.jsonl.gz", None, "truncated gzip"),
        ("feed.jsonl", 2, "broken JSON line"),
    }


def test_new_files_are_added_without_reprocessing_and_a_crash_reruns_to_the_same_warehouse(prefect_harness, tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(SEEDS / f"{SEED_ID}.txt", inputs)
    news_etl(inputs=[str(inputs)], data_dir=str(tmp_path / "data"))
    first_batches = lake.committed_batches(tmp_path / "data" / "lake")
    shutil.copy(SEEDS / "globalvoices" / "gv-en-315377.txt", inputs)
    # a crashed run left data files of a batch that never committed:
    orphan = tmp_path / "data" / "lake" / "documents" / "deadbeefdeadbeef.parquet"
    shutil.copy(next((tmp_path / "data" / "lake" / "documents").glob("*.parquet")), orphan)
    summary = news_etl(inputs=[str(inputs)], data_dir=str(tmp_path / "data"))
    assert summary.new_files == 1 and summary.leftovers_dropped == 1 and not orphan.exists()
    assert first_batches < lake.committed_batches(tmp_path / "data" / "lake")
    assert _query(tmp_path / "data" / "warehouse.duckdb", "select count(*) from documents") == [(2,)]


def test_run_publishes_a_markdown_summary_artifact(seeded):
    from prefect.artifacts import Artifact

    _, summary = seeded
    artifact = Artifact.get("news-etl-run-summary")
    assert artifact is not None and artifact.type == "markdown"
    assert "| documents loaded |" in artifact.data and "Checks: all checks passed" in artifact.data
