"""Score the `language` of `extract` output on the langid gold sets (whole articles and lingua's test lines).

`long_texts_dev.jsonl`: whole articles, split by article, stratified by the file they were drawn
from, each fed with its corpus record's metadata. `sentences`, `word-pairs`, `single-words`
(lingua): each line is a one-line article and the unit of the split, stratified by language;
only languages langdetect has a profile for (plus `nb`, which langdetect calls `no`) are scored,
the first `LINES_PER_LANGUAGE` non-empty lines of each. Accuracies are micro (every language has
the same count, so micro equals macro) with per-language shares under `<set>.<half>.<lang>`.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from evaluation.gold import read_jsonl, run_extract
from evaluation.split import split_halves
from flows.text.language import CODE_ALIASES, load_factory

LINE_SETS = ("sentences", "word-pairs", "single-words")
LINES_PER_LANGUAGE = 200


def supported_languages() -> frozenset[str]:
    """The ISO codes langdetect has profiles for, after code normalisation."""
    return frozenset(CODE_ALIASES.get(code, code) for code in load_factory().get_lang_list())


def read_line_set(set_dir: Path, limit: int) -> list[dict[str, Any]]:
    """The first `limit` non-empty lines of each supported language's file, as documents."""
    supported = supported_languages()
    docs = []
    for path in sorted(set_dir.glob("*.txt")):
        if path.stem not in supported:
            continue
        lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
        for index, line in enumerate([line for line in lines if line][:limit]):
            docs.append({"id": f"{set_dir.name}-{path.stem}-{index}", "text": line, "lang": path.stem})
    return docs


def accuracies(docs: list[dict[str, Any]], outputs: list[dict[str, Any]]) -> dict[str, float]:
    """Micro accuracy, per-language accuracy and counts of one half."""
    correct: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for doc, output in zip(docs, outputs, strict=True):
        total[doc["lang"]] += 1
        correct[doc["lang"]] += output.get("language") == doc["lang"]
    scores = {lang: round(correct[lang] / total[lang], 4) for lang in sorted(total)}
    scores["accuracy"] = round(sum(correct.values()) / max(1, sum(total.values())), 4)
    scores["languages"] = len(total)
    scores["documents"] = len(docs)
    return scores


def score_set(name: str, docs: list[dict[str, Any]], stratum_field: str, corpus_dir: Path | None) -> dict[str, float]:
    """Accuracies of both halves of one set, keys `<name>.<half>.<metric>`."""
    results: dict[str, float] = {}
    for half, members in split_halves(docs, lambda d: str(d[stratum_field]), lambda d: str(d["id"])).items():
        scores = accuracies(members, run_extract(members, corpus_dir))
        results.update({f"{name}.{half}.{key}": value for key, value in scores.items()})
    return results


def evaluate_langid(gold_dir: Path, lines_per_language: int = LINES_PER_LANGUAGE) -> dict[str, float]:
    """Accuracies on both halves of the long texts and of each lingua line set."""
    langid_dir = gold_dir / "langid"
    results = score_set(
        "langid_long_texts", read_jsonl(langid_dir / "long_texts_dev.jsonl"), "from_file", gold_dir.parent / "corpus"
    )
    for name in LINE_SETS:
        docs = read_line_set(langid_dir / name, lines_per_language)
        results.update(score_set(f"langid_{name.replace('-', '_')}", docs, "lang", None))
    return results
