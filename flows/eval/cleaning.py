"""Score `clean_article` on gold/cleaning_dev.jsonl with the CONTRACT's rules.

- `cleaning.noise_removed`: share of gold `noise` strings absent from `clean_text`;
- `cleaning.body_kept`: share of gold `keep` strings present in `clean_text`;
- `cleaning.clean_untouched`: share of documents without noise whose `clean_text` equals the raw
  text up to whitespace (NFC, every whitespace run → one space);
- `cleaning.seed_noise_removed`: the seed's gold noise is gone (1.0) or not (0.0);
- `cleaning.page_must_contain_kept` / `cleaning.page_must_not_contain_removed`: on whole scraped
  pages (`corpus/scraped/trafilatura_eval.jsonl`, rules only, no learning), the share of
  trafilatura's `must_contain` strings kept and of its `must_not_contain` strings removed. Much
  of that page noise is menus and teasers mid-page, which edge rules do not reach by design, so
  the second share is low; it shows whether new edge rules generalise.

Boilerplate is learned per source, as the pipeline does on a load: a gold document's source is
the corpus file it was drawn from, and the batch is that file's articles plus the gold documents
(`learn_from_corpus=False` learns from the gold documents alone). `*_no_learning` keys score
the same set with no learned boilerplate, to show what the unlearned rules achieve.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

from flows.text.boilerplate import Boilerplate, learn_boilerplate
from flows.text.clean import clean_article

_SPACE_RE = re.compile(r"\s+")
_INVISIBLE_RE = re.compile(r"[\u200b\u2060\ufeff]")  # zero-width space, word joiner, BOM
CORPUS_TEXT_FIELDS = ("text", "raw_text", "page_text")
PAGES_FILE = Path("corpus/scraped/trafilatura_eval.jsonl")


def squash(text: str) -> str:
    """Return text in NFC, zero-width spaces dropped, whitespace runs → one space, stripped."""
    text = _INVISIBLE_RE.sub("", unicodedata.normalize("NFC", text))
    return _SPACE_RE.sub(" ", text).strip()


def read_jsonl(path: Path) -> list[dict]:
    """Return the JSON objects of a JSON Lines file."""
    # split on "\n" only: str.splitlines() also breaks on U+2028 and friends inside strings
    return [json.loads(line) for line in path.read_text(encoding="utf-8").split("\n")
            if line.strip()]


def source_of(doc: dict) -> str | None:
    """Return the source a gold document came from (its corpus file), if given."""
    source = doc.get("source")
    return source.get("file") if isinstance(source, dict) else source


def corpus_texts(shared_dir: Path, source: str) -> list[str]:
    """Return the raw texts of a source's corpus file under shared_dir (empty if absent)."""
    path = shared_dir / source
    if not path.is_file():
        return []
    rows = read_jsonl(path)
    return [next((row[f] for f in CORPUS_TEXT_FIELDS if row.get(f)), "") for row in rows]


def learn_gold_boilerplate(docs: list[dict], shared_dir: Path, from_corpus: bool) -> Boilerplate:
    """Return boilerplate learned per source from the gold batch (and its corpus files)."""
    pairs = [(source_of(doc), doc["text"]) for doc in docs]
    if from_corpus:
        for source in sorted({s for s, _ in pairs if s}):
            pairs += [(source, text) for text in corpus_texts(shared_dir, source)]
    return learn_boilerplate(pairs)


def score_docs(docs: list[dict], boilerplate: Boilerplate | None, suffix: str = "") -> dict:
    """Return noise-removed, body-kept and clean-untouched shares for gold documents."""
    noise = kept = untouched = n_noise = n_keep = n_clean = 0
    for doc in docs:
        own = boilerplate.for_source(source_of(doc)) if boilerplate is not None else None
        clean = squash(clean_article(doc["text"], own).clean_text)
        for item in doc.get("noise", []):
            n_noise += 1
            noise += squash(item["text"]) not in clean
        for item in doc.get("keep", []):
            n_keep += 1
            kept += squash(item) in clean
        if not doc.get("noise"):
            n_clean += 1
            untouched += clean == squash(doc["text"])
    return {f"cleaning.noise_removed{suffix}": noise / max(1, n_noise),
            f"cleaning.body_kept{suffix}": kept / max(1, n_keep),
            f"cleaning.clean_untouched{suffix}": untouched / max(1, n_clean)}


def score_seed(gold_dir: Path) -> dict:
    """Return whether the seed article's gold noise is removed (absent file → no key)."""
    seed_gold = gold_dir / "seed.json"
    seed_files = sorted((gold_dir.parent / "seed").glob("*.txt"))
    if not seed_gold.is_file() or not seed_files:
        return {}
    noise = [item["text"] for item in json.loads(seed_gold.read_text(encoding="utf-8"))["noise"]]
    clean = squash(clean_article(seed_files[0].read_text(encoding="utf-8")).clean_text)
    return {"cleaning.seed_noise_removed": float(all(squash(n) not in clean for n in noise))}


def score_pages(path: Path) -> dict:
    """Return must_contain kept and must_not_contain removed shares on scraped pages."""
    if not path.is_file():
        return {}
    kept = removed = n_keep = n_noise = 0
    for page in read_jsonl(path):
        clean = squash(clean_article(page["page_text"]).clean_text)
        n_keep += len(page["must_contain"])
        kept += sum(squash(text) in clean for text in page["must_contain"])
        n_noise += len(page["must_not_contain"])
        removed += sum(squash(text) not in clean for text in page["must_not_contain"])
    return {"cleaning.page_must_contain_kept": kept / max(1, n_keep),
            "cleaning.page_must_not_contain_removed": removed / max(1, n_noise)}


def evaluate_cleaning(gold_dir: Path, learn_from_corpus: bool = True) -> dict:
    """Return flat cleaning scores for gold_dir (the shared `gold/` folder)."""
    docs = read_jsonl(gold_dir / "cleaning_dev.jsonl")
    boilerplate = learn_gold_boilerplate(docs, gold_dir.parent, learn_from_corpus)
    scores = score_docs(docs, boilerplate)
    scores.update(score_docs(docs, None, "_no_learning"))
    scores.update(score_seed(gold_dir))
    scores.update(score_pages(gold_dir.parent / PAGES_FILE))
    scores["cleaning.documents"] = float(len(docs))
    scores["cleaning.noise_items"] = float(sum(len(doc.get("noise", [])) for doc in docs))
    scores["cleaning.learned_lines"] = float(len(boilerplate.lines))
    return scores
