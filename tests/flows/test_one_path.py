"""One analysis path: the same articles give the same results through `extract` and the warehouse."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import duckdb

from flows.extract import extract_records
from flows.io.sources import discover_files
from flows.io.workers import analyser

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
FIGURE_FIELDS = ("start", "end", "text", "value", "lower", "upper", "qualifier", "unit", "object", "category")
ENTITY_FIELDS = ("start", "end", "text", "label", "entity_id")


def _seed_lines() -> list[str]:
    """Every seeds/ article as one JSON Lines stream, in the order `run` reads the files."""
    files, _ = discover_files([SEEDS])
    lines: list[str] = []
    for file in files:
        data = file.path.read_bytes()
        text = (gzip.decompress(data) if file.path.suffix == ".gz" else data).decode("utf-8-sig")
        if ".jsonl" in file.path.suffixes:
            lines.extend(line for line in text.split("\n") if line.strip())
        else:
            lines.append(json.dumps({"id": file.path.name.split(".")[0], "text": text}, ensure_ascii=False))
    return lines


def _columns(names: tuple[str, ...]) -> str:
    return ", ".join(f'"{name}"' for name in names)


def _warehouse_results(warehouse: Path) -> dict[str, dict[str, Any]]:
    """Per doc_id: clean text, publication date, entities and figures as the warehouse holds them."""
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        docs = con.execute("select doc_id, clean_text, published_at_utc from documents").fetchall()
        mentions = con.execute(
            f"select doc_id, {_columns(ENTITY_FIELDS)} from entity_mentions order by doc_id, mention_index"
        ).fetchall()
        figures = con.execute(
            f"select doc_id, {_columns(FIGURE_FIELDS)} from figures order by doc_id, figure_index"
        ).fetchall()
    finally:
        con.close()
    results = {d: {"clean_text": c, "published_at_utc": p, "entities": [], "figures": []} for d, c, p in docs}
    for doc_id, *values in mentions:
        results[doc_id]["entities"].append(tuple(values))
    for doc_id, *values in figures:
        results[doc_id]["figures"].append(tuple(values))
    return results


def test_extract_and_the_warehouse_give_identical_results(seeded):
    data_dir, _ = seeded
    loaded = _warehouse_results(data_dir / "warehouse.duckdb")
    extracted = {r["doc_id"]: r for r in extract_records(_seed_lines(), analyser(1))}
    assert extracted.keys() == loaded.keys()
    assert any(r["published_at_utc"] for r in extracted.values())
    for doc_id, record in extracted.items():
        row = loaded[doc_id]
        assert record["clean_text"] == row["clean_text"], doc_id
        published = row["published_at_utc"]
        assert record["published_at_utc"] == (published.isoformat() if published else None), doc_id
        assert [tuple(e[k] for k in ENTITY_FIELDS) for e in record["entities"]] == row["entities"], doc_id
        assert [tuple(f[k] for k in FIGURE_FIELDS) for f in record["figures"]] == row["figures"], doc_id
