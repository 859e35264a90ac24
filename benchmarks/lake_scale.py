"""Lake-scale benchmark (a script, not a test): publish and every report on a large synthetic lake.

    uv run python benchmarks/lake_scale.py [--docs 100000] [--batch-docs 500] [--add 10] [--keep DIR]

1. builds a lake of `--docs` synthetic articles through the project's own batch code (`build_batch`:
   reading JSON Lines input files, the row builders, the table schemas, `lake.write_batch`), with a
   stand-in for the text stages that finds synthetic names, figures and a noise line in each article
   (about 24 mentions, 3 figures and one removed segment per article, names drawn Zipf-like from a pool);
2. publishes the warehouse once (the full build), then adds a batch of `--add` new articles and times
   the publish that follows, and a publish with nothing new;
3. times every report with its defaults on the published warehouse: its first 100 rows (what
   `newsetl report NAME --limit 100` shows), and every row fetched into Python.

The synthetic text is made of invented words; nothing here is real news.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import TypeVar

PROJECT_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT_ROOT))

from flows.batch import build_batch  # noqa: E402
from flows.io.sources import InputFile  # noqa: E402
from flows.text.article import ArticleResult, BatchAnalysis, PlacedFigure  # noqa: E402
from flows.text.records import Article, CleanedText, EntityMention, Figure, LanguageGuess, Place, Removal  # noqa: E402
from warehouse import db, lake  # noqa: E402

SYLLABLES = ("ka", "lo", "mi", "ren", "to", "va", "sul", "dor", "pe", "zan", "qui", "bel", "nor", "fa", "gri", "os")
LABELS = ("PERSON", "ORG", "LOC")
NOISE_LINE = "Share this story on every network"
NAME = re.compile(r"[A-Z][a-z]+ [A-Z][a-z]+")
FIGURE = re.compile(r"(\d+) (killed|wounded|displaced)")
T = TypeVar("T")
POOL = 20_000  # distinct entities
MENTIONS_PER_DOC = 24
FIGURES_PER_DOC = 3
WORDS_PER_DOC = 450


def pseudo_word(rng: random.Random, syllables: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(syllables))


def entity_pool(rng: random.Random) -> list[tuple[str, str]]:
    """(name, label) of POOL invented entities: two capitalised pseudo-words each."""
    names: dict[str, str] = {}
    while len(names) < POOL:
        name = f"{pseudo_word(rng, 2).capitalize()} {pseudo_word(rng, 3).capitalize()}"
        names.setdefault(name, LABELS[len(names) % len(LABELS)])
    return list(names.items())


def synthetic_record(index: int, rng: random.Random, pool: Sequence[tuple[str, str]], weights: list[float]) -> dict:
    """One JSON record: a noise line, then lower-case invented words with names and figures among them."""
    words = [pseudo_word(rng, rng.randint(1, 3)) for _ in range(WORDS_PER_DOC)]
    for name, _ in rng.choices(pool, weights=weights, k=MENTIONS_PER_DOC):
        words.insert(rng.randrange(len(words)), name)
    for _ in range(FIGURES_PER_DOC):
        words.insert(
            rng.randrange(len(words)), f"{rng.randint(2, 900)} {rng.choice(('killed', 'wounded', 'displaced'))}"
        )
    sentences = [" ".join(words[i : i + 18]) + "." for i in range(0, len(words), 18)]
    day = datetime(2024, 1, 1, tzinfo=UTC) + timedelta(days=index % 700)
    return {
        "id": f"syn-{index}",
        "text": NOISE_LINE + "\n" + "\n".join(sentences),
        "title": f"synthetic {index}",
        "source": f"site{index % 40}.example",
        "published_at": day.isoformat(),
    }


class SyntheticStages:
    """A stand-in for the text stages: names, figures and the noise line found by pattern in invented text."""

    def __init__(self, pool: Sequence[tuple[str, str]]) -> None:
        self.labels = dict(pool)
        self.ids = {name: f"syn:{i}" for i, (name, _) in enumerate(pool)}

    def __call__(self, articles: Sequence[Article]) -> BatchAnalysis:
        return BatchAnalysis(tuple(self.result(a) for a in articles), ())

    def result(self, article: Article) -> ArticleResult:
        raw = article.text
        cut = raw.index("\n") + 1
        clean = raw[cut:]
        cleaned = CleanedText(clean, (Removal(0, cut - 1, raw[: cut - 1], "share-label trailer"),))
        mentions = tuple(self.mention(m.start(), m.group()) for m in NAME.finditer(clean))
        places = [m for m in mentions if m.place is not None]
        figures = tuple(
            PlacedFigure(
                Figure(
                    m.start(),
                    m.end(),
                    m.group(),
                    float(m.group(1)),
                    float(m.group(1)),
                    float(m.group(1)),
                    "exact",
                    None,
                    "people",
                    m.group(2),
                ),
                clean[max(0, m.start() - 40) : m.end() + 40],
                places[0] if places else None,
            )
            for m in FIGURE.finditer(clean)
        )
        published = datetime.fromisoformat(article.metadata["published_at"])
        return ArticleResult(article, cleaned, LanguageGuess("en", 0.99), mentions, figures, published)

    def mention(self, start: int, name: str) -> EntityMention:
        label = self.labels[name]
        entity_id = self.ids[name]
        place = Place(int(entity_id[4:]), name, "ZZ", 10.0, 20.0, "PPL") if label == "LOC" else None
        return EntityMention(start, start + len(name), name, label, "rules", name, entity_id, place, "synthetic")


def write_inputs(folder: Path, first: int, count: int, rng: random.Random, pool, weights) -> InputFile:
    """One JSON Lines input file of `count` synthetic records."""
    path = folder / f"part-{first:07d}.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for index in range(first, first + count):
            out.write(json.dumps(synthetic_record(index, rng, pool, weights)) + "\n")
    return InputFile(path, "", path.stat().st_size)


def build_lake(base: Path, docs: int, batch_docs: int, stages: SyntheticStages, rng, pool, weights) -> float:
    """Load `docs` synthetic articles into the lake in batches; the seconds it took."""
    began = time.perf_counter()
    lake_dir = base / "data" / "lake"
    for first in range(0, docs, batch_docs):
        add_batch(base, lake_dir, first, min(batch_docs, docs - first), stages, rng, pool, weights)
        if first and first % (20 * batch_docs) == 0:
            print(f"  built {first} articles ({time.perf_counter() - began:.0f} s)", flush=True)
    return time.perf_counter() - began


def add_batch(base: Path, lake_dir: Path, first: int, count: int, stages, rng, pool, weights) -> None:
    inputs = base / "inputs"
    inputs.mkdir(parents=True, exist_ok=True)
    file = write_inputs(inputs, first, count, rng, pool, weights)
    now = datetime.now(UTC)
    known = lambda ids: lake.known_doc_ids(lake_dir, ids)  # noqa: E731
    batch = build_batch([file], stages, known, "synthetic-run", now, None, lake.committed_batches(lake_dir))
    lake.write_batch(lake_dir, batch.stats.batch_id, batch.rows)
    file.path.unlink()


def timed(label: str, call: Callable[[], T], repeat: int = 1) -> T:
    """Call `repeat` times; print the best wall and CPU seconds (this process, DuckDB's threads included: on a
    machine other work loads, the CPU time is the steadier figure) and the load average."""
    walls, cpus = [], []
    for _ in range(repeat):
        began, cpu = time.perf_counter(), time.process_time()
        result = call()
        walls.append(time.perf_counter() - began)
        cpus.append(time.process_time() - cpu)
    best = f"best of {repeat}: " if repeat > 1 else ""
    load = os.getloadavg()[0]
    print(f"{label}: {best}{min(walls):.2f} s, CPU {min(cpus):.2f} s  (load average {load:.1f})", flush=True)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--batch-docs", type=int, default=500)
    parser.add_argument("--add", type=int, default=10, help="articles added before the incremental publish")
    parser.add_argument("--keep", type=Path, help="build (or reuse) the lake in this folder instead of a temporary one")
    parser.add_argument("--repeat", type=int, default=1, help="time each report this many times, print the best")
    args = parser.parse_args()

    rng = random.Random(13)
    pool = entity_pool(rng)
    weights = [1 / (rank + 1) for rank in range(len(pool))]
    stages = SyntheticStages(pool)
    with tempfile.TemporaryDirectory() as tmp:
        base = args.keep or Path(tmp)
        data = base / "data"
        lake_dir, warehouse, sql_dir = data / "lake", data / "warehouse.duckdb", PROJECT_ROOT / "sql"
        if not lake.committed_batches(lake_dir):
            seconds = build_lake(base, args.docs, args.batch_docs, stages, rng, pool, weights)
            print(f"lake of {args.docs} synthetic articles built in {seconds:.0f} s")
        counts = {t.name: sum(1 for _ in lake.table_files(lake_dir, t)) for t in lake.TABLES}
        print(f"lake files per table: {counts}")
        failures = timed("full publish", lambda: db.publish(warehouse, lake_dir, sql_dir))
        if failures:
            print(f"checks failed: {[f.name for f in failures]}")
        print(f"warehouse file: {warehouse.stat().st_size / 2**20:.0f} MiB")
        [(documents, mentions)] = db.query(
            warehouse, "select (select count(*) from main.documents), (select count(*) from main.entity_mentions)"
        )[1]
        print(f"documents: {documents}  mentions: {mentions}")
        timed("publish with nothing new (is_current)", lambda: db.is_current(warehouse, lake_dir, sql_dir))
        first = 10_000_000 + int(time.time()) % 1_000_000
        add_batch(base, lake_dir, first, args.add, stages, rng, pool, weights)
        timed(f"publish after adding {args.add} articles", lambda: db.publish(warehouse, lake_dir, sql_dir))
        for name in db.report_names(sql_dir):
            sql, params = db.report_query(sql_dir, name, limit=100)
            timed(f"report {name} (its first 100 rows)", partial(db.query, warehouse, sql, params), args.repeat)
            sql, params = db.report_query(sql_dir, name)
            every = partial(db.query, warehouse, sql, params)
            rows = timed(f"report {name} (every row fetched)", every, args.repeat)[1]
            print(f"    {len(rows)} rows")
    print(f"peak RSS of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
