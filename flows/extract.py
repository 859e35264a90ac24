"""`newsetl extract`: the text stages on JSON Lines, one output line per input line, no warehouse.

The JSON shape is the one of `shared/CONTRACT.md` (plus a few more fields).
"""

from __future__ import annotations

import json
from dataclasses import asdict
from itertools import islice
from typing import Any, Callable, Iterable, Iterator, Sequence, TextIO

from flows.io.sources import doc_id_for
from flows.text.article import ArticleFailure, ArticleResult, PlacedFigure
from flows.text.boilerplate import Boilerplate, learn_boilerplate
from flows.text.records import Article, EntityMention

CHUNK_LINES = 256


def parse_line(line: str, number: int) -> Article | dict[str, Any]:
    """An Article from one JSON line, or the quarantined output record when it is not one."""
    if not line.strip():
        return quarantined(None, f"line {number} is empty")
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        return quarantined(None, f"broken JSON line {number}: {err.msg} at column {err.colno}")
    if not isinstance(record, dict):
        return quarantined(None, f"line {number} is a JSON {type(record).__name__}, not an object")
    ident = record.get("id")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        return quarantined(ident, f"line {number} has no non-empty string 'text'")
    meta = {k: str(record[k]) for k in ("url", "title", "published_at", "source") if record.get(k)}
    return Article(
        doc_id=str(ident) if ident is not None else doc_id_for(text),
        text=text,
        source=meta.get("source"),
        title=meta.get("title"),
        metadata=meta,
    )


def quarantined(ident: Any, error: str) -> dict[str, Any]:
    """The output record of a line that could not be processed."""
    return {"id": ident, "status": "quarantined", "error": error}


def result_record(result: ArticleResult | ArticleFailure) -> dict[str, Any]:
    """The contract's output record of one processed article."""
    if isinstance(result, ArticleFailure):
        return quarantined(result.article.doc_id, result.reason)
    return {
        "id": result.article.doc_id,
        "doc_id": doc_id_for(result.article.text),
        "status": "ok",
        "error": None,
        "language": result.language.language,
        "language_score": result.language.score,
        "language_reason": result.language.reason,
        "language_shares": [list(s) for s in result.language.shares],
        "clean_text": result.cleaned.clean_text,
        "repairs": list(result.cleaned.repairs),
        "removed": [asdict(r) for r in result.cleaned.removed],
        "entities": [_entity_record(e) for e in result.entities],
        "figures": [_figure_record(p) for p in result.figures],
    }


def _entity_record(mention: EntityMention) -> dict[str, Any]:
    record = {k: v for k, v in asdict(mention).items() if k != "place"}
    record["place"] = asdict(mention.place) if mention.place else None
    return record


def _figure_record(placed: PlacedFigure) -> dict[str, Any]:
    record = asdict(placed.figure)
    record["sentence"] = placed.sentence
    record["place"] = placed.place.text if placed.place else None
    return record


def extract_records(
    lines: Iterable[str],
    analyse: Callable[[Sequence[Article], Boilerplate | None], list[ArticleResult | ArticleFailure]],
    chunk_lines: int = CHUNK_LINES,
) -> Iterator[dict[str, Any]]:
    """Output records for input lines, in order, analysing `chunk_lines` articles at a time."""
    numbered = enumerate((line.rstrip("\r\n") for line in lines), start=1)
    while chunk := list(islice(numbered, chunk_lines)):
        parsed = [parse_line(line, number) for number, line in chunk]
        articles = [p for p in parsed if isinstance(p, Article)]
        boilerplate = learn_boilerplate([(a.source, a.text) for a in articles])
        results = iter(analyse(articles, boilerplate))
        for item in parsed:
            yield result_record(next(results)) if isinstance(item, Article) else item


def write_records(records: Iterable[dict[str, Any]], out: TextIO) -> int:
    """Write records as JSON Lines; returns how many."""
    count = 0
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    out.flush()
    return count
