"""Where the text stages run: in this process, or in a pool of worker processes that each load
what they need once and live for the rest of the process (so later batches and runs reuse them).

Nothing loads before a document needs it: the gazetteer with a process's first article, each
language's NER model with its first document in that language (flows.io.models). A group too
small to pay for starting the pool (POOL_MIN_DOCS) runs in this process unless the pool is
already running; the worker count never changes a result.

A worker never outlives its parent: it ignores Ctrl-C (the parent decides how a run ends) and a
watch thread ends it when the parent process is gone, however the parent died.
"""

from __future__ import annotations

import atexit
import multiprocessing
import os
import signal
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import suppress

from flows.io.models import load_gazetteer, load_ner_models
from flows.io.parsers import load_parsers
from flows.lifecycle import watch_parent
from flows.settings import DEFAULT_BATCH_DOCS
from flows.text.article import Analyse, Outcome, Tools, analyse_articles, analyse_batch
from flows.text.boilerplate import Boilerplate
from flows.text.language import detect_language
from flows.text.records import Article

_WORKER_TOOLS: Tools | None = None
_POOLS: dict[int, ProcessPoolExecutor] = {}
# Fewer articles than this run in this process when no pool is running: starting workers (a fresh
# interpreter, the text stack and the gazetteer each, ~5 s) costs more than it saves.
POOL_MIN_DOCS = 100
# A group is shared out in this many chunks per worker, so that no core idles while the last, longest
# chunk finishes (chunks are balanced by length, but time per character varies).
CHUNKS_PER_WORKER = 4


def local_tools() -> Tools:
    """Models for this process, loaded once."""
    return Tools(ner_models=load_ner_models(), gazetteer=load_gazetteer(), parsers=load_parsers())


def warm_up() -> None:
    """Load what any analysis in this process needs, whatever the language: the gazetteer, spaCy's
    library (most of a model's loading time) and the language profiles (cheap once done)."""
    local_tools().gazetteer  # noqa: B018 - loads and caches it
    with suppress(ImportError):
        import spacy  # noqa: F401
    detect_language("Profiles load on the first call.")


def _init_worker() -> None:
    global _WORKER_TOOLS
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    watch_parent(_exit_orphaned)
    warm_up()
    _WORKER_TOOLS = local_tools()


def _exit_orphaned() -> None:
    """End this worker at once: its parent is gone and nobody will collect its results."""
    os._exit(1)


def _analyse_in_worker(articles: Sequence[Article], boilerplate: Boilerplate) -> list[Outcome]:
    assert _WORKER_TOOLS is not None, "worker initialiser did not run"
    return analyse_articles(articles, _WORKER_TOOLS, boilerplate)


def _pool(workers: int) -> ProcessPoolExecutor:
    """A process pool whose workers have loaded the models (spawned: no fork of a threaded parent)."""
    if workers not in _POOLS:
        pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"), initializer=_init_worker)
        atexit.register(pool.shutdown, wait=True, cancel_futures=True)
        _POOLS[workers] = pool
    return _POOLS[workers]


def start_workers(workers: int) -> None:
    """Start the pool's processes now (each loads the gazetteer in its initialiser) without waiting for them."""
    pool = _pool(workers)
    for _ in range(workers):
        pool.submit(os.getpid)


def stop_workers() -> None:
    """End the worker processes now, dropping queued work (a run that was interrupted)."""
    while _POOLS:
        _, pool = _POOLS.popitem()
        processes = list((pool._processes or {}).values())
        pool.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            process.terminate()


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


def _in_this_process(articles: Sequence[Article], boilerplate: Boilerplate) -> list[Outcome]:
    warm_up()  # loading is never charged to the first article's time budget
    return analyse_articles(articles, local_tools(), boilerplate)


def _in_pool(workers: int) -> Callable[[Sequence[Article], Boilerplate], list[Outcome]]:
    def run_stages(articles: Sequence[Article], boilerplate: Boilerplate) -> list[Outcome]:
        if len(articles) < POOL_MIN_DOCS and workers not in _POOLS:
            return _in_this_process(articles, boilerplate)
        pool = _pool(workers)
        chunks = split(articles, workers * CHUNKS_PER_WORKER)
        futures = [pool.submit(_analyse_in_worker, chunk, boilerplate) for chunk in chunks]
        return [result for future in futures for result in future.result()]

    return run_stages


def analyser(workers: int = 1, batch_docs: int = DEFAULT_BATCH_DOCS) -> Analyse:
    """The one analysis path (`analyse_batch`) run with that many processes (1 = this one).

    The worker count never changes a result: boilerplate is learned from the whole group before
    its articles are shared out.
    """
    run_stages = _in_this_process if workers <= 1 else _in_pool(workers)
    return lambda articles: analyse_batch(articles, run_stages, batch_docs)
