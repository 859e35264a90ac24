"""No product code, data file, doc or unit test cites a document of a check half by its id.

The check halves are what the gates measure; a rule written for one of their documents would
make the gate measure memory. (Tune-half documents may be cited; the seed is the reference case.)
"""

from __future__ import annotations

from pathlib import Path

from evaluation.cleaning import source_file
from evaluation.corpus_entities import CORPORA, halves, read_fixture
from evaluation.entities import read_conll_docs
from evaluation.gold import read_jsonl, record_id
from evaluation.split import split_halves

PROJECT_ROOT = Path(__file__).resolve().parents[2]
SCANNED = ("flows", "warehouse", "sql", "docs", "scripts", "tests/unit", "tests/flows", "tests/sql")
SUFFIXES = {".py", ".sql", ".md", ".txt", ".tsv", ".json", ".toml"}


def _check_ids(gold: Path) -> set[str]:
    """Ids (and corpus record ids) of the documents of every article-level check half."""
    sets = [
        (read_jsonl(gold / "figures_dev.jsonl"), lambda d: str(d.get("source_file") or d["lang"])),
        (read_jsonl(gold / "cleaning_dev.jsonl"), source_file),
        (read_jsonl(gold / "langid" / "long_texts_dev.jsonl"), lambda d: str(d["from_file"])),
        (read_conll_docs(gold / "ner" / "conll2003_testa.docs.jsonl"), lambda _: "conll"),
    ]
    ids: set[str] = set()
    for docs, stratum in sets:
        for doc in split_halves(docs, stratum, lambda d: str(d["id"]))["check"]:
            ids |= {str(doc["id"]), record_id(doc)}
    for language in CORPORA:  # the hand-checked corpus entity samples (pointers to corpus records)
        ids |= {str(doc["id"]) for doc in halves(read_fixture(language))["check"]}
    return ids


def test_no_check_half_document_is_cited(shared: Path) -> None:
    ids = _check_ids(shared / "gold")
    cited = []
    for folder in SCANNED:
        for path in sorted((PROJECT_ROOT / folder).rglob("*")):
            if path.suffix in SUFFIXES and path.is_file():
                text = path.read_text(encoding="utf-8", errors="replace")
                cited += [f"{path.relative_to(PROJECT_ROOT)}: {i}" for i in ids if i in text]
    assert cited == []
