"""`newsetl run` prints a line per committed batch when stderr is no terminal and a JSON summary with --json."""

from __future__ import annotations

import json

from run_processes import small_inputs

from flows.cli.runs import RunOutput, run_here
from flows.settings import load_settings


def test_run_json_summary_says_the_checks_passed_and_progress_has_a_line_per_batch(prefect_harness, tmp_path, capsys):
    settings = load_settings(
        {"inputs": [str(small_inputs(tmp_path / "in"))], "data_dir": str(tmp_path / "data"), "batch_docs": 1}
    )
    assert run_here(settings, RunOutput(as_json=True)) == 0
    captured = capsys.readouterr()
    summary = json.loads(captured.out)
    assert (summary["status"], summary["exit_code"], summary["checks_passed"]) == ("succeeded", 0, True)
    assert (summary["new_file_count"], summary["batch_count"], summary["loaded_document_count"]) == (3, 3, 3)
    assert summary["warehouse"] == str(settings.warehouse_path)
    lines = [line for line in captured.err.splitlines() if line.startswith("newsetl run: batch")]
    assert [line.split(":")[1] for line in lines] == [" batch 1", " batch 2", " batch 3"]
    assert lines[-1].startswith("newsetl run: batch 3: 3/3 files, 3 articles, ")

    assert run_here(settings, RunOutput(as_json=True)) == 0  # again: nothing new
    again = json.loads(capsys.readouterr().out)
    assert (again["status"], again["checks_passed"], again["loaded_document_count"]) == ("nothing_new", True, 0)
