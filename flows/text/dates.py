"""Publication dates as scrapers write them ("2012-05-01 12:48:51", "22 juin 2012", "12 مايو 2015")."""

from __future__ import annotations

from datetime import UTC, datetime
from functools import lru_cache

import dateparser

# Absolute dates only: a relative "yesterday" would depend on when the run happens.
_SETTINGS = {
    "PARSERS": ["timestamp", "custom-formats", "absolute-time"],
    "STRICT_PARSING": True,
    "RETURN_AS_TIMEZONE_AWARE": True,
    "TIMEZONE": "UTC",
    "TO_TIMEZONE": "UTC",
}


def _iso(text: str) -> datetime | None:
    """The ISO 8601 reading of the text, in UTC (naive values taken as UTC), or None."""
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        return None
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)


@lru_cache(maxsize=8192)
def parse_published_at(text: str | None, language: str | None = None) -> datetime | None:
    """The UTC instant a publication date names (day, month and year all given), or None."""
    if not text or not text.strip():
        return None
    cleaned = text.strip()
    iso = _iso(cleaned)
    if iso is not None:
        return iso
    # The article's language first; a feed may write dates in another one, so then any language.
    hints = [[language], None] if language and language != "und" else [None]
    for languages in hints:
        try:
            parsed = dateparser.parse(cleaned, languages=languages, settings=_SETTINGS)
        except (ValueError, OverflowError):
            continue
        if parsed is not None:
            return parsed
    return None
