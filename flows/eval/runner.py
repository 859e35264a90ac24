"""`newsetl evaluate`: score every text stage against the development gold sets."""

from __future__ import annotations

import importlib
import os
import time
from pathlib import Path
from typing import Any

from flows.settings import PROJECT_ROOT

# area -> (module, function); each function takes the gold folder and returns flat scores.
AREAS: dict[str, tuple[str, str]] = {
    "seed": ("flows.eval.seed", "evaluate_seed"),
    "extract": ("flows.eval.extract_path", "evaluate_extract_path"),
    "figures": ("flows.eval.figures", "evaluate_figures"),
    "numbers": ("flows.eval.number_specs", "evaluate_number_specs"),
    "cleaning": ("flows.eval.cleaning", "evaluate_cleaning"),
    "langid": ("flows.eval.langid", "evaluate_langid"),
    "entities": ("flows.eval.entities", "evaluate_entities"),
}


def default_gold_dir() -> Path:
    """The gold folder: $NEWSETL_SHARED_DIR/gold, else ../shared/gold beside the project."""
    shared = os.environ.get("NEWSETL_SHARED_DIR")
    return (Path(shared) if shared else PROJECT_ROOT.parent / "shared") / "gold"


def run_evaluation(gold_dir: Path, areas: list[str]) -> dict[str, Any]:
    """Scores of the chosen areas, plus the seconds each took."""
    scores: dict[str, Any] = {}
    for area in areas:
        module, function = AREAS[area]
        began = time.perf_counter()
        scores.update(getattr(importlib.import_module(module), function)(gold_dir))
        scores[f"{area}.seconds"] = round(time.perf_counter() - began, 2)
    return scores
