"""A missing or empty SQL folder is an error, never a warehouse of raw views with no checks."""

from __future__ import annotations

from pathlib import Path

import pytest

from warehouse import db

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def test_publish_refuses_an_empty_sql_folder(tmp_path):
    (tmp_path / "sql" / "marts").mkdir(parents=True)
    with pytest.raises(db.WarehouseError, match="no SQL files in .*marts"):
        db.publish(tmp_path / "warehouse.duckdb", tmp_path / "lake", tmp_path / "sql")
    assert list(tmp_path.glob("*warehouse.duckdb*")) == []


@pytest.mark.parametrize("missing", ["marts", "reports", "checks"])
def test_check_sql_dir_names_the_layer_without_sql(tmp_path, missing):
    for layer, _ in db.SQL_LAYERS:
        (tmp_path / layer).mkdir()
        if layer != missing:
            (tmp_path / layer / "x.sql").write_text("select 1 as x", encoding="utf-8")
    with pytest.raises(db.WarehouseError, match=f"no SQL files in {tmp_path / missing}"):
        db.check_sql_dir(tmp_path)


def test_check_sql_dir_accepts_the_project_sql_and_report_names_list_it():
    db.check_sql_dir(PROJECT_ROOT / "sql")
    assert "language_mix" in db.report_names(PROJECT_ROOT / "sql")
