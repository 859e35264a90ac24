"""Shared fixtures: project paths, the shared/ folder, and an in-memory warehouse over inline rows."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Callable
from datetime import UTC
from pathlib import Path
from types import ModuleType
from typing import Any

import duckdb
import pyarrow as pa
import pytest

from evaluation.runner import default_gold_dir
from warehouse.db import create_sql_views
from warehouse.schemas import TABLES, TABLES_BY_NAME

PROJECT_ROOT = Path(__file__).resolve().parents[1]
SCRIPTS = PROJECT_ROOT / "scripts"


def _load_script(name: str) -> ModuleType:
    """scripts/NAME.py as a module, with scripts/ importable as it is when the script runs."""
    if str(SCRIPTS) not in sys.path:
        sys.path.insert(0, str(SCRIPTS))
    spec = importlib.util.spec_from_file_location(name, SCRIPTS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def build_script() -> Callable[[str], ModuleType]:
    """Load a build script of scripts/ by name (its generated data is checked against the shipped files)."""
    return _load_script


@pytest.fixture(scope="session")
def shared() -> Path:
    """The shared material (as `newsetl evaluate` finds it); tests that need it skip when absent."""
    gold = default_gold_dir()
    if not gold.is_dir():
        pytest.skip(f"shared material not found at {gold.parent}")
    return gold.parent


def _defaults(table_name: str, row: dict[str, Any]) -> dict[str, Any]:
    """Fill the non-nullable columns a test row leaves out with neutral values."""
    filled = dict(row)
    for field in TABLES_BY_NAME[table_name].schema:
        if field.name in filled or field.nullable:
            continue
        if pa.types.is_string(field.type):
            filled[field.name] = "x"
        elif pa.types.is_timestamp(field.type):
            from datetime import datetime

            filled[field.name] = datetime(2026, 1, 1, tzinfo=UTC)
        else:
            filled[field.name] = 0
    return filled


@pytest.fixture()
def warehouse_with():
    """Build an in-memory DuckDB with raw.* tables from inline rows and every sql/ view on top."""
    connections: list[duckdb.DuckDBPyConnection] = []

    def build(**rows_by_table: list[dict[str, Any]]) -> duckdb.DuckDBPyConnection:
        con = duckdb.connect()
        connections.append(con)
        con.execute("create schema raw")
        for table in TABLES:
            rows = [_defaults(table.name, r) for r in rows_by_table.get(table.name, [])]
            data = pa.Table.from_pylist(rows, schema=table.schema)  # noqa: F841 — read by DuckDB below
            con.execute(f"create table raw.{table.name} as select * from data")
        create_sql_views(con, PROJECT_ROOT / "sql")
        return con

    yield build
    for con in connections:
        con.close()
