"""The one declaration of every lake table: Arrow schema + column docs.

Parquet files are written with these schemas, the DuckDB raw views are typed from them, and
docs/DATA_DICTIONARY.md is generated from them (a test keeps it in step). Rows are built with
`make_row`, which refuses an unknown or missing column, so a misspelt key cannot become a null.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import pyarrow as pa


class RowError(ValueError):
    """A row's keys do not match its table's declared columns."""


@dataclass(frozen=True)
class Table:
    """A lake table: name, grain, and its Arrow schema (each field carries a description)."""

    name: str
    grain: str
    schema: pa.Schema
    column_set: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "column_set", frozenset(self.schema.names))

    @property
    def columns(self) -> list[str]:
        """Column names in order."""
        return self.schema.names


def check_row(table: Table, row: Mapping[str, Any]) -> None:
    """Raise RowError naming the table and key when a row has an unknown or a missing column."""
    if row.keys() == table.column_set:
        return
    unknown = sorted(k for k in row if k not in table.column_set)
    if unknown:
        raise RowError(f"{table.name}: unknown column {unknown[0]!r} (columns: {', '.join(table.columns)})")
    missing = [c for c in table.columns if c not in row]
    raise RowError(f"{table.name}: missing column {missing[0]!r} (pass None for a null)")


def make_row(table: Table, **values: Any) -> dict[str, Any]:
    """A row of the table from keyword values, one per declared column (None for a null), in column order."""
    check_row(table, values)
    return {name: values[name] for name in table.columns}


def _col(name: str, kind: pa.DataType, doc: str, nullable: bool = True) -> pa.Field:
    """A field with its description in the metadata."""
    return pa.field(name, kind, nullable=nullable, metadata={"doc": doc})


def _table(name: str, grain: str, *cols: pa.Field) -> Table:
    return Table(name, grain, pa.schema(list(cols)))


UTC = pa.timestamp("us", tz="UTC")
_BATCH = _col("batch_id", pa.string(), "load batch that committed the row (see inputs)", False)

DOCUMENTS = _table(
    "documents",
    "one row per loaded text of an article (unique doc_id; every version, see article_versions)",
    _col("doc_id", pa.string(), "SHA-256 of the raw text, first 16 hex digits", False),
    _col("source_path", pa.string(), "absolute path of the input file", False),
    _col("line_number", pa.int32(), "line in a .jsonl input (1-based); null for .txt"),
    _col("external_id", pa.string(), "the input's own id (jsonl `id`, .txt file stem)"),
    _col("url", pa.string(), "jsonl `url`"),
    _col("title", pa.string(), "jsonl `title`"),
    _col("published_at", pa.string(), "jsonl `published_at` as given (main.documents: published_at_raw)"),
    _col("published_at_utc", UTC, "published_at read as an absolute date (UTC); null when it names none"),
    _col("source", pa.string(), "jsonl `source` (publisher / crawl name)"),
    _col("author", pa.string(), "jsonl `author` (byline as given)"),
    _col("language", pa.string(), "main language, ISO 639-1, or `und`", False),
    _col("language_score", pa.float64(), "confidence of `language` in [0, 1]", False),
    _col("language_reason", pa.string(), "why the language is `und` (empty, too short, ...)"),
    _col(
        "language_shares",
        pa.list_(pa.struct([("language", pa.string()), ("share", pa.float64())])),
        "share of the text per language, by paragraph length",
    ),
    _col("raw_text", pa.string(), "the article exactly as read", False),
    _col("clean_text", pa.string(), "the article body with noise removed and text repaired", False),
    _col("repairs", pa.list_(pa.string()), "text repairs applied (mojibake, whitespace, ...)"),
    _col("length_chars", pa.int32(), "characters in clean_text", False),
    _col("word_count", pa.int32(), "whitespace-separated words in clean_text", False),
    _BATCH,
    _col("loaded_at", UTC, "when the batch was loaded (UTC)", False),
)

ARTICLE_VERSIONS = _table(
    "article_versions",
    "one row per article read from an input file in a batch (new text or a duplicate): the text its key held",
    _col("article_key", pa.string(), "source_path plus the record's id, else its line; a .txt file's path", False),
    _col("source_path", pa.string(), "absolute path of the input file", False),
    _col("line_number", pa.int32(), "line in a .jsonl input (1-based); null for .txt"),
    _col("external_id", pa.string(), "the input's own id (jsonl `id`, .txt file stem)"),
    _col("doc_id", pa.string(), "document holding the text read (loaded in this or an earlier batch)", False),
    _BATCH,
    _col("loaded_at", UTC, "when the batch was loaded (UTC): the latest load of a key is its current version", False),
)

ENTITY_MENTIONS = _table(
    "entity_mentions",
    "one row per entity mention in a document",
    _col("doc_id", pa.string(), "document of the mention", False),
    _col("mention_index", pa.int32(), "order of the mention in the document (0-based)", False),
    _col("start", pa.int32(), "offset of the first character in clean_text", False),
    _col("end", pa.int32(), "offset after the last character in clean_text", False),
    _col("text", pa.string(), "clean_text[start:end]", False),
    _col("label", pa.string(), "PERSON, ORG, LOC (any place), NORP, MISC, ...", False),
    _col("method", pa.string(), "how the mention was found (spacy, gazetteer, ...)", False),
    _col(
        "model",
        pa.string(),
        "which model found it: newsetl_ner_<lang> (en and fr: stacked on spaCy small; de, es, it, pl, ar),"
        " natasha (ru), gazetteer or rules (en_core_web_sm / fr_core_news_sm in lakes written before the"
        " stacked taggers; null in lakes written before the model was recorded)",
    ),
    _col(
        "entity_id",
        pa.string(),
        "canonical entity, stable across documents and runs: a hash of the label and a key (a place's GeoNames"
        " id; a person's full name, nominative, transliterated and folded over spellings; see entity_aliases)",
        False,
    ),
    _col("canonical_name", pa.string(), "canonical name of the entity (a person's full name, nominative)", False),
    _col("geonames_id", pa.int64(), "GeoNames id of a resolved place"),
    _col("country_code", pa.string(), "ISO 3166-1 alpha-2 of a resolved place"),
    _col("latitude", pa.float64(), "latitude of a resolved place (degrees)"),
    _col("longitude", pa.float64(), "longitude of a resolved place (degrees)"),
    _col("feature_type", pa.string(), "kind of resolved place (country, city, region, ...)"),
    _BATCH,
)

FIGURES = _table(
    "figures",
    "one row per figure (a number that quantifies) in a document",
    _col("doc_id", pa.string(), "document of the figure", False),
    _col("figure_index", pa.int32(), "order of the figure in the document (0-based)", False),
    _col("start", pa.int32(), "offset of the first character in clean_text", False),
    _col("end", pa.int32(), "offset after the last character in clean_text", False),
    _col("text", pa.string(), "clean_text[start:end]: qualifier + number + unit", False),
    _col("value", pa.float64(), "the stated number; null for vague quantities and ranges"),
    _col("lower", pa.float64(), "inclusive lower bound the words imply; null when open"),
    _col("upper", pa.float64(), "inclusive upper bound the words imply; null when open"),
    _col("qualifier", pa.string(), "exact, approximately, at_least, more_than, almost, up_to, ...", False),
    _col("unit", pa.string(), "percent, ISO currency code, year, day, km, ...; null for counts"),
    _col("object", pa.string(), "the counted noun, singular English as written (person, people, death kept apart)"),
    _col("category", pa.string(), "killed, wounded, displaced, ..., money, percent, age, duration, count", False),
    _col("sentence", pa.string(), "the sentence of clean_text the figure stands in", False),
    _col("place", pa.string(), "nearest LOC mention in the same sentence, as written (main.figures: place_text)"),
    _col("place_entity_id", pa.string(), "entity_id of that place"),
    _BATCH,
)

REMOVED_NOISE = _table(
    "removed_noise",
    "one row per removed segment of a document's raw text",
    _col("doc_id", pa.string(), "document the segment was removed from", False),
    _col("start", pa.int32(), "offset in raw_text", False),
    _col("end", pa.int32(), "offset after the segment in raw_text", False),
    _col("text", pa.string(), "the removed text", False),
    _col("reason", pa.string(), "why it was removed", False),
    _BATCH,
)

QUARANTINE = _table(
    "quarantine",
    "one row per input (file or jsonl line) that could not be loaded",
    _col("source_path", pa.string(), "input file", False),
    _col("line_number", pa.int32(), "line in a .jsonl input; null for a whole file"),
    _col("reason_code", pa.string(), "kind of problem (vocab.quarantine_reason)", False),
    _col("reason", pa.string(), "why it was not loaded, in words (with the detail)", False),
    _col("raw_excerpt", pa.string(), "first 200 characters of a rejected line"),
    _col("file_sha256", pa.string(), "SHA-256 of the input file's bytes as read at load (null when unreadable)"),
    _BATCH,
)

BOILERPLATE = _table(
    "boilerplate",
    "one row per line learned as repeated boilerplate of a source in a batch",
    _col("source", pa.string(), "source the line repeats in", False),
    _col("line_text", pa.string(), "the repeated line", False),
    _col("doc_count", pa.int32(), "documents of the batch carrying it (main.boilerplate: document_count)", False),
    _BATCH,
)

INPUT_PARTS = _table(
    "input_parts",
    "one row per part of an input file loaded in parts (a JSON Lines file larger than a batch; each part a batch"
    " of its own): the file counts as loaded once parts from offset 0 to its end are committed",
    _col("source_path", pa.string(), "input file", False),
    _col("file_sha256", pa.string(), "SHA-256 of the whole file's bytes (as in inputs)", False),
    _col(
        "start_byte",
        pa.int64(),
        "offset in the file's content (gunzipped) where the part starts: a line's start",
        False,
    ),
    _col("end_byte", pa.int64(), "offset where the part ends (the next part's start_byte); null: the end of the file"),
    _col("first_line", pa.int32(), "number of the line at start_byte (1-based, as line_number)", False),
    _BATCH,
)

INPUTS = _table(
    "inputs",
    "one row per input file (or part of one, see input_parts) committed (the load manifest: written last, so it"
    " marks a batch done)",
    _col("source_path", pa.string(), "input file", False),
    _col("file_sha256", pa.string(), "SHA-256 of the bytes read at load (empty when unreadable)", False),
    _col("size_bytes", pa.int64(), "bytes read at load (the file size)", False),
    _col(
        "articles_loaded", pa.int32(), "new articles loaded from the file (main.inputs: loaded_document_count)", False
    ),
    _col(
        "articles_duplicate", pa.int32(), "articles whose text was already loaded (main.inputs: duplicate_count)", False
    ),
    _col("rejected", pa.int32(), "quarantined items, file or lines (main.inputs: quarantined_count)", False),
    _BATCH,
    _col("run_id", pa.string(), "run that committed the batch", False),
    _col("committed_at", UTC, "when the batch was committed (UTC): its manifest written, after the analysis", False),
)

RUNS = _table(
    "runs",
    "one row per run that committed at least one batch (a run with nothing new leaves no row)",
    _col("run_id", pa.string(), "Prefect flow-run id (or a local id outside Prefect)", False),
    _col("status", pa.string(), "running, succeeded, checks_failed, failed, interrupted, incomplete (killed)", False),
    _col("started_at", UTC, "run start (UTC)", False),
    _col("finished_at", UTC, "run end (UTC); for an incomplete run, when its last batch was committed"),
    _col("batches", pa.int32(), "batches committed (main.runs: batch_count)", False),
    _col("input_files", pa.int32(), "input files committed (main.runs: input_file_count)", False),
    _col("documents_loaded", pa.int32(), "documents loaded (main.runs: loaded_document_count)", False),
    _col("rejected", pa.int32(), "quarantined inputs (main.runs: quarantined_count)", False),
)

TABLES: tuple[Table, ...] = (
    DOCUMENTS,
    ENTITY_MENTIONS,
    FIGURES,
    REMOVED_NOISE,
    QUARANTINE,
    BOILERPLATE,
    ARTICLE_VERSIONS,
    INPUT_PARTS,
    INPUTS,
    RUNS,
)
TABLES_BY_NAME = {t.name: t for t in TABLES}
