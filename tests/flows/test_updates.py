"""Updates through the real flow: an edited article replaces its old version; a file changed mid-run is never lost."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest

from flows import tasks
from flows.io.sources import doc_id_for
from flows.pipeline import news_etl

RELATIONS = ("documents", "document_versions", "article_versions", "figures", "entity_mentions", "entities", "inputs")
KILLED_12 = "Officials said 12 people were killed in the floods near Bristol on Monday."
KILLED_15 = "Officials said 15 people were killed in the floods near Bristol on Monday."
BUDGET = "The council in Leeds approved a budget of 4 million pounds for new schools."
HOUSES = "Rescue teams reached the village after the storm and found 30 houses destroyed."
HOUSES_EDITED = "Rescue teams reached the village after the storm and found 40 houses destroyed."


def _jsonl(*records: dict) -> bytes:
    return b"\n".join(json.dumps(r).encode() for r in records) + b"\n"


def _run(inputs: Path, data_dir: Path) -> None:
    news_etl(inputs=[str(inputs)], data_dir=str(data_dir))


def _query(data_dir: Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(data_dir / "warehouse.duckdb"), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def _snapshot(data_dir: Path) -> dict[str, list[str]]:
    return {r: sorted(map(repr, _query(data_dir, f"select * from {r}"))) for r in RELATIONS}


def _texts(data_dir: Path) -> list[str]:
    return [row[0] for row in _query(data_dir, "select raw_text from documents order by raw_text")]


def test_an_edited_article_replaces_its_old_version_and_an_edit_back_restores_it(prefect_harness, tmp_path):
    inputs, data = tmp_path / "in", tmp_path / "data"
    inputs.mkdir()
    feed, story = inputs / "feed.jsonl", inputs / "story.txt"
    feed.write_bytes(_jsonl({"id": "a", "text": KILLED_12}, {"id": "b", "text": BUDGET}, {"text": HOUSES}))
    story.write_text("The market in York reopened after weeks of repairs.", encoding="utf-8")
    _run(inputs, data)
    feed.write_bytes(_jsonl({"id": "a", "text": KILLED_15}, {"id": "b", "text": BUDGET}, {"text": HOUSES_EDITED}))
    story.write_text("The market in York reopened after months of repairs.", encoding="utf-8")
    _run(inputs, data)
    assert _texts(data) == sorted(
        [BUDGET, KILLED_15, HOUSES_EDITED, "The market in York reopened after months of repairs."]
    )
    killed = "select value from figures where category = 'killed'"
    assert _query(data, killed) == [(15.0,)]
    assert _query(data, "select count(*) from document_versions where not is_current") == [(3,)]
    assert _query(data, "select count(*) from entity_mentions where text = 'Bristol'") == [(1,)]
    before = _snapshot(data)
    _run(inputs, data)  # nothing new: nothing changes
    assert _snapshot(data) == before
    feed.write_bytes(_jsonl({"id": "a", "text": KILLED_12}, {"id": "b", "text": BUDGET}, {"text": HOUSES_EDITED}))
    _run(inputs, data)  # edited back: the first text is current again, without loading it twice
    assert _query(data, killed) == [(12.0,)]
    assert _query(data, "select doc_id from documents where external_id = 'a'") == [(doc_id_for(KILLED_12),)]
    assert _query(data, "select count(*) from document_versions") == [(7,)]


def _discover_then(change: Callable[[], None]) -> Callable[[list[Path]], object]:
    """discover_files that changes the inputs right after discovering them."""
    real = tasks.discover_files

    def discover(paths: list[Path]) -> object:
        found = real(paths)
        change()
        return found

    return discover


def test_a_file_replaced_or_deleted_after_discovery_is_loaded_as_read_and_again_once_restored(
    prefect_harness, tmp_path, monkeypatch: pytest.MonkeyPatch
):
    inputs, data = tmp_path / "in", tmp_path / "data"
    inputs.mkdir()
    feed, other = inputs / "feed.jsonl", inputs / "other.jsonl"
    original, replaced = _jsonl({"id": "a", "text": KILLED_12}), _jsonl({"id": "a", "text": KILLED_15})
    feed.write_bytes(original)
    other.write_bytes(_jsonl({"id": "b", "text": BUDGET}))

    def replace_and_delete() -> None:
        feed.write_bytes(replaced)
        other.unlink()

    monkeypatch.setattr(tasks, "discover_files", _discover_then(replace_and_delete))
    _run(inputs, data)
    assert _texts(data) == [KILLED_15]
    inputs_sql = "select source_path, file_sha256 from inputs order by 1"
    assert _query(data, inputs_sql) == [(str(feed), hashlib.sha256(replaced).hexdigest()), (str(other), "")]
    assert _query(data, "select reason_code from quarantine") == [("unreadable",)]
    monkeypatch.undo()
    feed.write_bytes(original)
    other.write_bytes(_jsonl({"id": "b", "text": BUDGET}))
    _run(inputs, data)
    assert _texts(data) == sorted([BUDGET, KILLED_12])
