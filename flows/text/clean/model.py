"""The line classifier: a small gradient-boosted tree ensemble read from `data/line_model.json`.

Trained by `scripts/build_line_model.py` (scikit-learn, weakly labelled pages of the tune half and
injected noise); evaluated here with numpy alone. All trees are padded to one depth so every line
walks every tree in `depth` vectorised steps. A line's score is the log-odds of noise; the reason
for a removal is the feature group whose splits raised the score most along its paths (each
split's change of the node mean is credited to the split feature: Saabas contributions).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

import numpy as np

from flows.text.clean.features import FEATURE_GROUPS, FEATURE_NAMES

MODEL_FILE = "line_model.json"


@dataclass(frozen=True)
class LineModel:
    """Padded tree arrays (trees x nodes), the baseline log-odds and the decision thresholds."""

    feature: np.ndarray
    threshold: np.ndarray
    left: np.ndarray
    right: np.ndarray
    value: np.ndarray
    baseline: float
    depth: int
    thresholds: dict[str, float]

    def walk(self, matrix: np.ndarray) -> np.ndarray:
        """Return the node index reached in each tree at each depth: shape (depth + 1, lines, trees)."""
        lines, trees = matrix.shape[0], self.feature.shape[0]
        tree = np.arange(trees)[None, :]
        row = np.arange(lines)[:, None]
        node = np.zeros((lines, trees), dtype=np.int64)
        path = [node]
        for _ in range(self.depth):
            values = matrix[row, self.feature[tree, node]]
            node = np.where(values <= self.threshold[tree, node], self.left[tree, node], self.right[tree, node])
            path.append(node)
        return np.stack(path)

    def scores(self, matrix: np.ndarray) -> np.ndarray:
        """Return the log-odds that each line (row of features) is noise."""
        if matrix.shape[0] == 0:
            return np.zeros(0)
        leaves = self.walk(matrix)[-1]
        return self.baseline + self.value[np.arange(self.feature.shape[0])[None, :], leaves].sum(axis=1)

    def contributions(self, matrix: np.ndarray) -> np.ndarray:
        """Return each feature's contribution to each line's score: shape (lines, features)."""
        path = self.walk(matrix)
        lines, trees = matrix.shape[0], self.feature.shape[0]
        tree = np.arange(trees)[None, :]
        found = np.zeros((lines, len(FEATURE_NAMES)))
        row = np.broadcast_to(np.arange(lines)[:, None], (lines, trees))
        for step in range(self.depth):
            parent, child = path[step], path[step + 1]
            moved = parent != child
            delta = np.where(moved, self.value[tree, child] - self.value[tree, parent], 0.0)
            np.add.at(found, (row, self.feature[tree, parent]), delta)
        return found


def group_contributions(contributions: np.ndarray) -> dict[str, float]:
    """Return one line's contributions summed by feature group."""
    groups: dict[str, float] = {}
    for name, value in zip(FEATURE_NAMES, contributions, strict=True):
        if value:
            group = FEATURE_GROUPS[name]
            groups[group] = groups.get(group, 0.0) + float(value)
    return groups


def model_from_dict(data: dict) -> LineModel:
    """Return a LineModel from its JSON form (checking it was trained on these features)."""
    if tuple(data["features"]) != FEATURE_NAMES:
        raise ValueError("line model was trained on other features: rebuild it (scripts/build_line_model.py)")
    trees = data["trees"]
    return LineModel(
        feature=np.array(trees["feature"], dtype=np.int64),
        threshold=np.array(trees["threshold"], dtype=np.float64),
        left=np.array(trees["left"], dtype=np.int64),
        right=np.array(trees["right"], dtype=np.int64),
        value=np.array(trees["value"], dtype=np.float64),
        baseline=float(data["baseline"]),
        depth=int(data["depth"]),
        thresholds={k: float(v) for k, v in data["thresholds"].items()},
    )


@cache
def packaged_line_model() -> LineModel:
    """Return the line model shipped with the package (read once)."""
    text = (files("flows.text") / "data" / MODEL_FILE).read_text(encoding="utf-8")
    return model_from_dict(json.loads(text))
