"""`newsetl extract`: the text stages over JSON Lines, and on stderr what they did."""

from __future__ import annotations

import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Any

from flows.cli.errors import EXIT_OK, UsageError


def extract_command(args: Any, overrides: dict[str, Any]) -> int:
    """Read articles, write one output record per input line; say what was done unless --quiet."""
    from flows.extract import extract_records, write_records
    from flows.io.workers import analyser
    from flows.settings import load_settings

    settings = load_settings(overrides)
    began = time.perf_counter()
    source = open_text(args.input, "r")
    try:
        sink = open_text(args.output, "w")
    except UsageError:
        source.close()
        raise
    tally: Counter[str] = Counter()
    try:
        analyse = analyser(settings.workers, settings.batch_docs)
        records = extract_records(source, analyse, settings.batch_docs, dict(settings.metadata_fields))
        write_records(counted(records, tally), sink)
    except UnicodeDecodeError as err:
        raise UsageError(f"input is not UTF-8 text ({err.reason} at byte {err.start})") from None
    finally:
        for handle in (source, sink):
            if handle not in (sys.stdin, sys.stdout):
                handle.close()
    if not args.quiet:
        print(f"newsetl extract: {describe(tally, time.perf_counter() - began)}", file=sys.stderr)
    return EXIT_OK


def counted(records: Iterable[dict[str, Any]], tally: Counter[str]) -> Iterator[dict[str, Any]]:
    """The records unchanged, counting documents, quarantined lines, figures and entity mentions as they pass."""
    for record in records:
        tally["records"] += 1
        if record.get("status") == "ok":
            tally["documents"] += 1
            tally["figures"] += len(record.get("figures") or ())
            tally["mentions"] += len(record.get("entities") or ())
        else:
            tally["quarantined"] += 1
        yield record


def describe(tally: Counter[str], seconds: float) -> str:
    """One line: how many documents, quarantined lines, figures and mentions, in how long."""
    return (
        f"{tally['documents']:,} documents ({tally['quarantined']:,} quarantined), "
        f"{tally['figures']:,} figures, {tally['mentions']:,} entity mentions in {seconds:.1f} s"
    )


def open_text(name: str, mode: str) -> Any:
    """An opened text file, or stdin/stdout for '-'; a one-line error when it cannot be opened."""
    if name == "-":
        return sys.stdin if mode == "r" else sys.stdout
    try:
        return open(name, mode, encoding="utf-8")
    except OSError as err:
        raise UsageError(f"cannot open {name}: {err.strerror or err}") from None
