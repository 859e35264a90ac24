"""Where the text stages run: in this process, or in a pool of worker processes that each load
the models once and live for the rest of the process (so later batches and runs reuse them).
"""

from __future__ import annotations

import atexit
import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from functools import lru_cache
from typing import Callable, Sequence

from flows.io.models import load_gazetteer, load_ner_models
from flows.text.article import ArticleFailure, ArticleResult, Tools, analyse_articles
from flows.text.boilerplate import Boilerplate
from flows.text.records import Article

Analyse = Callable[[Sequence[Article], Boilerplate | None], list[ArticleResult | ArticleFailure]]

_WORKER_TOOLS: Tools | None = None


def local_tools() -> Tools:
    """Models for this process, loaded once."""
    return Tools(ner_models=load_ner_models(), gazetteer=load_gazetteer())


def _init_worker() -> None:
    global _WORKER_TOOLS
    _WORKER_TOOLS = local_tools()


def _analyse_in_worker(articles: Sequence[Article], boilerplate: Boilerplate | None) -> list[ArticleResult | ArticleFailure]:
    assert _WORKER_TOOLS is not None, "worker initialiser did not run"
    return analyse_articles(articles, _WORKER_TOOLS, boilerplate)


@lru_cache(maxsize=None)
def _pool(workers: int) -> ProcessPoolExecutor:
    """A process pool whose workers have loaded the models (spawned: no fork of a threaded parent)."""
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"), initializer=_init_worker)
    atexit.register(pool.shutdown, wait=True, cancel_futures=True)
    return pool


def split(articles: Sequence[Article], parts: int) -> list[list[Article]]:
    """Articles cut into at most `parts` contiguous chunks of balanced total length."""
    total = sum(len(a.text) for a in articles) or 1
    chunks: list[list[Article]] = [[] for _ in range(max(parts, 1))]
    done = 0
    for article in articles:
        index = min(int(done * len(chunks) / total), len(chunks) - 1)
        chunks[index].append(article)
        done += len(article.text)
    return [c for c in chunks if c]


def analyser(workers: int) -> Analyse:
    """A function running the text stages over a batch with that many processes (1 = this one)."""
    if workers <= 1:
        return lambda articles, boilerplate: analyse_articles(articles, local_tools(), boilerplate)

    def analyse(articles: Sequence[Article], boilerplate: Boilerplate | None) -> list[ArticleResult | ArticleFailure]:
        pool = _pool(workers)
        futures = [pool.submit(_analyse_in_worker, chunk, boilerplate) for chunk in split(articles, workers)]
        return [result for future in futures for result in future.result()]

    return analyse
