"""One typed settings object: CLI flag > NEWSETL_* environment > [tool.newsetl] in pyproject.toml > defaults."""

from __future__ import annotations

import difflib
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from flows.io.metadata import FIELD_ALIASES

PROJECT_ROOT = Path(__file__).resolve().parents[1]
# A source checkout has pyproject.toml and sql/ beside the packages; an installed wheel ships the
# SQL inside the package (warehouse/sql) and no seeds/.
IN_CHECKOUT = (PROJECT_ROOT / "pyproject.toml").is_file() and (PROJECT_ROOT / "sql").is_dir()
DEFAULT_BATCH_DOCS = 500


def default_data_dir() -> Path:
    """./data of a checkout; installed, $XDG_DATA_HOME/newsetl (else ~/.local/share/newsetl)."""
    if IN_CHECKOUT:
        return PROJECT_ROOT / "data"
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share") / "newsetl"


class SettingsError(ValueError):
    """A configuration value or key the user gave is wrong."""


@dataclass(frozen=True)
class Settings:
    """Where data lives and how big a batch is; every path is absolute."""

    data_dir: Path = field(default_factory=default_data_dir)
    inputs: tuple[Path, ...] = (PROJECT_ROOT / "seeds",) if IN_CHECKOUT else ()
    batch_docs: int = DEFAULT_BATCH_DOCS
    workers: int = 1
    # (canonical field, name in the input records), e.g. (("published_at", "dc_date"),)
    metadata_fields: tuple[tuple[str, str], ...] = ()
    sql_dir: Path = PROJECT_ROOT / "sql" if IN_CHECKOUT else PROJECT_ROOT / "warehouse" / "sql"

    @property
    def lake_dir(self) -> Path:
        """Folder of the Parquet tables."""
        return self.data_dir / "lake"

    @property
    def warehouse_path(self) -> Path:
        """The DuckDB file analysts open."""
        return self.data_dir / "warehouse.duckdb"


_KEYS = {f.name for f in fields(Settings)}
# NEWSETL_* variables read elsewhere, not pipeline settings: the evaluation's shared folder and
# the gazetteer cache switch (flows/io/models.py).
OTHER_ENVIRONMENT = ("shared_dir", "gazetteer_cache")


def _coerce(key: str, value: Any) -> Any:
    """Turn a raw config value into the field's type."""
    if key in ("data_dir", "sql_dir"):
        return Path(value).expanduser().resolve()
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
    base = path.parent
    resolved = dict(table)
    for key in ("data_dir", "sql_dir"):
        if key in resolved:
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
