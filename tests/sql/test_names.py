"""One name per concept across the analyst's relations (the marts in `main`, the reports, the shared macro)."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from warehouse.db import create_sql_views, raw_table_sql
from warehouse.schemas import TABLES

PROJECT_ROOT = Path(__file__).resolve().parents[2]
# integer columns that are not counts: offsets, positions, ranks, ids, a size in its unit
NOT_COUNTS = {"start", "end", "line_number", "mention_index", "figure_index", "rank_in_label", "rank_in_month"}
NOT_COUNTS |= {"geonames_id", "size_bytes", "length_chars", "word_count"}
NOT_COUNTS |= {"part_start_byte", "part_end_byte", "part_first_line"}  # a part's offsets and first line number
# names the relations used to give a concept that now has one name
RETIRED = {
    "published_at": "published_at_raw / published_at_utc",
    "place": "place_text / place_name / place_entity_id",
    "documents": "document_count",
    "doc_count": "document_count",
    "point_value": "value",
    "name": "canonical_name",
    "name_a": "canonical_name_a",
}


@pytest.fixture(scope="module")
def columns():
    """(relation, column, type) of every relation in `main` and `reports`, built over empty raw tables."""
    con = duckdb.connect()
    con.execute("create schema raw")
    for table in TABLES:
        con.execute(raw_table_sql(table))
    create_sql_views(con, PROJECT_ROOT / "sql")
    rows = con.execute(
        "select table_schema || '.' || table_name, column_name, data_type from information_schema.columns"
        " where table_schema in ('main', 'reports')"
    ).fetchall()
    con.close()
    return rows


def test_every_count_is_named_star_count(columns):
    integers = [(r, c) for r, c, kind in columns if kind in ("BIGINT", "INTEGER", "HUGEINT")]
    assert integers, "no integer column found: the fixture is broken"
    assert [f"{r}.{c}" for r, c in integers if c not in NOT_COUNTS and not c.endswith("_count")] == []


def test_no_relation_uses_a_retired_name(columns):
    assert [f"{r}.{c} (now {RETIRED[c]})" for r, c, _ in columns if c in RETIRED] == []


def test_dates_are_named_star_date(columns):
    dates = [f"{r}.{c}" for r, c, kind in columns if kind == "DATE"]
    assert dates
    assert [d for d in dates if not d.endswith("_date")] == []


def test_timestamps_are_utc_and_named_so(columns):
    stamps = [(r, c, kind) for r, c, kind in columns if kind.startswith("TIMESTAMP")]
    assert stamps
    assert [f"{r}.{c}" for r, c, kind in stamps if kind != "TIMESTAMP WITH TIME ZONE"] == []
    assert [f"{r}.{c}" for r, c, _ in stamps if not (c.endswith("_at") or c.endswith("_utc"))] == []
