"""Gates: every score floored in `evaluation/floors.py`, on the CHECK half of its gold set (the seed whole).

Each gold set runs through `extract` as a user's file does (see `evaluation/gold.py`); skips when
the shared material is absent.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from evaluation.floors import FLOORS
from evaluation.runner import area_of, run_area, score_key

AreaScores = Callable[[str], dict[str, Any]]


@pytest.fixture(scope="session")
def area_scores(shared: Path) -> AreaScores:
    """Scores of an area, computed once per session."""
    cache: dict[str, dict[str, Any]] = {}

    def scores(area: str) -> dict[str, Any]:
        if area not in cache:
            cache[area] = run_area(area, shared / "gold")
        return cache[area]

    return scores


@pytest.mark.parametrize("floor_key", list(FLOORS))
def test_check_half_score_stays_above_its_floor(area_scores: AreaScores, floor_key: str) -> None:
    key = score_key(floor_key)
    score = area_scores(area_of(floor_key.split(".", 1)[0]))[key]
    assert score >= FLOORS[floor_key], f"{key} = {score} < floor {FLOORS[floor_key]}"


def test_seed_misses_no_expected_entity(area_scores: AreaScores) -> None:
    assert area_scores("seed")["seed.entities_missing"] == []
