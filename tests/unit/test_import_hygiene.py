"""The pure core imports neither Prefect, DuckDB, pyarrow nor the storage code."""

from __future__ import annotations

import subprocess
import sys

CORE_MODULES = [
    "flows.text.article",
    "flows.text.clean",
    "flows.text.language",
    "flows.text.figures",
    "flows.text.entities",
    "flows.text.places",
    "flows.text.boilerplate",
    "flows.text.dates",
    "flows.extract",
]
FORBIDDEN = ["prefect", "duckdb", "pyarrow", "warehouse", "flows.io.models"]


def test_core_modules_load_no_orchestration_or_storage_code():
    probe = (
        "import sys\n"
        f"for name in {CORE_MODULES!r}: __import__(name)\n"
        f"bad = sorted(m for m in sys.modules if m.split('.')[0] in {FORBIDDEN!r} or m in {FORBIDDEN!r})\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""
