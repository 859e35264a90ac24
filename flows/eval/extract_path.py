"""The figures gold set through the whole `newsetl extract` path, as an outside checker runs it:
no language hint, cleaning first, offsets into clean_text scored against the gold spans."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from flows.eval.figures import score_figures
from flows.extract import extract_records
from flows.io.workers import analyser


def evaluate_extract_path(gold_dir: Path) -> dict[str, Any]:
    """Figure scores and language accuracy of `extract` output on gold/figures_dev.jsonl."""
    lines = (gold_dir / "figures_dev.jsonl").read_text(encoding="utf-8").splitlines()
    docs = [json.loads(line) for line in lines if line.strip()]
    outputs = list(extract_records([json.dumps({"id": d["id"], "text": d["text"]}) for d in docs], analyser(1)))
    scores = score_figures(
        [d["figures"] for d in docs],
        [o.get("figures", []) for o in outputs],
        [d["lang"] for d in docs],
        [d.get("masked_numbers", []) for d in docs],
    )
    flat = {f"extract_path.figures.{k}": v for k, v in scores.items() if "category." not in k}
    flat["extract_path.language_acc"] = sum(o.get("language") == d["lang"] for d, o in zip(docs, outputs)) / len(docs)
    return flat
