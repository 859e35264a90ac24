"""Boilerplate learned from a batch: lines that many distinct documents of one source repeat.

`learn_boilerplate` groups (source, raw text) pairs by source, counts in how many distinct
documents each normalised line occurs, and keeps lines seen in at least `min_docs` of them.
Documents without a source are never pooled: lines repeated across different publishers are
not any publisher's boilerplate. Sources are compared case-insensitively.
Documents are de-duplicated by their longest line first, so a re-scraped article counted twice
does not turn its own sentences into boilerplate. The result is a frozen, inspectable record
(source, line key, example text, document count) that can be stored as is.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

MIN_DOCS = 3  # a line must occur in at least this many distinct documents of a source
MAX_LINE_WORDS = 80  # longer lines are never treated as boilerplate
MIN_LINE_CHARS = 3  # shorter lines carry too little to be learned

_SPACE_RE = re.compile(r"\s+")
_DIGIT_RE = re.compile(r"\d")
_INVISIBLE_RE = re.compile(r"[\u200b-\u200f\u2060\ufeff\u00ad]")


@dataclass(frozen=True)
class BoilerplateLine:
    """One learned line: its source, normalised key, a raw example and its document count."""

    source: str
    key: str
    text: str
    doc_count: int


@dataclass(frozen=True)
class Boilerplate:
    """Learned boilerplate lines for one or more sources, with the learning parameters."""

    lines: tuple[BoilerplateLine, ...] = ()
    min_docs: int = MIN_DOCS
    docs_per_source: tuple[tuple[str, int], ...] = ()

    def keys(self) -> frozenset[str]:
        """Return the normalised keys of every learned line."""
        return frozenset(line.key for line in self.lines)

    def for_source(self, source: str | None) -> Boilerplate:
        """Return the part of this record learned from one source (nothing for no source)."""
        if not source:
            return Boilerplate(min_docs=self.min_docs)
        wanted = source_key(source)
        kept = tuple(line for line in self.lines if line.source == wanted)
        docs = tuple(item for item in self.docs_per_source if item[0] == wanted)
        return Boilerplate(lines=kept, min_docs=self.min_docs, docs_per_source=docs)


def source_key(source: str) -> str:
    """Return the key sources are grouped by: casefolded, spaces collapsed."""
    return _SPACE_RE.sub(" ", source.casefold()).strip()


def line_key(line: str) -> str:
    """Return the matching key of a line: NFC, casefolded, digits masked, spaces collapsed."""
    text = unicodedata.normalize("NFC", _INVISIBLE_RE.sub("", line)).casefold()
    return _SPACE_RE.sub(" ", _DIGIT_RE.sub("0", text)).strip()


def is_learnable(line: str) -> bool:
    """Return whether a line may become boilerplate (not too short, not too long)."""
    stripped = line.strip()
    return len(stripped) >= MIN_LINE_CHARS and len(stripped.split()) <= MAX_LINE_WORDS


def document_fingerprint(text: str) -> str:
    """Return a fingerprint of a document's longest line, to spot re-scraped duplicates."""
    longest = max(text.splitlines() or [""], key=len)
    return hashlib.sha1(line_key(longest).encode("utf-8")).hexdigest()


def count_lines(texts: Sequence[str]) -> tuple[Counter[str], dict[str, str], int]:
    """Return per-key distinct-document counts, a first raw example per key, and doc count."""
    counts: Counter[str] = Counter()
    examples: dict[str, str] = {}
    seen_docs: set[str] = set()
    for text in texts:
        fingerprint = document_fingerprint(text)
        if fingerprint in seen_docs:
            continue
        seen_docs.add(fingerprint)
        keys = {line_key(line): line.strip() for line in text.splitlines() if is_learnable(line)}
        counts.update(keys.keys())
        for key, raw in keys.items():
            examples.setdefault(key, raw)
    return counts, examples, len(seen_docs)


def learn_boilerplate(
    articles: Sequence[tuple[str | None, str]],
    *,
    min_docs: int = MIN_DOCS,
) -> Boilerplate:
    """Return the lines repeated in at least min_docs distinct documents of each (known) source."""
    by_source: dict[str, list[str]] = defaultdict(list)
    for source, text in articles:
        if source and source.strip():
            by_source[source_key(source)].append(text or "")
    lines: list[BoilerplateLine] = []
    docs_per_source: list[tuple[str, int]] = []
    for source in sorted(by_source):
        counts, examples, n_docs = count_lines(by_source[source])
        docs_per_source.append((source, n_docs))
        for key in sorted(k for k, n in counts.items() if n >= min_docs):
            lines.append(BoilerplateLine(source, key, examples[key], counts[key]))
    return Boilerplate(lines=tuple(lines), min_docs=min_docs, docs_per_source=tuple(docs_per_source))
