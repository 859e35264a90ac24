"""Any path works (glob characters and quotes in folder names), and a failed check keeps the previous warehouse."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from flows.cli import main
from flows.pipeline import ChecksFailed, news_etl
from warehouse import db, lake
from warehouse.schemas import ENTITY_MENTIONS

PROJECT_ROOT = Path(__file__).resolve().parents[2]
OWN_INPUT = PROJECT_ROOT / "seeds" / "globalvoices" / "gv-en-315377.txt"
# a folder name with every glob character and a quote, and the sibling it would reach read as a pattern
# ('*' any run, '?' one character, '[x]' the letter x; "it's" cut at its quote would leave "it")
GLOB_NAME = "a*b q? [x] it's"
SIBLING = "a-decoy-b qz x it's"


def _json_query(data_dir: Path, sql: str, capsys) -> list[dict]:
    assert main(["query", "--data-dir", str(data_dir), "--format", "json", sql]) == 0
    return json.loads(capsys.readouterr().out)


def test_a_data_folder_named_with_glob_characters_sees_only_its_own_rows(seeded, tmp_path, capsys):
    shutil.copytree(seeded[0], tmp_path / SIBLING)  # a loaded sibling lake a glob of the name would read
    shutil.copytree(seeded[0], tmp_path / "it")
    inputs = tmp_path / f"in {GLOB_NAME}"
    inputs.mkdir()
    shutil.copy(OWN_INPUT, inputs)
    data_dir = tmp_path / GLOB_NAME
    summary = news_etl(inputs=[str(inputs)], data_dir=str(data_dir))
    assert summary.documents_loaded == 1 and not summary.check_failures
    rows = _json_query(data_dir, "select source_path from documents union all select source_path from inputs", capsys)
    assert [r["source_path"] for r in rows] == [str(inputs / OWN_INPUT.name)] * 2
    orphans = "select count(*) as n from entity_mentions where doc_id not in (select doc_id from documents)"
    assert _json_query(data_dir, orphans, capsys) == [{"n": 0}]


def test_a_failed_check_keeps_the_previous_warehouse_byte_identical(seeded, tmp_path):
    sql_dir = tmp_path / "sql"
    shutil.copytree(PROJECT_ROOT / "sql", sql_dir)
    warehouse = tmp_path / "out" / "warehouse.duckdb"
    assert db.publish(warehouse, seeded[0] / "lake", sql_dir) == []
    before = warehouse.read_bytes()
    (sql_dir / "checks" / "always_fails.sql").write_text("select 1 as bad_row", encoding="utf-8")
    failures = db.publish(warehouse, seeded[0] / "lake", sql_dir)
    assert [f.name for f in failures] == ["always_fails"]
    assert warehouse.read_bytes() == before
    assert [p.name for p in warehouse.parent.iterdir()] == ["warehouse.duckdb"]  # no build left behind


def test_a_run_whose_checks_fail_raises_and_keeps_the_previous_warehouse(seeded, tmp_path):
    data_dir = tmp_path / "data"
    shutil.copytree(seeded[0], data_dir)
    warehouse = data_dir / "warehouse.duckdb"
    before = warehouse.read_bytes()
    mentions = lake.table_files(data_dir / "lake", ENTITY_MENTIONS)[0]
    bad = [{**row, "text": "words the article never says"} for row in pq.read_table(mentions).to_pylist()]
    lake.write_parquet(mentions, ENTITY_MENTIONS, bad)  # a bad row in the lake: offsets that miss their text
    with pytest.raises(ChecksFailed, match="entity_offsets"):  # `newsetl run` exits 1 on it
        news_etl(inputs=[str(OWN_INPUT)], data_dir=str(data_dir))  # nothing new to load: publish only
    assert warehouse.read_bytes() == before
    assert sorted(p.name for p in data_dir.iterdir() if "warehouse" in p.name) == ["warehouse.duckdb"]
