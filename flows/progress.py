"""Run progress: the pipeline reports each committed batch here, and whoever listens shows it.

The one call the pipeline makes is `batch_committed(stats, pending)` after each batch. The command line
listens (a progress bar on a terminal, plain lines otherwise; flows/cli/), and so does a served run (a line
in its Prefect log; flows/deploy.py). Nothing here prints or logs.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from flows.batch import BatchStats
from flows.io.sources import InputFile


@dataclass(frozen=True)
class RunProgress:
    """Where a run stands after a committed batch: counts so far against what the run found to load."""

    batches_done: int
    files_done: int
    files_total: int
    bytes_done: int
    bytes_total: int
    documents_loaded: int
    duplicates: int
    rejected: int
    figures: int
    entity_mentions: int
    words: int
    seconds: float

    @property
    def fraction(self) -> float:
        """Share of the input bytes done (1.0 when there was nothing to load)."""
        return self.bytes_done / self.bytes_total if self.bytes_total else 1.0

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds if self.seconds > 0 else 0.0

    @property
    def seconds_left(self) -> float | None:
        """Estimated seconds to the last batch, from the bytes done so far (None before any)."""
        if not self.bytes_done or self.seconds <= 0:
            return None
        return self.seconds * (self.bytes_total - self.bytes_done) / self.bytes_done

    def describe(self) -> str:
        """One plain line: files, articles, speed and the time left."""
        left = self.seconds_left
        eta = f", ~{left:.0f} s left" if left is not None and self.files_done < self.files_total else ""
        return (
            f"batch {self.batches_done}: {self.files_done}/{self.files_total} files, "
            f"{self.documents_loaded:,} articles, {self.words_per_second:,.0f} words/s, "
            f"{self.seconds:.1f} s{eta}"
        )


def measure(stats: Sequence[BatchStats], pending: Sequence[InputFile], seconds: float) -> RunProgress:
    """The progress of a run that has committed `stats` out of the `pending` files (batches keep their order)."""
    files_done = sum(s.input_files for s in stats)
    return RunProgress(
        batches_done=len(stats),
        files_done=files_done,
        files_total=len(pending),
        bytes_done=sum(f.size_bytes for f in pending[:files_done]),
        bytes_total=sum(f.size_bytes for f in pending),
        documents_loaded=sum(s.documents_loaded for s in stats),
        duplicates=sum(s.duplicates for s in stats),
        rejected=sum(s.rejected for s in stats),
        figures=sum(s.figures for s in stats),
        entity_mentions=sum(s.entity_mentions for s in stats),
        words=sum(s.words for s in stats),
        seconds=seconds,
    )


Listener = Callable[[RunProgress], None]
_listeners: list[Listener] = []
_started: list[float] = []


@contextmanager
def listening(listener: Listener) -> Iterator[None]:
    """Call `listener` with the run's progress after each committed batch while the block runs."""
    _listeners.append(listener)
    _started.append(time.perf_counter())
    try:
        yield
    finally:
        _listeners.remove(listener)
        _started.pop()


def batch_committed(stats: Sequence[BatchStats], pending: Sequence[InputFile]) -> None:
    """The pipeline's hook: the batches committed so far in this run, out of the pending files."""
    if not _listeners:
        return
    progress = measure(stats, pending, _seconds_running(_started[-1]))
    for listener in list(_listeners):
        listener(progress)


def _seconds_running(listening_since: float) -> float:
    """Seconds since the flow run started (its client-side clock), else since the listener was added."""
    from prefect.context import FlowRunContext

    context = FlowRunContext.get()
    if context is not None and context.start_time is not None:
        return max(0.0, time.time() - context.start_time.timestamp())
    return time.perf_counter() - listening_since
