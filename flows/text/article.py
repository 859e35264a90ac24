"""The text stages composed: clean → language → entities → figures (+ publication date).

`analyse_batch` is the one analysis path: `run`, `extract` and the evaluation all reach it through
`flows.io.workers.analyser`. It takes articles in input order in groups of `batch_docs`, learns
boilerplate per source within each group, and runs the stages on the group.

Pure given its tools: the NER models and gazetteer are passed in. An article whose processing
raises is returned as an `ArticleFailure` with the reason, never an exception for the batch.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from typing import Any, TypeVar

from flows.text.boilerplate import Boilerplate, BoilerplateLine, learn_boilerplate
from flows.text.clean import clean_article
from flows.text.dates import parse_published_at
from flows.text.entities import extract_entities
from flows.text.figures import extract_figures
from flows.text.language import detect_language
from flows.text.records import Article, CleanedText, EntityMention, Figure, LanguageGuess

T = TypeVar("T")

# A sentence ends at . ! ? … ؟ 。 (with closing quotes/brackets) before white space, or at a line break.
_SENTENCE_END = re.compile(r"(?<=[.!?…؟。])([\"'”’»)\]]*)\s+|\n+")


@dataclass(frozen=True)
class Tools:
    """Models the stages need, loaded once per worker by the caller."""

    ner_models: Any
    gazetteer: Any


@dataclass(frozen=True)
class PlacedFigure:
    """A figure with the sentence it stands in and the nearest place named in that sentence."""

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
    """An article the text stages could not process, and why."""

    article: Article
    reason: str


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


def nearest_place(figure: Figure, span: tuple[int, int], entities: Sequence[EntityMention]) -> EntityMention | None:
    """The LOC mention in the sentence span closest to the figure, or None."""
    candidates = [e for e in entities if e.label == "LOC" and e.start >= span[0] and e.end <= span[1]]
    if not candidates:
        return None

    def distance(e: EntityMention) -> tuple[int, int]:
        gap = e.start - figure.end if e.start >= figure.end else figure.start - e.end
        return (max(gap, 0), e.start)

    return min(candidates, key=distance)


def place_figures(text: str, figures: Sequence[Figure], entities: Sequence[EntityMention]) -> tuple[PlacedFigure, ...]:
    """Each figure with its sentence and nearest place."""
    spans = sentence_spans(text)
    placed: list[PlacedFigure] = []
    for figure in figures:
        span = next((s for s in spans if s[0] <= figure.start < s[1]), (figure.start, figure.end))
        span = (min(span[0], figure.start), max(span[1], figure.end))
        placed.append(PlacedFigure(figure, text[span[0] : span[1]], nearest_place(figure, span, entities)))
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
    return learn_boilerplate([(a.source, a.text) for a in articles])


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


def analyse_articles(
    articles: Sequence[Article], tools: Tools, boilerplate: Boilerplate | None = None
) -> list[ArticleResult | ArticleFailure]:
    """Run every text stage over articles with the given boilerplate; one outcome per article, in order."""
    staged: list[tuple[Article, CleanedText, LanguageGuess] | ArticleFailure] = []
    for article in articles:
        learned = boilerplate.for_source(article.source) if boilerplate else None
        cleaned = _guarded("cleaning", partial(clean_article, article.text, learned))
        if isinstance(cleaned, str):
            staged.append(ArticleFailure(article, cleaned))
            continue
        language = _guarded("language detection", partial(detect_language, cleaned.clean_text))
        if isinstance(language, str):
            staged.append(ArticleFailure(article, language))
            continue
        staged.append((article, cleaned, language))
    ready = [s for s in staged if not isinstance(s, ArticleFailure)]
    entities = iter(_entities_for([(c.clean_text, g.language) for _, c, g in ready], tools))
    results: list[ArticleResult | ArticleFailure] = []
    for item in staged:
        if isinstance(item, ArticleFailure):
            results.append(item)
            continue
        results.append(_finish(item, next(entities)))
    return results


def _finish(
    staged: tuple[Article, CleanedText, LanguageGuess], mentions: tuple[EntityMention, ...] | str
) -> ArticleResult | ArticleFailure:
    """Add figures (placed against the entities) to an article's results."""
    article, cleaned, language = staged
    if isinstance(mentions, str):
        return ArticleFailure(article, mentions)
    figures = _guarded("figures", partial(extract_figures, cleaned.clean_text, language.language))
    if isinstance(figures, str):
        return ArticleFailure(article, figures)
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
