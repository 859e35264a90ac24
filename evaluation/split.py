"""The tune/check split of every gold set: one rule, one seed, deterministic.

Rule: the units of a set (an article, or a line for sentence-per-line sets) are grouped by
stratum (their source, else their language), ordered by stratum name and, within a stratum, by
the SHA-256 of `"<seed>:<unit id>"`; then they are dealt out alternately, tune first. Each
stratum is split within one unit, the halves within one unit overall, a unit never straddles
halves, and the same ids always land in the same half. Rules, word lists, comments and unit tests
may be fitted to the tune half; the check half is what the gates test.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

SEED = "newsetl-eval-2026"
HALVES = ("tune", "check")

T = TypeVar("T")


def unit_rank(unit_id: str, seed: str = SEED) -> str:
    """The hex SHA-256 of seed and unit id: a unit's place within its stratum."""
    return hashlib.sha256(f"{seed}:{unit_id}".encode()).hexdigest()


def assign_halves(units: Iterable[tuple[str, str]], seed: str = SEED) -> dict[str, str]:
    """Map each unit id to "tune" or "check"; units are (stratum, unit id) pairs with unique ids."""
    ordered = sorted(units, key=lambda unit: (unit[0], unit_rank(unit[1], seed)))
    return {unit_id: HALVES[index % 2] for index, (_, unit_id) in enumerate(ordered)}


def split_halves(
    items: Sequence[T], stratum: Callable[[T], str], unit_id: Callable[[T], str], seed: str = SEED
) -> dict[str, list[T]]:
    """The items of each half, in their input order."""
    half_of = assign_halves(((stratum(item), unit_id(item)) for item in items), seed)
    return {half: [item for item in items if half_of[unit_id(item)] == half] for half in HALVES}
