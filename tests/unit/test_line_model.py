"""The line classifier: tree arithmetic, phrase evidence, reasons, and the shipped model file."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from flows.text.clean.features import CONTEXT_NAMES, FEATURE_NAMES, context_features, is_plain_body
from flows.text.clean.model import MODEL_FILE, TreeEnsemble, packaged_line_model
from flows.text.clean.phrases import phrase_hits
from flows.text.clean.removals import GROUP_REASONS, chained, list_items, reason_of
from flows.text.vocabulary import REMOVAL_REASONS

ROOT = Path(__file__).resolve().parents[2]

# One tree of depth 2 over two features: node 0 splits feature 0 at 0.5, node 1 splits feature 1
# at 0.5; nodes 2, 3 and 4 are leaves (padded leaves point at themselves).
TREE = TreeEnsemble(
    feature=np.array([[0, 1, 0, 0, 0]]),
    threshold=np.array([[0.5, 0.5, 1e30, 1e30, 1e30]]),
    left=np.array([[1, 3, 2, 3, 4]]),
    right=np.array([[2, 4, 2, 3, 4]]),
    value=np.array([[0.0, -1.0, 2.0, -2.0, 0.0]]),
    baseline=0.25,
    depth=2,
)


@pytest.mark.parametrize(
    ("row", "score"),
    [
        ([1.0, 0.0], 2.25),  # right at the root: a leaf at depth 1, then it stays there
        ([0.0, 0.0], -1.75),  # left, left
        ([0.0, 1.0], 0.25),  # left, right
    ],
)
def test_tree_ensemble_walks_padded_trees_to_their_leaves(row, score):
    assert TREE.scores(np.array([row]))[0] == pytest.approx(score)


def test_tree_ensemble_contributions_add_up_to_the_score():
    rows = np.array([[1.0, 0.0], [0.0, 0.0], [0.0, 1.0]])
    contributions = TREE.contributions(rows)
    root = TREE.value[0, 0]
    assert np.allclose(TREE.baseline + root + contributions.sum(axis=1), TREE.scores(rows))
    assert contributions[1].tolist() == [-1.0, -1.0]  # both splits lowered the second row's score


def test_shipped_model_matches_the_features_and_stays_small():
    model = packaged_line_model()
    assert model.line.feature.max() < len(FEATURE_NAMES)
    assert model.context.feature.max() < len(FEATURE_NAMES) + len(CONTEXT_NAMES)
    assert (ROOT / "flows" / "text" / "data" / MODEL_FILE).stat().st_size < 1_000_000
    assert {"edge", "inner", "repetition_floor", "chain"} <= set(model.thresholds)


@pytest.mark.parametrize(
    ("noise", "candidates", "judged", "grown"),
    [
        # a trailer: body, an unsure sign-off, a copyright line (noise), an unsure line past it
        ([0, 0, 1, 0], [0, 1, 0, 1], [0, 1, 2, 3], [0, 1, 1, 1]),
        # noise passes the evidence on along a run of candidates, not over a line that is no candidate
        ([1, 0, 0, 0, 0], [0, 1, 1, 0, 1], [0, 1, 2, 3, 4], [1, 1, 1, 0, 0]),
        # an unjudged (prose) line between them breaks the run: lines 3 and 5 are not neighbours
        ([0, 1, 0], [0, 0, 1], [2, 3, 5], [0, 1, 0]),
        ([0, 0], [1, 1], [0, 1], [0, 0]),  # no noise line, nothing grows
    ],
)
def test_chained_grows_noise_over_unsure_neighbouring_edge_lines(noise, candidates, judged, grown):
    found = chained(np.array(noise, dtype=bool), np.array(candidates, dtype=bool), np.array(judged))
    assert found.astype(int).tolist() == grown


def test_context_features_read_the_scores_of_neighbouring_lines():
    scores = np.array([-5.0, 3.0, -5.0, 1.0])
    extended = context_features(np.zeros((4, 2)), scores)
    column = {name: extended[:, 2 + i] for i, name in enumerate(CONTEXT_NAMES)}
    assert column["prev_score"].tolist() == [0.0, -5.0, 3.0, -5.0]  # 0.0: no line above the first
    assert column["body_above"].tolist()[1:] == [1.0, 2.0, 1.0]  # lines up to the last body line above
    assert column["between_body"].tolist() == [0.0, 1.0, 0.0, 0.0]  # only line 1 has body lines on both sides


@pytest.mark.parametrize(
    ("line", "opening", "whole"),
    [
        ("Share this story!", {"share"}, {"share"}),
        ("© 2031 Example Media. All rights reserved.", {"copyright"}, set()),
        ("À lire aussi : Le pont de la discorde", {"read_more"}, set()),
        # a phrase inside a sentence hits, but does not open it
        ("The council will share the cost of the bridge.", set(), set()),
    ],
)
def test_phrase_hits_tell_lines_opened_by_a_phrase(line, opening, whole):
    hits = phrase_hits(line)
    assert _notices(hits.opening) == opening
    assert _notices(hits.whole) == whole


def _notices(groups: frozenset[str]) -> set[str]:
    """The notice lists among hit lists (cue words such as "share" or "you" are evidence, not notices)."""
    return {g for g in groups if g in {"share", "copyright", "read_more"}}


def test_every_group_reason_is_a_removal_reason():
    assert set(GROUP_REASONS.values()) <= set(REMOVAL_REASONS)


@pytest.mark.parametrize(
    ("groups", "edge", "words", "reason"),
    [
        ({"phrase:copyright": 3.0, "shape": 1.0}, True, 6, "copyright line"),
        # a named group close enough to a generic top group still names the reason
        ({"position": 4.0, "link": 1.5}, True, 2, "link line"),
        # shape and place alone: a short edge line, or the model's generic reason
        ({"position": 4.0, "link": 0.5}, True, 2, "short edge line"),
        ({"shape": 4.0}, False, 9, "noise line (model)"),
    ],
)
def test_reason_of_names_the_group_that_raised_the_score(groups, edge, words, reason):
    assert reason_of(groups, edge, words) == reason


def test_build_script_rebuilds_the_shipped_model_byte_for_byte(shared: Path):
    script = ROOT / "scripts" / "build_line_model.py"
    result = subprocess.run(
        [sys.executable, str(script), "--check", "--shared", str(shared)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


def test_list_items_are_lines_opening_with_the_mark_of_a_kept_line_above():
    texts = ["• Schools open on Monday.", "• Buses run late", "Share this", "- Tags", "- Weather"]
    judged = np.arange(len(texts))
    noise = np.array([False, False, True, True, False])
    # the second bullet follows a kept bullet; "- Weather" follows "- Tags", which is noise
    assert list_items(texts, judged, noise).tolist() == [False, True, False, False, False]
    assert list_items(texts, judged, np.zeros(len(texts), dtype=bool)).tolist() == [False, True, False, False, True]


@pytest.mark.parametrize(
    ("line", "plain"),
    [
        ("The ferry to the northern islands will run twice a day from the first of May.", True),
        ("« Nous rouvrirons le port dès que la digue sera réparée », a déclaré la maire hier.", True),
        # 24 words or more without a final stop, holding a sentence break: still a body sentence
        (
            "The vote was close. Eleven members backed the plan and nine opposed it while two of them "
            + "abstained and the chair did not vote at all",
            True,
        ),
        ("Council votes on the harbour plan", False),  # too short to be body-like
        ("the ferry to the northern islands will run twice a day from the first of May.", False),  # lower case first
        ("Subscribe to our newsletter and get the news from the islands every single morning.", False),  # a plea
        ("The ferry timetable for the whole summer season is online at www.example.org today.", False),  # a link
        ("Write to the harbour office at harbour@example.org with your questions about fares.", False),
    ],
)
def test_is_plain_body_tells_body_sentences_the_classifier_need_not_score(line, plain):
    assert is_plain_body(line) is plain


def test_averaged_ensembles_score_the_mean_of_their_scores():
    from flows.text.clean.model import ensemble_from_dict
    from scripts.build_line_model import average

    deep = {  # TREE above: depth 2, five nodes
        "baseline": 0.25,
        "depth": 2,
        "trees": {
            "feature": [[0, 1, 0, 0, 0]],
            "threshold": [[0.5, 0.5, 1e30, 1e30, 1e30]],
            "left": [[1, 3, 2, 3, 4]],
            "right": [[2, 4, 2, 3, 4]],
            "value": [[0.0, -1.0, 2.0, -2.0, 0.0]],
        },
    }
    stump = {  # one split on feature 1: three nodes, padded to five in the average
        "baseline": -0.75,
        "depth": 1,
        "trees": {
            "feature": [[1, 0, 0]],
            "threshold": [[0.5, 1e30, 1e30]],
            "left": [[1, 1, 2]],
            "right": [[2, 1, 2]],
            "value": [[0.0, 1.0, -3.0]],
        },
    }
    rows = np.array([[1.0, 0.0], [0.0, 0.0], [0.0, 1.0]])
    mean = (ensemble_from_dict(deep).scores(rows) + ensemble_from_dict(stump).scores(rows)) / 2
    assert np.allclose(ensemble_from_dict(average([deep, stump])).scores(rows), mean)
