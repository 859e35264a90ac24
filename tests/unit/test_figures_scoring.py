"""Figure scoring (`evaluation.figures`), offset alignment and the Recognizers-Text spec filter, on inline data."""

from __future__ import annotations

from typing import Any

import pytest

from evaluation.figures import is_match, score_figures
from evaluation.gold import raw_spans
from evaluation.number_specs import is_in_scope


def _fig(
    start: int, end: int, value: float | None, lower: float | None, upper: float | None, **extra: Any
) -> dict[str, Any]:
    """Return a figure dict with neutral attributes unless given."""
    figure = {
        "start": start,
        "end": end,
        "value": value,
        "lower": lower,
        "upper": upper,
        "qualifier": "exact",
        "unit": None,
        "object": None,
        "category": "count",
    }
    figure.update(extra)
    return figure


@pytest.mark.parametrize(
    ("gold", "predicted", "expected"),
    [
        (_fig(0, 5, 20, 20, 20), _fig(3, 8, 20, 20, None), True),  # overlap + same value
        (_fig(0, 5, 20, 20, 20), _fig(5, 8, 20, 20, 20), False),  # touching is not overlapping
        (_fig(0, 5, 20, 20, 20), _fig(0, 5, 21, 21, 21), False),  # different value
        (_fig(0, 9, None, 1000, None), _fig(0, 9, None, 1000, None), True),  # vague: same bounds
        (_fig(0, 9, None, 5, 10), _fig(0, 9, None, 5, 9), False),  # range: upper differs
    ],
)
def test_is_match_needs_overlap_and_same_number(gold: dict, predicted: dict, expected: bool) -> None:
    assert is_match(gold, predicted) is expected


def test_score_figures_reports_detection_and_attribute_accuracy() -> None:
    gold = [[_fig(0, 2, 20, 20, 20, category="killed"), _fig(10, 12, 5, 5, 5)]]
    predicted = [[_fig(0, 2, 20, 20, 20, category="people"), _fig(20, 22, 7, 7, 7)]]
    scores = score_figures(gold, predicted, ["en"])
    assert (scores["precision"], scores["recall"], scores["f1"]) == (0.5, 0.5, 0.5)
    assert (scores["category_acc"], scores["bounds_acc"], scores["en.f1"]) == (0.0, 1.0, 0.5)
    assert scores["category.killed.recall"] == 1.0


def test_score_figures_ignores_predictions_on_masked_numbers() -> None:
    gold = [[_fig(0, 2, 3, 3, 3)]]
    predicted = [[_fig(0, 2, 3, 3, 3), _fig(10, 18, None, 1e6, None)]]
    masked = [[{"start": 5, "end": 18, "text": "*NUMBER* millones"}]]
    assert score_figures(gold, predicted, None, masked)["precision"] == 1.0


def test_score_figures_matches_each_prediction_once() -> None:
    gold = [[_fig(0, 4, 2, 2, 2), _fig(0, 4, 2, 2, 2)]]
    predicted = [[_fig(0, 4, 2, 2, 2)]]
    assert score_figures(gold, predicted)["recall"] == 0.5


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        # a standalone integer is in scope
        (
            {
                "Input": "twenty one",
                "Results": [
                    {"Text": "twenty one", "TypeName": "number", "Resolution": {"subtype": "integer", "value": "21"}}
                ],
            },
            True,
        ),
        # a number inside a sentence tests finding, not parsing
        (
            {
                "Input": "I have 21 cats",
                "Results": [{"Text": "21", "TypeName": "number", "Resolution": {"subtype": "integer", "value": "21"}}],
            },
            False,
        ),
        # fractions are outside the figure definition
        (
            {
                "Input": "one half",
                "Results": [
                    {"Text": "one half", "TypeName": "number", "Resolution": {"subtype": "fraction", "value": "0.5"}}
                ],
            },
            False,
        ),
        # spelled decimals are dropped
        (
            {
                "Input": "two point five",
                "Results": [
                    {
                        "Text": "two point five",
                        "TypeName": "number",
                        "Resolution": {"subtype": "decimal", "value": "2.5"},
                    }
                ],
            },
            False,
        ),
        # negative numbers are not counts
        (
            {
                "Input": "-5",
                "Results": [{"Text": "-5", "TypeName": "number", "Resolution": {"subtype": "integer", "value": "-5"}}],
            },
            False,
        ),
    ],
)
def test_number_spec_filter_keeps_standalone_cardinals(case: dict, expected: bool) -> None:
    assert is_in_scope(case) is expected


def test_raw_spans_move_clean_text_offsets_onto_the_raw_text() -> None:
    raw = "Share this\n\nAt least  20 people died."
    clean = "At least 20 people died."
    (span,) = raw_spans(raw, clean, [{"start": 0, "end": 11, "text": "At least 20"}])
    assert raw[span["start"] : span["end"]] == "At least  20"
