"""Entity evaluation on the development gold sets (CONTRACT.md scoring rules).

Per document, the multiset of (mention text, label) for PERSON/ORG/LOC is compared with gold
(CoNLL and WikiANN `PER`->PERSON, `LOC`->LOC, `ORG`->ORG; MISC is not scored). WikiANN is scored
on a deterministic sample: every k-th sentence, `WIKIANN_SAMPLE` sentences per language, each
sentence one document. The seed article is checked against `entities_expected` and a table of
expected place resolutions.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

from flows.io.models import load_gazetteer, load_ner_models
from flows.text.entities import extract_entities
from flows.text.records import EntityMention

SCORED = ("PERSON", "ORG", "LOC")
GOLD_LABELS = {"PER": "PERSON", "ORG": "ORG", "LOC": "LOC"}
WIKIANN_SAMPLE = 3000
# Seed places: surface -> (country code, GeoNames id or None for "must stay unresolved").
SEED_PLACES: dict[str, tuple[str | None, int | None]] = {
    "Goris": ("AM", 174895),
    "Stepanakert": ("AZ", 146970),
    "Khojaly": ("AZ", 147774),
    "Lachin": ("AZ", 147625),
    "Martakert": (None, None),
    "Yerevan": ("AM", 616052),
    "Baku": ("AZ", 587084),
    "Moscow": ("RU", 524901),
    "Washington": ("US", 4140963),
    "Brussels": ("BE", 2800866),
}

Pairs = Counter[tuple[str, str]]


def score_documents(gold: Sequence[Pairs], predicted: Sequence[Pairs], prefix: str) -> dict:
    """Return flat per-label and micro precision/recall/F1 over paired documents."""
    tp, fp, fn = Counter(), Counter(), Counter()
    for g, p in zip(gold, predicted, strict=True):
        for label in SCORED:
            gl = Counter({k: v for k, v in g.items() if k[1] == label})
            pl = Counter({k: v for k, v in p.items() if k[1] == label})
            hit = sum((gl & pl).values())
            tp[label] += hit
            fp[label] += sum(pl.values()) - hit
            fn[label] += sum(gl.values()) - hit
    out = {}
    for label in (*SCORED, None):
        t = sum(tp.values()) if label is None else tp[label]
        f_p = sum(fp.values()) if label is None else fp[label]
        f_n = sum(fn.values()) if label is None else fn[label]
        p = t / (t + f_p) if t + f_p else 0.0
        r = t / (t + f_n) if t + f_n else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        key = prefix if label is None else f"{prefix}.{label}"
        out.update({f"{key}.precision": round(p, 4), f"{key}.recall": round(r, 4), f"{key}.f1": round(f1, 4)})
    return out


def mention_pairs(mentions: Iterable[EntityMention]) -> Pairs:
    """Return the scored (text, label) multiset of predicted mentions."""
    return Counter((m.text, m.label) for m in mentions if m.label in SCORED)


def read_conll_docs(path: Path) -> tuple[list[str], list[Pairs]]:
    """Return CoNLL document texts and their gold (surface, label) multisets."""
    texts, gold = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        texts.append(row["text"])
        gold.append(Counter(
            (e["surface"], GOLD_LABELS[e["type"]]) for e in row["entities"] if e["type"] in GOLD_LABELS
        ))
    return texts, gold


def read_wikiann(path: Path, sample: int = WIKIANN_SAMPLE) -> tuple[list[str], list[Pairs]]:
    """Return a deterministic sample of WikiANN sentences (space-joined) with gold multisets."""
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
    texts, gold = [], []
    for sentence in sentences[::step][:sample]:
        texts.append(" ".join(token for token, _ in sentence))
        gold.append(Counter(iob2_entities(sentence)))
    return texts, gold


def iob2_entities(sentence: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """Return (surface, label) of the IOB2-tagged entities in one tokenised sentence."""
    out, current, label = [], [], None
    for token, tag in [*sentence, ("", "O")]:
        if tag.startswith("I-") and current and tag[2:] == label:
            current.append(token)
            continue
        if current and label in GOLD_LABELS:
            out.append((" ".join(current), GOLD_LABELS[label]))
        current, label = ([token], tag[2:]) if tag != "O" else ([], None)
    return out


def evaluate_seed(gold_dir: Path, mentions: Sequence[EntityMention]) -> dict:
    """Return expected seed entities found (text and label) and seed places resolved right."""
    expected = json.loads((gold_dir / "seed.json").read_text(encoding="utf-8"))["entities_expected"]
    found_pairs = {(m.text, m.label) for m in mentions}
    found = sum(1 for text, label in expected if (text, label) in found_pairs)
    resolved = 0
    for surface, (country, geonames_id) in SEED_PLACES.items():
        places = [m.place for m in mentions if m.text == surface and m.label == "LOC"]
        if places and all(
            (p is None and geonames_id is None)
            or (p is not None and p.country_code == country and p.geonames_id == geonames_id)
            for p in places
        ):
            resolved += 1
    return {
        "entities_seed.entities_found": found,
        "entities_seed.entities_expected": len(expected),
        "entities_seed.places_resolved_ok": resolved,
        "entities_seed.places_expected": len(SEED_PLACES),
    }


def evaluate_entities(gold_dir: Path) -> dict:
    """Return flat scores for CoNLL testa, WikiANN en/fr/de and the seed article."""
    models, gazetteer = load_ner_models(("en", "fr")), load_gazetteer()
    results: dict = {}
    texts, gold = read_conll_docs(gold_dir / "ner" / "conll2003_testa.docs.jsonl")
    predicted = extract_entities([(t, "en") for t in texts], models, gazetteer)
    results.update(score_documents(gold, [mention_pairs(m) for m in predicted], "conll_testa"))
    for language in ("en", "fr", "de"):
        texts, gold = read_wikiann(gold_dir / "ner" / f"wikiann_{language}.tsv")
        predicted = extract_entities([(t, language) for t in texts], models, gazetteer)
        results.update(score_documents(gold, [mention_pairs(m) for m in predicted], f"wikiann_{language}"))
    seed_path = gold_dir.parent / "seed" / "000_d6384df40f951bf6.txt"
    seed_mentions = extract_entities([(seed_path.read_text(encoding="utf-8"), "en")], models, gazetteer)[0]
    results.update(evaluate_seed(gold_dir, seed_mentions))
    return results
