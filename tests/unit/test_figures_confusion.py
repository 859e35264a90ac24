"""The category confusion matrix of found figures (the note's before/after table)."""

from __future__ import annotations

from evaluation.figures import category_confusion, confusion_scores, confusion_table


def _figure(start: int, value: float, category: str) -> dict:
    return {"start": start, "end": start + 2, "value": value, "lower": value, "upper": value, "category": category}


def test_category_confusion_counts_found_figures_only_by_gold_and_predicted_category():
    gold = [[_figure(0, 20, "killed"), _figure(10, 5, "wounded"), _figure(20, 7, "people")]]
    predicted = [[_figure(0, 20, "killed"), _figure(10, 5, "killed"), _figure(30, 9, "count")]]  # 7 missed, 9 extra
    assert category_confusion(gold, predicted) == {("killed", "killed"): 1, ("wounded", "killed"): 1}


def test_confusion_table_has_a_row_per_gold_category_with_its_right_share():
    table = confusion_table({("killed", "killed"): 3, ("wounded", "killed"): 1})
    header, killed, wounded = table.splitlines()
    assert header.split()[-3:] == ["killed", "wounded", "right"]
    assert killed.split() == ["killed", "3", ".", "3/3"]
    assert wounded.split() == ["wounded", "1", ".", "0/1"]


def test_confusion_scores_are_flat_keys_per_cell_for_the_json_output():
    scores = confusion_scores({("wounded", "killed"): 1, ("killed", "killed"): 3})
    assert scores == {"confusion.killed.killed": 3, "confusion.wounded.killed": 1}
