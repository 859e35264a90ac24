"""`newsetl evaluate`: score every text stage on the gold sets, both halves, against the floors."""

from __future__ import annotations

import importlib
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from evaluation.floors import FLOORS, GAP_TOLERANCE, UNSPLIT_SETS

PROJECT_ROOT = Path(__file__).resolve().parents[1]

# area -> (module, function); each function takes the gold folder and returns flat scores.
AREAS: dict[str, tuple[str, str]] = {
    "seed": ("evaluation.seed", "evaluate_seed"),
    "figures": ("evaluation.figures", "evaluate_figures"),
    "cleaning": ("evaluation.cleaning", "evaluate_cleaning"),
    "entities": ("evaluation.entities", "evaluate_entities"),
    "langid": ("evaluation.langid", "evaluate_langid"),
    "numbers": ("evaluation.number_specs", "evaluate_number_specs"),
    "scraped": ("evaluation.scraped", "evaluate_scraped"),
    "entities_corpus": ("evaluation.corpus_entities", "evaluate_corpus_entities"),
    "figures_corpus": ("evaluation.corpus_figures", "evaluate_corpus_figures"),
}
SET_LABELS = {"numbers": "numbers (component-level)"}
# Sets whose area is not their own name, by name prefix.
AREA_PREFIXES = (
    ("conll_", "entities"),
    ("wikiann_", "entities"),
    ("langid_", "langid"),
    ("scraped_", "scraped"),
    ("trafilatura", "scraped"),
    ("entities_corpus_", "entities_corpus"),
)


@dataclass(frozen=True)
class Row:
    """One line of the pass/fail table: a floored metric of a set on both halves."""

    set_name: str
    metric: str
    tune: float | None
    check: float
    floor: float
    documents: str

    @property
    def gap(self) -> float | None:
        """Tune minus check (positive: the half rules may be fitted to scores higher)."""
        return None if self.tune is None else round(self.tune - self.check, 4)

    @property
    def wide_gap(self) -> bool:
        """Whether the halves differ by more than `GAP_TOLERANCE` (a gap to explain)."""
        return self.gap is not None and abs(self.gap) > GAP_TOLERANCE

    @property
    def passed(self) -> bool:
        """Whether the check half (or the unsplit set) reaches the floor."""
        return self.check >= self.floor


def default_gold_dir() -> Path:
    """The gold folder: $NEWSETL_SHARED_DIR/gold, else ../shared/gold beside the project."""
    shared = os.environ.get("NEWSETL_SHARED_DIR")
    return (Path(shared) if shared else PROJECT_ROOT.parent / "shared") / "gold"


def score_key(floor_key: str, half: str = "check") -> str:
    """The score a floor applies to: `figures.f1` -> `figures.check.f1`; unsplit sets keep their key."""
    set_name, metric = floor_key.split(".", 1)
    return floor_key if set_name in UNSPLIT_SETS else f"{set_name}.{half}.{metric}"


def area_of(set_name: str) -> str:
    """The area whose run scores a set (`wikiann_fr` -> `entities`)."""
    return next((area for prefix, area in AREA_PREFIXES if set_name.startswith(prefix)), set_name)


def run_area(area: str, gold_dir: Path) -> dict[str, Any]:
    """Scores of one area, plus the seconds it took."""
    module, function = AREAS[area]
    began = time.perf_counter()
    scores: dict[str, Any] = getattr(importlib.import_module(module), function)(gold_dir)
    scores[f"{area}.seconds"] = round(time.perf_counter() - began, 2)
    return scores


def run_evaluation(gold_dir: Path, areas: list[str]) -> dict[str, Any]:
    """Scores of the chosen areas."""
    scores: dict[str, Any] = {}
    for area in areas:
        scores.update(run_area(area, gold_dir))
    return scores


def table_rows(scores: dict[str, Any]) -> list[Row]:
    """A row for each floored metric whose set was scored, in floor order."""
    rows = []
    for floor_key, floor in FLOORS.items():
        check = scores.get(score_key(floor_key))
        if check is None:
            continue
        set_name, metric = floor_key.split(".", 1)
        split = set_name not in UNSPLIT_SETS
        tune = scores.get(score_key(floor_key, "tune")) if split else None
        docs = (
            f"{scores.get(f'{set_name}.tune.documents')}/{scores.get(f'{set_name}.check.documents')}" if split else "1"
        )
        rows.append(Row(SET_LABELS.get(set_name, set_name), metric, tune, float(check), floor, docs))
    return rows
