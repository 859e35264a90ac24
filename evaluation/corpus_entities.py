"""Entity evaluation on hand-annotated samples of the shared news corpus (de, es, it, pl, ru, ar).

The sample (`tests/fixtures/entities_corpus/<lang>.jsonl`, conventions in its README.md) holds no
text, only pointers: per document the corpus file, the record id, the SHA-1 of the record's text,
the annotated window `[0, end)` and the PERSON/ORG/LOC mentions with offsets into that text. The
documents were drawn at random with a fixed seed (`sample_ids`) among the records of at most
`MAX_WORDS` words, and annotated by hand, without any model, on the first sentences of the text
(`window_end`).

Scoring follows CONTRACT.md: the window text goes through `extract` as a user's file (record
metadata included, no language hint) and, per document, the multiset of (mention text, label) is
compared with the annotation (`evaluation.entities.score_documents`). Each language's sample is split
into tune/check halves by `evaluation.split` (the corpus file as stratum, the record id as unit): errors
may be read on the tune half only, the gates test the check half; the whole sample is scored too.
Nothing is trained on either half (the taggers' builds leave every sample document out).
"""

from __future__ import annotations

import hashlib
import json
import random
import re
from collections import Counter
from pathlib import Path
from typing import Any

from evaluation.entities import mention_pairs, score_documents
from evaluation.gold import language_accuracy, read_jsonl, run_extract
from evaluation.split import HALVES, split_halves

FIXTURE_DIR = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "entities_corpus"
# Language -> corpus files of `../shared/corpus` the sample is drawn from (all records of the files pooled).
CORPORA: dict[str, tuple[str, ...]] = {
    "de": ("de_10kgnad.jsonl", "de_semeval2023t3.jsonl"),
    "es": ("es_news.jsonl",),
    "it": ("it_semeval2023t3.jsonl",),
    "pl": ("pl_semeval2023t3.jsonl",),
    "ru": ("ru_semeval2023t3.jsonl",),
    "ar": ("ar_saudinewsnet.jsonl",),
}
SAMPLE_SEED = 20261203
SAMPLE_SIZE = 18
MAX_WORDS = 600
WINDOW_CHARS = 900  # the annotated window ends at the first sentence end at or after this many characters
SENTENCE_END = re.compile(r"[.!?؟…»”\"]\s|\n")


def set_name(language: str) -> str:
    """The set name of a language's sample (`entities_corpus_de`)."""
    return f"entities_corpus_{language}"


def text_sha1(text: str) -> str:
    """The SHA-1 of a record's text (UTF-8), to notice a changed corpus."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def window_end(text: str, chars: int = WINDOW_CHARS) -> int:
    """End of the annotated window: the first sentence end (or line end) at or after `chars`, else the text's end."""
    if len(text) <= chars:
        return len(text)
    found = SENTENCE_END.search(text, chars - 1)
    return found.start() + 1 if found else len(text)


def sample_ids(corpus_dir: Path, language: str, size: int = SAMPLE_SIZE) -> list[tuple[str, str]]:
    """(corpus file, record id) of the seeded random sample of a language's records of at most `MAX_WORDS` words."""
    pool = [
        (name, str(row["id"]))
        for name in CORPORA[language]
        for row in read_jsonl(corpus_dir / name)
        if len(str(row["text"]).split()) <= MAX_WORDS
    ]
    pool.sort()
    random.Random(f"{SAMPLE_SEED}:{language}").shuffle(pool)
    return pool[:size]


def read_fixture(language: str, fixture_dir: Path = FIXTURE_DIR) -> list[dict[str, Any]]:
    """The annotated documents of a language's sample."""
    return read_jsonl(fixture_dir / f"{language}.jsonl")


def corpus_texts(corpus_dir: Path, docs: list[dict[str, Any]]) -> dict[tuple[str, str], str]:
    """The corpus text of each (file, id) a sample points at (missing files give no entry)."""
    wanted = {(d["corpus"], d["id"]) for d in docs}
    texts: dict[tuple[str, str], str] = {}
    for name in sorted({corpus for corpus, _ in wanted}):
        path = corpus_dir / name
        for row in read_jsonl(path) if path.is_file() else []:
            if (name, str(row["id"])) in wanted:
                texts[(name, str(row["id"]))] = str(row["text"])
    return texts


def gold_pairs(doc: dict[str, Any]) -> Counter[tuple[str, str]]:
    """The annotated (mention text, label) multiset of a sample document."""
    return Counter((e["text"], e["label"]) for e in doc["entities"])


def halves(docs: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """The tune and check halves of a language's sample (`evaluation.split`: stratum the corpus file, unit the id)."""
    return split_halves(docs, lambda d: str(d["corpus"]), lambda d: str(d["id"]))


def score_language(language: str, corpus_dir: Path, fixture_dir: Path = FIXTURE_DIR) -> dict[str, float]:
    """Scores of one language's sample through `extract`: keys `entities_corpus_<lang>.<half>.<metric>`
    for the tune and check halves and `entities_corpus_<lang>.<metric>` for the whole sample."""
    docs = read_fixture(language, fixture_dir)
    texts = corpus_texts(corpus_dir, docs)
    members = []
    for doc in docs:
        text = texts.get((doc["corpus"], doc["id"]))
        if text is None or text_sha1(text) != doc["sha1"]:
            raise ValueError(f"{doc['corpus']} {doc['id']}: missing or changed since it was annotated")
        start, end = doc["window"]
        members.append({"id": doc["id"], "text": text[start:end], "lang": language, "gold": gold_pairs(doc)})
    outputs = dict(zip([d["id"] for d in members], run_extract(members, corpus_dir), strict=True))
    half_of = {doc["id"]: half for half, part in halves(docs).items() for doc in part}
    results: dict[str, float] = {}
    for half in (*HALVES, ""):
        part = [d for d in members if not half or half_of[d["id"]] == half]
        found = [outputs[d["id"]] for d in part]
        scores = score_documents([d["gold"] for d in part], [mention_pairs(o.get("entities", [])) for o in found])
        scores["language_acc"] = language_accuracy(part, found)
        scores["documents"] = len(part)
        scores["mentions"] = sum(sum(d["gold"].values()) for d in part)
        prefix = f"{set_name(language)}.{half}." if half else f"{set_name(language)}."
        results.update({f"{prefix}{key}": value for key, value in scores.items()})
    return results


def evaluate_corpus_entities(gold_dir: Path) -> dict[str, float]:
    """Scores of every language's sample; the corpus is `corpus/` beside the gold folder."""
    corpus_dir = gold_dir.parent / "corpus"
    results: dict[str, float] = {}
    for language in CORPORA:
        if (FIXTURE_DIR / f"{language}.jsonl").is_file():
            results.update(score_language(language, corpus_dir))
    return results


def fixture_line(corpus: str, ident: str, text: str, end: int, entities: list[dict[str, Any]]) -> str:
    """One fixture line (no text: pointers, checksum, window and mentions)."""
    record = {"corpus": corpus, "id": ident, "sha1": text_sha1(text), "window": [0, end], "entities": entities}
    return json.dumps(record, ensure_ascii=False)
