"""sql/ follows the project's SQL style (.sqlfluff: DuckDB dialect, lowercase, explicit aliases)."""

from __future__ import annotations

from pathlib import Path

import sqlfluff
from sqlfluff.core import FluffConfig

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def test_every_sql_file_passes_sqlfluff():
    config = FluffConfig.from_path(str(PROJECT_ROOT))
    problems = []
    for path in sorted((PROJECT_ROOT / "sql").rglob("*.sql")):
        where = path.relative_to(PROJECT_ROOT)
        for violation in sqlfluff.lint(path.read_text(encoding="utf-8"), config=config):
            problems.append(f"{where}:{violation['start_line_no']}: {violation['code']} {violation['description']}")
    assert problems == []
