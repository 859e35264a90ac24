"""Input discovery and reading: folders of .txt / .jsonl files, gzip of either.

Every file found ends as articles or as quarantine entries with a clear reason; nothing raises
for bad input.
"""

from __future__ import annotations

import codecs
import gzip
import hashlib
import json
import zlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from flows.io.metadata import ParsedRecord, Problem, doc_id_for, field_names, parse_record, record_problem
from flows.text.records import Article

TEXT_SUFFIXES = (".txt",)
JSONL_SUFFIXES = (".jsonl", ".ndjson")
# Files that sit beside articles but are not articles: never inputs, never quarantined.
NOT_ARTICLE_NAMES = ("readme", "attribution", "license", "licence", "notice", "changelog")
NOT_ARTICLE_SUFFIXES = (".md", ".rst", ".gitkeep")


@dataclass(frozen=True)
class InputFile:
    """One file to load, identified by the hash of its bytes."""

    path: Path
    sha256: str
    size_bytes: int


@dataclass(frozen=True)
class LoadedArticle:
    """An article read from an input file, with where it came from."""

    article: Article
    source_path: str
    line_number: int | None
    external_id: str | None


@dataclass(frozen=True)
class Rejected:
    """An input (file or line) that could not be read as an article."""

    source_path: str
    line_number: int | None
    code: str  # of QUARANTINE_REASONS
    reason: str  # the readable detail
    raw_excerpt: str | None = None

    @classmethod
    def of(
        cls, source_path: str, line_number: int | None, problem: Problem, raw_excerpt: str | None = None
    ) -> Rejected:
        """The reject for a problem found in an input."""
        return cls(source_path, line_number, problem.code, problem.detail, raw_excerpt)


def is_not_article_file(path: Path) -> bool:
    """True for files that live beside inputs but are not articles (README, dotfiles, ...)."""
    name = path.name.lower()
    return name.startswith(".") or name.endswith(NOT_ARTICLE_SUFFIXES) or name.startswith(NOT_ARTICLE_NAMES)


def discover_files(paths: Iterable[Path]) -> tuple[list[InputFile], list[Path]]:
    """Candidate input files below the given paths (recursive, sorted, hashed) and the missing paths.

    A file that cannot be read is still returned (empty hash) so that reading it quarantines it.
    """
    found: dict[Path, InputFile] = {}
    missing: list[Path] = []
    for root in paths:
        if root.is_file():
            candidates = [root]
        elif root.is_dir():
            candidates = sorted(p for p in root.rglob("*") if p.is_file())
        else:
            missing.append(root)
            continue
        for path in candidates:
            if not is_not_article_file(path):
                found[path.resolve()] = _hashed(path.resolve())
    return sorted(found.values(), key=lambda f: str(f.path)), missing


def _hashed(path: Path) -> InputFile:
    """The file with the SHA-256 of its bytes (empty when unreadable)."""
    try:
        with path.open("rb") as handle:
            digest = hashlib.file_digest(handle, "sha256").hexdigest()
        return InputFile(path, digest, path.stat().st_size)
    except OSError:
        return InputFile(path, "", 0)


def _inner_suffix(path: Path) -> str:
    """The suffix that says what the (possibly gzipped) file holds."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return suffixes[-1] if suffixes else ""


class InputProblem(ValueError):
    """A whole input file cannot be read as text; carries the quarantine code."""

    def __init__(self, code: str, detail: str) -> None:
        super().__init__(detail)
        self.problem = Problem(code, detail)


def _decode(data: bytes) -> str:
    """UTF-8 (with or without BOM) or BOM-marked UTF-16; raises InputProblem."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    if b"\x00" in data[:8192]:
        raise InputProblem("binary", "binary content (NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        detail = f"not valid UTF-8 (byte 0x{data[err.start]:02x} at offset {err.start})"
        raise InputProblem("not_utf8", detail) from None


def _read_bytes(path: Path) -> bytes:
    """The file's bytes, gunzipped when it is gzip; raises InputProblem."""
    data = path.read_bytes()
    if path.suffix.lower() != ".gz":
        return data
    try:
        return gzip.decompress(data)
    except EOFError:
        raise InputProblem("bad_gzip", "truncated gzip (stream ends early)") from None
    except (gzip.BadGzipFile, zlib.error) as err:
        raise InputProblem("bad_gzip", f"corrupt gzip ({err})") from None


def jsonl_lines(text: str) -> Iterator[tuple[int, str]]:
    """(number, line) of JSON Lines text; only LF ends a line (U+2028 and friends are legal in JSON)."""
    for number, line in enumerate(text.split("\n"), start=1):
        yield number, line.removesuffix("\r")


def read_jsonl_line(line: str, names: Mapping[str, tuple[str, ...]]) -> ParsedRecord | Problem:
    """The article of one JSON line, or why the line is not one."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        return Problem("broken_json", f"broken JSON line ({err.msg} at column {err.colno})")
    problem = record_problem(record, names)
    return problem if problem else parse_record(record, names)


def read_input(
    file: InputFile, field_map: Mapping[str, str] | None = None
) -> tuple[list[LoadedArticle], list[Rejected]]:
    """Articles and rejects of one input file (JSON fields read with the aliases and `field_map`)."""
    where = str(file.path)
    kind = _inner_suffix(file.path)
    if kind not in TEXT_SUFFIXES + JSONL_SUFFIXES:
        detail = f"unsupported file type {''.join(file.path.suffixes) or '(none)'}"
        return [], [Rejected(where, None, "unsupported_type", detail)]
    try:
        text = _decode(_read_bytes(file.path))
    except InputProblem as err:
        return [], [Rejected.of(where, None, err.problem)]
    except OSError as err:
        return [], [Rejected(where, None, "unreadable", f"unreadable file ({err.strerror or err})")]
    if kind in TEXT_SUFFIXES:
        return _read_text_article(where, file.path, text)
    loaded: list[LoadedArticle] = []
    rejected: list[Rejected] = []
    for item in _read_jsonl(where, text, field_names(field_map)):
        if isinstance(item, LoadedArticle):
            loaded.append(item)
        else:
            rejected.append(item)
    if not loaded and not rejected:
        rejected.append(Rejected(where, None, "empty", "empty file (no articles)"))
    return loaded, rejected


def _read_text_article(where: str, path: Path, text: str) -> tuple[list[LoadedArticle], list[Rejected]]:
    """A .txt file is one article; empty files are rejected."""
    if not text.strip():
        return [], [Rejected(where, None, "empty", "empty article (no text)")]
    stem = path.name.split(".")[0]
    article = Article(doc_id=doc_id_for(text), text=text)
    return [LoadedArticle(article, where, None, stem)], []


def _read_jsonl(where: str, text: str, names: Mapping[str, tuple[str, ...]]) -> Iterator[LoadedArticle | Rejected]:
    """One article per non-blank line; each bad line rejected with its number."""
    for number, line in jsonl_lines(text):
        if not line.strip():
            continue
        parsed = read_jsonl_line(line, names)
        if isinstance(parsed, Problem):
            yield Rejected.of(where, number, parsed, line[:200])
        else:
            yield LoadedArticle(parsed.article, where, number, parsed.external_id)
