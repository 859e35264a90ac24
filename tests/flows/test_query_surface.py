"""The analyst surface (`newsetl query` / `report`): one read-only SELECT, no file access, nothing to change."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from flows.cli import main
from warehouse import db


def _fingerprint(folder: Path) -> dict[str, str]:
    """SHA-256 of every file under a folder, by relative path."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _a_lake_file(data_dir: Path) -> Path:
    return next((data_dir / "lake" / "documents").glob("*.parquet"))


# {lake} is a committed documents file of the seeded lake; {out} a folder of this test's tmp_path
REFUSED = [
    ("select 1; select 2", "exactly one SQL statement, not 2"),  # several statements per call
    (";", "exactly one SQL statement, not 0"),
    ("copy (select 1 as doc_id) to '{lake}' (format parquet)", "read-only"),  # overwrite a lake file
    ("copy documents to '{out}/documents.csv'", "read-only"),
    ("copy documents from '{out}/documents.csv'", "read-only"),
    ("attach '{out}/new.duckdb' as n (read_write)", "read-only"),  # creates a database
    ("detach memory", "read-only"),
    ("install httpfs", "read-only"),
    ("load json", "read-only"),
    ("export database '{out}/export'", "read-only"),
    ("pragma enable_profiling", "not PRAGMA"),
    ("pragma table_info('documents')", "not PRAGMA"),  # even the pragmas DuckDB answers as a SELECT
    ("set enable_external_access = true", "not SET"),
    ("reset threads", "read-only"),
    ("create temp table t as select 1", "not CREATE"),  # a temporary table would be writable in read-only mode
    ("insert into documents (doc_id) values ('x')", "not INSERT"),
    ("delete from documents", "not DELETE"),
    ("call pragma_version()", "not CALL"),
    ("explain analyze select 1", "not EXPLAIN"),
    ("checkpoint", "read-only"),
    ("select * from read_text('/etc/hostname')", "file system operations are disabled"),  # any file
    ("select * from read_csv('/etc/passwd')", "file system operations are disabled"),
    ("select * from read_parquet('{lake}')", "file system operations are disabled"),  # even the lake's own files
    ("select * from read_blob('{lake}')", "file system operations are disabled"),
    ("select * from glob('/*')", "file system operations are disabled"),
    ("select * from '{lake}'", "file system operations are disabled"),  # a replacement scan of a path
    ("select * from query('copy documents to ''{out}/q.csv''')", "single SELECT"),
    ("selec 1", "syntax error"),
]


@pytest.mark.parametrize(("sql", "message"), REFUSED)
@pytest.mark.parametrize("fmt", ["table", "json"])
def test_query_refuses_anything_but_one_read_only_select_in_one_line(seeded, tmp_path, capsys, sql, message, fmt):
    data_dir, _ = seeded
    before = _fingerprint(data_dir)
    text = sql.format(lake=_a_lake_file(data_dir), out=tmp_path)
    assert main(["query", "--data-dir", str(data_dir), "--format", fmt, text]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("newsetl query: ") and "Traceback" not in err and message in err  # DuckDB's whole message
    assert _fingerprint(data_dir) == before  # neither the lake nor the warehouse changed
    assert list(tmp_path.iterdir()) == []  # nothing was written anywhere


def test_the_analyst_connection_itself_has_no_file_access_and_a_locked_configuration(seeded, tmp_path):
    data_dir, _ = seeded
    lake_file = _a_lake_file(data_dir)
    before = lake_file.read_bytes()
    con = db.connect_readonly(data_dir / "warehouse.duckdb")
    try:
        for statement in (
            f"copy (select 1 as doc_id) to '{lake_file}' (format parquet)",  # the statement check bypassed
            f"attach '{tmp_path / 'new.duckdb'}' as n",
            "select * from read_text('/etc/hostname')",
        ):
            with pytest.raises(duckdb.PermissionException):
                con.execute(statement)
        with pytest.raises(duckdb.InvalidInputException, match="locked"):
            con.execute("set enable_external_access = true")
        assert con.execute("select count(*) from documents").fetchone() == (31,)
    finally:
        con.close()
    assert lake_file.read_bytes() == before
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("sql", "expected"),
    [
        ("select count(*) as n from documents", [{"n": 31}]),
        (
            "with per as (select language, count(*) as n from documents group by 1) select * from per order by 1;",
            [{"language": "en", "n": 21}, {"language": "fr", "n": 10}],
        ),  # a CTE, and a trailing semicolon
        ("from reports.language_mix select count(*) > 0 as any", [{"any": True}]),
        ("select count(*) > 0 as any from (describe documents)", [{"any": True}]),
        ("select 'a;b' as text -- a comment; with a semicolon", [{"text": "a;b"}]),
    ],
)
def test_query_answers_selects_ctes_and_reports(seeded, capsys, sql, expected):
    data_dir, _ = seeded
    assert main(["query", "--data-dir", str(data_dir), "--format", "json", sql]) == 0
    assert json.loads(capsys.readouterr().out) == expected


def test_describe_and_show_tables_answer_in_a_table(seeded, capsys):
    data_dir, _ = seeded
    assert main(["query", "--data-dir", str(data_dir), "describe documents"]) == 0
    assert "clean_text" in capsys.readouterr().out
    assert main(["query", "--data-dir", str(data_dir), "show tables"]) == 0
    assert "documents" in capsys.readouterr().out


def test_every_report_runs_on_the_locked_connection(seeded, capsys):
    data_dir, _ = seeded
    assert main(["report"]) == 0
    names = [line.split(":")[0] for line in capsys.readouterr().out.splitlines() if not line.startswith(" ")]
    assert "language_mix" in names
    for name in names:
        assert main(["report", name, "--data-dir", str(data_dir), "--format", "jsonl", "--limit", "3"]) == 0, name
        assert all(isinstance(json.loads(line), dict) for line in capsys.readouterr().out.splitlines())


# CONTRACT.md's warehouse contract: relations and the columns `newsetl query` must answer (renames keep these).
CONTRACT_COLUMNS = {
    "documents": "doc_id, source_path, language, language_score, clean_text, loaded_at",
    "entity_mentions": 'doc_id, start, "end", text, label',
    "figures": 'doc_id, start, "end", text, value, lower, upper, qualifier, unit, object, category',
    "removed_noise": "doc_id, text, reason",
    "quarantine": "source_path, reason",
}


@pytest.mark.parametrize("relation", sorted(CONTRACT_COLUMNS))
def test_the_contract_columns_answer_as_a_list_of_row_objects(seeded, capsys, relation):
    data_dir, _ = seeded
    sql = f"select {CONTRACT_COLUMNS[relation]} from {relation} limit 2"
    assert main(["query", "--data-dir", str(data_dir), "--format", "json", sql]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert isinstance(rows, list) and all(isinstance(row, dict) for row in rows)


def test_a_batch_is_committed_after_its_documents_were_loaded(seeded, capsys):
    # loaded_at is the batch's start; committed_at the moment its manifest was written, after the analysis
    data_dir, _ = seeded
    sql = (
        "select count(*) as batches, count(*) filter (where i.committed_at > d.loaded_at) as later"
        " from (select batch_id, min(committed_at) as committed_at from inputs group by 1) as i"
        " inner join (select batch_id, max(loaded_at) as loaded_at from documents group by 1) as d using (batch_id)"
    )
    assert main(["query", "--data-dir", str(data_dir), "--format", "json", sql]) == 0
    [row] = json.loads(capsys.readouterr().out)
    assert row["batches"] > 0 and row["later"] == row["batches"]


def test_timestamps_read_as_utc_whatever_the_machines_zone(seeded):
    # a column named *_utc must not show in the local zone: the analyst connection sets TimeZone = 'UTC'
    data_dir, _ = seeded
    sql = "select min(published_at_utc) as first from documents"
    env = {**os.environ, "TZ": "Asia/Tokyo"}
    command = [sys.executable, "-m", "flows.cli", "query", "--data-dir", str(data_dir), "--format", "json", sql]
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    [row] = json.loads(done.stdout)
    assert row["first"].endswith("+00:00")
    api = "import newsetl, sys; con = newsetl.connect(sys.argv[1]); print(con.sql('select current_setting(?)', "
    api += "params=['TimeZone']).fetchone()[0])"
    done = subprocess.run(
        [sys.executable, "-c", api, str(data_dir)], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.stdout.strip() == "UTC", done.stderr
