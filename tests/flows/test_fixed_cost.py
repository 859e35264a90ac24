"""A run with nothing new answers without Prefect's server, the text stages or any model."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from flows.settings import PROJECT_ROOT

SEEDS = PROJECT_ROOT / "seeds"

_NO_OP = """
import json, sys
from flows.pipeline import news_etl
summary = news_etl(inputs=[sys.argv[1]], data_dir=sys.argv[2])
loaded = ("spacy", "flows.text.article", "flows.io.models", "prefect.server.api.server")
print(json.dumps({"batches": len(summary.batches), "loaded": [m for m in loaded if m in sys.modules]}))
"""


def test_a_run_with_nothing_new_loads_no_model_and_starts_no_server(seeded):
    data_dir, _ = seeded
    before = sorted((p.name, p.stat().st_mtime_ns) for p in data_dir.rglob("*"))
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_API_URL")}
    done = subprocess.run(
        [sys.executable, "-c", _NO_OP, str(SEEDS), str(data_dir)], env=env, capture_output=True, text=True, check=True
    )
    assert json.loads(done.stdout.splitlines()[-1]) == {"batches": 0, "loaded": []}
    assert sorted((p.name, p.stat().st_mtime_ns) for p in data_dir.rglob("*")) == before  # nothing rewritten
