"""Score `detect_language` on the langid gold sets (lingua test data and whole articles).

Sets `sentences`, `word-pairs` and `single-words`: only languages langdetect has a profile for
(plus `nb`, which langdetect calls `no`) are scored. Each file is read deterministically: its first
`lines_per_language` non-empty lines (default 500, i.e. every line; the whole run takes ~25 s).
Accuracies are reported micro (all sampled lines pooled; every language has the same count,
so micro equals macro here) and per language under `langid.<set>.<lang>`.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from flows.text.language import CODE_ALIASES, detect_language, load_factory

SETS = ("sentences", "word-pairs", "single-words")
LINES_PER_LANGUAGE = 500


def supported_languages() -> frozenset[str]:
    """Return the ISO codes langdetect has profiles for, after code normalisation."""
    return frozenset(CODE_ALIASES.get(code, code) for code in load_factory().get_lang_list())


def sample_lines(path: Path, limit: int) -> list[str]:
    """Return the first `limit` non-empty lines of a gold file."""
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line][:limit]


def score_set(set_dir: Path, limit: int) -> dict[str, float]:
    """Return micro accuracy and per-language accuracy for one line-per-text set."""
    supported = supported_languages()
    correct: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for path in sorted(set_dir.glob("*.txt")):
        if path.stem not in supported:
            continue
        for line in sample_lines(path, limit):
            total[path.stem] += 1
            correct[path.stem] += detect_language(line).language == path.stem
    name = set_dir.name
    scores = {f"langid.{name}.{lang}": correct[lang] / total[lang] for lang in sorted(total)}
    scores[f"langid.{name}.accuracy"] = sum(correct.values()) / max(1, sum(total.values()))
    scores[f"langid.{name}.languages"] = float(len(total))
    return scores


def score_long_texts(path: Path) -> dict[str, float]:
    """Return accuracy on whole articles (every line of long_texts_dev.jsonl)."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    correct = sum(detect_language(row["text"]).language == row["lang"] for row in rows)
    return {"langid.long_texts.accuracy": correct / max(1, len(rows)),
            "langid.long_texts.count": float(len(rows))}


def evaluate_langid(gold_dir: Path, lines_per_language: int = LINES_PER_LANGUAGE) -> dict:
    """Return flat langid scores for gold_dir (the `gold/` folder or its `langid/` child)."""
    langid_dir = gold_dir / "langid" if (gold_dir / "langid").is_dir() else gold_dir
    scores: dict[str, float] = {}
    for name in SETS:
        scores.update(score_set(langid_dir / name, lines_per_language))
    scores.update(score_long_texts(langid_dir / "long_texts_dev.jsonl"))
    return scores
