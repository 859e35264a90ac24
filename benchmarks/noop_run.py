"""No-op re-run benchmark (a script, not a test): what `newsetl run` costs when nothing is new, by lake size.

    uv run python benchmarks/noop_run.py [--docs 3000] [--batch-docs 500]

Builds a lake of `--docs` synthetic articles with benchmarks/lake_scale.py's stand-in for the text stages
(through the project's own batch code), keeping the input files, publishes it, then times `newsetl run` over
the same inputs as a subprocess: it finds nothing new, so it should load no model, start no Prefect server
and publish nothing. Prints its wall and CPU seconds (the process tree) and the load average; the CPU
seconds of a real full run of that many articles come from benchmarks/scaling.py (`--lake-sizes`).
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT_ROOT))

from benchmarks.lake_scale import SyntheticStages, entity_pool, write_inputs  # noqa: E402
from benchmarks.scaling import subprocess_environment  # noqa: E402
from flows.batch import build_batch  # noqa: E402
from warehouse import db, lake  # noqa: E402


def build(base: Path, docs: int, batch_docs: int) -> None:
    """A lake of synthetic articles whose input files stay in `base/inputs`, and its published warehouse."""
    rng = random.Random(13)
    pool = entity_pool(rng)
    weights = [1 / (rank + 1) for rank in range(len(pool))]
    stages = SyntheticStages(pool)
    lake_dir = base / "data" / "lake"
    inputs = base / "inputs"
    inputs.mkdir(parents=True)
    for first in range(0, docs, batch_docs):
        file = write_inputs(inputs, first, min(batch_docs, docs - first), rng, pool, weights)
        now = datetime.now(UTC)
        known = lambda ids: lake.known_doc_ids(lake_dir, ids)  # noqa: E731
        batch = build_batch([file], stages, known, "synthetic-run", now, None, lake.committed_batches(lake_dir))
        lake.write_batch(lake_dir, batch.stats.batch_id, batch.rows)
    db.publish(base / "data" / "warehouse.duckdb", lake_dir, PROJECT_ROOT / "sql")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=3000)
    parser.add_argument("--batch-docs", type=int, default=500)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        build(base, args.docs, args.batch_docs)
        command = [sys.executable, "-m", "flows.cli", "run", "--input", str(base / "inputs")]
        command += ["--data-dir", str(base / "data"), "--json"]
        for attempt in (1, 2):  # the first also writes the bytecode caches of the modules a no-op run imports
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            load, began = os.getloadavg()[0], time.perf_counter()
            done = subprocess.run(
                command, env=subprocess_environment(), cwd=PROJECT_ROOT, capture_output=True, text=True, check=True
            )
            wall = time.perf_counter() - began
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
            status = done.stdout.strip().splitlines()[-1]
            print(
                f"no-op run {attempt} over a lake of {args.docs} articles: {wall:.1f} s, {cpu:.1f} CPU s"
                f"  (load average {load:.1f})  {status[:80]}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
