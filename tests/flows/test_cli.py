"""The `newsetl` command: contract output shapes and one-line errors for user mistakes."""

from __future__ import annotations

import json

import pytest

from flows.cli import main


def _one_line_error(capsys) -> str:
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and "Traceback" not in err
    return err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["query", "--data-dir", "/nonexistent/dir", "select 1"], "no warehouse"),  # nothing loaded yet
        (["run", "--input", "/nonexistent/input"], "input path does not exist"),  # typo in a path
        (["extract", "--input", "/nonexistent/file.jsonl"], "cannot open"),  # missing input file
        (["evaluate", "--gold-dir", "/nonexistent/gold"], "no gold folder"),
    ],
)
def test_user_mistakes_give_one_line_and_exit_2(capsys, argv, message):
    assert main(argv) == 2
    assert message in _one_line_error(capsys)


def test_query_answers_in_json_and_refuses_writes(seeded, capsys):
    data_dir, _ = seeded
    assert (
        main(
            [
                "query",
                "--data-dir",
                str(data_dir),
                "--format",
                "json",
                "select language, count(*) as n from documents group by 1 order by 1",
            ]
        )
        == 0
    )
    rows = json.loads(capsys.readouterr().out)  # CONTRACT.md: json = a list of row objects
    assert rows == [{"language": "en", "n": 21}, {"language": "fr", "n": 10}]
    assert main(["query", "--data-dir", str(data_dir), "create table t as select 1"]) == 2
    assert "read-only" in _one_line_error(capsys).lower()


def test_report_lists_shows_and_rejects_unknown_names(seeded, capsys):
    data_dir, _ = seeded
    assert main(["report"]) == 0
    names = [line.split(":")[0] for line in capsys.readouterr().out.splitlines() if not line.startswith(" ")]
    assert {"language_mix", "top_entities", "casualty_figures", "noise_by_reason"} <= set(names)
    assert main(["report", "casualty_figures", "--data-dir", str(data_dir), "--format", "csv", "--limit", "50"]) == 0
    assert "at least 20" in capsys.readouterr().out
    assert main(["report", "no_such_report", "--data-dir", str(data_dir)]) == 2
    assert "unknown report" in _one_line_error(capsys)


def test_extract_writes_one_line_per_input_line_and_quarantines_bad_ones(tmp_path, capsys):
    source = tmp_path / "in.jsonl"
    source.write_text(
        json.dumps({"id": "a", "text": "At least 20 villagers died in Stepanakert, officials said."})
        + "\n"
        + "{not json\n\n"
        + json.dumps({"id": "c", "text": ""})
        + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    assert main(["extract", "--input", str(source), "--output", str(out)]) == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["status"] for r in records] == ["ok", "quarantined", "quarantined", "quarantined"]
    first = records[0]
    assert first["id"] == "a" and first["language"] == "en" and first["error"] is None
    figure = first["figures"][0]
    assert (figure["text"], figure["lower"], figure["qualifier"], figure["category"]) == (
        "At least 20",
        20,
        "at_least",
        "killed",
    )
    for entity in first["entities"]:
        assert first["clean_text"][entity["start"] : entity["end"]] == entity["text"]
    assert all(r["error"] for r in records[1:])
    summary = capsys.readouterr().err  # what it did, on stderr
    assert summary.startswith("newsetl extract: 1 documents (3 quarantined), 1 figures, ") and " s\n" in summary
    assert main(["extract", "--quiet", "--input", str(source), "--output", str(out)]) == 0
    assert capsys.readouterr().err == ""
