"""seeds/ is sample input for the end-to-end run: none of its articles may be a document of a gold set."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from evaluation.gold import read_jsonl
from evaluation.scraped import gold_ids

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
REFERENCE_SEED = "000_d6384df40f951bf6"  # the reference article, scored whole as the seed set


def seed_articles() -> dict[str, str]:
    """Every seed article by id: one per .txt file, one per JSON Lines record (gzipped or not)."""
    articles = {path.stem: path.read_text(encoding="utf-8") for path in SEEDS.rglob("*.txt")}
    for path in SEEDS.rglob("*.jsonl*"):
        data = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
        for line in data.decode("utf-8").split("\n"):
            if line.strip():
                row = json.loads(line)
                articles[str(row["id"])] = row["text"]
    articles.pop(REFERENCE_SEED, None)
    return articles


def test_no_seed_article_is_a_gold_document(shared: Path) -> None:
    ids = gold_ids(shared / "gold")
    openings = {
        str(row.get("text", ""))[:300]
        for path in sorted((shared / "gold").rglob("*.jsonl"))
        for row in read_jsonl(path)
        if row.get("text")
    }
    articles = seed_articles()
    assert len(articles) > 20
    assert sorted(i for i in articles if i in ids) == []
    assert sorted(i for i, text in articles.items() if text[:300] in openings) == []
