"""Figure evaluation on hand-annotated samples of the shared news corpus in Italian, Polish and Russian.

The sample (`tests/fixtures/figures_corpus/<lang>.jsonl`, conventions in its README.md) holds no text,
only pointers: per document the corpus file, the record id, the SHA-1 of the record's text, the
annotated window `[0, window_end)` and the figures with offsets into that window and their values,
bounds, qualifier, unit and category (`gold/FIGURES_GUIDE.md`). The documents were drawn at random with
a fixed seed (`sample_ids`) among the records of at most `MAX_WORDS` words, and annotated by hand on the
first `WINDOW_CHARS` characters (to the next sentence end), before the pipeline was run on them.

Scoring follows CONTRACT.md (`evaluation.figures.score_figures`: overlap and the same value, or the
same bounds for vague figures and ranges): the window goes through `extract` as a user's file (record
metadata included, no language hint) and the predicted offsets are moved from `clean_text` back onto the
window. The set is for evaluation only: it is not split into tune/check halves and nothing may be
fitted to it.
"""

from __future__ import annotations

import hashlib
import random
import re
from pathlib import Path
from typing import Any

from evaluation.figures import score_figures
from evaluation.gold import language_accuracy, raw_spans, read_jsonl, run_extract

SET_NAME = "figures_corpus"
FIXTURE_DIR = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "figures_corpus"
# Language -> corpus file of `../shared/corpus` the sample is drawn from.
CORPORA: dict[str, str] = {
    "it": "it_semeval2023t3.jsonl",
    "pl": "pl_semeval2023t3.jsonl",
    "ru": "ru_semeval2023t3.jsonl",
}
SAMPLE_SEED = 20261203
SAMPLE_SIZE = 20
MAX_WORDS = 500
WINDOW_CHARS = 1500  # the annotated window ends at the first sentence end at or after this many characters
SENTENCE_END = re.compile(r"[.!?…»”\"]\s|\n")
FIGURE_FIELDS = ("start", "end", "value", "lower", "upper", "qualifier", "unit", "category")


def text_sha1(text: str) -> str:
    """The SHA-1 of a record's text (UTF-8), to notice a changed corpus."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def window_end(text: str, chars: int = WINDOW_CHARS) -> int:
    """End of the annotated window: the first sentence end (or line end) at or after `chars`, else the text's end."""
    if len(text) <= chars:
        return len(text)
    found = SENTENCE_END.search(text, chars - 1)
    return found.start() + 1 if found else len(text)


def sample_ids(corpus_dir: Path, language: str, size: int = SAMPLE_SIZE) -> list[str]:
    """Record ids of the seeded random sample of a language's records of at most `MAX_WORDS` words."""
    rows = read_jsonl(corpus_dir / CORPORA[language])
    pool = sorted(str(row["id"]) for row in rows if len(str(row["text"]).split()) <= MAX_WORDS)
    random.Random(f"{SAMPLE_SEED}:{language}").shuffle(pool)
    return pool[:size]


def read_fixture(language: str, fixture_dir: Path = FIXTURE_DIR) -> list[dict[str, Any]]:
    """The annotated documents of a language's sample."""
    return read_jsonl(fixture_dir / f"{language}.jsonl")


def corpus_texts(corpus_dir: Path, language: str) -> dict[str, str]:
    """The text of every record of a language's corpus file by id (empty when the file is absent)."""
    path = corpus_dir / CORPORA[language]
    return {str(row["id"]): str(row["text"]) for row in read_jsonl(path)} if path.is_file() else {}


def sample_documents(language: str, corpus_dir: Path, fixture_dir: Path = FIXTURE_DIR) -> list[dict[str, Any]]:
    """The sample's windows as gold documents (`id`, `text`, `lang`, `figures`); ValueError on a changed corpus."""
    texts = corpus_texts(corpus_dir, language)
    members = []
    for doc in read_fixture(language, fixture_dir):
        text = texts.get(doc["id"])
        if text is None or text_sha1(text) != doc["sha1"]:
            raise ValueError(f"{doc['corpus']} {doc['id']}: missing or changed since it was annotated")
        window = text[: doc["window_end"]]
        members.append({"id": doc["id"], "text": window, "lang": language, "figures": doc["figures"]})
    return members


def predicted_figures(members: list[dict[str, Any]], corpus_dir: Path) -> tuple[list[list[dict[str, Any]]], float]:
    """The figures `extract` finds in each window (offsets on the window) and the language accuracy."""
    outputs = run_extract(members, corpus_dir)
    predicted = [
        raw_spans(d["text"], o.get("clean_text") or "", o.get("figures", []))
        for d, o in zip(members, outputs, strict=True)
    ]
    return predicted, language_accuracy(members, outputs)


def evaluate_corpus_figures(gold_dir: Path) -> dict[str, float]:
    """Scores over every language's sample and per language (`figures_corpus.f1`, `figures_corpus.it.f1`, ...);
    nothing when the corpus is absent. Each language's sample is one input file to `extract`."""
    corpus_dir = gold_dir.parent / "corpus"
    gold: list[list[dict[str, Any]]] = []
    predicted: list[list[dict[str, Any]]] = []
    languages: list[str] = []
    results: dict[str, float] = {}
    for language, name in CORPORA.items():
        if not (FIXTURE_DIR / f"{language}.jsonl").is_file() or not (corpus_dir / name).is_file():
            continue
        members = sample_documents(language, corpus_dir)
        found, accuracy = predicted_figures(members, corpus_dir)
        gold += [d["figures"] for d in members]
        predicted += found
        languages += [language] * len(members)
        results[f"{SET_NAME}.{language}.language_acc"] = accuracy
        results[f"{SET_NAME}.{language}.documents"] = len(members)
    if not gold:
        return {}
    scores = score_figures(gold, predicted, languages)
    results.update({f"{SET_NAME}.{k}": v for k, v in scores.items() if not k.startswith("category.")})
    results[f"{SET_NAME}.documents"] = len(gold)
    return dict(sorted(results.items()))
