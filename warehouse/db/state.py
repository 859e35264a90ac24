"""What a publish was built from (`lake/.published`), so an unchanged lake skips the rebuild and a publish in
place knows which batches are new, changed or gone."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

from flows.text.vocabulary import VOCABULARIES
from warehouse.db.build import SQL_LAYERS
from warehouse.lake import TMP_SUFFIX, table_files
from warehouse.schemas import TABLES
from warehouse.storage import LakePath, ObjectPath

PUBLISHED_NAME = ".published"  # in the lake folder: what the last publish was built from


def lake_state(lake_dir: LakePath, sql_dir: Path) -> dict[str, Any]:
    """What a publish reads: a stamp per committed batch (its files' names, sizes and modification times), one of
    the runs, and one of the code (the SQL, the schemas, the vocabularies)."""
    batches: dict[str, Any] = {}
    runs = hashlib.sha256()
    for table in TABLES:
        for path in table_files(lake_dir, table):
            stat = path.stat()
            line = f"{table.name}/{path.name}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode()
            if table.name == "runs":
                runs.update(line)
            else:
                batches.setdefault(path.stem, hashlib.sha256()).update(line)
    code = hashlib.sha256()
    for layer, _ in SQL_LAYERS:
        for path in sorted((sql_dir / layer).glob("*.sql")):
            code.update(f"{layer}/{path.name}\0".encode() + path.read_bytes())
    code.update(repr([(t.name, str(t.schema)) for t in TABLES]).encode())
    code.update(repr([(v.name, v.terms) for v in VOCABULARIES]).encode())
    return {
        "code": code.hexdigest(),
        "runs": runs.hexdigest(),
        "batches": {batch: digest.hexdigest()[:32] for batch, digest in sorted(batches.items())},
    }


def previous_record(warehouse_path: Path, lake_dir: LakePath) -> dict[str, Any] | None:
    """The record of the last publish, when the warehouse file is still the one it wrote."""
    try:
        record = json.loads((lake_dir / PUBLISHED_NAME).read_text(encoding="utf-8"))
        stamp = _warehouse_stamp(warehouse_path)
    except (OSError, ValueError):
        return None
    return record if isinstance(record, dict) and record.get("warehouse") == stamp else None


def batches_to_check(warehouse_path: Path, lake_dir: LakePath, state: dict[str, Any]) -> list[str] | None:
    """Batches new or changed since the last publish; None (all) when the code or the warehouse changed."""
    previous = previous_record(warehouse_path, lake_dir)
    if previous is None or previous.get("code") != state["code"]:
        return None
    checked = previous.get("batches") or {}
    return [batch for batch, stamp in state["batches"].items() if checked.get(batch) != stamp]


def _warehouse_stamp(warehouse_path: Path) -> list[Any]:
    stat = warehouse_path.stat()
    return [str(warehouse_path), stat.st_size, stat.st_mtime_ns, stat.st_ino]


def record_published(warehouse_path: Path, lake_dir: LakePath, state: dict[str, Any]) -> None:
    """Write `lake/.published` (temporary name, then rename): the lake's state and the warehouse file written."""
    record = {**state, "warehouse": _warehouse_stamp(warehouse_path)}
    path = lake_dir / PUBLISHED_NAME
    if isinstance(path, ObjectPath):  # one PUT, atomic
        path.write_text(json.dumps(record))
        return
    tmp = path.with_name(path.name + TMP_SUFFIX)
    lake_dir.mkdir(parents=True, exist_ok=True)
    tmp.write_text(json.dumps(record), encoding="utf-8")
    os.replace(tmp, path)


def is_current(warehouse_path: Path, lake_dir: LakePath, sql_dir: Path) -> bool:
    """Whether the warehouse file is the one the last publish wrote from the lake as it is now (nothing to rebuild)."""
    previous = previous_record(warehouse_path, lake_dir)
    if previous is None:
        return False
    return {k: previous.get(k) for k in ("code", "runs", "batches")} == lake_state(lake_dir, sql_dir)
