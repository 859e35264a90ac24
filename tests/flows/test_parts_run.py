"""End to end: a JSON Lines file larger than a batch loads in parts through the real flow, as it loads whole."""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path

import duckdb

from flows.pipeline import news_etl

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
# the columns that name the batch, the run or the load time differ between any two loads by design
RELATIONS = {
    "documents": "doc_id, line_number, external_id, language, clean_text",
    "entity_mentions": 'doc_id, mention_index, start, "end", label, entity_id',
    "figures": 'doc_id, figure_index, start, "end", value, unit',
    "quarantine": "source_path, line_number, reason_code",
}


def _snapshot(warehouse: Path) -> dict[str, list]:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return {r: sorted(map(repr, con.execute(f"select {c} from {r}").fetchall())) for r, c in RELATIONS.items()}
    finally:
        con.close()


def test_a_file_loaded_in_parts_gives_the_documents_of_the_file_loaded_whole(prefect_harness, tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(SEEDS / "globalvoices" / "globalvoices_sample.jsonl", inputs)  # ~28 kB
    seeds_fr = gzip.decompress((SEEDS / "wikinews_fr" / "wikinews_fr_sample.jsonl.gz").read_bytes())
    (inputs / "fr.jsonl.gz").write_bytes(gzip.compress(seeds_fr + b"{broken line\n", mtime=0))
    whole = news_etl(inputs=[str(inputs)], data_dir=str(tmp_path / "whole"), batch_docs=500, workers=1)
    parts = news_etl(inputs=[str(inputs)], data_dir=str(tmp_path / "parts"), batch_docs=1, workers=1)
    assert len(whole.batches) == 1 and len(parts.batches) > 4  # ~4 kB parts
    assert parts.new_files == whole.new_files == 2
    assert parts.documents_loaded == whole.documents_loaded and parts.rejected == whole.rejected == 1
    assert _snapshot(tmp_path / "parts" / "warehouse.duckdb") == _snapshot(tmp_path / "whole" / "warehouse.duckdb")
    again = news_etl(inputs=[str(inputs)], data_dir=str(tmp_path / "parts"), batch_docs=1, workers=1)
    assert again.batches == ()  # every part committed: the files count as loaded
    con = duckdb.connect(str(tmp_path / "parts" / "warehouse.duckdb"), read_only=True)
    try:
        # main.inputs: a row per part, its byte range chaining from 0 to the file's end (null)
        ranges = con.execute(
            "select source_path, part_start_byte, part_end_byte from inputs order by source_path, part_start_byte"
        ).fetchall()
    finally:
        con.close()
    for path in {p for p, _, _ in ranges}:
        spans = [(start, end) for p, start, end in ranges if p == path]
        assert spans[0][0] == 0 and spans[-1][1] is None and len(spans) > 1
        assert all(a[1] == b[0] for a, b in zip(spans, spans[1:], strict=False))
