"""The README's walkthrough runs as written: its query, report and dashboard lines on the seeded warehouse."""

from __future__ import annotations

import json
import os
import shlex
from pathlib import Path

import pytest

from flows.cli import main

README = Path(__file__).resolve().parents[2] / "README.md"
SECTION = "### Walkthrough: a first session on seeds/"
CHECKED = ("query", "report", "dashboard")


def walkthrough_lines() -> list[tuple[str, list[str]]]:
    """(line, newsetl arguments) of each `uv run newsetl ...` line of the walkthrough's code block."""
    text = README.read_text(encoding="utf-8")
    assert SECTION in text, "the README has no walkthrough section"
    block = text.split(SECTION, 1)[1].split("```bash\n", 1)[1].split("```", 1)[0]
    return [
        (line, shlex.split(line.split(" | ")[0], comments=True)[3:])
        for line in block.splitlines()
        if line.startswith("uv run newsetl ")
    ]


def test_the_walkthrough_covers_the_surfaces():
    assert {"run", "report", "query", "dashboard"} <= {argv[0] for _, argv in walkthrough_lines()}


@pytest.mark.parametrize(
    ("line", "argv"), [(line, argv) for line, argv in walkthrough_lines() if argv[0] in CHECKED], ids=lambda x: ""
)
def test_a_walkthrough_line_answers_on_the_seeds(seeded, tmp_path, monkeypatch, capsys, line, argv):
    data_dir, _ = seeded
    monkeypatch.setenv("NEWSETL_DATA_DIR", str(data_dir))
    argv = [os.path.expandvars(arg) for arg in argv]
    if argv[0] == "dashboard":
        argv[argv.index("--output") + 1] = str(tmp_path / "site")  # not into the shared seeded folder
        assert main(argv) == 0
        assert (tmp_path / "site" / "index.html").is_file()
        return
    if "(status 2)" in line:  # a mistake shown on purpose: a short message on stderr, no traceback
        assert main(argv) == 2
        assert "Traceback" not in capsys.readouterr().err
        return
    if argv != ["report"]:
        argv += ["--format", "jsonl"]
    assert main(argv) == 0, line
    out = capsys.readouterr().out.splitlines()
    rows = out if argv == ["report"] else [json.loads(row) for row in out]
    assert rows, f"no rows on the seeds: {line}"
