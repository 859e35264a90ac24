"""learn_boilerplate: lines repeated across distinct documents of one source, per source."""

from __future__ import annotations

import pytest

from flows.text.boilerplate import Boilerplate, learn_boilerplate, line_key

TRAILER = "Support independent local news today"
BODIES = [
    "The river rose by two metres overnight.\nFarmers moved their cattle to higher ground.",
    "A new library opened in the old station.\nIt holds forty thousand books.",
    "The ferry timetable changes next month.\nMorning crossings will start earlier.",
    "Two climbers were rescued from the ridge.\nBoth were treated for mild cold injuries.",
]


def _batch(source: str | None, n_docs: int, line: str = TRAILER) -> list[tuple[str | None, str]]:
    """Return n_docs distinct articles of one source, each ending with line."""
    return [(source, body + "\n" + line) for body in BODIES[:n_docs]]


@pytest.mark.parametrize(
    ("articles", "learned"),
    [
        # three distinct documents of a source repeat the line: learned
        (_batch("site-a", 3), {("site-a", line_key(TRAILER))}),
        # two documents are below the default min_docs of 3
        (_batch("site-a", 2), set()),
        # the same line in three different sources is not one source's boilerplate
        (_batch("site-a", 1) + _batch("site-b", 1) + _batch("site-c", 1), set()),
        # a re-scraped duplicate counts once
        (_batch("site-a", 2) + _batch("site-a", 2), set()),
        # digits are masked: dated variants of one line are one key
        (
            [(s, t.replace(TRAILER, f"Updated {i}1 May")) for i, (s, t) in enumerate(_batch("site-a", 3))],
            {("site-a", line_key("Updated 01 May"))},
        ),
        # documents without a source are never pooled: no publisher to learn from
        (_batch(None, 3), set()),
        # sources are compared case-insensitively
        (_batch("Site-A", 2) + [("site-a ", BODIES[2] + "\n" + TRAILER)], {("site-a", line_key(TRAILER))}),
    ],
)
def test_learn_boilerplate_keeps_lines_repeated_in_min_docs_of_a_source(articles, learned) -> None:
    result = learn_boilerplate(articles)
    assert {(line.source, line.key) for line in result.lines} == learned


def test_learn_boilerplate_records_counts_and_examples() -> None:
    result = learn_boilerplate(_batch("site-a", 4) + _batch("site-b", 1))
    assert isinstance(result, Boilerplate)
    (line,) = result.lines
    assert (line.source, line.text, line.doc_count) == ("site-a", TRAILER, 4)
    assert dict(result.docs_per_source) == {"site-a": 4, "site-b": 1}


def test_learn_boilerplate_min_docs_is_a_parameter() -> None:
    assert learn_boilerplate(_batch("site-a", 2), min_docs=2).keys() == {line_key(TRAILER)}


def test_learn_boilerplate_is_deterministic_and_order_free() -> None:
    batch = _batch("site-b", 3) + _batch("site-a", 4)
    assert learn_boilerplate(batch) == learn_boilerplate(list(reversed(batch)))


def test_boilerplate_for_source_keeps_only_that_source() -> None:
    result = learn_boilerplate(_batch("site-a", 3) + _batch("site-b", 3, "Follow the Herald"))
    assert result.for_source("site-b").keys() == {line_key("Follow the Herald")}
    assert result.for_source("site-z").lines == ()
