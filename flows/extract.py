"""`newsetl extract`: the text stages on JSON Lines, one output line per input line, no warehouse.

The JSON shape is the one of `shared/CONTRACT.md` (plus a few more fields). Lines are read with
the same parser as `run` (field aliases, `doc_id` = content hash) and analysed through the same
batch function (`flows.io.workers.analyser`), `batch_docs` articles at a time.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import asdict
from typing import Any, TextIO

from flows.io.metadata import Problem, field_names
from flows.io.sources import read_jsonl_line
from flows.settings import DEFAULT_BATCH_DOCS
from flows.text.article import Analyse, ArticleFailure, ArticleResult, PlacedFigure
from flows.text.records import Article, EntityMention


def parse_line(line: str, number: int, names: Mapping[str, tuple[str, ...]]) -> Article | dict[str, Any]:
    """The Article of one JSON line, or the quarantined output record when it is not one."""
    if not line.strip():
        return quarantined(None, Problem("blank_line", f"line {number} is empty"))
    parsed = read_jsonl_line(line, names)
    if isinstance(parsed, Problem):
        return quarantined(_raw_id(line), Problem(parsed.code, f"line {number}: {parsed.detail}"))
    return parsed.article if parsed.external_id is None else _with_id(parsed.article, parsed.external_id)


def _with_id(article: Article, external_id: str) -> Article:
    """The article carrying its record's id in the metadata, for the output's `id`."""
    return Article(article.doc_id, article.text, article.source, article.title, {**article.metadata, "id": external_id})


def _raw_id(line: str) -> Any:
    """The `id` of a JSON object line that is not an article, when it has one."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError:
        return None
    return record.get("id") if isinstance(record, dict) else None


def quarantined(ident: Any, problem: Problem) -> dict[str, Any]:
    """The output record of a line that could not be processed (`error_code` from QUARANTINE_REASONS)."""
    return {"id": ident, "status": "quarantined", "error": problem.detail, "error_code": problem.code}


def result_record(result: ArticleResult | ArticleFailure) -> dict[str, Any]:
    """The contract's output record of one processed article."""
    article = result.article
    ident = article.metadata.get("id", article.doc_id)
    if isinstance(result, ArticleFailure):
        return quarantined(ident, Problem(result.code, result.reason))
    published = result.published_at_utc
    return {
        "id": ident,
        "doc_id": article.doc_id,
        "status": "ok",
        "error": None,
        "language": result.language.language,
        "language_score": result.language.score,
        "language_reason": result.language.reason,
        "language_shares": [list(s) for s in result.language.shares],
        "metadata": {k: v for k, v in article.metadata.items() if k != "id"},
        "published_at_utc": published.isoformat() if published else None,
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


def _numbered_lines(lines: Iterable[str]) -> Iterator[tuple[int, str]]:
    """(number, line) with line ends removed; only LF ends a line, as in `run`."""
    number = 0
    for chunk in lines:
        for line in chunk.rstrip("\n").split("\n"):
            number += 1
            yield number, line.removesuffix("\r")


def extract_records(
    lines: Iterable[str],
    analyse: Analyse,
    batch_docs: int = DEFAULT_BATCH_DOCS,
    field_map: Mapping[str, str] | None = None,
) -> Iterator[dict[str, Any]]:
    """Output records for input lines, in order, analysing `batch_docs` articles at a time."""
    names = field_names(field_map)
    numbered = _numbered_lines(lines)
    while True:
        parsed: list[Article | dict[str, Any]] = []
        articles = 0
        for number, line in numbered:
            item = parse_line(line, number, names)
            parsed.append(item)
            articles += isinstance(item, Article)
            if articles == batch_docs:
                break
        if not parsed:
            return
        outcomes = iter(analyse([p for p in parsed if isinstance(p, Article)]).outcomes)
        for item in parsed:
            yield result_record(next(outcomes)) if isinstance(item, Article) else item


def write_records(records: Iterable[dict[str, Any]], out: TextIO) -> int:
    """Write records as JSON Lines; returns how many."""
    count = 0
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    out.flush()
    return count
