"""Regression gate: the seed article through the whole `extract` path (gold/seed.json)."""

from __future__ import annotations

import pytest

from flows.eval.seed import evaluate_seed

FLOORS = {
    "seed.figures.f1": 1.0,
    "seed.figures.category_acc": 1.0,
    "seed.figures.qualifier_acc": 1.0,
    "seed.figures.bounds_acc": 1.0,
    "seed.figures.object_acc": 1.0,
    "seed.noise_removed": 1.0,
    "seed.entities_found": 30,
}


@pytest.fixture(scope="module")
def scores(shared):
    return evaluate_seed(shared / "gold")


@pytest.mark.parametrize("metric", sorted(FLOORS))
def test_seed_score_stays_above_its_floor(scores, metric):
    assert scores[metric] >= FLOORS[metric], f"{metric} = {scores[metric]} < floor {FLOORS[metric]}"


def test_seed_language_and_noise_record(scores):
    assert scores["seed.language_ok"] is True
    assert scores["seed.noise_recorded"] is True
