"""Scaling benchmark (a script, not a test): default `run` and `extract` against the NER ceiling, fixed costs, memory.

    uv run python benchmarks/scaling.py [--shared ../shared] [--english 600] [--lake-sizes 1000,3000]

Prints, each measured in this run on this machine:
1. the ceiling: spaCy's English `ner` pipe alone, `nlp.pipe(n_process=cores)`, on 600 real English articles of
   500+ words (`english_articles`: the 463 of en_semeval2023t3 + en_globalvoices in `shared/corpus`, the
   English gold article bodies of the scraped sets, then whole scraped English pages; read, never copied);
2. words/s of `newsetl extract` and of `newsetl run` with default settings on the same articles
   (subprocesses: start-up, model loads and the embedded Prefect server included), each over the ceiling, by
   wall time and by CPU seconds (the ratio that stays comparable when other work shares the machine);
3. a one-document `run` into a fresh data dir, a re-run that finds nothing new (seconds, share of the full run),
   and a one-document `run` against a local Prefect server started beforehand;
4. for each lake size, a `run` of that many corpus articles (all languages, round-robin): seconds, peak RSS
   (the sum over the run's processes, and the largest one), and the no-op re-run's share of it.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT_ROOT))

ENGLISH_FILES = ("en_semeval2023t3.jsonl", "en_globalvoices.jsonl")
# Real English text beyond the corpus (read, never copied: shared/README.md allows benchmarks): the gold
# article bodies of the extraction benchmarks, then whole scraped English news pages (navigation included,
# as `run` meets them).
SCRAPED_BODIES = (("scrapinghub_aeb.jsonl", "gold_article_body"), ("newspaper4k_pages.jsonl", "expected_article_text"))
SCRAPED_PAGES = (("trafilatura_eval.jsonl", "page_text"),)
LONG_WORDS = 500
CHUNK_ARTICLES = 250  # articles per input file


def _jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def english_articles(shared: Path, limit: int) -> tuple[list[dict], int, dict[str, int]]:
    """Up to `limit` English records, those of 500+ words first: the corpus's, then the scraped gold article
    bodies, then whole scraped English pages (each group longest first), then the longest shorter ones.

    Returns the records, how many are 500+ words, and how many come from each source file. A text whose first
    60 words another one already has is left out (the gold sets reuse corpus articles).
    """
    groups: list[list[tuple[str, dict]]] = [
        [(name, r) for name in ENGLISH_FILES for r in _jsonl(shared / "corpus" / name)]
    ]
    for files in (SCRAPED_BODIES, SCRAPED_PAGES):
        group: list[tuple[str, dict]] = []
        for name, field in files:
            path = shared / "corpus" / "scraped" / name
            if path.exists():
                group.extend(
                    (name, {"id": r["id"], "url": r.get("url"), "text": r[field]})
                    for r in _jsonl(path)
                    if r.get("lang") == "en" and r.get(field)
                )
        groups.append(group)
    seen: set[str] = set()
    long_ones: list[tuple[str, dict]] = []
    short_ones: list[tuple[str, dict]] = []
    for group in groups:
        group.sort(key=lambda item: -len(item[1]["text"].split()))
        for name, record in group:
            opening = " ".join(record["text"].split()[:60])
            if opening in seen:
                continue
            seen.add(opening)
            (long_ones if len(record["text"].split()) >= LONG_WORDS else short_ones).append((name, record))
    short_ones.sort(key=lambda item: -len(item[1]["text"].split()))
    chosen = (long_ones + short_ones)[:limit]
    sources: dict[str, int] = {}
    for name, _ in chosen:
        sources[name] = sources.get(name, 0) + 1
    return [r for _, r in chosen], sum(len(r["text"].split()) >= LONG_WORDS for _, r in chosen), sources


def corpus_articles(shared: Path, limit: int) -> list[dict]:
    """Up to `limit` records taken round-robin across the corpus files (all languages)."""
    per_file = []
    for path in sorted((shared / "corpus").glob("*.jsonl")):
        with path.open(encoding="utf-8") as handle:
            per_file.append([json.loads(line) for line in handle if line.strip()])
    articles: list[dict] = []
    index = 0
    while len(articles) < limit and any(index < len(docs) for docs in per_file):
        articles.extend(docs[index] for docs in per_file if index < len(docs))
        index += 1
    return articles[:limit]


def words(articles: list[dict]) -> int:
    return sum(len(a["text"].split()) for a in articles)


def ner_ceiling(texts: list[str], cores: int) -> tuple[float, float]:
    """Wall seconds and CPU seconds (this process and its pipe processes) of spaCy's English `ner` pipe alone over
    the texts on `cores` processes (model loaded before; the pipe processes' start-up included, as a run's is)."""
    import spacy

    from flows.io.models import SPACY_PACKAGES, _non_ner_pipes

    name = SPACY_PACKAGES["en"]
    nlp = spacy.load(name, exclude=_non_ner_pipes(name))
    before = _cpu_seconds()
    began = time.perf_counter()
    for _ in nlp.pipe(texts, n_process=cores, batch_size=64):
        pass
    return time.perf_counter() - began, _cpu_seconds() - before


def _cpu_seconds() -> float:
    """CPU seconds of this process and of its ended, waited-for children."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _tree_rss(root: int) -> tuple[int, int]:
    """(sum, largest) resident bytes of a process and its descendants, read from /proc."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    tree, frontier = {root}, [root]
    while frontier:
        pid = frontier.pop()
        children = [child for child, parent in parents.items() if parent == pid]
        tree.update(children)
        frontier.extend(children)
    sizes = []
    page = os.sysconf("SC_PAGE_SIZE")
    for pid in tree:
        try:
            sizes.append(int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * page)
        except (OSError, IndexError, ValueError):
            continue
    return sum(sizes), max(sizes, default=0)


def subprocess_environment(extra_env: dict[str, str] | None = None) -> dict[str, str]:
    """The measured commands' environment: Prefect quiet, and Python's bytecode cache on as in an ordinary install.

    A shell with PYTHONDONTWRITEBYTECODE=1 over a virtualenv installed without bytecode (uv's default) makes
    every process compile every module it imports from source: ~15 CPU seconds more for a one-document run.
    """
    # A busy machine may need more than Prefect's default 20 s to start the embedded server.
    env = {"PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120", **os.environ, "PREFECT_LOGGING_LEVEL": "WARNING"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.update(extra_env or {})
    return env


LAST_CPU = [0.0]  # CPU seconds of the last measured command


def measured(command: list[str], extra_env: dict[str, str] | None = None) -> tuple[float, float, float]:
    """Wall seconds and peak RSS in MiB (sum over the process tree, largest process) of a command.

    Also prints (and keeps in LAST_CPU) the CPU seconds of the process tree and the load average: on a shared
    machine the CPU seconds say more than the wall time.
    """
    env = subprocess_environment(extra_env)
    peak = [0, 0]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    load = os.getloadavg()[0]
    began = time.perf_counter()
    process = subprocess.Popen(command, env=env, cwd=PROJECT_ROOT, stdout=subprocess.DEVNULL)

    def sample() -> None:
        while process.poll() is None:
            total, largest = _tree_rss(process.pid)
            peak[0], peak[1] = max(peak[0], total), max(peak[1], largest)
            time.sleep(0.25)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    if process.wait() != 0:
        raise SystemExit(f"failed: {' '.join(command)}")
    seconds = time.perf_counter() - began
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    LAST_CPU[0] = cpu
    print(f"    [{cpu:.1f} CPU s; load average {load:.1f} at the start, {os.getloadavg()[0]:.1f} at the end]")
    return seconds, peak[0] / 2**20, peak[1] / 2**20


@contextmanager
def prefect_server() -> Iterator[dict[str, str]]:
    """A local Prefect server started for the measurement (its own home folder); the environment to use it."""
    port = 4299
    home = Path(tempfile.mkdtemp(prefix="newsetl-prefect-"))
    env = {**os.environ, "PREFECT_HOME": str(home), "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    server = subprocess.Popen(
        [sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        process_group=0,
    )
    url = f"http://127.0.0.1:{port}/api"
    try:
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{url}/health", timeout=2):
                    break
            except OSError:
                time.sleep(1)
        yield {"PREFECT_API_URL": url, "PREFECT_HOME": str(home)}
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=60)


def write_inputs(folder: Path, articles: list[dict]) -> None:
    """The articles as JSON Lines files of CHUNK_ARTICLES records each."""
    folder.mkdir(parents=True)
    for start in range(0, len(articles), CHUNK_ARTICLES):
        with (folder / f"part-{start // CHUNK_ARTICLES:04d}.jsonl").open("w", encoding="utf-8") as out:
            for article in articles[start : start + CHUNK_ARTICLES]:
                out.write(json.dumps(article, ensure_ascii=False) + "\n")


NEWSETL = [sys.executable, "-m", "flows.cli"]


def run_command(inputs: Path, data_dir: Path) -> list[str]:
    return [*NEWSETL, "run", "--input", str(inputs), "--data-dir", str(data_dir)]


def throughput(base: Path, english: list[dict], total_words: int, cores: int, skip_extract: bool) -> None:
    """The ceiling, then `extract` and `run` (default settings) on the same articles, each over the ceiling:
    by wall time (the Done-when figure: on a quiet machine) and by CPU seconds (comparable under load too)."""
    ceiling_wall, ceiling_cpu = ner_ceiling([a["text"] for a in english], cores)
    ceiling = total_words / ceiling_wall
    print(
        f"ceiling (en ner pipe alone, n_process={cores}): {ceiling:.0f} words/s, {ceiling_cpu:.1f} CPU s"
        f"  (load average {os.getloadavg()[0]:.1f})"
    )
    write_inputs(base / "en", english)
    joined = base / "en.jsonl"
    joined.write_text("".join(p.read_text(encoding="utf-8") for p in sorted((base / "en").iterdir())))
    if not skip_extract:
        seconds, total, largest = measured([*NEWSETL, "extract", "--input", str(joined), "--output", str(base / "o")])
        rate = total_words / seconds
        print(
            f"extract: {seconds:.1f} s  {rate:.0f} words/s  = {rate / ceiling:.2f} of the ceiling"
            f"  (by CPU seconds {ceiling_cpu / LAST_CPU[0]:.2f})  peak RSS {total:.0f} MiB"
            f" (largest process {largest:.0f})"
        )
    seconds, total, largest = measured(run_command(base / "en", base / "data-en"))
    full, full_cpu = seconds, LAST_CPU[0]
    rate = total_words / seconds
    print(
        f"run: {seconds:.1f} s  {rate:.0f} words/s  = {rate / ceiling:.2f} of the ceiling"
        f"  (by CPU seconds {ceiling_cpu / full_cpu:.2f})  peak RSS {total:.0f} MiB (largest process {largest:.0f})"
    )
    seconds, _, _ = measured(run_command(base / "en", base / "data-en"))
    print(
        f"no-op re-run of that lake: {seconds:.1f} s  = {seconds / full:.3f} of its full run"
        f"  (by CPU seconds {LAST_CPU[0] / full_cpu:.3f})"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=PROJECT_ROOT.parent / "shared")
    parser.add_argument("--english", type=int, default=600, help="English articles for the ceiling comparison")
    parser.add_argument("--lake-sizes", default="1000,3000", help="corpus articles per memory run ('' for none)")
    parser.add_argument("--skip-extract", action="store_true", help="measure `run` only")
    parser.add_argument("--skip-throughput", action="store_true", help="fixed costs and lake sizes only")
    args = parser.parse_args()

    from flows.settings import available_cores

    cores = available_cores()
    english, long_ones, sources = english_articles(args.shared, args.english)
    total_words = words(english)
    print(
        f"cores: {cores}  English articles: {len(english)} ({long_ones} of {LONG_WORDS}+ words)  words: {total_words}"
        f"  from: {', '.join(f'{name} {count}' for name, count in sources.items())}"
    )

    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        (base / "one").mkdir()
        (base / "one" / "one.jsonl").write_text(json.dumps(english[-1], ensure_ascii=False) + "\n")
        # Not timed: a first run writes the bytecode caches and the gazetteer cache, as any earlier use would have.
        subprocess.run(
            run_command(base / "one", base / "data-warm"),
            env=subprocess_environment(),
            cwd=PROJECT_ROOT,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        if not args.skip_throughput:
            throughput(base, english, total_words, cores, args.skip_extract)

        seconds, total, _ = measured(run_command(base / "one", base / "data-one"))
        print(f"one-document run (embedded server): {seconds:.1f} s, {LAST_CPU[0]:.1f} CPU s  peak RSS {total:.0f} MiB")
        seconds, _, _ = measured(run_command(base / "one", base / "data-one"))
        print(f"its no-op re-run: {seconds:.1f} s, {LAST_CPU[0]:.1f} CPU s")
        with prefect_server() as server_env:
            seconds, total, _ = measured(run_command(base / "one", base / "data-one-server"), server_env)
            print(
                f"one-document run (a running local Prefect server): {seconds:.1f} s, {LAST_CPU[0]:.1f} CPU s"
                f"  peak RSS {total:.0f} MiB"
            )

        for size in [int(s) for s in args.lake_sizes.split(",") if s.strip()]:
            articles = corpus_articles(args.shared, size)
            write_inputs(base / f"in-{size}", articles)
            data_dir = base / f"data-{size}"
            seconds, total, largest = measured(run_command(base / f"in-{size}", data_dir))
            full_cpu = LAST_CPU[0]
            noop, _, _ = measured(run_command(base / f"in-{size}", data_dir))
            print(
                f"run of {len(articles)} corpus articles: {seconds:.1f} s ({full_cpu:.1f} CPU s)  peak RSS {total:.0f}"
                f" MiB (largest process {largest:.0f})  no-op re-run {noop:.1f} s = {noop / seconds:.3f} of it"
                f" (by CPU seconds {LAST_CPU[0] / full_cpu:.3f})"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
