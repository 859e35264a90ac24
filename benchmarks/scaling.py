"""Scaling benchmark (a script, not a test): default `run` and `extract` against the NER ceiling, fixed costs, memory.

    uv run python benchmarks/scaling.py [--shared ../shared] [--english 600] [--lake-sizes 1000,3000]

Prints, each measured in this run on this machine:
1. the ceiling: spaCy's English `ner` pipe alone, `nlp.pipe(n_process=cores)`, on the English articles
   (en_semeval2023t3 + en_globalvoices of `shared/corpus`, 500+ words first, then the longest others);
2. words/s of `newsetl extract` and of `newsetl run` with default settings on the same articles
   (subprocesses: start-up, model loads and the embedded Prefect server included), each over the ceiling;
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
LONG_WORDS = 500
CHUNK_ARTICLES = 250  # articles per input file


def english_articles(shared: Path, limit: int) -> tuple[list[dict], int]:
    """Up to `limit` English records, those of 500+ words first (then the longest others); and how many are 500+."""
    records: list[dict] = []
    for name in ENGLISH_FILES:
        with (shared / "corpus" / name).open(encoding="utf-8") as handle:
            records.extend(json.loads(line) for line in handle if line.strip())
    records.sort(key=lambda r: -len(r["text"].split()))
    chosen = records[:limit]
    return chosen, sum(len(r["text"].split()) >= LONG_WORDS for r in chosen)


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


def ner_ceiling(texts: list[str], cores: int) -> float:
    """Seconds of spaCy's English `ner` pipe alone over the texts on `cores` processes (model loaded before)."""
    import spacy

    from flows.io.models import SPACY_PACKAGES, _non_ner_pipes

    name = SPACY_PACKAGES["en"]
    nlp = spacy.load(name, exclude=_non_ner_pipes(name))
    began = time.perf_counter()
    for _ in nlp.pipe(texts, n_process=cores, batch_size=64):
        pass
    return time.perf_counter() - began


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


def measured(command: list[str], extra_env: dict[str, str] | None = None) -> tuple[float, float, float]:
    """Wall seconds and peak RSS in MiB (sum over the process tree, largest process) of a command.

    Also prints the CPU seconds of the process tree and the load average: on a shared machine the CPU
    seconds say more than the wall time.
    """
    # A busy machine may need more than Prefect's default 20 s to start the embedded server.
    env = {"PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120", **os.environ, "PREFECT_LOGGING_LEVEL": "WARNING"}
    env.update(extra_env or {})
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=PROJECT_ROOT.parent / "shared")
    parser.add_argument("--english", type=int, default=600, help="English articles for the ceiling comparison")
    parser.add_argument("--lake-sizes", default="1000,3000", help="corpus articles per memory run ('' for none)")
    parser.add_argument("--skip-extract", action="store_true", help="measure `run` only")
    args = parser.parse_args()

    from flows.settings import available_cores

    cores = available_cores()
    warm = "from flows.io.models import load_gazetteer; load_gazetteer()"  # the cache built once, not in a timed run
    subprocess.run([sys.executable, "-c", warm], cwd=PROJECT_ROOT, check=True)
    english, long_ones = english_articles(args.shared, args.english)
    total_words = words(english)
    print(
        f"cores: {cores}  English articles: {len(english)} ({long_ones} of {LONG_WORDS}+ words; the corpus has no more)"
        f"  words: {total_words}"
    )
    ceiling = total_words / ner_ceiling([a["text"] for a in english], cores)
    print(f"ceiling (en ner pipe alone, n_process={cores}): {ceiling:.0f} words/s")

    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        write_inputs(base / "en", english)
        joined = base / "en.jsonl"
        joined.write_text("".join(p.read_text(encoding="utf-8") for p in sorted((base / "en").iterdir())))

        if not args.skip_extract:
            seconds, total, largest = measured(
                [*NEWSETL, "extract", "--input", str(joined), "--output", str(base / "out.jsonl")]
            )
            rate = total_words / seconds
            print(
                f"extract: {seconds:.1f} s  {rate:.0f} words/s  = {rate / ceiling:.2f} of the ceiling"
                f"  peak RSS {total:.0f} MiB (largest process {largest:.0f})"
            )
        seconds, total, largest = measured(run_command(base / "en", base / "data-en"))
        rate = total_words / seconds
        print(
            f"run: {seconds:.1f} s  {rate:.0f} words/s  = {rate / ceiling:.2f} of the ceiling"
            f"  peak RSS {total:.0f} MiB (largest process {largest:.0f})"
        )
        full = seconds
        seconds, _, _ = measured(run_command(base / "en", base / "data-en"))
        print(f"no-op re-run of that lake: {seconds:.1f} s  = {seconds / full:.3f} of its full run")

        (base / "one").mkdir()
        (base / "one" / "one.jsonl").write_text(json.dumps(english[-1], ensure_ascii=False) + "\n")
        seconds, total, _ = measured(run_command(base / "one", base / "data-one"))
        print(f"one-document run (embedded server): {seconds:.1f} s  peak RSS {total:.0f} MiB")
        seconds, _, _ = measured(run_command(base / "one", base / "data-one"))
        print(f"its no-op re-run: {seconds:.1f} s")
        with prefect_server() as server_env:
            seconds, total, _ = measured(run_command(base / "one", base / "data-one-server"), server_env)
            print(f"one-document run (a running local Prefect server): {seconds:.1f} s  peak RSS {total:.0f} MiB")

        for size in [int(s) for s in args.lake_sizes.split(",") if s.strip()]:
            articles = corpus_articles(args.shared, size)
            write_inputs(base / f"in-{size}", articles)
            data_dir = base / f"data-{size}"
            seconds, total, largest = measured(run_command(base / f"in-{size}", data_dir))
            noop, _, _ = measured(run_command(base / f"in-{size}", data_dir))
            print(
                f"run of {len(articles)} corpus articles: {seconds:.1f} s  peak RSS {total:.0f} MiB "
                f"(largest process {largest:.0f})  no-op re-run {noop:.1f} s = {noop / seconds:.3f} of it"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
