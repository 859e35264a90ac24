"""Articles from JSON records as real feeds write them: field-name aliases and the source fallback.

A record's body is its `text`; its metadata (published date, source, url, title, author) is read
under any of the common field names below, compared case-insensitively, or under names a user
maps with the `metadata_fields` setting. When no source is given, the URL's host stands in for it:
boilerplate is learned per source, so articles of one publisher must share a key and articles of
different publishers must not.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from flows.text.records import Article

# Canonical field -> the names feeds use for it, most specific first (compared casefolded).
# Dataset provenance fields such as `source_path` or `source_repo` are deliberately absent.
FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("id", "doc_id", "article_id", "guid", "uuid", "_id"),
    "text": ("text", "body", "content", "article_text", "article_body", "articlebody", "maintext"),
    "published_at": (
        "published_at",
        "publishedat",
        "published",
        "pubdate",
        "pub_date",
        "publish_date",
        "publishdate",
        "publication_date",
        "date_published",
        "datepublished",
        "published_date",
        "date",
        "datetime",
        "timestamp",
        "created_at",
        "time",
    ),
    "source": (
        "source",
        "source_name",
        "publisher",
        "newspaper",
        "site",
        "site_name",
        "sitename",
        "outlet",
        "publication",
        "domain",
    ),
    "url": ("url", "link", "canonical_url", "article_url", "source_url", "href", "uri"),
    "title": ("title", "headline", "heading"),
    "author": ("author", "authors", "byline", "creator", "writer"),
}
METADATA_FIELDS = ("published_at", "source", "url", "title", "author")
# Values scrapers write for "nothing here".
_EMPTY_VALUES = frozenset({"", "none", "null", "nan", "n/a", "undefined"})


@dataclass(frozen=True)
class ParsedRecord:
    """An article read from a JSON record, with the record's own id (if any)."""

    article: Article
    external_id: str | None


def doc_id_for(text: str) -> str:
    """Stable document id: the first 16 hex digits of the SHA-256 of the raw text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def field_names(field_map: Mapping[str, str] | None = None) -> dict[str, tuple[str, ...]]:
    """Casefolded names per canonical field: the user's mapped name first, then the aliases."""
    names = {key: tuple(a.casefold() for a in aliases) for key, aliases in FIELD_ALIASES.items()}
    for key, name in (field_map or {}).items():
        names[key] = (name.casefold(), *names.get(key, ()))
    return names


def _scalar(value: Any) -> str | None:
    """A metadata value as text: lists give their first item, objects their name; blanks give None."""
    if isinstance(value, list):
        value = next((v for v in value if _scalar(v)), None)
    if isinstance(value, dict):
        value = next((value[k] for k in ("name", "title", "url", "href", "@value") if value.get(k)), None)
    if value is None or isinstance(value, (dict, list, bool)):
        return None
    text = str(value).strip()
    return None if text.casefold() in _EMPTY_VALUES else text


def _lookup(record: Mapping[str, Any], names: tuple[str, ...]) -> Any:
    """The value of the first of the names the record has (case-insensitive), or None."""
    folded = {str(k).casefold(): v for k, v in record.items()}
    return next((folded[n] for n in names if folded.get(n) not in (None, "")), None)


def url_host(url: str | None) -> str | None:
    """The host of an http(s) URL without `www.`, lower-cased, or None."""
    if not url:
        return None
    try:
        host = urlsplit(url if "//" in url else f"//{url}").hostname
    except ValueError:
        return None
    if not host or "." not in host:
        return None
    return host.removeprefix("www.")


@dataclass(frozen=True)
class Problem:
    """Why an input is not an article: a code of `QUARANTINE_REASONS` and a readable detail."""

    code: str
    detail: str


def record_problem(record: object, names: Mapping[str, tuple[str, ...]]) -> Problem | None:
    """Why a parsed JSON value is not an article, or None when it is one."""
    if not isinstance(record, dict):
        return Problem("not_an_object", f"JSON line is a {type(record).__name__}, not an object")
    body = _lookup(record, names["text"])
    if body is None:
        return Problem("no_text", "JSON line has no 'text' field")
    if not isinstance(body, str):
        return Problem("no_text", f"'text' is a {type(body).__name__}, not a string")
    if not body.strip():
        return Problem("empty_text", "empty article (no text)")
    return None


def parse_record(record: Mapping[str, Any], names: Mapping[str, tuple[str, ...]]) -> ParsedRecord:
    """The article of a valid record (see `record_problem`), its metadata under canonical names."""
    body = _lookup(record, names["text"])
    meta = {key: value for key in METADATA_FIELDS if (value := _scalar(_lookup(record, names[key])))}
    if "source" not in meta and (host := url_host(meta.get("url"))):
        meta["source"] = host
    external = _scalar(_lookup(record, names["id"]))
    article = Article(
        doc_id=doc_id_for(body), text=body, source=meta.get("source"), title=meta.get("title"), metadata=meta
    )
    return ParsedRecord(article, external)
