"""Files loaded in parts: a JSON Lines file larger than a batch becomes several batches.

A part is a byte range of the file's content (gunzipped), starting just after a line's LF (or at 0) and
holding whole lines, at least one of them not blank, so it always yields an article or a quarantined line.
The parts of a file are planned from its content alone (their size and what is already committed), so a
re-run plans the same parts; each is read on its own: a plain file seeks to it, a gzip file is decompressed
from its start (gzip has no index). A whole-file verdict (not JSON Lines, not text) is made per part.
"""

from __future__ import annotations

import codecs
import gzip
import zlib
from collections.abc import Iterable, Iterator, Mapping
from itertools import chain
from pathlib import Path
from typing import BinaryIO

from flows.io.metadata import field_names
from flows.io.sources import (
    CHUNK_BYTES,
    JSONL_SUFFIXES,
    LINE_LIMIT_BYTES,
    FileRead,
    HashingReader,
    InputFile,
    InputProblem,
    Part,
    RawLine,
    Rejected,
    Tally,
    content_chunks,
    inner_suffix,
    jsonl_content,
    read_input,
    split_lines,
)


class InputChanged(RuntimeError):
    """A file loaded in parts changed after its parts were planned (the run fails; the next one loads it anew)."""


def load_input(file: InputFile, field_map: Mapping[str, str] | None = None) -> FileRead:
    """What one input gave: a whole file (read and hashed) or one part of one (InputChanged: the file changed)."""
    return read_input(file, field_map) if file.part is None else read_part(file, file.part, field_map)


def _stamp(path: Path) -> tuple[int, int]:
    """A file's size and modification time (ns): what says it has not changed since it was hashed."""
    stat = path.stat()
    return stat.st_size, stat.st_mtime_ns


def read_part(file: InputFile, part: Part, field_map: Mapping[str, str] | None) -> FileRead:
    """Articles and rejects of one part of a JSON Lines file; InputChanged when the file changed since planning.

    An OSError is raised, not quarantined: the file was read whole moments ago, so the failure is the
    machine's (the task is retried) and a part recorded as read would never be loaded again.
    """
    where = str(file.path)
    changed = f"{where} changed while it was loaded in parts; run again to load its new content"
    if _stamp(file.path) != part.stamp:
        raise InputChanged(changed)
    with file.path.open("rb") as handle:
        lines = split_lines(part_chunks(file.path, handle, part), LINE_LIMIT_BYTES, part.first_line, part.start)
        try:
            articles, rejected = jsonl_content(where, lines, field_names(field_map))
        except InputProblem as err:
            articles, rejected = [], [Rejected.of(where, None, err.problem)]
    if _stamp(file.path) != part.stamp:
        raise InputChanged(changed)
    return FileRead(articles, rejected, file.sha256, file.size_bytes)


def part_chunks(path: Path, handle: BinaryIO, part: Part) -> Iterator[bytes]:
    """The bytes of a part of a file's (gunzipped) content, in chunks; raises InputProblem for a broken gzip stream."""
    stream: BinaryIO | gzip.GzipFile = handle
    try:
        if path.suffix.lower() == ".gz":
            stream = gzip.GzipFile(fileobj=handle, mode="rb")
        stream.seek(part.start)  # a gzip stream is decompressed up to there
        left = None if part.end is None else part.end - part.start
        while left is None or left > 0:
            chunk = stream.read(CHUNK_BYTES if left is None else min(CHUNK_BYTES, left))
            if not chunk:
                return
            left = None if left is None else left - len(chunk)
            yield chunk
    except EOFError:
        raise InputProblem("bad_gzip", "truncated gzip (stream ends early)") from None
    except (gzip.BadGzipFile, zlib.error) as err:
        raise InputProblem("bad_gzip", f"corrupt gzip ({err})") from None


def plan_parts(file: InputFile, part_bytes: int, committed: Mapping[int, int | None] | None = None) -> list[InputFile]:
    """The parts of a JSON Lines file still to load, each of about `part_bytes` (at least one line); [file] for a
    file loaded whole (small, not JSON Lines, UTF-16, unreadable or bad as a whole: reading it says why).

    `committed` maps the start of each part already committed to its end (None: the end of the file); the other
    parts are planned over what they leave, so a re-run loads exactly the missing lines whatever the part size.
    """
    committed = dict(committed or {})
    plain = file.path.suffix.lower() != ".gz"
    if inner_suffix(file.path) not in JSONL_SUFFIXES or (not committed and plain and file.size_bytes <= part_bytes):
        return [file]
    tally = Tally()
    try:
        stamp = _stamp(file.path)
        with file.path.open("rb") as handle:
            chunks = content_chunks(file.path, handle, tally)
            first = next(chunks, b"")
            if first.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
                return [file]
            spans = part_spans(split_lines(chain([first], chunks), -1), part_bytes, committed)
            reader = HashingReader(handle, tally)
            while reader.read(CHUNK_BYTES):
                continue
        if _stamp(file.path) != stamp or tally.digest.hexdigest() != file.sha256:
            return [file]  # changed since it was hashed: read whole, under the hash of the bytes read
    except (OSError, InputProblem):
        return [file]
    if not committed and len(spans) <= 1:
        return [file]
    return [InputFile(file.path, file.sha256, file.size_bytes, Part(*span, stamp)) for span in spans]


def part_spans(
    lines: Iterable[RawLine], part_bytes: int, committed: Mapping[int, int | None]
) -> list[tuple[int, int | None, int]]:
    """(start, end or None, first line) of the parts that cover the lines outside the committed parts.

    A part starts just after a line's LF (or at 0) and holds whole lines, at least one of them not blank;
    a new part starts once the current one holds `part_bytes` or at a committed part's start.
    """
    spans: list[tuple[int, int | None, int]] = []
    start: int | None = None
    first = 0
    skipping, skip_end = False, None
    boundary, number = 0, 1  # where the unit of the next non-blank line starts, and that start's line number
    for line in lines:
        if skipping and boundary == skip_end:
            skipping = False
        if not skipping and boundary in committed:
            if start is not None:
                spans.append((start, boundary, first))
                start = None
            skipping, skip_end = True, committed[boundary]
            if skip_end is None:
                return spans
        if not skipping:
            if start is None:
                start, first = boundary, number
            elif boundary - start >= part_bytes:
                spans.append((start, boundary, first))
                start, first = boundary, number
        boundary, number = line.offset + line.length + 1, line.number + 1
    if start is not None:
        spans.append((start, None, first))
    return spans
