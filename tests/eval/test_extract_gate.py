"""Regression gate for the whole `extract` path: the seed article (gold/seed.json) and the
figures gold set scored as an outside checker scores them (no language hint, clean_text offsets)."""

from __future__ import annotations

import pytest

from flows.eval.extract_path import evaluate_extract_path
from flows.eval.seed import evaluate_seed

SEED_FLOORS = {
    "seed.figures.f1": 1.0,
    "seed.figures.category_acc": 1.0,
    "seed.figures.qualifier_acc": 1.0,
    "seed.figures.bounds_acc": 1.0,
    "seed.figures.object_acc": 1.0,
    "seed.noise_removed": 1.0,
    "seed.entities_found": 30,
}
EXTRACT_FLOORS = {  # measured: f1 0.974, category 0.958, qualifier 1.0, bounds 1.0, object 0.954
    "extract_path.figures.f1": 0.95,
    "extract_path.figures.category_acc": 0.94,
    "extract_path.figures.qualifier_acc": 0.98,
    "extract_path.figures.bounds_acc": 0.98,
    "extract_path.figures.object_acc": 0.93,
    "extract_path.language_acc": 1.0,
}


@pytest.fixture(scope="module")
def seed_scores(shared):
    return evaluate_seed(shared / "gold")


@pytest.fixture(scope="module")
def extract_scores(shared):
    return evaluate_extract_path(shared / "gold")


@pytest.mark.parametrize("metric", sorted(SEED_FLOORS))
def test_seed_score_stays_above_its_floor(seed_scores, metric):
    assert seed_scores[metric] >= SEED_FLOORS[metric], f"{metric} = {seed_scores[metric]} < {SEED_FLOORS[metric]}"


def test_seed_language_and_noise_record(seed_scores):
    assert seed_scores["seed.language_ok"] is True
    assert seed_scores["seed.noise_recorded"] is True


@pytest.mark.parametrize("metric", sorted(EXTRACT_FLOORS))
def test_extract_path_score_stays_above_its_floor(extract_scores, metric):
    floor = EXTRACT_FLOORS[metric]
    assert extract_scores[metric] >= floor, f"{metric} = {extract_scores[metric]} < {floor}"
