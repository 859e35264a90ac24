"""The figure under construction (`Draft`) and the text it is read from (`Doc`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple

from flows.text.figure_lexicon import CURRENCY_WORDS
from flows.text.figures.patterns import alternation

CURRENCY_ANYWHERE_RE = re.compile(rf"(?<!\w)({alternation([w for w in CURRENCY_WORDS if len(w) > 3])})(?!\w)|(\$|€|£)")


class Draft(NamedTuple):
    """A figure under construction; `kind` is exact, vague, approx, range or article."""

    start: int
    end: int
    value: float | None
    lower: float | None
    upper: float | None
    kind: str
    has_digits: bool
    scale: float | None = None
    qualifier: str = "exact"
    unit: str | None = None
    unit_kind: str | None = None  # percent, money, time, measure
    age: bool = False
    object: str | None = None
    object_known: bool = False
    category: str | None = None
    noun_end: int = -1


@dataclass(frozen=True)
class Doc:
    """The text twice: digits made ASCII (`text`) and lowercased (`low`)."""

    text: str
    low: str
    language: str

    @cached_property
    def currencies(self) -> tuple[tuple[int, ...], tuple[re.Match[str], ...]]:
        """Every currency named in the text (ends, matches), found in one pass."""
        matches = tuple(CURRENCY_ANYWHERE_RE.finditer(self.low))
        return tuple(m.end() for m in matches), matches
