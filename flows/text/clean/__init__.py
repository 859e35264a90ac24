"""Article cleaning: a learned line classifier drops scraper noise; text repairs follow.

Each line is described by features that generalise across sites and languages (`features.py`):
its place (index from each edge, header/trailer block, distance to body-like lines), its shape
(length, final punctuation, capitals, digits), links, e-mails, handles and phones, label colons,
separators, brackets, its script against the body's, hits of the multilingual phrase lists
(`data/clean_phrases.tsv`, evidence rather than decisions), the same for its neighbours, and
whether its source repeats it in the batch (`boilerplate.py`). A small tree ensemble trained on
weakly labelled real pages (`scripts/build_line_model.py`, `data/line_model.json`) scores every
line (`removals.py`); only pieces glued to a body line (a share bar before it, a credit or
"... more" link after it) are cut by rules. Every removal keeps offsets into the raw text and a
reason from `REMOVAL_REASONS` (the feature group that drove the decision). Removed noise is
blanked, not cut, so offsets into the clean text are offsets into the raw text (`repair.py`).
"""

from __future__ import annotations

from flows.text.boilerplate import Boilerplate
from flows.text.clean.model import LineModel, packaged_line_model
from flows.text.clean.removals import find_removals
from flows.text.clean.repair import blank_spans, repair_text
from flows.text.records import CleanedText
from flows.text.vocabulary import REMOVAL_REASONS

REASONS = REMOVAL_REASONS  # the removal reasons this stage records

__all__ = ["REASONS", "clean_article"]


def clean_article(text: str, boilerplate: Boilerplate | None = None, model: LineModel | None = None) -> CleanedText:
    """Return the article body without scraper noise, with every removal and repair listed."""
    raw = text or ""
    learned = boilerplate.keys() if boilerplate is not None else frozenset()
    removals = find_removals(raw, model or packaged_line_model(), learned)
    clean, repairs = repair_text(blank_spans(raw, removals))
    return CleanedText(clean_text=clean, removed=tuple(removals), repairs=repairs)
