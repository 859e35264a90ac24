"""One load batch: read its files, run the text stages, and shape the rows of every lake table.

No Prefect and no storage here: tasks call these functions and hand the rows to the lake.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import count
from typing import TYPE_CHECKING, Any

from flows.io.parts import load_input
from flows.io.sources import FileRead, InputFile, LoadedArticle, Rejected
from warehouse.schemas import (
    ARTICLE_VERSIONS,
    BOILERPLATE,
    DOCUMENTS,
    ENTITY_MENTIONS,
    FIGURES,
    INPUT_PARTS,
    INPUTS,
    QUARANTINE,
    REMOVED_NOISE,
    make_row,
)

if TYPE_CHECKING:  # the text stack is imported by whoever analyses: a run with nothing new never loads it
    from flows.text.article import Analyse, ArticleResult, PlacedFigure
    from flows.text.boilerplate import BoilerplateLine
    from flows.text.records import EntityMention

# Which of some doc_ids are already loaded (a set, or a look-up in the lake).
KnownIds = Collection[str] | Callable[[set[str]], Collection[str]]

# Planning assumes ~4 kB per article: a batch holds about batch_docs x this many bytes, and a JSON Lines file
# larger than that is loaded in parts of that size (flows.io.parts), each a batch of its own.
BYTES_PER_ARTICLE = 4_000


@dataclass(frozen=True)
class BatchStats:
    """What one batch loaded."""

    batch_id: str
    input_files: int
    documents_loaded: int
    duplicates: int
    rejected: int
    figures: int
    entity_mentions: int
    removed_segments: int
    words: int


@dataclass
class BatchRows:
    """Rows of every lake table for one batch, plus the doc_ids it loaded."""

    rows: dict[str, list[dict[str, Any]]]
    stats: BatchStats
    doc_ids: set[str] = field(default_factory=set)


def part_bytes(batch_docs: int) -> int:
    """The size of the parts a file larger than a batch is loaded in."""
    return max(batch_docs, 1) * BYTES_PER_ARTICLE


def plan_batches(files: Sequence[InputFile], batch_docs: int) -> list[list[InputFile]]:
    """Group files (in order) into batches of about `batch_docs` articles by size; a part of a file is a batch alone."""
    budget = part_bytes(batch_docs)
    batches: list[list[InputFile]] = []
    current: list[InputFile] = []
    size = 0
    for file in files:
        alone = file.part is not None or bool(current and current[-1].part is not None)
        if current and (alone or size + file.size_bytes > budget or len(current) >= batch_docs):
            batches.append(current)
            current, size = [], 0
        current.append(file)
        size += file.size_bytes
    if current:
        batches.append(current)
    return batches


def batch_id_for(files: Sequence[InputFile], taken: Collection[str] = frozenset()) -> str:
    """Deterministic id of a batch: a hash of its files' paths, contents and parts, counted on past the `taken` ids."""
    base = "".join(
        f"{file.path}\0{file.sha256}" + (f"\0{file.part.start}-{file.part.end}" if file.part else "") + "\n"
        for file in files
    )
    for attempt in count():
        candidate = hashlib.sha256(f"{base}{attempt or ''}".encode()).hexdigest()[:16]
        if candidate not in taken:
            return candidate
    raise AssertionError("unreachable")


def _dedupe(loaded: list[LoadedArticle], known: Collection[str]) -> tuple[list[LoadedArticle], dict[str, int]]:
    """Articles whose text is new, and per file the count of those already loaded."""
    fresh: list[LoadedArticle] = []
    duplicates: dict[str, int] = {}
    seen: set[str] = set()  # new in this batch; `known` (already loaded) is not copied
    for item in loaded:
        if item.article.doc_id in known or item.article.doc_id in seen:
            duplicates[item.source_path] = duplicates.get(item.source_path, 0) + 1
            continue
        seen.add(item.article.doc_id)
        fresh.append(item)
    return fresh, duplicates


def build_batch(
    files: Sequence[InputFile],
    analyse: Analyse,
    known_doc_ids: KnownIds,
    run_id: str,
    now: datetime,
    field_map: Mapping[str, str] | None = None,
    committed: Collection[str] = frozenset(),
) -> BatchRows:
    """Read, analyse (through the one analysis path) and shape one batch of input files.

    The batch id hashes the bytes read (a file may have changed since discovery) and is never one of the
    `committed` batch ids, so a batch never overwrites another. `known_doc_ids` is the set of loaded
    doc_ids or a function answering which of the batch's doc_ids are loaded (the lake is asked only
    about the batch's own).
    """
    from flows.text.article import ArticleFailure

    reads = [load_input(file, field_map) for file in files]
    batch_id = batch_id_for(
        [InputFile(f.path, r.sha256, r.size_bytes, f.part) for f, r in zip(files, reads, strict=True)], committed
    )
    loaded = [item for read in reads for item in read.articles]
    rejected = [item for read in reads for item in read.rejected]
    if callable(known_doc_ids):
        known_doc_ids = set(known_doc_ids({item.article.doc_id for item in loaded}))
    fresh, duplicates = _dedupe(loaded, known_doc_ids)
    analysis = analyse([item.article for item in fresh])
    rows = _empty_rows()
    for origin, result in zip(fresh, analysis.outcomes, strict=True):
        if isinstance(result, ArticleFailure):
            excerpt = origin.article.text[:200]
            rejected.append(Rejected(origin.source_path, origin.line_number, result.code, result.reason, excerpt))
        else:
            _add_article_rows(rows, origin, result, batch_id, now)
    new_ids = {r["doc_id"] for r in rows["documents"]}
    read_by_path = {str(f.path): read for f, read in zip(files, reads, strict=True)}
    rows["quarantine"] = [_quarantine_row(r, read_by_path.get(r.source_path), batch_id) for r in rejected]
    rows["boilerplate"] = _boilerplate_rows(analysis.boilerplate, batch_id)
    rows["article_versions"] = [
        _version_row(item, batch_id, now)
        for item in loaded
        if item.article.doc_id in new_ids or item.article.doc_id in known_doc_ids
    ]
    rows["input_parts"] = [_part_row(file, batch_id) for file in files if file.part is not None]
    rows["inputs"] = _input_rows(read_by_path, rows, duplicates, batch_id, run_id)
    return BatchRows(rows, _stats(batch_id, files, rows, duplicates), new_ids)


def article_key(item: LoadedArticle) -> str:
    """The key every version of one article shares: its file plus its own id, else its line; a .txt file's path."""
    if item.line_number is None:
        return item.source_path
    if item.external_id is not None:
        return f"{item.source_path}#id={item.external_id}"
    return f"{item.source_path}#line={item.line_number}"


def _version_row(item: LoadedArticle, batch_id: str, now: datetime) -> dict[str, Any]:
    return make_row(
        ARTICLE_VERSIONS,
        article_key=article_key(item),
        source_path=item.source_path,
        line_number=item.line_number,
        external_id=item.external_id,
        doc_id=item.article.doc_id,
        batch_id=batch_id,
        loaded_at=now,
    )


def _empty_rows() -> dict[str, list[dict[str, Any]]]:
    return {name: [] for name in ("documents", "entity_mentions", "figures", "removed_noise")}


def _add_article_rows(
    rows: dict[str, list[dict[str, Any]]], origin: LoadedArticle, result: ArticleResult, batch_id: str, now: datetime
) -> None:
    """Append the rows one analysed article contributes to each table."""
    doc_id = origin.article.doc_id
    rows["documents"].append(_document_row(origin, result, batch_id, now))
    for index, mention in enumerate(result.entities):
        rows["entity_mentions"].append(_mention_row(doc_id, index, mention, batch_id))
    for index, placed in enumerate(result.figures):
        rows["figures"].append(_figure_row(doc_id, index, placed, batch_id))
    for removal in result.cleaned.removed:
        rows["removed_noise"].append(
            make_row(
                REMOVED_NOISE,
                doc_id=doc_id,
                start=removal.start,
                end=removal.end,
                text=removal.text,
                reason=removal.reason,
                batch_id=batch_id,
            )
        )


def _document_row(origin: LoadedArticle, result: ArticleResult, batch_id: str, now: datetime) -> dict[str, Any]:
    meta = origin.article.metadata
    clean = result.cleaned.clean_text
    return make_row(
        DOCUMENTS,
        doc_id=origin.article.doc_id,
        source_path=origin.source_path,
        line_number=origin.line_number,
        external_id=origin.external_id,
        url=meta.get("url"),
        title=meta.get("title"),
        published_at=meta.get("published_at"),
        published_at_utc=result.published_at_utc,
        source=meta.get("source"),
        author=meta.get("author"),
        language=result.language.language,
        language_score=float(result.language.score),
        language_reason=result.language.reason,
        language_shares=[{"language": lang, "share": float(share)} for lang, share in result.language.shares],
        raw_text=origin.article.text,
        clean_text=clean,
        repairs=list(result.cleaned.repairs),
        length_chars=len(clean),
        word_count=len(clean.split()),
        batch_id=batch_id,
        loaded_at=now,
    )


def _mention_row(doc_id: str, index: int, mention: EntityMention, batch_id: str) -> dict[str, Any]:
    place = mention.place
    return make_row(
        ENTITY_MENTIONS,
        doc_id=doc_id,
        mention_index=index,
        start=mention.start,
        end=mention.end,
        text=mention.text,
        label=mention.label,
        method=mention.method,
        model=mention.model,
        entity_id=mention.entity_id,
        canonical_name=mention.canonical_name,
        geonames_id=place.geonames_id if place else None,
        country_code=place.country_code if place else None,
        latitude=place.latitude if place else None,
        longitude=place.longitude if place else None,
        feature_type=place.feature_type if place else None,
        batch_id=batch_id,
    )


def _figure_row(doc_id: str, index: int, placed: PlacedFigure, batch_id: str) -> dict[str, Any]:
    figure = placed.figure
    return make_row(
        FIGURES,
        doc_id=doc_id,
        figure_index=index,
        start=figure.start,
        end=figure.end,
        text=figure.text,
        value=figure.value,
        lower=figure.lower,
        upper=figure.upper,
        qualifier=figure.qualifier,
        unit=figure.unit,
        object=figure.object,
        category=figure.category,
        sentence=placed.sentence,
        place=placed.place.text if placed.place else None,
        place_entity_id=placed.place.entity_id if placed.place else None,
        batch_id=batch_id,
    )


def _quarantine_row(rejected: Rejected, read: FileRead | None, batch_id: str) -> dict[str, Any]:
    return make_row(
        QUARANTINE,
        source_path=rejected.source_path,
        line_number=rejected.line_number,
        reason_code=rejected.code,
        reason=rejected.reason,
        raw_excerpt=rejected.raw_excerpt,
        file_sha256=(read.sha256 if read else None) or None,
        batch_id=batch_id,
    )


def _boilerplate_rows(lines: Sequence[BoilerplateLine], batch_id: str) -> list[dict[str, Any]]:
    return [
        make_row(BOILERPLATE, source=line.source, line_text=line.text, doc_count=line.doc_count, batch_id=batch_id)
        for line in lines
    ]


def _part_row(file: InputFile, batch_id: str) -> dict[str, Any]:
    assert file.part is not None
    return make_row(
        INPUT_PARTS,
        source_path=str(file.path),
        file_sha256=file.sha256,
        start_byte=file.part.start,
        end_byte=file.part.end,
        first_line=file.part.first_line,
        batch_id=batch_id,
    )


def _input_rows(
    read_by_path: Mapping[str, FileRead],
    rows: dict[str, list[dict[str, Any]]],
    duplicates: dict[str, int],
    batch_id: str,
    run_id: str,
) -> list[dict[str, Any]]:
    """The batch manifest: one row per file, under the hash of the bytes read, with what became of its content."""
    loaded: dict[str, int] = {}
    for row in rows["documents"]:
        loaded[row["source_path"]] = loaded.get(row["source_path"], 0) + 1
    rejected: dict[str, int] = {}
    for row in rows["quarantine"]:
        rejected[row["source_path"]] = rejected.get(row["source_path"], 0) + 1
    return [
        make_row(
            INPUTS,
            source_path=path,
            file_sha256=read.sha256,
            size_bytes=read.size_bytes,
            articles_loaded=loaded.get(path, 0),
            articles_duplicate=duplicates.get(path, 0),
            rejected=rejected.get(path, 0),
            batch_id=batch_id,
            run_id=run_id,
            committed_at=datetime.now(UTC),  # built last, just before the commit (loaded_at: the batch start)
        )
        for path, read in read_by_path.items()
    ]


def _stats(
    batch_id: str, files: Sequence[InputFile], rows: dict[str, list[dict[str, Any]]], duplicates: dict[str, int]
) -> BatchStats:
    return BatchStats(
        batch_id=batch_id,
        input_files=len(files),
        documents_loaded=len(rows["documents"]),
        duplicates=sum(duplicates.values()),
        rejected=len(rows["quarantine"]),
        figures=len(rows["figures"]),
        entity_mentions=len(rows["entity_mentions"]),
        removed_segments=len(rows["removed_noise"]),
        words=sum(r["word_count"] for r in rows["documents"]),
    )
