"""The text stages composed: clean → language → entities → figures (+ publication date).

`analyse_batch` is the one analysis path: `run`, `extract` and the evaluation all reach it through
`flows.io.workers.analyser`. It takes articles in input order in groups of `batch_docs`, learns
boilerplate per source within each group, and runs the stages on the group.

Pure given its tools: the NER models and gazetteer are passed in. An article whose processing
raises is returned as an `ArticleFailure` with the reason, never an exception for the batch.

Per-article budget (`Budget`): an article longer than MAX_ARTICLE_CHARS is refused before any stage
(`article_too_large`); one whose own stages (cleaning, language, figures) have used more than
TIME_BUDGET_S of CPU time is refused at the next stage boundary (`over_time_budget`). The clock is
the thread's CPU time, not the wall clock, so a loaded machine refuses no article that a quiet one
loads and a re-run gives the same warehouse. The time check is cooperative: a running regex or model
call cannot be interrupted inside the process, so what bounds each stage is that every pattern over
article text is linear (or runs on bounded windows) and the size cap bounds the input; the clock
catches what is slow anyway. Entities run batched over the group (spaCy `nlp.pipe`), so their time
is not charged to one article.
"""

from __future__ import annotations

import re
import time
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from typing import Any, TypeVar

from flows.text.boilerplate import Boilerplate, BoilerplateLine, learn_boilerplate
from flows.text.clean import clean_article
from flows.text.dates import parse_published_at
from flows.text.entities import extract_entities
from flows.text.figures import Parser, extract_figures
from flows.text.language import detect_language
from flows.text.records import Article, CleanedText, EntityMention, Figure, LanguageGuess

T = TypeVar("T")

MAX_ARTICLE_CHARS = 1_000_000  # longer articles are refused before analysis (spaCy's own limit too)
SENTENCE_REACH = 500  # a figure's sentence (and its place) is read at most this far on each side of it
TIME_BUDGET_S = 20.0  # an article whose stages used more CPU seconds than this is refused at the next boundary

# A sentence ends at . ! ? … ؟ 。 (with closing quotes/brackets) before white space, or at a line break.
_SENTENCE_END = re.compile(r"(?<=[.!?…؟。])([\"'”’»)\]]*)\s+|\n+")


@dataclass(frozen=True)
class Tools:
    """Models the stages need, loaded once per worker by the caller."""

    ner_models: Any
    gazetteer: Any
    parsers: Mapping[str, Parser] = field(default_factory=dict)  # language -> sentence parser (figures)


@dataclass(frozen=True)
class PlacedFigure:
    """A figure with the sentence it stands in and the nearest resolved place named in that sentence."""

    figure: Figure
    sentence: str
    place: EntityMention | None


@dataclass(frozen=True)
class ArticleResult:
    """Everything the text stages found in one article."""

    article: Article
    cleaned: CleanedText
    language: LanguageGuess
    entities: tuple[EntityMention, ...]
    figures: tuple[PlacedFigure, ...]
    published_at_utc: datetime | None = None


@dataclass(frozen=True)
class ArticleFailure:
    """An article the text stages could not process, why, and the quarantine code (QUARANTINE_REASONS)."""

    article: Article
    reason: str
    code: str = "stage_failed"


@dataclass(frozen=True)
class Budget:
    """Per-article limits: characters, checked before analysis; CPU seconds, checked after each stage."""

    max_chars: int = MAX_ARTICLE_CHARS
    max_seconds: float = TIME_BUDGET_S
    clock: Callable[[], float] = time.thread_time  # CPU time: the same article costs the same under any load

    def oversize(self, article: Article) -> ArticleFailure | None:
        """A failure for an article longer than the size limit, or None."""
        size = len(article.text or "")
        if size <= self.max_chars:
            return None
        reason = f"article too large ({size:,} characters > {self.max_chars:,} limit)"
        return ArticleFailure(article, reason, "article_too_large")

    def overtime(self, article: Article, spent: float, stage: str) -> ArticleFailure | None:
        """A failure for an article whose stages have taken longer than the budget, or None."""
        if spent <= self.max_seconds:
            return None
        reason = f"used more than {self.max_seconds:g} s of CPU time in {stage} ({spent:.1f} s)"
        return ArticleFailure(article, reason, "over_time_budget")


DEFAULT_BUDGET = Budget()


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of the text, leading/trailing blanks excluded."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.start() + len(match.group(1) or "")
        if end > start:
            spans.append((start, end))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text.rstrip())))
    return [(s, e) for s, e in spans if e > s]


@dataclass(frozen=True)
class PlaceIndex:
    """The placeable LOC mentions of a text sorted by start, and their starts (for bisection)."""

    mentions: tuple[EntityMention, ...]
    starts: tuple[int, ...]


def is_placeable(mention: EntityMention) -> bool:
    """Whether a mention may place a figure: a LOC the gazetteer resolved on evidence (a trusted entry).

    A LOC without a resolved place ("Covid" taken for a name, a common word, a place the gazetteer does not
    know) places nothing: a report grouping casualties by place must not invent one."""
    return mention.label == "LOC" and mention.place is not None


def place_index(entities: Sequence[EntityMention]) -> PlaceIndex:
    """The index of the placeable LOC mentions among entities."""
    places = tuple(sorted((e for e in entities if is_placeable(e)), key=lambda e: (e.start, e.end)))
    return PlaceIndex(places, tuple(e.start for e in places))


def nearest_place(figure: Figure, span: tuple[int, int], entities: Sequence[EntityMention]) -> EntityMention | None:
    """The placeable LOC mention in the sentence span closest to the figure, or None."""
    return nearest_indexed_place(figure, span, place_index(entities))


def nearest_indexed_place(figure: Figure, span: tuple[int, int], index: PlaceIndex) -> EntityMention | None:
    """The indexed mention inside the sentence span closest to the figure (the earlier one on a tie), or None.

    Mentions do not nest, so only the first mention after the figure and the last ones before it (those
    touching it, and the first that does not) can be closest: a few looks, not one per mention."""
    low, high = bisect_left(index.starts, span[0]), bisect_right(index.starts, span[1])
    split = bisect_left(index.starts, figure.end, low, high)
    after = next((e for e in index.mentions[split:high] if e.end <= span[1]), None)
    candidates = [after] if after is not None else []
    for mention in reversed(index.mentions[low:split]):
        if mention.end > span[1]:
            continue
        candidates.append(mention)
        if mention.end < figure.start:
            break

    def distance(e: EntityMention) -> tuple[int, int]:
        gap = e.start - figure.end if e.start >= figure.end else figure.start - e.end
        return (max(gap, 0), e.start)

    return min(candidates, key=distance, default=None)


def place_figures(text: str, figures: Sequence[Figure], entities: Sequence[EntityMention]) -> tuple[PlacedFigure, ...]:
    """Each figure with its sentence (clipped to SENTENCE_REACH on each side) and nearest place."""
    spans = sentence_spans(text)
    starts = [s for s, _ in spans]
    index = place_index(entities)
    placed: list[PlacedFigure] = []
    for figure in figures:
        at = bisect_right(starts, figure.start) - 1
        found = spans[at] if at >= 0 and figure.start < spans[at][1] else (figure.start, figure.end)
        span = (
            max(min(found[0], figure.start), figure.start - SENTENCE_REACH),
            min(max(found[1], figure.end), figure.end + SENTENCE_REACH),
        )
        placed.append(PlacedFigure(figure, text[span[0] : span[1]], nearest_indexed_place(figure, span, index)))
    return tuple(placed)


def _failure_reason(stage: str, err: Exception) -> str:
    return f"{stage} failed: {type(err).__name__}: {str(err)[:200]}"


def _guarded(stage: str, call: Callable[[], T]) -> T | str:
    """The call's result, or a failure reason when it raises."""
    try:
        return call()
    except Exception as err:
        return _failure_reason(stage, err)


def _entities_for(pairs: list[tuple[str, str]], tools: Tools) -> list[tuple[EntityMention, ...] | str]:
    """Entities per document; a batch that raises is retried document by document."""
    try:
        return list(extract_entities(pairs, tools.ner_models, tools.gazetteer))
    except Exception:
        return [_guarded("entities", partial(_entities_of_one, p, tools)) for p in pairs]


def _entities_of_one(pair: tuple[str, str], tools: Tools) -> tuple[EntityMention, ...]:
    return extract_entities([pair], tools.ner_models, tools.gazetteer)[0]


Outcome = ArticleResult | ArticleFailure
StageRunner = Callable[[Sequence[Article], Boilerplate], list[Outcome]]


def learn_group_boilerplate(articles: Sequence[Article]) -> Boilerplate:
    """Boilerplate learned from a group of articles, per source (articles without one learn nothing)."""
    return learn_boilerplate([(a.source, a.text) for a in articles if DEFAULT_BUDGET.oversize(a) is None])


@dataclass(frozen=True)
class BatchAnalysis:
    """One outcome per article of a batch, in input order, and the boilerplate learned on the way."""

    outcomes: tuple[Outcome, ...]
    boilerplate: tuple[BoilerplateLine, ...]


Analyse = Callable[[Sequence[Article]], BatchAnalysis]


def analyse_batch(articles: Sequence[Article], run_stages: StageRunner, batch_docs: int) -> BatchAnalysis:
    """The text stages over articles in groups of `batch_docs`, boilerplate learned per source and group."""
    outcomes: list[Outcome] = []
    learned: list[BoilerplateLine] = []
    step = max(batch_docs, 1)
    for start in range(0, len(articles), step):
        group = articles[start : start + step]
        boilerplate = learn_group_boilerplate(group)
        outcomes.extend(run_stages(group, boilerplate))
        learned.extend(boilerplate.lines)
    return BatchAnalysis(tuple(outcomes), tuple(learned))


@dataclass(frozen=True)
class _Staged:
    """An article after cleaning and language detection, with the seconds its stages took."""

    article: Article
    cleaned: CleanedText
    language: LanguageGuess
    spent: float


def analyse_articles(
    articles: Sequence[Article], tools: Tools, boilerplate: Boilerplate | None = None, budget: Budget | None = None
) -> list[ArticleResult | ArticleFailure]:
    """Run every text stage over articles with the given boilerplate; one outcome per article, in order."""
    limits = budget or DEFAULT_BUDGET
    staged = [_clean_and_detect(a, boilerplate, limits) for a in articles]
    ready = [s for s in staged if isinstance(s, _Staged)]
    entities = iter(_entities_for([(s.cleaned.clean_text, s.language.language) for s in ready], tools))
    return [
        item if isinstance(item, ArticleFailure) else _finish(item, next(entities), limits, tools.parsers)
        for item in staged
    ]


def _clean_and_detect(article: Article, boilerplate: Boilerplate | None, budget: Budget) -> _Staged | ArticleFailure:
    """The article cleaned and its language detected, or why not (error, size or time budget)."""
    refused = budget.oversize(article)
    if refused is not None:
        return refused
    started = budget.clock()
    learned = boilerplate.for_source(article.source) if boilerplate else None
    cleaned = _guarded("cleaning", partial(clean_article, article.text, learned))
    if isinstance(cleaned, str):
        return ArticleFailure(article, cleaned)
    late = budget.overtime(article, budget.clock() - started, "cleaning")
    if late is not None:
        return late
    language = _guarded("language detection", partial(detect_language, cleaned.clean_text))
    if isinstance(language, str):
        return ArticleFailure(article, language)
    spent = budget.clock() - started
    return budget.overtime(article, spent, "language detection") or _Staged(article, cleaned, language, spent)


def _finish(
    staged: _Staged, mentions: tuple[EntityMention, ...] | str, budget: Budget, parsers: Mapping[str, Parser]
) -> ArticleResult | ArticleFailure:
    """Add figures (placed against the entities) to an article's results."""
    article, cleaned, language = staged.article, staged.cleaned, staged.language
    if isinstance(mentions, str):
        return ArticleFailure(article, mentions)
    started = budget.clock()
    parser = parsers.get(language.language)
    figures = _guarded("figures", partial(extract_figures, cleaned.clean_text, language.language, parser))
    if isinstance(figures, str):
        return ArticleFailure(article, figures)
    late = budget.overtime(article, staged.spent + budget.clock() - started, "figures")
    if late is not None:
        return late
    published = _guarded(
        "date parsing", partial(parse_published_at, article.metadata.get("published_at"), language.language)
    )
    return ArticleResult(
        article,
        cleaned,
        language,
        mentions,
        place_figures(cleaned.clean_text, figures, mentions),
        None if isinstance(published, str) else published,
    )
