"""Score the figures of `extract` output against gold/figures_dev.jsonl, following `CONTRACT.md`.

A gold figure is found when a predicted figure overlaps its span and has the same `value`
(or, for vague quantities and ranges, the same `lower` and `upper`). Reported: detection
precision/recall/F1 and, on found figures, the share with the right category, qualifier,
bounds, object and unit. Predictions overlapping a gold `masked_numbers` span (Spanish
`*NUMBER*` masks) are ignored: the number behind the mask is unknown, so it is neither
rewarded nor punished.
"""

from __future__ import annotations

import math
from collections import defaultdict
from pathlib import Path
from typing import Any

from evaluation.gold import language_accuracy, raw_spans, read_jsonl, run_extract
from evaluation.split import split_halves

FigureDict = dict[str, Any]
ATTRIBUTES = ("category", "qualifier", "bounds", "object", "unit")


def _same_number(a: float | None, b: float | None) -> bool:
    """Return whether two optional numbers are equal (relative tolerance 1e-6)."""
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(float(a), float(b), rel_tol=1e-6, abs_tol=1e-9)


def _overlaps(a: FigureDict, b: FigureDict) -> bool:
    """Return whether two spans share at least one character."""
    return a["start"] < b["end"] and b["start"] < a["end"]


def is_match(gold: FigureDict, predicted: FigureDict) -> bool:
    """Return whether `predicted` finds `gold` (overlap + same value, or same bounds)."""
    if not _overlaps(gold, predicted):
        return False
    if gold.get("value") is None:
        return _same_number(gold.get("lower"), predicted.get("lower")) and _same_number(
            gold.get("upper"), predicted.get("upper")
        )
    return _same_number(gold["value"], predicted.get("value"))


def _attribute_hits(gold: FigureDict, predicted: FigureDict) -> dict[str, bool]:
    """Return which attributes of a found figure are right."""
    bounds = _same_number(gold.get("lower"), predicted.get("lower")) and _same_number(
        gold.get("upper"), predicted.get("upper")
    )
    return {
        "category": gold.get("category") == predicted.get("category"),
        "qualifier": gold.get("qualifier") == predicted.get("qualifier"),
        "bounds": bounds,
        "object": gold.get("object") == predicted.get("object"),
        "unit": gold.get("unit") == predicted.get("unit"),
    }


def match_document(gold: list[FigureDict], predicted: list[FigureDict]) -> list[tuple[int, int]]:
    """Return (gold index, predicted index) pairs, one-to-one, greedy in reading order."""
    used: set[int] = set()
    pairs = []
    for g_index, figure in enumerate(gold):
        for p_index, guess in enumerate(predicted):
            if p_index not in used and is_match(figure, guess):
                used.add(p_index)
                pairs.append((g_index, p_index))
                break
    return pairs


def _unmasked(predicted: list[FigureDict], masked: list[FigureDict]) -> list[FigureDict]:
    """Return predictions that do not overlap a masked number."""
    return [p for p in predicted if not any(_overlaps(p, m) for m in masked)]


def _prf(found: int, gold_total: int, predicted_hits: int, predicted_total: int) -> dict[str, float]:
    """Return precision, recall and F1 from counts."""
    precision = predicted_hits / predicted_total if predicted_total else 1.0
    recall = found / gold_total if gold_total else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


class _Tally:
    """Counts for one slice (overall, a language or a category)."""

    def __init__(self) -> None:
        """Start every count at zero."""
        self.gold = self.predicted = self.found = self.predicted_hits = 0
        self.attributes: dict[str, int] = defaultdict(int)

    def metrics(self) -> dict[str, float]:
        """Return detection P/R/F1, counts and attribute accuracies on found figures."""
        out: dict[str, float] = _prf(self.found, self.gold, self.predicted_hits, self.predicted)
        out.update({"gold": self.gold, "predicted": self.predicted, "found": self.found})
        for name in ATTRIBUTES:
            out[f"{name}_acc"] = round(self.attributes[name] / self.found, 4) if self.found else 0.0
        return out


def score_figures(
    gold: list[list[FigureDict]],
    predicted: list[list[FigureDict]],
    languages: list[str] | None = None,
    masked: list[list[FigureDict]] | None = None,
) -> dict[str, float]:
    """Return flat metrics (`f1`, `category_acc`, `en.f1`, `category.killed.recall`, ...)."""
    tallies: dict[str, _Tally] = defaultdict(_Tally)
    for index, (gold_doc, predicted_doc) in enumerate(zip(gold, predicted, strict=True)):
        predicted_doc = _unmasked(predicted_doc, masked[index] if masked else [])
        language = languages[index] if languages else None
        _tally_document(gold_doc, predicted_doc, tallies, language)
    flat: dict[str, float] = {}
    for key, tally in sorted(tallies.items()):
        prefix = f"{key}." if key else ""
        flat.update({prefix + name: value for name, value in tally.metrics().items()})
    return flat


def _tally_document(
    gold: list[FigureDict], predicted: list[FigureDict], tallies: dict[str, _Tally], language: str | None
) -> None:
    """Add one document's counts to the overall, language and category tallies."""
    pairs = match_document(gold, predicted)
    slices = [""] + ([language] if language else [])
    for key in slices:
        _add_counts(tallies[key], gold, predicted, pairs)
    for category in {f.get("category") for f in gold} | {f.get("category") for f in predicted}:
        gold_ix = [i for i, f in enumerate(gold) if f.get("category") == category]
        pred_ix = [i for i, f in enumerate(predicted) if f.get("category") == category]
        tally = tallies[f"category.{category}"]
        tally.gold += len(gold_ix)
        tally.predicted += len(pred_ix)
        tally.found += sum(1 for g, _ in pairs if g in gold_ix)
        tally.predicted_hits += sum(1 for _, p in pairs if p in pred_ix)
        for g_index, p_index in pairs:
            if g_index in gold_ix:
                for name, hit in _attribute_hits(gold[g_index], predicted[p_index]).items():
                    tally.attributes[name] += int(hit)


def _add_counts(
    tally: _Tally, gold: list[FigureDict], predicted: list[FigureDict], pairs: list[tuple[int, int]]
) -> None:
    """Add detection counts and attribute hits of one document to a tally."""
    tally.gold += len(gold)
    tally.predicted += len(predicted)
    tally.found += len(pairs)
    tally.predicted_hits += len(pairs)
    for g_index, p_index in pairs:
        for name, hit in _attribute_hits(gold[g_index], predicted[p_index]).items():
            tally.attributes[name] += int(hit)


def score_half(docs: list[dict[str, Any]], corpus_dir: Path | None) -> dict[str, float]:
    """Figure scores and language accuracy of one half through `extract` (offsets moved onto the gold text)."""
    outputs = run_extract(docs, corpus_dir)
    predicted = [
        raw_spans(d["text"], o.get("clean_text") or "", o.get("figures", []))
        for d, o in zip(docs, outputs, strict=True)
    ]
    scores = score_figures(
        [doc["figures"] for doc in docs],
        predicted,
        [doc["lang"] for doc in docs],
        [doc.get("masked_numbers", []) for doc in docs],
    )
    scores["language_acc"] = language_accuracy(docs, outputs)
    scores["documents"] = len(docs)
    unmasked = [_unmasked(p, d.get("masked_numbers", [])) for d, p in zip(docs, predicted, strict=True)]
    scores.update(confusion_scores(category_confusion([d["figures"] for d in docs], unmasked)))
    return scores


def confusion_scores(counts: dict[tuple[str, str], int]) -> dict[str, float]:
    """The category confusion as flat keys, `confusion.<gold>.<predicted>` -> count (zero cells left out)."""
    return {f"confusion.{gold}.{found}": count for (gold, found), count in sorted(counts.items())}


def evaluate_figures(gold_dir: Path) -> dict[str, float]:
    """Scores on each half of `figures_dev.jsonl` (stratified by source file): `figures.check.f1`, ...,
    and the category confusion of found figures, `figures.check.confusion.<gold>.<predicted>` (a count)."""
    docs = read_jsonl(gold_dir / "figures_dev.jsonl")
    halves = split_halves(docs, lambda d: str(d.get("source_file") or d["lang"]), lambda d: str(d["id"]))
    results: dict[str, float] = {}
    for half, members in halves.items():
        scores = score_half(members, gold_dir.parent / "corpus")
        results.update({f"figures.{half}.{key}": value for key, value in scores.items()})
    return results


def category_confusion(gold: list[list[FigureDict]], predicted: list[list[FigureDict]]) -> dict[tuple[str, str], int]:
    """(gold category, predicted category) -> count over the found figures (matched as `score_figures` does)."""
    counts: dict[tuple[str, str], int] = defaultdict(int)
    for gold_doc, predicted_doc in zip(gold, predicted, strict=True):
        for g_index, p_index in match_document(gold_doc, predicted_doc):
            counts[(str(gold_doc[g_index].get("category")), str(predicted_doc[p_index].get("category")))] += 1
    return dict(counts)


def confusion_table(counts: dict[tuple[str, str], int]) -> str:
    """A plain-text matrix of `category_confusion`: one row per gold category, one column per predicted one."""
    gold_labels = sorted({g for g, _ in counts})
    labels = sorted({p for _, p in counts} | set(gold_labels))
    width = max(len(label) for label in [*labels, "gold \\ predicted"]) + 1
    lines = ["gold \\ predicted".ljust(width) + "".join(label[:8].rjust(9) for label in labels) + "  right"]
    for g in gold_labels:
        row = [counts.get((g, p), 0) for p in labels]
        right = f"{counts.get((g, g), 0)}/{sum(row)}"
        lines.append(g.ljust(width) + "".join(str(n or ".").rjust(9) for n in row) + right.rjust(7))
    return "\n".join(lines)


def category_confusion_by_half(gold_dir: Path) -> dict[str, str]:
    """The category confusion table of each half of `figures_dev.jsonl` through `extract` (tune, check)."""
    docs = read_jsonl(gold_dir / "figures_dev.jsonl")
    halves = split_halves(docs, lambda d: str(d.get("source_file") or d["lang"]), lambda d: str(d["id"]))
    tables: dict[str, str] = {}
    for half, members in sorted(halves.items(), key=lambda item: item[0] != "tune"):
        outputs = run_extract(members, gold_dir.parent / "corpus")
        predicted = [
            _unmasked(
                raw_spans(d["text"], o.get("clean_text") or "", o.get("figures", [])), d.get("masked_numbers", [])
            )
            for d, o in zip(members, outputs, strict=True)
        ]
        tables[half] = confusion_table(category_confusion([d["figures"] for d in members], predicted))
    return tables


if __name__ == "__main__":  # python -m evaluation.figures [GOLD_DIR]: the category confusion of both halves
    import sys

    from evaluation.runner import default_gold_dir

    for name, table in category_confusion_by_half(
        Path(sys.argv[1]) if len(sys.argv) > 1 else default_gold_dir()
    ).items():
        print(f"{name} half: category of found figures (rows gold, columns predicted)\n{table}\n")
