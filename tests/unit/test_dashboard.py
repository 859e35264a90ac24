"""The dashboard's pure parts: time grain, script-safe JSON, the packaged basemap, the charts' specifications."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

import pytest

from flows.cli import main
from flows.dashboard.charts import BASEMAP_PATH, places_map, world_topology
from flows.dashboard.page import script_json
from flows.dashboard.queries import FIGURES_OVER_TIME_SQL, json_value, period_for_span

ROOT = Path(__file__).resolve().parents[2]


def _day(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("first", "last", "period"),
    [
        (None, None, "day"),  # no dated figure at all
        ("2026-01-01", "2026-01-01", "day"),  # one day
        ("2026-01-01", "2026-03-04", "day"),  # 62 days: the last span shown by day
        ("2026-01-01", "2026-03-05", "week"),  # 63 days
        ("2026-01-01", "2027-01-02", "week"),  # 366 days: the last span shown by week
        ("2026-01-01", "2027-01-03", "month"),  # 367 days
    ],
)
def test_period_for_span_keeps_the_number_of_periods_readable(first, last, period):
    span = (None, None) if first is None else (_day(first), _day(last))
    assert period_for_span(*span) == period


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (
            dt.datetime(2026, 1, 2, 3, 4, tzinfo=dt.timezone(dt.timedelta(hours=2))),
            "2026-01-02T01:04:00+00:00",
        ),  # to UTC
        (dt.date(2026, 1, 2), "2026-01-02"),
        (7, 7),  # numbers stay numbers
    ],
)
def test_json_value_writes_times_in_utc_iso_8601(value, expected):
    assert json_value(value) == expected


def test_script_json_cannot_close_the_script_element():
    name = 'Ann </script><script>alert("x")</script> & <!-- Lee'
    text = script_json({"name": name})
    assert "<" not in text and ">" not in text
    assert json.loads(text) == {"name": name}


def test_packaged_basemap_is_the_pinned_world_atlas_file(build_script):
    script = build_script("build_world_basemap")
    assert hashlib.sha256(BASEMAP_PATH.read_bytes()).hexdigest() == script.BASEMAP_SHA256
    assert len(world_topology()["objects"]["countries"]["geometries"]) > 170


def test_places_map_carries_its_basemap_inline_and_fetches_nothing():
    place = {"canonical_name": "Somewhere", "latitude": 1.5, "longitude": 2.5, "mention_count": 3}
    place["casualties_lower"] = 0.0
    spec = places_map([place]).to_dict()
    text = json.dumps(spec)
    assert '"url"' not in text
    formats = [layer["data"].get("format", {}) for layer in spec["layer"] if "values" in layer.get("data", {})]
    assert {"type": "topojson", "feature": "countries"} in formats


def test_dashboard_without_a_warehouse_is_a_one_line_usage_error(tmp_path, capsys):
    status = main(["dashboard", "--data-dir", str(tmp_path / "none"), "--output", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert status == 2
    assert err.startswith("newsetl dashboard: no warehouse at ") and err.count("\n") == 1
    assert not (tmp_path / "out").exists()


@pytest.fixture
def marts():
    """An in-memory DuckDB with the few mart columns the dashboard's figure queries read."""
    import duckdb

    con = duckdb.connect()
    con.execute("set TimeZone = 'Asia/Tokyo'")  # periods are UTC days whatever the session's zone
    con.execute("create schema vocab")
    con.execute(
        "create table vocab.figure_category as"
        " select * from (values ('killed', 'casualty'), ('money', 'measure')) as t(code, kind)"
    )
    con.execute("create table main.documents (doc_id varchar, published_at_utc timestamptz, language varchar)")
    con.execute(
        "insert into main.documents values"
        " ('a', '2026-03-01 23:30:00+00', 'en'), ('b', '2026-03-01 08:00:00+00', 'fr'), ('c', null, 'en')"
    )
    con.execute(
        "create table main.figures (doc_id varchar, category varchar, value double, lower double, upper double,"
        " qualifier varchar, place_entity_id varchar)"
    )
    yield con
    con.close()


def _figure(con, doc_id, category, value, lower, upper, qualifier):
    con.execute(
        "insert into main.figures values (?, ?, ?, ?, ?, ?, null)", [doc_id, category, value, lower, upper, qualifier]
    )


@pytest.mark.parametrize(
    ("value", "lower", "upper", "qualifier", "band"),
    [
        (12, 12, 12, "exact", (12, 12, 0)),
        (300, None, None, "approximately", (300, 300, 0)),  # the stated value at both ends
        (20, 20, None, "at_least", (20, 20, 1)),  # no ceiling: counted at its lower end, flagged open
        (None, 1000, None, "vague", (1000, 1000, 1)),  # "thousands"
        (50, None, 50, "up_to", (0, 50, 0)),  # no floor: 0
        (None, 5, 10, "range", (5, 10, 0)),
    ],
)
def test_figures_over_time_band_spans_each_figures_range(marts, value, lower, upper, qualifier, band):
    _figure(marts, "a", "killed", value, lower, upper, qualifier)
    rows = marts.execute(FIGURES_OVER_TIME_SQL, ["day"]).fetchall()
    assert [(str(r[0]), r[1], r[4], r[5], r[6]) for r in rows] == [("2026-03-01", "killed", *band)]


def test_figures_over_time_sums_a_period_and_leaves_out_undated_and_non_casualty_figures(marts):
    _figure(marts, "a", "killed", 12, 12, 12, "exact")
    _figure(marts, "b", "killed", None, 5, 10, "range")
    _figure(marts, "c", "killed", 7, 7, 7, "exact")  # document without a date
    _figure(marts, "a", "money", 900, 900, 900, "exact")  # not a casualty category
    rows = marts.execute(FIGURES_OVER_TIME_SQL, ["day"]).fetchall()
    assert [(str(r[0]), r[1], r[2], r[3], r[4], r[5]) for r in rows] == [("2026-03-01", "killed", 2, 2, 17, 22)]
