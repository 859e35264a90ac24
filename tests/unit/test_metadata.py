"""Article metadata from JSON records: field aliases, blanks, the URL-host source fallback."""

from __future__ import annotations

import pytest

from flows.io.metadata import Problem, doc_id_for, field_names, parse_record, record_problem, url_host
from flows.text.vocabulary import QUARANTINE_REASONS

NAMES = field_names()


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        # the canonical names
        (
            {
                "text": "x",
                "published_at": "2020-01-02",
                "source": "Wire",
                "url": "https://a.test/1",
                "title": "T",
                "author": "A. Writer",
            },
            {
                "published_at": "2020-01-02",
                "source": "Wire",
                "url": "https://a.test/1",
                "title": "T",
                "author": "A. Writer",
            },
        ),
        # common feed names, any case
        (
            {"text": "x", "pubDate": "Tue, 03 Jun 2008 11:05:30 GMT", "Newspaper": "Herald"},
            {"published_at": "Tue, 03 Jun 2008 11:05:30 GMT", "source": "Herald"},
        ),
        (
            {"text": "x", "date": "2015-08-09 17:28:38", "link": "http://www.news.test/a/b"},
            {"published_at": "2015-08-09 17:28:38", "url": "http://www.news.test/a/b", "source": "news.test"},
        ),
        # no source: the URL's host (without www.) stands in
        (
            {"text": "x", "url": "https://www.example.org/story"},
            {"url": "https://www.example.org/story", "source": "example.org"},
        ),
        # blanks and "None" strings are absent values; the more specific alias wins over `date`
        (
            {"text": "x", "title": "None", "author": "", "published": "2012-05-01", "date": "ignored"},
            {"published_at": "2012-05-01"},
        ),
        # lists give their first item, objects their name
        (
            {"text": "x", "authors": ["", "B. Reporter"], "publisher": {"name": "Daily"}},
            {"author": "B. Reporter", "source": "Daily"},
        ),
        # dataset provenance fields are not the publisher
        ({"text": "x", "source_path": "data/train.csv", "source_repo": "someone/dataset"}, {}),
    ],
)
def test_parse_record_reads_metadata_under_common_names(record, expected):
    parsed = parse_record(record, NAMES)
    assert parsed.article.metadata == expected
    assert parsed.article.source == expected.get("source")
    assert parsed.article.doc_id == doc_id_for("x")


def test_parse_record_takes_a_mapped_field_name_first():
    names = field_names({"published_at": "dc:date", "source": "site_code"})
    parsed = parse_record({"text": "x", "DC:Date": "2021-03-04", "date": "other", "site_code": "S1"}, names)
    assert parsed.article.metadata == {"published_at": "2021-03-04", "source": "S1"}


@pytest.mark.parametrize(
    ("record", "external_id"),
    [
        ({"id": "a1", "text": "x"}, "a1"),  # the usual name
        ({"guid": 42, "text": "x"}, "42"),  # an alias; numbers become text
        ({"text": "x"}, None),  # no id
    ],
)
def test_parse_record_keeps_the_records_own_id(record, external_id):
    assert parse_record(record, NAMES).external_id == external_id


@pytest.mark.parametrize(
    ("record", "problem"),
    [
        ({"id": "a"}, Problem("no_text", "JSON line has no 'text' field")),
        ([1, 2], Problem("not_an_object", "JSON line is a list, not an object")),
        ({"text": 5}, Problem("no_text", "'text' is a int, not a string")),
        ({"text": " \n"}, Problem("empty_text", "empty article (no text)")),
        ({"body": "An article under another name."}, None),  # `body` is an alias of text
    ],
)
def test_record_problem_says_why_a_record_is_not_an_article(record, problem):
    assert record_problem(record, NAMES) == problem
    assert problem is None or problem.code in QUARANTINE_REASONS


@pytest.mark.parametrize(
    ("url", "host"),
    [
        ("https://www.Example.com/a?b=1", "example.com"),
        ("http://news.test:8080/x", "news.test"),
        ("example.net/path", "example.net"),  # no scheme
        ("not a url", None),
        ("http://[broken", None),  # unparsable
        (None, None),
    ],
)
def test_url_host(url, host):
    assert url_host(url) == host
