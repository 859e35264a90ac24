"""Settings precedence: argument > NEWSETL_* environment > [tool.newsetl] > defaults."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from flows.settings import PROJECT_ROOT, SettingsError, available_cores, cgroup_cpu_quota, load_settings


def _pyproject(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "pyproject.toml"
    path.write_text(body, encoding="utf-8")
    return path


def test_load_settings_defaults_to_seeds_and_the_project_data_dir(tmp_path):
    settings = load_settings(environ={}, pyproject=tmp_path / "missing.toml")
    assert settings.inputs == (PROJECT_ROOT / "seeds",)
    assert settings.warehouse_path == PROJECT_ROOT / "data" / "warehouse.duckdb"


def test_load_settings_applies_pyproject_then_environment_then_arguments(tmp_path):
    pyproject = _pyproject(tmp_path, '[tool.newsetl]\ndata_dir = "lakehouse"\nbatch_docs = 50\n')
    from_file = load_settings(environ={}, pyproject=pyproject)
    assert from_file.data_dir == tmp_path / "lakehouse" and from_file.batch_docs == 50
    from_env = load_settings(environ={"NEWSETL_BATCH_DOCS": "70"}, pyproject=pyproject)
    assert from_env.batch_docs == 70 and from_env.data_dir == tmp_path / "lakehouse"
    from_args = load_settings({"batch_docs": 90}, environ={"NEWSETL_BATCH_DOCS": "70"}, pyproject=pyproject)
    assert from_args.batch_docs == 90


@pytest.mark.parametrize(
    ("environ", "message"),
    [
        ({"NEWSETL_DATA_DRI": "x"}, "did you mean 'data_dir'"),  # typo gets a suggestion
        ({"NEWSETL_BATCH_DOCS": "many"}, "whole number"),  # wrong type
        ({"NEWSETL_BATCH_DOCS": "0"}, "at least 1"),  # out of range
    ],
)
def test_load_settings_rejects_bad_keys_and_values(tmp_path, environ, message):
    with pytest.raises(SettingsError, match=message):
        load_settings(environ=environ, pyproject=tmp_path / "missing.toml")


def test_load_settings_rejects_unknown_pyproject_keys(tmp_path):
    pyproject = _pyproject(tmp_path, "[tool.newsetl]\nbatch_size = 3\n")
    with pytest.raises(SettingsError, match="did you mean 'batch_docs'"):
        load_settings(environ={}, pyproject=pyproject)


def test_load_settings_ignores_variables_read_by_other_parts(tmp_path):
    environ = {"NEWSETL_SHARED_DIR": "/x", "NEWSETL_GAZETTEER_CACHE": "0", "NEWSETL_BATCH_DOCS": "7"}
    assert load_settings(environ=environ, pyproject=tmp_path / "missing.toml").batch_docs == 7


def test_metadata_fields_come_from_text_or_a_table(tmp_path):
    pyproject = _pyproject(tmp_path, '[tool.newsetl.metadata_fields]\npublished_at = "dc_date"\n')
    assert load_settings(environ={}, pyproject=pyproject).metadata_fields == (("published_at", "dc_date"),)
    from_env = load_settings(environ={"NEWSETL_METADATA_FIELDS": "source=site, url=href"}, pyproject=pyproject)
    assert from_env.metadata_fields == (("source", "site"), ("url", "href"))


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("published=dc_date", "did you mean 'published_at'"),  # unknown field gets a suggestion
        ("published_at", "must look like"),  # no '='
    ],
)
def test_metadata_fields_are_checked(tmp_path, value, message):
    with pytest.raises(SettingsError, match=message):
        load_settings(environ={"NEWSETL_METADATA_FIELDS": value}, pyproject=tmp_path / "missing.toml")


def _cgroup(tmp_path: Path, files: dict[str, str], membership: str) -> tuple[Path, Path]:
    """A fake cgroup tree and /proc/self/cgroup file."""
    root = tmp_path / "cgroup"
    root.mkdir(parents=True)
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="ascii")
    (tmp_path / "membership").write_text(membership, encoding="ascii")
    return root, tmp_path / "membership"


@pytest.mark.parametrize(
    ("files", "membership", "quota"),
    [
        ({"box/cpu.max": "150000 100000\n"}, "0::/box\n", 1.5),  # v2: quota over period
        ({"box/cpu.max": "max 100000\n"}, "0::/box\n", None),  # v2: unlimited
        ({"cpu.max": "max 100000\n", "a/cpu.max": "100000 100000\n", "a/b/cpu.max": "max 100000\n"}, "0::/a/b\n", 1.0),
        # ^ an ancestor's limit binds its children
        (
            {"cpu/job/cpu.cfs_quota_us": "300000\n", "cpu/job/cpu.cfs_period_us": "100000\n"},
            "4:cpu,cpuacct:/job\n",
            3.0,
        ),
        # ^ v1: a controller line naming cpu among others
        ({"cpu/cpu.cfs_quota_us": "-1\n", "cpu/cpu.cfs_period_us": "100000\n"}, "1:cpu:/\n", None),  # v1 unlimited
        ({}, "", None),  # no cgroup files at all (another OS, a sandbox)
    ],
)
def test_cgroup_cpu_quota_reads_v2_and_v1_limits(tmp_path, files, membership, quota):
    root, member = _cgroup(tmp_path, files, membership)
    assert cgroup_cpu_quota(root, member) == quota


def test_available_cores_is_capped_by_the_quota_and_never_zero(tmp_path):
    affinity = len(os.sched_getaffinity(0))
    root, member = _cgroup(tmp_path, {"box/cpu.max": "50000 100000\n"}, "0::/box\n")
    assert available_cores(root, member) == 1  # half a CPU still runs one worker
    root, member = _cgroup(tmp_path / "none", {}, "")
    assert available_cores(root, member) == affinity


def test_default_workers_follow_the_available_cores(tmp_path):
    settings = load_settings(environ={}, pyproject=tmp_path / "missing.toml")
    assert settings.workers == available_cores()
    assert load_settings(environ={"NEWSETL_WORKERS": "1"}, pyproject=tmp_path / "missing.toml").workers == 1
