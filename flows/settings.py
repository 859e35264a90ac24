"""One typed settings object: CLI flag > NEWSETL_* environment > [tool.newsetl] in pyproject.toml > defaults."""

from __future__ import annotations

import difflib
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from flows.io.metadata import FIELD_ALIASES

if TYPE_CHECKING:  # the storage code (fsspec paths) loads only where a setting needs it: the pure core reads settings
    from warehouse.storage import LakePath, ObjectPath

PROJECT_ROOT = Path(__file__).resolve().parents[1]
# A source checkout has pyproject.toml and sql/ beside the packages; an installed wheel ships the
# SQL inside the package (warehouse/sql) and no seeds/.
IN_CHECKOUT = (PROJECT_ROOT / "pyproject.toml").is_file() and (PROJECT_ROOT / "sql").is_dir()
DEFAULT_BATCH_DOCS = 500
CGROUP_ROOT = Path("/sys/fs/cgroup")
CGROUP_MEMBERSHIP = Path("/proc/self/cgroup")


def available_cores(cgroup_root: Path = CGROUP_ROOT, membership: Path = CGROUP_MEMBERSHIP) -> int:
    """Cores this process may use: its CPU affinity, capped by a cgroup CPU quota (v2 `cpu.max`, v1 CFS quota).

    A container given "1.5 CPUs" on a 16-core host gets 1 (quota rounded down, at least 1), not 16.
    """
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cores = os.cpu_count() or 1
    quota = cgroup_cpu_quota(cgroup_root, membership)
    return max(1, min(cores, int(quota)) if quota is not None else cores)


def cgroup_cpu_quota(cgroup_root: Path = CGROUP_ROOT, membership: Path = CGROUP_MEMBERSHIP) -> float | None:
    """CPUs allowed by the tightest cgroup quota on this process's cgroup and its ancestors, or None.

    cgroup v2: `cpu.max` ("QUOTA PERIOD" in microseconds, QUOTA "max" when unlimited); v1: the CFS
    `cpu.cfs_quota_us` (-1 when unlimited) over `cpu.cfs_period_us`.
    """
    quotas = [q for folder in _cgroup_folders(cgroup_root, membership) if (q := _folder_quota(folder)) is not None]
    return min(quotas) if quotas else None


def _cgroup_folders(cgroup_root: Path, membership: Path) -> list[Path]:
    """This process's cgroup folders (v2, and v1's `cpu` controller, as /proc/self/cgroup names them) and ancestors."""
    leaves: list[Path] = []
    try:
        lines = membership.read_text(encoding="ascii").splitlines()
    except OSError:
        lines = []
    for line in lines:
        _, controllers, path = (line.split(":", 2) + ["", ""])[:3]
        relative = path.lstrip("/")
        if controllers == "":
            leaves.append(cgroup_root / relative)
        elif "cpu" in controllers.split(","):  # v1: mounted as "cpu,cpuacct", often linked as "cpu"
            leaves.extend([cgroup_root / controllers / relative, cgroup_root / "cpu" / relative])
    folders = [cgroup_root, cgroup_root / "cpu"]
    for leaf in leaves:
        folders.extend([leaf, *(p for p in leaf.parents if p.is_relative_to(cgroup_root))])
    return list(dict.fromkeys(folders))


def _folder_quota(folder: Path) -> float | None:
    """The CPU quota one cgroup folder sets (v2 or v1), None when it sets none or cannot be read."""
    try:
        quota, period = (folder / "cpu.max").read_text(encoding="ascii").split()[:2]
        return None if quota == "max" else int(quota) / int(period)
    except (OSError, ValueError):
        pass
    try:
        quota_us = int((folder / "cpu.cfs_quota_us").read_text(encoding="ascii"))
        period_us = int((folder / "cpu.cfs_period_us").read_text(encoding="ascii"))
    except (OSError, ValueError):
        return None
    return quota_us / period_us if quota_us > 0 and period_us > 0 else None


def default_data_dir() -> Path:
    """./data of a checkout; installed, $XDG_DATA_HOME/newsetl (else ~/.local/share/newsetl)."""
    if IN_CHECKOUT:
        return PROJECT_ROOT / "data"
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share") / "newsetl"


class SettingsError(ValueError):
    """A configuration value or key the user gave is wrong."""


@dataclass(frozen=True)
class Settings:
    """Where data lives and how big a batch is; every path is absolute.

    `data_dir` is a local folder or an fsspec URL (`s3://bucket/prefix`): the lake then lives on the
    object store and the warehouse file is built in a local folder named after the URL (and a copy is
    put beside the lake); `dask_address` (`tcp://HOST:PORT`) runs the batches on that Dask cluster.
    """

    data_dir: LakePath = field(default_factory=default_data_dir)
    inputs: tuple[Path, ...] = (PROJECT_ROOT / "seeds",) if IN_CHECKOUT else ()
    batch_docs: int = DEFAULT_BATCH_DOCS
    # Processes running the text stages: by default one per available core (affinity and cgroup quota).
    workers: int = field(default_factory=available_cores)
    # (canonical field, name in the input records), e.g. (("published_at", "dc_date"),)
    metadata_fields: tuple[tuple[str, str], ...] = ()
    sql_dir: Path = PROJECT_ROOT / "sql" if IN_CHECKOUT else PROJECT_ROOT / "warehouse" / "sql"
    dask_address: str | None = None

    @property
    def lake_dir(self) -> LakePath:
        """Folder (or object prefix) of the Parquet tables."""
        return self.data_dir / "lake"

    @property
    def warehouse_path(self) -> Path:
        """The DuckDB file analysts open: in the data folder, or for a lake on an object store in a local folder."""
        from warehouse.storage import ObjectPath

        if isinstance(self.data_dir, ObjectPath):
            return remote_warehouse_dir(self.data_dir) / "warehouse.duckdb"
        return self.data_dir / "warehouse.duckdb"

    @property
    def shared_warehouse(self) -> ObjectPath | None:
        """Where the published warehouse file is copied beside a lake on an object store (None for a local lake)."""
        from warehouse.storage import ObjectPath

        return self.data_dir / "warehouse.duckdb" if isinstance(self.data_dir, ObjectPath) else None


def remote_warehouse_dir(data_dir: ObjectPath) -> Path:
    """The local folder holding the warehouse of a lake on an object store: named after its URL, under the default
    data folder (`NEWSETL_WAREHOUSE_DIR` names another)."""
    chosen = os.environ.get("NEWSETL_WAREHOUSE_DIR")
    if chosen:
        return Path(chosen).expanduser().resolve()
    name = f"{data_dir.protocol}/{data_dir.key}".replace("/", "_")
    return default_data_dir() / "remote" / name


_KEYS = {f.name for f in fields(Settings)}
# NEWSETL_* variables read elsewhere, not pipeline settings: the evaluation's shared folder and
# the gazetteer cache switch (flows/io/models.py).
OTHER_ENVIRONMENT = ("shared_dir", "gazetteer_cache", "warehouse_dir")


def _coerce(key: str, value: Any) -> Any:
    """Turn a raw config value into the field's type."""
    if key == "data_dir":
        from warehouse.storage import lake_path

        return lake_path(str(value))
    if key == "sql_dir":
        return Path(value).expanduser().resolve()
    if key == "dask_address":
        return _dask_address(value)
    if key == "inputs":
        items = value.split(os.pathsep) if isinstance(value, str) else list(value)
        return tuple(Path(v).expanduser().resolve() for v in items)
    if key == "metadata_fields":
        return _field_map(value)
    if key in ("batch_docs", "workers"):
        try:
            number = int(value)
        except (TypeError, ValueError):
            raise SettingsError(f"{key} must be a whole number, got {value!r}") from None
        if number < 1:
            raise SettingsError(f"{key} must be at least 1, got {number}")
        return number
    return value


def _dask_address(value: Any) -> str | None:
    """A Dask scheduler address (`tcp://HOST:PORT`, or HOST:PORT); empty text means none."""
    text = str(value).strip()
    if not text:
        return None
    if "://" not in text:
        text = f"tcp://{text}"
    host_port = text.split("://", 1)[1]
    if ":" not in host_port or not host_port.rsplit(":", 1)[1].isdigit():
        raise SettingsError(f"dask_address must look like tcp://HOST:PORT, got {value!r}")
    return text


def _field_map(value: Any) -> tuple[tuple[str, str], ...]:
    """Metadata field mapping from a table or from "field=name,field=name" text."""
    if isinstance(value, str):
        pairs = [item.split("=", 1) for item in value.split(",") if item.strip()]
        if any(len(pair) != 2 for pair in pairs):
            raise SettingsError(f"metadata_fields must look like 'published_at=dc_date,source=site', got {value!r}")
        value = {k.strip(): v.strip() for k, v in pairs}
    if not isinstance(value, Mapping):
        raise SettingsError(f"metadata_fields must map fields to names, got {value!r}")
    for key, name in value.items():
        if key not in FIELD_ALIASES:
            close = difflib.get_close_matches(key, sorted(FIELD_ALIASES), n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise SettingsError(f"metadata_fields: unknown field {key!r}{hint}; fields: {', '.join(FIELD_ALIASES)}")
        if not isinstance(name, str) or not name:
            raise SettingsError(f"metadata_fields: the name for {key!r} must be a non-empty string")
    return tuple(sorted(value.items()))


def _check_keys(keys: Any, where: str) -> None:
    """Reject unknown keys with a suggestion."""
    for key in keys:
        if key not in _KEYS:
            close = difflib.get_close_matches(key, sorted(_KEYS), n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise SettingsError(f"unknown setting {key!r} in {where}{hint}")


def _from_pyproject(path: Path) -> dict[str, Any]:
    """Read [tool.newsetl] from a pyproject.toml, relative paths taken from its folder."""
    if not path.is_file():
        return {}
    table = tomllib.loads(path.read_text(encoding="utf-8")).get("tool", {}).get("newsetl", {})
    _check_keys(table, f"[tool.newsetl] of {path}")
    from warehouse.storage import is_url

    base = path.parent
    resolved = dict(table)
    for key in ("data_dir", "sql_dir"):
        if key in resolved and not (key == "data_dir" and is_url(str(resolved[key]))):
            resolved[key] = str(base / resolved[key])
    if "inputs" in resolved:
        resolved["inputs"] = [str(base / p) for p in resolved["inputs"]]
    return resolved


def _from_env(environ: Mapping[str, str]) -> dict[str, Any]:
    """Read NEWSETL_<KEY> variables."""
    found = {k[len("NEWSETL_") :].lower(): v for k, v in environ.items() if k.startswith("NEWSETL_")}
    for other in OTHER_ENVIRONMENT:
        found.pop(other, None)
    _check_keys(found, "the environment (NEWSETL_*)")
    return found


def load_settings(
    overrides: Mapping[str, Any] | None = None,
    environ: Mapping[str, str] | None = None,
    pyproject: Path = PROJECT_ROOT / "pyproject.toml",
) -> Settings:
    """Settings from defaults, pyproject, environment and explicit overrides, in rising priority."""
    merged: dict[str, Any] = {}
    merged.update(_from_pyproject(pyproject))
    merged.update(_from_env(os.environ if environ is None else environ))
    explicit = {k: v for k, v in (overrides or {}).items() if v is not None}
    _check_keys(explicit, "the arguments")
    merged.update(explicit)
    return replace(Settings(), **{k: _coerce(k, v) for k, v in merged.items()})
