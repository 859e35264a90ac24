"""Memory benchmark (a script, not a test): peak RSS of `newsetl run` against the input and the lake size.

    uv run python benchmarks/memory.py [--shared ../shared] [--big-mib 100] [--sizes 1000,3000] [--skip-big]

Builds its inputs in a temporary folder from the shared corpus text (all languages) and prints, for each
`run` (a subprocess with default settings: start-up, worker processes and the embedded Prefect server
included), the peak RSS summed over the whole process tree (and its largest process):
1. one JSON Lines file of `--big-mib` MiB: the corpus records repeated, each copy under its own ids (the
   texts repeat, so later copies are loaded as duplicates); with the batches it became;
2. loads of each of `--sizes` corpus articles (round-robin over the corpus files, files of 250 records) into a
   fresh data dir, and the ratio of the largest load's peak to the smallest's (memory must not grow with the
   corpus: the issue asks for at most 1.1).

`--rows-only` measures instead, in a fresh process each, the peak RSS of reading the big file and building
its batches' rows (no text stages: every article analysed as itself), the file as one batch and in parts:
the memory that follows the input, apart from the models' fixed cost.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT_ROOT))

from benchmarks.scaling import corpus_articles, measured, run_command, write_inputs  # noqa: E402
from flows.settings import DEFAULT_BATCH_DOCS  # noqa: E402


def write_big_jsonl(path: Path, articles: list[dict], target_bytes: int) -> int:
    """Write the articles over and over (copy n's ids end in `~n`) until the file holds `target_bytes`; its lines."""
    lines = written = copy = 0
    with path.open("w", encoding="utf-8") as out:
        while written < target_bytes:
            for article in articles:
                record = {**article, "id": f"{article.get('id', lines)}~{copy}"}
                line = json.dumps(record, ensure_ascii=False) + "\n"
                out.write(line)
                written += len(line.encode("utf-8"))
                lines += 1
                if written >= target_bytes:
                    break
            copy += 1
    return lines


def rows_peak_mib(path: Path, batch_docs: int, whole: bool) -> tuple[float, int]:
    """Peak RSS (MiB) of a process that reads the file and builds its batches' rows, and the batches it built."""
    child = (
        "import resource, sys\n"
        "from benchmarks.memory import build_all_batches\n"
        f"batches = build_all_batches({str(path)!r}, {batch_docs}, {whole})\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, batches)\n"
    )
    out = subprocess.run([sys.executable, "-c", child], cwd=PROJECT_ROOT, capture_output=True, text=True, check=True)
    peak, batches = out.stdout.split()
    return float(peak), int(batches)


def build_all_batches(path: str, batch_docs: int, whole: bool) -> int:
    """Build (and drop) the rows of every batch of one file, whole or in parts; the batches built."""
    from datetime import UTC, datetime

    from flows.batch import build_batch, part_bytes, plan_batches
    from flows.io.parts import plan_parts
    from flows.io.sources import discover_files
    from flows.text.article import ArticleResult, BatchAnalysis
    from flows.text.records import Article, CleanedText, LanguageGuess

    def analyse(articles: Sequence[Article]) -> BatchAnalysis:  # every article analysed as itself
        results = (ArticleResult(a, CleanedText(a.text), LanguageGuess("en", 1.0), (), ()) for a in articles)
        return BatchAnalysis(tuple(results), ())

    (file,), _ = discover_files([Path(path)])
    files = [file] if whole else plan_parts(file, part_bytes(batch_docs))
    batches = plan_batches(files, batch_docs)
    seen: set[str] = set()  # stands for the lake's doc_ids (a DuckDB semi join in a run)
    for batch in batches:
        rows = build_batch(batch, analyse, seen, "bench", datetime.now(UTC))
        seen |= rows.doc_ids
    return len(batches)


def batches_in(data_dir: Path) -> int:
    """Batches committed in a data dir's lake (its manifest files)."""
    return sum(1 for _ in data_dir.rglob("inputs/*.parquet"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=PROJECT_ROOT.parent / "shared")
    parser.add_argument("--big-mib", type=int, default=100, help="size of the one big JSON Lines file")
    parser.add_argument("--sizes", default="1000,3000", help="corpus articles per load ('' for none)")
    parser.add_argument("--skip-big", action="store_true", help="measure the loads of --sizes only")
    parser.add_argument("--rows-only", action="store_true", help="reading and row building only, no `run`")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        corpus = corpus_articles(args.shared, 10**9)
        if args.rows_only:
            big = base / "big.jsonl"
            write_big_jsonl(big, corpus, args.big_mib << 20)
            for whole in (True, False):
                peak, batches = rows_peak_mib(big, DEFAULT_BATCH_DOCS, whole)
                how = "as one batch (a file never split)" if whole else "in parts"
                print(
                    f"reading and building the rows of one {args.big_mib} MiB file {how}: {batches} batches"
                    f"  peak RSS {peak:.0f} MiB",
                    flush=True,
                )
            return 0
        if not args.skip_big:
            (base / "big").mkdir()
            big = base / "big" / "big.jsonl"
            lines = write_big_jsonl(big, corpus, args.big_mib << 20)
            seconds, total, largest = measured(run_command(base / "big", base / "data-big"))
            print(
                f"run of one {big.stat().st_size / 2**20:.0f} MiB JSON Lines file ({lines} records, "
                f"{len(corpus)} distinct texts): {seconds:.1f} s  {batches_in(base / 'data-big')} batches  "
                f"peak RSS {total:.0f} MiB (largest process {largest:.0f})",
                flush=True,
            )
        peaks: list[tuple[int, float]] = []
        for size in [int(s) for s in args.sizes.split(",") if s.strip()]:
            articles = corpus[:size] if size <= len(corpus) else corpus_articles(args.shared, size)
            write_inputs(base / f"in-{size}", articles)
            seconds, total, largest = measured(run_command(base / f"in-{size}", base / f"data-{size}"))
            peaks.append((len(articles), total))
            print(
                f"run of {len(articles)} corpus articles: {seconds:.1f} s  {batches_in(base / f'data-{size}')} batches"
                f"  peak RSS {total:.0f} MiB (largest process {largest:.0f})",
                flush=True,
            )
        if len(peaks) > 1:
            (small, low), (large, high) = min(peaks), max(peaks)
            print(f"peak RSS ratio, {large} articles over {small}: {high / low:.2f} (issue 13 asks for <= 1.1)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
