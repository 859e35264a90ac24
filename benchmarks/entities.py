"""Entity-stage benchmark (a script, not a test): words/s per language and peak RSS with every model loaded.

    uv run python benchmarks/entities.py [--docs 150] [--shared ../shared] [--repeat 1]

For each of the eight corpus languages (en, fr, de, es, it, pl, ru, ar), the first `--docs` records
of its corpus files (`../shared/corpus/<lang>_*.jsonl`, pooled in file order) go through the
entity stage alone (`flows.text.entities.extract_entities` on the record text, the language given)
after its model has loaded and warmed up on one document: CPU seconds (process time) and wall
seconds, words (whitespace tokens) per second of each. Then the peak resident set size of the
process, with every language's NER model loaded (spaCy en/fr, natasha ru, the CRFs de/es/it/pl/ar,
the gazetteer), and the resident size just after loading them, before any tagging.
Timings on a loaded machine are noisy: compare runs made side by side.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT_ROOT))

LANGUAGES = ("en", "fr", "de", "es", "it", "pl", "ru", "ar")


def language_texts(shared: Path, language: str, limit: int) -> list[str]:
    """The texts of the first `limit` records of a language's corpus files (file order)."""
    texts: list[str] = []
    for path in sorted((shared / "corpus").glob(f"{language}_*.jsonl")):
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                if len(texts) >= limit:
                    return texts
                if line.strip():
                    text = str(json.loads(line).get("text") or "")
                    if text.strip():
                        texts.append(text)
    return texts


def current_rss_mib() -> float:
    """Resident set size now (Linux /proc), in MiB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def peak_rss_mib() -> float:
    """Peak resident set size of this process so far, in MiB (ru_maxrss is KiB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=150, help="records per language")
    parser.add_argument("--shared", type=Path, default=PROJECT_ROOT.parent / "shared")
    parser.add_argument("--repeat", type=int, default=1, help="passes over each language's records")
    args = parser.parse_args(argv)

    from flows.io.models import load_gazetteer, load_ner_models
    from flows.text.entities import extract_entities

    base = current_rss_mib()
    models, gazetteer = load_ner_models(LANGUAGES), load_gazetteer()
    rows = []
    for language in LANGUAGES:
        texts = language_texts(args.shared, language, args.docs)
        if not texts:
            print(f"{language}: no corpus records under {args.shared / 'corpus'}")
            continue
        extract_entities([(texts[0], language)], models, gazetteer)  # loads and warms the model
        docs = [(text, language) for text in texts]
        words = sum(len(text.split()) for text in texts) * args.repeat
        cpu, wall = time.process_time(), time.perf_counter()
        mentions = 0
        for _ in range(args.repeat):
            mentions += sum(len(found) for found in extract_entities(docs, models, gazetteer))
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        rows.append((language, len(texts) * args.repeat, words, mentions, cpu, wall))
    loaded = current_rss_mib()

    print(
        f"{'lang':<5} {'model':<22} {'docs':>5} {'words':>8} {'mentions':>8} {'words/s cpu':>12} {'words/s wall':>13}"
    )
    for language, docs_n, words, mentions, cpu, wall in rows:
        name = models.name(language)
        print(
            f"{language:<5} {name:<22} {docs_n:>5} {words:>8} {mentions:>8} "
            f"{words / max(cpu, 1e-9):>12,.0f} {words / max(wall, 1e-9):>13,.0f}"
        )
    total_words = sum(r[2] for r in rows)
    total_cpu = sum(r[4] for r in rows)
    print(
        f"all   {'':<22} {sum(r[1] for r in rows):>5} {total_words:>8} {sum(r[3] for r in rows):>8} "
        f"{total_words / max(total_cpu, 1e-9):>12,.0f}"
    )
    print(f"models loaded: {', '.join(sorted(models.pipelines.loaded()))}")  # type: ignore[attr-defined]
    print(f"RSS before loading: {base:,.0f} MiB; with all models loaded (after tagging): {loaded:,.0f} MiB")
    print(f"peak RSS: {peak_rss_mib():,.0f} MiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
