"""The worker pool gives the results of one process: a group shared out in chunks, in order."""

from __future__ import annotations

from flows.io import workers
from flows.io.workers import POOL_MIN_DOCS, analyser
from flows.text.article import ArticleResult
from flows.text.records import Article

_SENTENCES = (
    "The council of Lyon approved a budget of 12 million euros on Tuesday.",
    "Flooding near the river forced 300 families from their homes, officials said.",
    "Maria Lopez, the new director of the museum, opened an exhibition in Madrid.",
    "Les pompiers ont secouru 14 personnes dans un immeuble de Marseille.",
)


def _articles(count: int) -> list[Article]:
    """Invented articles of varied length (so that chunks differ), each text unique."""
    texts = [
        " ".join([f"Report {i}."] + [_SENTENCES[(i + k) % len(_SENTENCES)] for k in range(1 + i % 5)])
        for i in range(count)
    ]
    return [Article(doc_id=f"d{i}", text=text, source="wire") for i, text in enumerate(texts)]


def _summary(outcome: object) -> tuple:
    assert isinstance(outcome, ArticleResult)
    return (
        outcome.article.doc_id,
        outcome.cleaned.clean_text,
        outcome.language.language,
        tuple((e.start, e.end, e.label, e.model) for e in outcome.entities),
        tuple((p.figure.start, p.figure.value, p.figure.category) for p in outcome.figures),
    )


def test_two_workers_give_the_results_of_one_process():
    articles = _articles(POOL_MIN_DOCS + 20)  # enough to start the pool
    alone = analyser(1)(articles)
    try:
        pooled = analyser(2)(articles)
        assert 2 in workers._POOLS  # the pool did run
    finally:
        workers.stop_workers()
    assert [_summary(o) for o in pooled.outcomes] == [_summary(o) for o in alone.outcomes]
    assert pooled.boilerplate == alone.boilerplate
