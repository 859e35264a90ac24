"""Splitting a batch across worker processes keeps order and balances text length."""

from __future__ import annotations

import pytest

from flows.io.workers import split
from flows.text.records import Article


def _articles(*lengths: int) -> list[Article]:
    return [Article(doc_id=str(i), text="x" * n) for i, n in enumerate(lengths)]


@pytest.mark.parametrize(
    ("lengths", "parts", "expected"),
    [
        ((), 2, []),  # nothing to split
        ((10,), 2, [["0"]]),  # fewer articles than parts
        ((10, 10, 10, 10), 2, [["0", "1"], ["2", "3"]]),  # equal lengths: equal halves
        ((30, 10, 10, 10), 2, [["0"], ["1", "2", "3"]]),  # one long article balances three short ones
        ((10, 10, 10), 1, [["0", "1", "2"]]),  # one part keeps everything
    ],
)
def test_split_keeps_order_and_balances_length(lengths, parts, expected):
    chunks = split(_articles(*lengths), parts)
    assert [[a.doc_id for a in c] for c in chunks] == expected
