"""Entity evaluation through `extract` on CoNLL-2003 testa and WikiANN en/fr/de (CONTRACT.md scoring rules).

Per document, the multiset of (mention text, label) for PERSON/ORG/LOC of the `extract` output
(mentions of `clean_text`) is compared with gold (`PER`->PERSON, `LOC`->LOC, `ORG`->ORG; MISC is
not scored). Texts go in as users' files do: no language hint. CoNLL is split by article; WikiANN
is scored on a deterministic sample (every k-th sentence, `WIKIANN_SAMPLE` per language), each
sentence a one-sentence article and the unit of the split.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from evaluation.gold import language_accuracy, run_extract
from evaluation.split import split_halves

SCORED = ("PERSON", "ORG", "LOC")
GOLD_LABELS = {"PER": "PERSON", "ORG": "ORG", "LOC": "LOC"}
WIKIANN_SAMPLE = 3000
WIKIANN_LANGUAGES = ("en", "fr", "de")

Pairs = Counter[tuple[str, str]]


def score_documents(gold: Sequence[Pairs], predicted: Sequence[Pairs]) -> dict[str, float]:
    """Micro (`f1`, ...) and per-label (`PERSON.f1`, ...) precision/recall/F1 over paired documents."""
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for g, p in zip(gold, predicted, strict=True):
        for label in SCORED:
            gl = Counter({k: v for k, v in g.items() if k[1] == label})
            pl = Counter({k: v for k, v in p.items() if k[1] == label})
            hit = sum((gl & pl).values())
            tp[label] += hit
            fp[label] += sum(pl.values()) - hit
            fn[label] += sum(gl.values()) - hit
    out: dict[str, float] = {}
    out.update(_prf(sum(tp.values()), sum(fp.values()), sum(fn.values())))
    for label in SCORED:
        out.update({f"{label}.{key}": value for key, value in _prf(tp[label], fp[label], fn[label]).items()})
    return out


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    """Precision, recall and F1 from counts, rounded to 4 places."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f1, 4)}


def mention_pairs(entities: Sequence[dict[str, Any]]) -> Pairs:
    """The scored (text, label) multiset of an output's entities."""
    return Counter((e["text"], e["label"]) for e in entities if e["label"] in SCORED)


def read_conll_docs(path: Path) -> list[dict[str, Any]]:
    """CoNLL documents as {id, text, lang, gold} with gold (surface, label) multisets."""
    docs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        gold = Counter((e["surface"], GOLD_LABELS[e["type"]]) for e in row["entities"] if e["type"] in GOLD_LABELS)
        docs.append({"id": row["id"], "text": row["text"], "lang": row["lang"], "gold": gold})
    return docs


def read_wikiann(path: Path, language: str, sample: int = WIKIANN_SAMPLE) -> list[dict[str, Any]]:
    """A deterministic sample of WikiANN sentences (tokens space-joined) as documents with gold multisets."""
    sentences: list[list[tuple[str, str]]] = [[]]
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if sentences[-1]:
                sentences.append([])
            continue
        token, tag = line.rsplit("\t", 1)
        sentences[-1].append((token.split(":", 1)[1], tag))
    sentences = [s for s in sentences if s]
    step = max(1, len(sentences) // sample)
    return [
        {
            "id": f"wikiann-{language}-{index}",
            "text": " ".join(token for token, _ in sentence),
            "lang": language,
            "gold": Counter(iob2_entities(sentence)),
        }
        for index, sentence in list(enumerate(sentences))[::step][:sample]
    ]


def iob2_entities(sentence: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """Return (surface, label) of the IOB2-tagged entities in one tokenised sentence."""
    out: list[tuple[str, str]] = []
    current: list[str] = []
    label = ""
    for token, tag in [*sentence, ("", "O")]:
        if tag.startswith("I-") and current and tag[2:] == label:
            current.append(token)
            continue
        if current and label in GOLD_LABELS:
            out.append((" ".join(current), GOLD_LABELS[label]))
        current, label = ([token], tag[2:]) if tag != "O" else ([], "")
    return out


def score_set(name: str, docs: list[dict[str, Any]], stratum: str) -> dict[str, float]:
    """Scores of both halves of one set (split by document), keys `<name>.<half>.<metric>`."""
    results: dict[str, float] = {}
    for half, members in split_halves(docs, lambda _: stratum, lambda d: str(d["id"])).items():
        outputs = run_extract(members)
        scores = score_documents([d["gold"] for d in members], [mention_pairs(o.get("entities", [])) for o in outputs])
        scores["language_acc"] = language_accuracy(members, outputs)
        scores["documents"] = len(members)
        results.update({f"{name}.{half}.{key}": value for key, value in scores.items()})
    return results


def evaluate_entities(gold_dir: Path) -> dict[str, float]:
    """Scores on both halves of CoNLL testa and of the WikiANN en/fr/de samples."""
    results = score_set("conll_testa", read_conll_docs(gold_dir / "ner" / "conll2003_testa.docs.jsonl"), "conll")
    for language in WIKIANN_LANGUAGES:
        docs = read_wikiann(gold_dir / "ner" / f"wikiann_{language}.tsv", language)
        results.update(score_set(f"wikiann_{language}", docs, language))
    return results
