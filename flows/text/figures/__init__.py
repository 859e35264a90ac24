"""Extract figures (quantities with bounds, unit, counted object and category) from news text.

`extract_figures(text, language)` follows `gold/FIGURES_GUIDE.md`: numbers are found by
`flows.text.numbers`, then ranges are merged, non-figures (dates, times, identifiers, scores,
phone numbers, URLs) dropped, and qualifiers, units, objects and categories read from context.
"""

from __future__ import annotations

from flows.text.figures.categories import inherit_list_categories, propagate_lists, with_category
from flows.text.figures.draft import Doc, Draft
from flows.text.figures.exclusions import drop_excluded
from flows.text.figures.objects import with_object
from flows.text.figures.spans import MAX_NUMBERS, candidate_spans, merge_ranges, readable_end
from flows.text.figures.structure import Parser, read_structures, with_structure_object
from flows.text.figures.units import (
    drop_overlaps,
    keep_coordinated_articles,
    merge_compound_durations,
    with_qualifier,
    with_unit,
)
from flows.text.numbers import normalize_digits
from flows.text.records import Figure

__all__ = ["MAX_NUMBERS", "Parser", "extract_figures", "readable_end"]


def extract_figures(text: str, language: str, parser: Parser | None = None) -> tuple[Figure, ...]:
    """Return the figures stated in `text` (offsets into `text`), in reading order.

    With a `parser` for the language (en, fr), the sentences holding a figure are parsed and each
    count's category and missing object are read from its counted noun and governing predicate
    (`structure`); without one, from the words of the count's own clause (`categories`)."""
    norm = normalize_digits(text[: readable_end(text)])
    low = norm.lower()
    doc = Doc(norm, low if len(low) == len(norm) else norm, language or "und")
    drafts = merge_ranges(candidate_spans(doc), doc)
    drafts = drop_excluded(drafts, doc)
    drafts = [with_unit(d, doc) for d in drafts]
    drafts = merge_compound_durations(drafts, doc)
    drafts = [with_qualifier(d, doc) for d in drafts]
    drafts = keep_coordinated_articles(drop_overlaps(drafts), doc)
    drafts = [with_object(d, doc) for d in drafts]
    drafts = propagate_lists(drafts, doc)
    structures = read_structures(drafts, doc, parser)
    drafts = [with_structure_object(d, s, doc) for d, s in zip(drafts, structures, strict=True)]
    drafts = [with_category(d, doc, i, drafts, structures[i]) for i, d in enumerate(drafts)]
    drafts = inherit_list_categories(drafts, doc)
    return tuple(_to_figure(d, text) for d in drafts)


def _to_figure(draft: Draft, original: str) -> Figure:
    """Return the public record for a finished draft (span extended over trailing diacritics)."""
    end = draft.end
    while end < len(original) and "\u064b" <= original[end] <= "\u0652":
        end += 1
    draft = draft._replace(end=end)
    object_ = None if draft.category in ("money", "quantity") else draft.object
    if draft.category == "duration" and draft.noun_end < 0:
        object_ = None
    return Figure(
        start=draft.start,
        end=draft.end,
        text=original[draft.start : draft.end],
        value=draft.value,
        lower=draft.lower,
        upper=draft.upper,
        qualifier=draft.qualifier,
        unit=draft.unit,
        object=object_,
        category=draft.category or "count",
    )
