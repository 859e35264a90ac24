"""The data dictionary is generated from the schemas and sql/ and must match them."""

from __future__ import annotations

from pathlib import Path

from warehouse.dictionary import DICTIONARY_PATH, PROJECT_ROOT, render_dictionary


def test_data_dictionary_is_current():
    expected = render_dictionary(PROJECT_ROOT / "sql", Path("/nonexistent-lake"))
    assert DICTIONARY_PATH.read_text(encoding="utf-8") == expected, (
        "docs/DATA_DICTIONARY.md is stale: run `uv run python -m warehouse.dictionary`"
    )


def test_every_sql_relation_has_a_header_with_grain_and_columns():
    for path in sorted((PROJECT_ROOT / "sql").rglob("*.sql")):
        head = path.read_text(encoding="utf-8").splitlines()[:12]
        assert head[0].startswith(f"-- {path.stem}:"), path
        assert any(line.startswith("-- grain:") for line in head), path
        assert any(line.startswith("-- columns:") for line in head), path
