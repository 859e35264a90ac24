"""The built wheel works installed: a fresh venv with the locked dependencies (offline, from uv's
cache), `newsetl run` on a temporary folder from another directory, then a report read back."""

from __future__ import annotations

import csv
import gzip
import io
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[2]
SEEDS = PROJECT_ROOT / "seeds"


def _uv() -> str:
    """The uv running this session (`uv run` sets $UV), else the one on PATH."""
    found = os.environ.get("UV") or shutil.which("uv")
    if not found:
        pytest.skip("uv is not available")
    return found


def _article_count(folder: Path) -> int:
    """Articles in a folder of seeds: one per .txt file, one per line of a .jsonl(.gz) file."""
    texts = len(list(folder.rglob("*.txt")))
    lines = sum(len(p.read_text(encoding="utf-8").splitlines()) for p in folder.rglob("*.jsonl"))
    packed = sum(len(gzip.decompress(p.read_bytes()).splitlines()) for p in folder.rglob("*.jsonl.gz"))
    return texts + lines + packed


def _call(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> str:
    """Run a command; fail the test with its output when it exits non-zero."""
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, f"{' '.join(command)}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return result.stdout


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project's wheel, built offline with the pinned build backend."""
    out = tmp_path_factory.mktemp("dist")
    _call([_uv(), "build", "--wheel", "--offline", "--quiet", "--out-dir", str(out)], cwd=PROJECT_ROOT)
    (built,) = out.glob("newsetl-*.whl")
    return built


def test_wheel_ships_the_sql_and_no_evaluation_code(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    shipped_sql = {n.removeprefix("warehouse/") for n in names if n.startswith("warehouse/sql/")}
    source_sql = {f"sql/{p.relative_to(PROJECT_ROOT / 'sql')}" for p in (PROJECT_ROOT / "sql").rglob("*.sql")}
    assert shipped_sql == source_sql
    assert [n for n in names if n.startswith(("evaluation/", "flows/eval/", "tests/", "seeds/"))] == []


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv holding the locked dependencies (offline, from uv's cache) and the wheel."""
    venv = tmp_path_factory.mktemp("installed") / "venv"
    env = {**os.environ, "UV_PROJECT_ENVIRONMENT": str(venv), "UV_PYTHON_DOWNLOADS": "never"}
    env.pop("VIRTUAL_ENV", None)
    sync = [_uv(), "sync", "--frozen", "--offline", "--no-dev", "--no-install-project", "--quiet"]
    _call([*sync, "--python", sys.executable], cwd=PROJECT_ROOT, env=env)
    python = str(venv / "bin" / "python")
    _call(
        [_uv(), "pip", "install", "--offline", "--no-deps", "--quiet", "--python", python, str(wheel)],
        cwd=PROJECT_ROOT,
        env=env,
    )
    return venv


def test_installed_wheel_runs_from_another_directory_and_reads_a_report(installed: Path, tmp_path: Path) -> None:
    inputs, data, elsewhere = tmp_path / "in", tmp_path / "data", tmp_path / "elsewhere"
    shutil.copytree(SEEDS, inputs)
    elsewhere.mkdir()
    run_env = {k: v for k, v in os.environ.items() if not k.startswith(("NEWSETL_", "PREFECT_", "VIRTUAL_ENV"))}
    run_env |= {"PREFECT_HOME": str(tmp_path / "prefect"), "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    newsetl = str(installed / "bin" / "newsetl")
    _call([newsetl, "run", "--input", str(inputs), "--data-dir", str(data)], cwd=elsewhere, env=run_env)
    report = _call(
        [newsetl, "report", "language_mix", "--data-dir", str(data), "--format", "csv"], cwd=elsewhere, env=run_env
    )
    documents = {row["language"]: int(row["document_count"]) for row in csv.DictReader(io.StringIO(report))}
    assert documents.get("en", 0) > 0 and documents.get("fr", 0) > 0
    assert sum(documents.values()) == _article_count(SEEDS)
    assert list(elsewhere.iterdir()) == []


def _fails(command: list[str], cwd: Path, env: dict[str, str]) -> str:
    """Run a command that must exit with status 2 (a user error); return its one-line message."""
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 2, result.stdout + result.stderr
    return result.stderr.strip()


def test_installed_defaults_ask_for_input_and_use_the_user_data_dir(installed: Path, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEWSETL_", "VIRTUAL_ENV"))}
    env["XDG_DATA_HOME"] = str(tmp_path / "xdg")
    newsetl = str(installed / "bin" / "newsetl")
    assert "no input given: pass --input" in _fails([newsetl, "run"], tmp_path, env)
    expected = tmp_path / "xdg" / "newsetl" / "warehouse.duckdb"
    assert f"no warehouse at {expected}" in _fails([newsetl, "report", "language_mix"], tmp_path, env)
    assert "evaluation needs a source checkout" in _fails([newsetl, "evaluate"], tmp_path, env)
