"""Score the `clean_text` of `extract` output on gold/cleaning_dev.jsonl with the CONTRACT's rules.

- `noise_removed`: share of gold `noise` strings absent from `clean_text`;
- `body_kept`: share of gold `keep` strings present in `clean_text`;
- `clean_untouched`: share of documents without noise whose `clean_text` equals the raw text up to
  whitespace (NFC, zero-width characters dropped, every whitespace run → one space);
- `language_acc`: share of documents whose detected language is the gold `lang`.

Each half is one input file, so boilerplate is learned only from the documents of that half
that share a source (as `extract` learns it from a file), never from a whole corpus file.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Any

from evaluation.gold import language_accuracy, read_jsonl, run_extract
from evaluation.split import split_halves

_SPACE_RE = re.compile(r"\s+")
_INVISIBLE_RE = re.compile(r"[\u200b\u2060\ufeff]")  # zero-width space, word joiner, BOM


def squash(text: str) -> str:
    """Text in NFC, zero-width characters dropped, whitespace runs → one space, stripped."""
    text = _INVISIBLE_RE.sub("", unicodedata.normalize("NFC", text))
    return _SPACE_RE.sub(" ", text).strip()


def source_file(doc: dict[str, Any]) -> str:
    """The corpus file a gold document was drawn from (its stratum), else its language."""
    source = doc.get("source")
    name = source.get("file") if isinstance(source, dict) else source
    return str(name or doc["lang"])


def score_half(docs: list[dict[str, Any]], corpus_dir: Path) -> dict[str, float]:
    """Noise-removed, body-kept, clean-untouched and language scores of one half."""
    outputs = run_extract(docs, corpus_dir)
    noise = kept = untouched = n_noise = n_keep = n_clean = 0
    for doc, output in zip(docs, outputs, strict=True):
        clean = squash(output.get("clean_text") or "")
        for item in doc.get("noise", []):
            n_noise += 1
            noise += squash(item["text"]) not in clean
        for text in doc.get("keep", []):
            n_keep += 1
            kept += squash(text) in clean
        if not doc.get("noise"):
            n_clean += 1
            untouched += clean == squash(doc["text"])
    return {
        "noise_removed": round(noise / max(1, n_noise), 4),
        "body_kept": round(kept / max(1, n_keep), 4),
        "clean_untouched": round(untouched / max(1, n_clean), 4),
        "language_acc": language_accuracy(docs, outputs),
        "documents": len(docs),
        "noise_items": n_noise,
    }


def evaluate_cleaning(gold_dir: Path) -> dict[str, float]:
    """Scores on each half of cleaning_dev.jsonl (stratified by source file): `cleaning.check.noise_removed`, ..."""
    docs = read_jsonl(gold_dir / "cleaning_dev.jsonl")
    results: dict[str, float] = {}
    for half, members in split_halves(docs, source_file, lambda d: str(d["id"])).items():
        scores = score_half(members, gold_dir.parent / "corpus")
        results.update({f"cleaning.{half}.{key}": value for key, value in scores.items()})
    return results
