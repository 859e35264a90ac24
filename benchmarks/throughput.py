"""Throughput benchmark (a script, not a test): prints docs/s, words/s and memory.

    uv run python benchmarks/throughput.py [--docs 2000] [--shared ../shared]

1. per-stage timings in this process (clean, language, entities, figures) on the articles;
2. `newsetl extract` on them as one JSON Lines file (a subprocess: models load included);
3. `newsetl run` on them as input files into a fresh data dir (a subprocess: embedded Prefect
   server start-up included), then a second run that finds nothing new.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT_ROOT))


def corpus_articles(shared: Path, limit: int) -> list[dict]:
    """Up to `limit` real records, taken round-robin across the corpus files (all languages)."""
    per_file = []
    for path in sorted((shared / "corpus").glob("*.jsonl")):
        with path.open(encoding="utf-8") as handle:
            per_file.append([json.loads(line) for line in handle if line.strip()])
    articles: list[dict] = []
    index = 0
    while len(articles) < limit and any(index < len(docs) for docs in per_file):
        for docs in per_file:
            if index < len(docs) and len(articles) < limit:
                articles.append(docs[index])  # the record as published: its own field names
        index += 1
    return articles


def words(articles: list[dict]) -> int:
    return sum(len(a["text"].split()) for a in articles)


def stage_timings(articles: list[dict]) -> dict[str, float]:
    """CPU seconds spent in each text stage over all articles (models loaded beforehand)."""
    from flows.io.metadata import field_names, parse_record
    from flows.io.models import load_gazetteer, load_ner_models
    from flows.text.boilerplate import learn_boilerplate
    from flows.text.clean import clean_article
    from flows.text.entities import extract_entities
    from flows.text.figures import extract_figures
    from flows.text.language import detect_language

    began = time.process_time()
    models, gazetteer = load_ner_models(), load_gazetteer()
    detect_language("Warm-up: language profiles load on the first call.")
    extract_figures("Warm-up: 20 people.", "en")
    timings = {"model_load": time.process_time() - began}
    sources = [parse_record(a, field_names()).article.source for a in articles]
    began = time.process_time()
    boilerplate = learn_boilerplate([(source, a["text"]) for source, a in zip(sources, articles, strict=True)])
    timings["learn_boilerplate"] = time.process_time() - began
    began = time.process_time()
    cleaned = [
        clean_article(a["text"], boilerplate.for_source(s)).clean_text for s, a in zip(sources, articles, strict=True)
    ]
    timings["clean"] = time.process_time() - began
    began = time.process_time()
    languages = [detect_language(text).language for text in cleaned]
    timings["language"] = time.process_time() - began
    began = time.process_time()
    extract_entities(list(zip(cleaned, languages, strict=True)), models, gazetteer)
    timings["entities"] = time.process_time() - began
    began = time.process_time()
    for text, language in zip(cleaned, languages, strict=True):
        extract_figures(text, language)
    timings["figures"] = time.process_time() - began
    return timings


def per_700_words(articles: list[dict]) -> dict[str, float]:
    """CPU ms per article of 600-800 words for clean+language and for figures (best of 5 passes)."""
    from flows.text.clean import clean_article
    from flows.text.figures import extract_figures
    from flows.text.language import detect_language

    sample = [a["text"] for a in articles if 600 <= len(a["text"].split()) <= 800]
    best = {"clean+language": float("inf"), "figures": float("inf"), "articles": len(sample)}
    for _ in range(5):
        began = time.process_time()
        guesses = [(c, detect_language(c).language) for c in (clean_article(t).clean_text for t in sample)]
        middle = time.process_time()
        for text, language in guesses:
            extract_figures(text, language)
        end = time.process_time()
        best["clean+language"] = min(best["clean+language"], 1000 * (middle - began) / len(sample))
        best["figures"] = min(best["figures"], 1000 * (end - middle) / len(sample))
    return best


def rate(seconds: float, docs: int, total_words: int) -> str:
    """Seconds, docs/s and words/s as one line."""
    return f"{seconds:.1f} s  {docs / seconds:.1f} docs/s  {total_words / seconds:.0f} words/s"


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of a subprocess."""
    began = time.perf_counter()
    subprocess.run(command, check=True, env=env, cwd=PROJECT_ROOT, stdout=subprocess.DEVNULL)
    seconds = time.perf_counter() - began
    peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return seconds, peak_kib / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--shared", type=Path, default=PROJECT_ROOT.parent / "shared")
    args = parser.parse_args()
    articles = corpus_articles(args.shared, args.docs)
    total_words = words(articles)
    print(f"articles: {len(articles)}  words: {total_words}  mean words/article: {total_words / len(articles):.0f}")

    timings = stage_timings(articles)
    pipeline = sum(v for k, v in timings.items() if k != "model_load")
    print("\n== text stages in one process (CPU time, 1 core) ==")
    for name, seconds in timings.items():
        share = "" if name == "model_load" else f"  {100 * seconds / pipeline:5.1f}% of stages"
        print(f"{name:>18}: {seconds:7.2f} s  {1000 * seconds / len(articles):7.2f} ms/article{share}")
    measured = per_700_words(articles)
    print(
        f"on the {measured['articles']} articles of 600-800 words (best of 5): clean+language "
        f"{measured['clean+language']:.2f} ms, figures {measured['figures']:.2f} ms per article"
    )
    print(f"entities: {total_words / timings['entities']:.0f} words/s per core")
    print(f"all stages: {len(articles) / pipeline:.1f} docs/s, {total_words / pipeline:.0f} words/s")

    env = {**os.environ, "PREFECT_LOGGING_LEVEL": "WARNING"}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        chunk = 250
        for start in range(0, len(articles), chunk):
            with (folder / f"part-{start // chunk:03d}.jsonl").open("w", encoding="utf-8") as out:
                for article in articles[start : start + chunk]:
                    out.write(json.dumps(article, ensure_ascii=False) + "\n")
        joined = Path(tmp) / "all.jsonl"
        joined.write_text(
            "".join(p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.jsonl"))), encoding="utf-8"
        )
        newsetl = [sys.executable, "-m", "flows.cli"]

        seconds, peak = timed(
            [*newsetl, "extract", "--input", str(joined), "--output", str(Path(tmp) / "out.jsonl")], env
        )
        print("\n== newsetl extract (subprocess, model load included) ==")
        print(rate(seconds, len(articles), total_words) + f"  peak RSS {peak:.0f} MiB")

        data_dir = Path(tmp) / "data"
        seconds, peak = timed([*newsetl, "run", "--input", str(folder), "--data-dir", str(data_dir)], env)
        print("\n== newsetl run (subprocess, embedded Prefect server start-up included) ==")
        print(rate(seconds, len(articles), total_words) + f"  peak RSS {peak:.0f} MiB")
        dated = sum(1 for a in articles if any(k in a for k in ("date", "published_at")))
        query = "select count(*) filter (where published_at_utc is not null), count(published_at_raw) from documents"
        done = subprocess.run(
            [*newsetl, "query", "--data-dir", str(data_dir), "--format", "csv", query],
            env=env,
            cwd=PROJECT_ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()[-1]
        print(
            f"publication dates: {done.replace(',', ' of ')} documents with a date field read "
            f"({dated} input records carry `date`/`published_at`)"
        )
        seconds, _ = timed([*newsetl, "run", "--input", str(folder), "--data-dir", str(data_dir)], env)
        print(f"second run (nothing new): {seconds:.1f} s")
        seconds, peak = timed(
            [
                *newsetl,
                "run",
                "--workers",
                "2",
                "--input",
                str(folder),
                "--data-dir",
                str(Path(tmp) / "data-2-workers"),
            ],
            env,
        )
        print(
            f"with --workers 2: {seconds:.1f} s  {len(articles) / seconds:.1f} docs/s  "
            f"{total_words / seconds:.0f} words/s  peak RSS of one process {peak:.0f} MiB"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
