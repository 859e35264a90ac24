"""The tune/check split rule (`evaluation/split.py`) on made-up units."""

from __future__ import annotations

from collections import Counter

from evaluation.split import assign_halves, split_halves


def _units() -> list[tuple[str, str]]:
    return [(source, f"{source}-{n}") for source, count in (("a", 5), ("b", 4), ("c", 1)) for n in range(count)]


def test_split_is_deterministic_and_does_not_depend_on_input_order() -> None:
    units = _units()
    assert assign_halves(units) == assign_halves(list(reversed(units)))


def test_each_stratum_and_the_whole_set_split_within_one_unit() -> None:
    halves = assign_halves(_units())
    for source in "abc":
        counts = Counter(half for unit_id, half in halves.items() if unit_id.startswith(source))
        assert abs(counts["tune"] - counts["check"]) <= 1
    totals = Counter(halves.values())
    assert abs(totals["tune"] - totals["check"]) <= 1


def test_the_seed_changes_the_split() -> None:
    assert assign_halves(_units(), seed="one") != assign_halves(_units(), seed="two")


def test_split_halves_keeps_input_order_and_every_item_once() -> None:
    items = [{"id": unit_id, "source": source} for source, unit_id in _units()]
    halves = split_halves(items, lambda i: i["source"], lambda i: i["id"])
    assert sorted(i["id"] for half in halves.values() for i in half) == sorted(i["id"] for i in items)
    for half in halves.values():
        assert half == [i for i in items if i in half]
