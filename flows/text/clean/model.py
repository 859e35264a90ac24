"""The line classifier: two small gradient-boosted tree ensembles read from `data/line_model.json`.

Trained by `scripts/build_line_model.py` (scikit-learn, weakly labelled pages of the tune half and
injected noise); evaluated here with numpy alone. The `line` ensemble scores each line on its own
features (and its neighbours'); the `context` ensemble scores it again with the line scores around it
(`context_features`: a menu is a run of noise, a sub-heading sits inside body). All trees are padded
to one depth, so every line walks every tree in `depth` vectorised steps. Scores are log-odds of
noise. A removal's reason comes from the line ensemble: the feature group whose splits raised the
score most along the line's paths (each split's change of the node mean is credited to the split
feature: Saabas contributions).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

import numpy as np

from flows.text.clean.features import CONTEXT_NAMES, FEATURE_GROUPS, FEATURE_NAMES

MODEL_FILE = "line_model.json"


@dataclass(frozen=True)
class TreeEnsemble:
    """Padded tree arrays (trees x nodes) and the baseline log-odds."""

    feature: np.ndarray
    threshold: np.ndarray
    left: np.ndarray
    right: np.ndarray
    value: np.ndarray
    baseline: float
    depth: int

    def walk(self, matrix: np.ndarray) -> np.ndarray:
        """Return the node reached in each tree at each depth: shape (depth + 1, lines, trees)."""
        lines, trees = matrix.shape[0], self.feature.shape[0]
        width = self.feature.shape[1]
        tree_base = (np.arange(trees) * width)[None, :]
        row_base = (np.arange(lines) * matrix.shape[1])[:, None]
        flat = np.ascontiguousarray(matrix).ravel()
        feature, threshold = self.feature.ravel(), self.threshold.ravel()
        left, right = self.left.ravel(), self.right.ravel()
        node = np.zeros((lines, trees), dtype=np.int64)
        path = [node]
        for _ in range(self.depth):
            at = tree_base + node
            goes_left = flat[row_base + feature[at]] <= threshold[at]
            node = np.where(goes_left, left[at], right[at])
            path.append(node)
        return np.stack(path)

    def scores(self, matrix: np.ndarray) -> np.ndarray:
        """Return the log-odds that each row is noise."""
        if matrix.shape[0] == 0:
            return np.zeros(0)
        leaves = self.walk(matrix)[-1]
        return self.baseline + self.value[np.arange(self.feature.shape[0])[None, :], leaves].sum(axis=1)

    def contributions(self, matrix: np.ndarray) -> np.ndarray:
        """Return each feature's contribution to each row's score: shape (rows, features)."""
        path = self.walk(matrix)
        lines, trees = matrix.shape[0], self.feature.shape[0]
        tree = np.arange(trees)[None, :]
        found = np.zeros((lines, matrix.shape[1]))
        row = np.broadcast_to(np.arange(lines)[:, None], (lines, trees))
        for step in range(self.depth):
            parent, child = path[step], path[step + 1]
            delta = np.where(parent != child, self.value[tree, child] - self.value[tree, parent], 0.0)
            np.add.at(found, (row, self.feature[tree, parent]), delta)
        return found


@dataclass(frozen=True)
class LineModel:
    """The line and context ensembles and the decision thresholds (log-odds)."""

    line: TreeEnsemble
    context: TreeEnsemble
    thresholds: dict[str, float]


def group_contributions(contributions: np.ndarray) -> dict[str, float]:
    """Return one line's contributions (over FEATURE_NAMES) summed by feature group."""
    groups: dict[str, float] = {}
    for name, value in zip(FEATURE_NAMES, contributions, strict=True):
        if value:
            group = FEATURE_GROUPS[name]
            groups[group] = groups.get(group, 0.0) + float(value)
    return groups


def ensemble_from_dict(data: dict[str, Any]) -> TreeEnsemble:
    """Return a TreeEnsemble from its JSON form."""
    trees = data["trees"]
    return TreeEnsemble(
        feature=np.array(trees["feature"], dtype=np.int64),
        threshold=np.array(trees["threshold"], dtype=np.float64),
        left=np.array(trees["left"], dtype=np.int64),
        right=np.array(trees["right"], dtype=np.int64),
        value=np.array(trees["value"], dtype=np.float64),
        baseline=float(data["baseline"]),
        depth=int(data["depth"]),
    )


def model_from_dict(data: dict[str, Any]) -> LineModel:
    """Return a LineModel from its JSON form (checking it was trained on these features)."""
    if tuple(data["features"]) != FEATURE_NAMES or tuple(data["context_features"]) != CONTEXT_NAMES:
        raise ValueError("line model was trained on other features: rebuild it (scripts/build_line_model.py)")
    return LineModel(
        line=ensemble_from_dict(data["line"]),
        context=ensemble_from_dict(data["context"]),
        thresholds={k: float(v) for k, v in data["thresholds"].items()},
    )


@cache
def packaged_line_model() -> LineModel:
    """Return the line model shipped with the package (read once)."""
    text = (files("flows.text") / "data" / MODEL_FILE).read_text(encoding="utf-8")
    return model_from_dict(json.loads(text))
