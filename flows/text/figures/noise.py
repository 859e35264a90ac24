"""Numbers in residual scraper noise (not figures, per the figures guide): social and reading counters
("1.2k SHARES", "12 comments", "3 min read") and shop price tags ("Price: $9.99") on short lines."""

from __future__ import annotations

import re

from flows.text.figure_lexicon import alternations
from flows.text.figures.draft import Doc, Draft

NOISE_WORDS = alternations("figures_noise_words.tsv")
NOISE_LINE_MAX = 60  # characters: a counter or price tag stands on a short line of its own
COUNTER_AFTER_RE = re.compile(rf"[\s\u00a0]*(?:{NOISE_WORDS['counter']})(?!\w)")
PRICE_BEFORE_RE = re.compile(rf"(?<!\w)(?:{NOISE_WORDS['price']})\s*:\s*\S{{0,4}}$")
SENTENCE_MARK_RE = re.compile(r"[.!?؟]\s*$")


def _line_of(text: str, start: int, end: int) -> str:
    """Return the line holding text[start:end], stripped."""
    return text[text.rfind("\n", 0, start) + 1 : len(text) if (e := text.find("\n", end)) < 0 else e].strip()


def is_noise_number(draft: Draft, doc: Doc) -> bool:
    """Whether the number is a counter or price tag on a short line of residual noise."""
    line = _line_of(doc.low, draft.start, draft.end)
    if len(line) > NOISE_LINE_MAX or SENTENCE_MARK_RE.search(line):
        return False
    if COUNTER_AFTER_RE.match(doc.low, draft.end):
        return True
    return PRICE_BEFORE_RE.search(doc.low, max(0, draft.start - 20), draft.start) is not None
