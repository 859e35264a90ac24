"""Gold documents through the path users run: JSON Lines into `extract_records(lines, analyser(1))`.

Each gold document becomes the line a user's file would hold: its `id` and `text`, plus the
metadata of the corpus record it was drawn from (title, url, date, newspaper, author, ... under
their original names), never its language. Each half of a set is one input file, analysed as
`extract` analyses a file: nothing is learned from documents outside it.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from flows.extract import extract_records
from flows.io.workers import analyser

# Fields of a corpus record that are not metadata a feed carries: the body, the gold language, gold answers.
NOT_METADATA = frozenset(
    {
        "id",
        "text",
        "raw_text",
        "page_text",
        "lang",
        "expected_article_text",
        "gold_article_body",
        "must_contain",
        "must_not_contain",
    }
)


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """The JSON objects of a JSON Lines file (lines split on LF only)."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]


@lru_cache(maxsize=2)
def corpus_metadata(corpus_dir: Path) -> dict[str, dict[str, Any]]:
    """Metadata of every record of the shared corpus by record id (empty when the corpus is absent)."""
    records: dict[str, dict[str, Any]] = {}
    for path in sorted(corpus_dir.rglob("*.jsonl")) if corpus_dir.is_dir() else []:
        for row in read_jsonl(path):
            records.setdefault(str(row.get("id")), {k: v for k, v in row.items() if k not in NOT_METADATA})
    return records


def record_id(doc: dict[str, Any]) -> str:
    """The corpus record a gold document was drawn from (`source.id` when given, else its own id)."""
    source = doc.get("source")
    return str(source["id"]) if isinstance(source, dict) and source.get("id") else str(doc["id"])


def user_line(doc: dict[str, Any], corpus_dir: Path | None) -> str:
    """The JSON line a user's file would hold for a gold document."""
    metadata = corpus_metadata(corpus_dir).get(record_id(doc), {}) if corpus_dir else {}
    return json.dumps({**metadata, "id": doc["id"], "text": doc["text"]}, ensure_ascii=False)


def run_extract(docs: Sequence[dict[str, Any]], corpus_dir: Path | None = None) -> list[dict[str, Any]]:
    """The `extract` output record of each gold document, analysed as one input file."""
    lines = [user_line(doc, corpus_dir) for doc in docs]
    outputs = list(extract_records(lines, analyser(1)))
    assert [o["id"] for o in outputs] == [d["id"] for d in docs], "extract changed the order or the ids"
    return outputs


def raw_spans(raw: str, clean: str, spans: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Spans with `clean` offsets moved onto `raw` (aligned text); spans with no aligned character are dropped."""
    spans = list(spans)
    if raw == clean:
        return spans
    to_raw: list[int | None] = [None] * len(clean)
    matcher = difflib.SequenceMatcher(None, raw, clean, autojunk=False)
    for raw_start, clean_start, size in matcher.get_matching_blocks():
        to_raw[clean_start : clean_start + size] = range(raw_start, raw_start + size)
    moved = []
    for span in spans:
        aligned = [i for i in to_raw[span["start"] : span["end"]] if i is not None]
        if aligned:
            moved.append({**span, "start": aligned[0], "end": aligned[-1] + 1})
    return moved


def language_accuracy(docs: Sequence[dict[str, Any]], outputs: Sequence[dict[str, Any]]) -> float:
    """Share of documents whose detected language is the gold `lang`."""
    return round(sum(o.get("language") == d["lang"] for d, o in zip(docs, outputs, strict=True)) / max(1, len(docs)), 4)
