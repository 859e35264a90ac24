"""Publication dates: absolute dates in several languages, never a relative or partial guess."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from flows.text.dates import parse_published_at


def _utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("2012-05-01 12:48:51", None, _utc(2012, 5, 1, 12, 48, 51)),  # ISO without zone: taken as UTC
        ("2023-09-26T10:00:00+02:00", None, _utc(2023, 9, 26, 8)),  # ISO with zone: converted to UTC
        ("22 juin 2012", "fr", _utc(2012, 6, 22)),  # French month name
        ("22 juin 2012", None, _utc(2012, 6, 22)),  # no language hint needed
        ("1 de mayo de 2012", "es", _utc(2012, 5, 1)),  # Spanish
        ("12 مايو 2015", "ar", _utc(2015, 5, 12)),  # Arabic month name
        ("May 3, 2012", "en", _utc(2012, 5, 3)),  # US order
        ("9 августа 2015", "en", _utc(2015, 8, 9)),  # a date in another language than the article's
        ("Tue, 03 Jun 2008 11:05:30 GMT", "en", _utc(2008, 6, 3, 11, 5, 30)),  # RSS pubDate (RFC 822)
        ("Mon, 10 Aug 2015 08:00:00 +0300", None, _utc(2015, 8, 10, 5)),  # RFC 822 with an offset
        ("1438000000", None, _utc(2015, 7, 27, 12, 26, 40)),  # Unix timestamp
        ("yesterday", "en", None),  # relative: would depend on the run date
        ("Mai 2012", "de", None),  # no day: not a date
        ("", None, None),  # empty
        (None, None, None),  # missing
        ("garbage", "en", None),  # not a date at all
    ],
)
def test_parse_published_at_reads_absolute_dates_only(text, language, expected):
    assert parse_published_at(text, language) == expected
