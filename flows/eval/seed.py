"""The seed article through the whole `extract` path, scored against gold/seed.json."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from flows.eval.figures import score_figures
from flows.extract import extract_records
from flows.io.workers import analyser


def score_seed(gold: dict[str, Any], output: dict[str, Any]) -> dict[str, Any]:
    """Language, noise, figures and expected entities of one extract output against the seed gold."""
    clean = output.get("clean_text") or ""
    found = {(e["text"], e["label"]) for e in output.get("entities", [])}
    expected = [tuple(pair) for pair in gold["entities_expected"]]
    figure_scores = score_figures([gold["figures"]], [output.get("figures", [])])
    scores = {
        "seed.language_ok": output.get("language") == gold["lang"],
        "seed.noise_removed": sum(n["text"] not in clean for n in gold["noise"]) / len(gold["noise"]),
        "seed.noise_recorded": all(any(r["text"] == n["text"] for r in output.get("removed", [])) for n in gold["noise"]),
        "seed.entities_found": sum(pair in found for pair in expected),
        "seed.entities_expected": len(expected),
        "seed.entities_missing": sorted(" / ".join(p) for p in expected if p not in found),
    }
    scores.update({f"seed.figures.{k}": v for k, v in figure_scores.items()})
    return scores


def evaluate_seed(gold_dir: Path) -> dict[str, Any]:
    """Run the seed through `extract` and score it."""
    gold = json.loads((gold_dir / "seed.json").read_text(encoding="utf-8"))
    line = json.dumps({"id": gold["id"], "text": gold["text"]}, ensure_ascii=False)
    output = next(iter(extract_records([line], analyser(1))))
    return score_seed(gold, output)
