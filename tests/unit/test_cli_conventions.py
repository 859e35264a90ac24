"""Command-line conventions: --version, valid JSON Lines, no silent truncation, DuckDB's hints, quiet closed pipes."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
from decimal import Decimal
from importlib.metadata import version
from pathlib import Path

import duckdb
import pytest

from flows.cli import main
from flows.cli.errors import EXIT_BROKEN_PIPE
from flows.cli.tables import json_line, json_value

PROJECT_ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def warehouse(tmp_path: Path) -> Path:
    """A data folder whose warehouse holds one small table `t` (0..29) and an odd-values view."""
    con = duckdb.connect(str(tmp_path / "warehouse.duckdb"))
    con.execute("create table t as select range as n from range(30)")
    con.close()
    return tmp_path


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (float("nan"), None),  # bare NaN is not JSON
        (float("-inf"), None),
        (1.25, 1.25),
        (Decimal("12.50"), 12.5),  # a decimal is a number, not a string
        (Decimal("3.000"), 3),  # a whole decimal stays whole
        (Decimal("NaN"), None),
        (dt.date(2026, 3, 1), "2026-03-01"),
        (dt.datetime(2026, 3, 1, 8, 30, tzinfo=dt.UTC), "2026-03-01T08:30:00+00:00"),
        (dt.timedelta(minutes=2), 120.0),  # an interval in seconds
        (b"ab", "YWI="),  # bytes as base64
        ([1.0, float("nan")], [1.0, None]),  # inside lists too
        ({"k": Decimal("0.5")}, {"k": 0.5}),  # and structs
        (True, True),
    ],
)
def test_json_value_keeps_numbers_numbers_and_makes_nan_null(value, expected):
    assert json_value(value) == expected


def test_json_line_is_one_valid_json_object():
    line = json_line(["x", "y"], [float("inf"), "ü"])
    assert "\n" not in line and json.loads(line) == {"x": None, "y": "ü"}


def test_version_comes_from_the_package_metadata(capsys):
    with pytest.raises(SystemExit) as ended:
        main(["--version"])
    assert ended.value.code == 0
    assert capsys.readouterr().out.strip() == f"newsetl {version('newsetl')}"


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_query_json_writes_one_object_per_row(warehouse, capsys, fmt):
    sql = "select n, n / 0 as ratio, 1.50::decimal(4, 2) as price, date '2026-01-02' as day from t where n < 2"
    assert main(["query", "--data-dir", str(warehouse), "--format", fmt, sql]) == 0
    out = capsys.readouterr().out
    # json: one array of row objects (CONTRACT.md), one row a line; jsonl: one object a line
    rows = json.loads(out) if fmt == "json" else [json.loads(line) for line in out.splitlines()]
    assert len(out.splitlines()) == (4 if fmt == "json" else 2)
    assert rows == [
        {"n": 0, "ratio": None, "price": 1.5, "day": "2026-01-02"},  # 0/0 is NaN in DuckDB: null here
        {"n": 1, "ratio": None, "price": 1.5, "day": "2026-01-02"},  # 1/0 is NULL in DuckDB
    ]


def test_query_json_with_no_rows_is_an_empty_array(warehouse, capsys):
    assert main(["query", "--data-dir", str(warehouse), "--format", "json", "select n from t where n < 0"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_table_output_says_how_many_rows_it_left_out(warehouse, capsys):
    assert main(["query", "--data-dir", str(warehouse), "--max-rows", "10", "select n from t order by n"]) == 0
    captured = capsys.readouterr()
    assert _cells(captured.out) == list(range(10))  # the first ten rows
    assert "30 rows, the first 10 shown" in captured.err


def test_table_output_shows_every_row_when_asked_and_says_nothing(warehouse, capsys):
    assert main(["query", "--data-dir", str(warehouse), "--max-rows", "0", "select n from t order by n"]) == 0
    captured = capsys.readouterr()
    assert _cells(captured.out) == list(range(30)) and captured.err == ""


def _cells(box: str) -> list[int]:
    """The whole numbers in a one-column box table."""
    return [int(m) for m in re.findall(r"│\s+(\d+)\s+│", box)]


@pytest.mark.parametrize(
    ("sql", "hint"),
    [
        ("select * from tt", 'Did you mean "t"'),  # the catalog's suggestion
        ("select m from t", 'Candidate bindings: "n"'),  # the binder's
        ("selec n from t", "LINE 1: selec n from t"),  # the parser's caret line
    ],
)
def test_sql_errors_keep_duckdbs_whole_message(warehouse, capsys, sql, hint):
    assert main(["query", "--data-dir", str(warehouse), sql]) == 2
    err = capsys.readouterr().err
    assert err.startswith("newsetl query: ") and hint in err and "Traceback" not in err


def test_a_closed_pipe_ends_quietly_with_status_141(warehouse):
    command = [sys.executable, "-m", "flows.cli", "query", "--data-dir", str(warehouse), "--format", "jsonl"]
    env = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT)}
    reader = subprocess.Popen(
        [*command, "select * from range(500000)"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env
    )
    assert reader.stdout is not None and reader.stderr is not None
    assert reader.stdout.readline() == b'{"range": 0}\n'
    reader.stdout.close()  # what `| head -1` does
    err = reader.stderr.read().decode()
    assert reader.wait() == EXIT_BROKEN_PIPE == 141
    assert err == ""
