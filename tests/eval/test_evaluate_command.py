"""`newsetl evaluate` without the source checkout, and its table rows (made-up scores, no gold needed)."""

from __future__ import annotations

import sys

import pytest

from evaluation.floors import FLOORS
from evaluation.runner import table_rows
from flows.cli import main


def test_evaluate_without_the_evaluation_package_says_so_in_one_line(monkeypatch, capsys) -> None:
    monkeypatch.setitem(sys.modules, "evaluation", None)
    monkeypatch.delitem(sys.modules, "evaluation.runner", raising=False)
    assert main(["evaluate"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("newsetl evaluate: evaluation needs a source checkout") and "\n" not in err


def test_table_rows_judge_the_check_half_and_measure_the_gap() -> None:
    floor = FLOORS["figures.f1"]
    scores = {
        "figures.tune.f1": 1.0,
        "figures.check.f1": floor - 0.01,
        "figures.tune.documents": 12,
        "figures.check.documents": 12,
    }
    (row,) = table_rows(scores)
    assert (row.set_name, row.metric, row.documents, row.passed) == ("figures", "f1", "12/12", False)
    assert row.gap == pytest.approx(1.0 - floor + 0.01)
    assert row.wide_gap
