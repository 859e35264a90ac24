"""`newsetl report`: the listing with parameters, parameters bound as values, one-line errors for mistakes."""

from __future__ import annotations

import json

import pytest

from flows.cli import main


def _json_rows(capsys) -> list[dict]:
    return json.loads(capsys.readouterr().out)


def test_report_lists_each_report_with_its_description_and_parameters(capsys):
    assert main(["report"]) == 0
    out = capsys.readouterr().out
    assert "language_mix: how many documents and words each main language has." in out.splitlines()
    assert "    --since DATE (default null): only documents published on or after this day (UTC)" in out
    assert "    --min-shared BIGINT (default 2):" in out


def test_report_binds_its_parameters(seeded, capsys):
    data_dir = str(seeded[0])
    base = ["report", "casualty_figures", "--data-dir", data_dir, "--format", "json"]
    assert main(base) == 0
    every = _json_rows(capsys)
    assert main([*base, "--language", "fr"]) == 0
    french = _json_rows(capsys)
    assert 0 < len(french) < len(every) and {row["language"] for row in french} == {"fr"}
    assert main([*base, "--language=en", "--limit", "1"]) == 0
    assert [row["language"] for row in _json_rows(capsys)] == ["en"]
    assert main(["report", "language_mix", "--data-dir", data_dir, "--format", "json", "--since", "2999-01-01"]) == 0
    assert _json_rows(capsys) == []


def test_injection_text_is_a_value_that_matches_nothing(seeded, capsys):
    argv = ["report", "casualty_figures", "--data-dir", str(seeded[0]), "--format", "json"]
    assert main([*argv, "--language", "en' or '1'='1"]) == 0
    assert _json_rows(capsys) == []


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--colour", "red"], "report language_mix has no parameter '--colour' (its parameters: --since, --until)"),
        (["--since", "last week"], "--since takes a date (YYYY-MM-DD), not 'last week'"),
        (["--since"], "--since needs a value"),
        (["--since", "2024-01-01", "--since", "2024-02-01"], "--since given twice"),
        (["stray"], "unexpected argument 'stray'"),
    ],
)
def test_report_parameter_mistakes_are_one_line_and_exit_2(capsys, extra, message):
    assert main(["report", "language_mix", "--data-dir", "/nonexistent/dir", *extra]) == 2
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and "Traceback" not in err
    assert message in err


@pytest.mark.parametrize(
    "argv",
    [
        ["query", "--since", "2024-01-01", "select 1"],  # argparse alone would take 2024-01-01 as the SQL
        ["query", "select 1", "--since", "2024-01-01"],
        ["query", "--since=2024-01-01", "select 1"],
        ["query", "--since", "2024-01-01"],
    ],
)
def test_query_names_an_option_it_does_not_take_in_one_line(capsys, argv):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("newsetl query: unknown option --since: query takes the SQL text") and err.count("\n") == 1
    assert "newsetl report casualty_figures --since" in err and "2024-01-01 as" not in err


def test_other_commands_refuse_unknown_options_in_one_line(capsys):
    assert main(["dashboard", "--output", "x", "--since", "2024-01-01"]) == 2
    assert (
        capsys.readouterr().err
        == "newsetl dashboard: unknown option --since (newsetl dashboard --help lists its options)\n"
    )
