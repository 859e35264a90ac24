"""Input discovery and reading: folders of .txt / .jsonl files, gzip of either.

Every file found ends as articles or as quarantine entries with a clear reason; nothing raises
for bad input. A file is read once, in chunks: the bytes are hashed as they are read, gunzipped
and bounded (FILE_LIMIT_BYTES, checked while decompressing), and a JSON Lines file is split on LF
and decoded line by line, so bad bytes or an overlong line cost only their line.

A JSON Lines file larger than a batch is loaded in parts (`plan_parts`): byte ranges of its content
(gunzipped), each starting at a line's start and holding at least one non-blank line, each read on its
own (a plain file seeks to the part; a gzip file is decompressed from its start, gzip has no index).
"""

from __future__ import annotations

import codecs
import gzip
import hashlib
import io
import json
import os
import re
import zlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from flows.io.metadata import ParsedRecord, Problem, doc_id_for, field_names, parse_record, record_problem
from flows.text.records import Article

TEXT_SUFFIXES = (".txt",)
JSONL_SUFFIXES = (".jsonl", ".ndjson")
# Files that sit beside articles but are not articles: never inputs, never quarantined.
NOT_ARTICLE_NAMES = ("readme", "attribution", "license", "licence", "notice", "changelog")
NOT_ARTICLE_SUFFIXES = (".md", ".rst", ".gitkeep")
# Size limits, each refusing only what passes it: one record (a JSON line or a .txt article), and one
# file's (decompressed) content.
LINE_LIMIT_BYTES = 10 << 20
FILE_LIMIT_BYTES = 2 << 30
CHUNK_BYTES = 1 << 20
NUL_DETAIL = "NUL byte"
# A .jsonl file with more bad lines than this, and more bad lines than articles, is not JSON Lines.
MAX_BAD_LINES = 1_000
_NOT_BLANK = re.compile(rb"[^ \t\r\n]")


@dataclass(frozen=True)
class Part:
    """A byte range of a file's (gunzipped) content, from a line's start; and the file's size and
    modification time when it was planned (a part is read only from the file it was planned on)."""

    start: int
    end: int | None  # None: to the end of the file
    first_line: int
    stamp: tuple[int, int]


@dataclass(frozen=True)
class InputFile:
    """One file to load, identified by the hash of its bytes; with `part`, one part of it."""

    path: Path
    sha256: str
    size_bytes: int
    part: Part | None = None


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

    A file that cannot be read, a dangling link and a folder that cannot be listed are still returned
    (empty hash) so that reading them quarantines them.
    """
    found: dict[Path, InputFile] = {}
    missing: list[Path] = []
    for root in paths:
        if root.is_file():
            candidates = [root]
        elif root.is_dir():
            candidates = _paths_below(root)
        else:
            missing.append(root)
            continue
        for path in candidates:
            if not is_not_article_file(path):
                where = path.resolve() if path.exists() else path.absolute()
                found[where] = _hashed(where)
    return sorted(found.values(), key=lambda f: str(f.path)), missing


def _paths_below(root: Path) -> list[Path]:
    """Files below a folder (linked folders not followed), dangling links, and folders that cannot be listed."""
    unlisted: list[Path] = []
    paths: list[Path] = []
    for folder, _, names in os.walk(root, onerror=lambda err: unlisted.append(Path(err.filename))):
        for name in names:
            path = Path(folder, name)
            if path.is_file() or (path.is_symlink() and not path.exists()):
                paths.append(path)
    return sorted(paths + unlisted)


def _hashed(path: Path) -> InputFile:
    """The file with the SHA-256 of its bytes (empty when unreadable)."""
    try:
        with path.open("rb") as handle:
            digest = hashlib.file_digest(handle, "sha256").hexdigest()
        return InputFile(path, digest, path.stat().st_size)
    except OSError:
        return InputFile(path, "", 0)


def inner_suffix(path: Path) -> str:
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
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as err:
            raise InputProblem("not_utf8", f"not valid UTF-16 (at offset {err.start})") from None
    if b"\x00" in data:
        raise InputProblem("binary", f"binary content (NUL byte at offset {data.index(0)}), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        detail = f"not valid UTF-8 (byte 0x{data[err.start]:02x} at offset {err.start})"
        raise InputProblem("not_utf8", detail) from None


@dataclass
class Tally:
    """What was read of one file: the SHA-256 and size of its bytes, and how much they decompressed to."""

    digest: Any = field(default_factory=hashlib.sha256)
    size_bytes: int = 0
    text_bytes: int = 0


class HashingReader:
    """A binary reader that hashes and counts every byte read through it."""

    def __init__(self, handle: BinaryIO, tally: Tally) -> None:
        self.handle = handle
        self.tally = tally

    def read(self, size: int = -1) -> bytes:
        """Up to `size` bytes of the file, hashed and counted."""
        data = self.handle.read(size)
        self.tally.digest.update(data)
        self.tally.size_bytes += len(data)
        return data

    def seek(self, offset: int, whence: int = 0) -> int:
        """Refuse to move: the bytes are hashed in the order they are read."""
        raise io.UnsupportedOperation("an input file is read once, front to back")


def _chunks(stream: HashingReader | gzip.GzipFile) -> Iterator[bytes]:
    """The stream's bytes in chunks; raises InputProblem for a broken gzip stream."""
    try:
        while chunk := stream.read(CHUNK_BYTES):
            yield chunk
    except EOFError:
        raise InputProblem("bad_gzip", "truncated gzip (stream ends early)") from None
    except (gzip.BadGzipFile, zlib.error) as err:
        raise InputProblem("bad_gzip", f"corrupt gzip ({err})") from None


def _bounded(chunks: Iterable[bytes], tally: Tally) -> Iterator[bytes]:
    """The chunks, counted; raises InputProblem once they pass the per-file limit."""
    for chunk in chunks:
        tally.text_bytes += len(chunk)
        if tally.text_bytes > FILE_LIMIT_BYTES:
            raise InputProblem("too_large", f"file larger than the {_size(FILE_LIMIT_BYTES)} limit (decompressed)")
        yield chunk


def _size(limit: int) -> str:
    """A byte limit in words (10 MB, 2 GB)."""
    for unit, scale in (("GB", 1 << 30), ("MB", 1 << 20), ("kB", 1 << 10)):
        if limit >= scale and limit % scale == 0:
            return f"{limit // scale} {unit}"
    return f"{limit} bytes"


def content_chunks(path: Path, handle: BinaryIO, tally: Tally) -> Iterator[bytes]:
    """The file's (gunzipped) bytes in chunks, hashed, counted and bounded."""
    reader = HashingReader(handle, tally)
    stream = gzip.GzipFile(fileobj=reader, mode="rb") if path.suffix.lower() == ".gz" else reader
    return _bounded(_chunks(stream), tally)


@dataclass(frozen=True)
class RawLine:
    """One LF-terminated line of a file without its leading JSON white space: its number, the offset
    of its first byte kept, and its bytes (None when the line is longer than the line limit)."""

    number: int
    offset: int
    data: bytes | None
    length: int


def split_lines(chunks: Iterable[bytes], limit: int, first_line: int = 1, start: int = 0) -> Iterator[RawLine]:
    """The LF-separated lines of a byte stream that hold more than JSON white space (skipped at C speed).

    A line above `limit` bytes comes without its bytes (a negative limit: no line keeps its bytes). The
    stream starts at line `first_line`, at offset `start` of the file.
    """
    number, offset, length = first_line, start, 0
    pending: list[bytes] | None = []
    for chunk in chunks:
        start = 0
        while True:
            if not length:
                found = _NOT_BLANK.search(chunk, start)
                stop = found.start() if found else len(chunk)
                number += chunk.count(b"\n", start, stop)
                offset += stop - start
                start = stop
                if not found:
                    break
            end = chunk.find(b"\n", start)
            if end == -1:
                break
            length += end - start
            data = None if pending is None or length > limit else b"".join([*pending, chunk[start:end]])
            yield RawLine(number, offset, data, length)
            number, offset, length, pending = number + 1, offset + length + 1, 0, []
            start = end + 1
        length += len(chunk) - start
        if pending is not None and length > limit:
            pending = None
        elif pending is not None and start < len(chunk):
            pending.append(chunk[start:])
    if length:
        yield RawLine(number, offset, None if pending is None else b"".join(pending), length)


def _utf8_chunks(chunks: Iterator[bytes]) -> Iterator[bytes]:
    """The chunks as UTF-8: a BOM-marked UTF-16 file is decoded whole and re-encoded; raises InputProblem."""
    first = next(chunks, b"")
    if not first.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        yield first
        yield from chunks
        return
    yield _decode(b"".join([first, *chunks])).encode("utf-8")


def decode_line(line: RawLine) -> str | Problem:
    """The text of one JSON Lines line, or why its bytes are not text (with the byte offset)."""
    if line.data is None:
        return Problem("line_too_long", f"line longer than the {_size(LINE_LIMIT_BYTES)} limit ({line.length} bytes)")
    data = line.data.removeprefix(codecs.BOM_UTF8) if line.offset == 0 else line.data
    skipped = len(line.data) - len(data)
    if (nul := data.find(b"\x00")) != -1:
        return Problem("bad_bytes", f"{NUL_DETAIL} at offset {line.offset + skipped + nul} of the file")
    try:
        return data.decode("utf-8").removesuffix("\r")
    except UnicodeDecodeError as err:
        where = line.offset + skipped + err.start
        return Problem("bad_bytes", f"not valid UTF-8 (byte 0x{data[err.start]:02x} at offset {where} of the file)")


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


@dataclass(frozen=True)
class FileRead:
    """What one input file gave, and the SHA-256 and size of the bytes actually read ("" and 0 when unreadable)."""

    articles: list[LoadedArticle]
    rejected: list[Rejected]
    sha256: str
    size_bytes: int


def read_input(file: InputFile, field_map: Mapping[str, str] | None = None) -> FileRead:
    """Articles and rejects of one whole input file, its bytes read, hashed and parsed in one pass."""
    where = str(file.path)
    tally = Tally()
    try:
        with file.path.open("rb") as handle:
            try:
                articles, rejected = _parse(file.path, content_chunks(file.path, handle, tally), field_names(field_map))
            except InputProblem as err:
                articles, rejected = [], [Rejected.of(where, None, err.problem)]
            reader = HashingReader(handle, tally)
            while reader.read(CHUNK_BYTES):
                continue
    except IsADirectoryError:
        return _unreadable(where, "unreadable folder (its files cannot be listed)")
    except OSError as err:
        return _unreadable(where, f"unreadable file ({err.strerror or err})")
    return FileRead(articles, rejected, tally.digest.hexdigest(), tally.size_bytes)


def _unreadable(where: str, detail: str) -> FileRead:
    """An input that could not be read: nothing read, one reject."""
    return FileRead([], [Rejected(where, None, "unreadable", detail)], "", 0)


def _parse(
    path: Path, chunks: Iterator[bytes], names: Mapping[str, tuple[str, ...]]
) -> tuple[list[LoadedArticle], list[Rejected]]:
    """Articles and rejects of a file's content by its kind; raises InputProblem for a whole bad file."""
    where = str(path)
    kind = inner_suffix(path)
    if kind in TEXT_SUFFIXES:
        return _read_text_article(where, path, _decode(_article_bytes(chunks)))
    if kind not in JSONL_SUFFIXES:
        raise InputProblem("unsupported_type", f"unsupported file type {''.join(path.suffixes) or '(none)'}")
    return jsonl_content(where, split_lines(_utf8_chunks(chunks), LINE_LIMIT_BYTES), names)


def jsonl_content(
    where: str, lines: Iterable[RawLine], names: Mapping[str, tuple[str, ...]]
) -> tuple[list[LoadedArticle], list[Rejected]]:
    """Articles and rejects of JSON Lines content (a file or a part); raises InputProblem for content that is bad
    as a whole (empty, not text, not JSON Lines)."""
    loaded, rejected = _read_jsonl(where, lines, names)
    if not loaded and not rejected:
        raise InputProblem("empty", "empty file (no articles)")
    bad_bytes = [r for r in rejected if r.code == "bad_bytes"]
    if not loaded and bad_bytes:
        raise _not_text(bad_bytes)
    return loaded, rejected


def _not_text(bad_bytes: list[Rejected]) -> InputProblem:
    """The whole-file problem of a JSON Lines file with no article and bytes that are not text."""
    first = next((r for r in bad_bytes if r.reason.startswith(NUL_DETAIL)), bad_bytes[0])
    code = "binary" if first.reason.startswith(NUL_DETAIL) else "not_utf8"
    return InputProblem(code, f"no article and bytes that are not text (line {first.line_number}: {first.reason})")


def _article_bytes(chunks: Iterator[bytes]) -> bytes:
    """The whole content of a one-article file; raises InputProblem past the line limit (one record)."""
    kept: list[bytes] = []
    size = 0
    for chunk in chunks:
        size += len(chunk)
        if size > LINE_LIMIT_BYTES:
            raise InputProblem("too_large", f"article file larger than the {_size(LINE_LIMIT_BYTES)} limit")
        kept.append(chunk)
    return b"".join(kept)


def _read_text_article(where: str, path: Path, text: str) -> tuple[list[LoadedArticle], list[Rejected]]:
    """A .txt file is one article; empty files are rejected."""
    if not text.strip():
        return [], [Rejected(where, None, "empty", "empty article (no text)")]
    stem = path.name.split(".")[0]
    article = Article(doc_id=doc_id_for(text), text=text)
    return [LoadedArticle(article, where, None, stem)], []


def _excerpt(line: RawLine) -> str | None:
    """The start of a line whose bytes are not text, bad bytes escaped."""
    if line.data is None:
        return None
    return line.data[:200].decode("utf-8", "backslashreplace").replace("\x00", "\\x00")


def _read_jsonl(
    where: str, lines: Iterable[RawLine], names: Mapping[str, tuple[str, ...]]
) -> tuple[list[LoadedArticle], list[Rejected]]:
    """One article per non-blank line; each bad line (bad bytes, too long, not an article) rejected with its number."""
    loaded: list[LoadedArticle] = []
    rejected: list[Rejected] = []
    for line in lines:
        text = decode_line(line)
        if isinstance(text, Problem):
            rejected.append(Rejected.of(where, line.number, text, _excerpt(line)))
        elif text.strip():
            parsed = read_jsonl_line(text, names)
            if isinstance(parsed, Problem):
                rejected.append(Rejected.of(where, line.number, parsed, text[:200]))
            else:
                loaded.append(LoadedArticle(parsed.article, where, line.number, parsed.external_id))
        if len(rejected) > max(MAX_BAD_LINES, len(loaded)):
            raise InputProblem("not_jsonl", f"not JSON Lines: {len(rejected)} bad lines, {len(loaded)} articles")
    return loaded, rejected
