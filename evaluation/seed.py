"""The seed article, the product's reference case, through `extract` and scored against gold/seed.json.

It is not split: the seed is the one document rules may cite, and it must stay perfect on
figures and noise. Expected places: surface -> (country code, GeoNames id), None for "stays unresolved".
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from evaluation.figures import score_figures
from evaluation.gold import raw_spans, run_extract

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


def places_resolved(entities: list[dict[str, Any]]) -> int:
    """How many expected seed places are resolved as expected at every mention."""
    resolved = 0
    for surface, (country, geonames_id) in SEED_PLACES.items():
        places = [e.get("place") for e in entities if e["text"] == surface and e["label"] == "LOC"]
        resolved += bool(places) and all(
            (p is None and geonames_id is None)
            or (p is not None and p.get("country_code") == country and p.get("geonames_id") == geonames_id)
            for p in places
        )
    return resolved


def score_seed(gold: dict[str, Any], output: dict[str, Any]) -> dict[str, Any]:
    """Language, noise, figures, expected entities and places of the seed's extract output."""
    clean = output.get("clean_text") or ""
    entities = output.get("entities", [])
    found = {(e["text"], e["label"]) for e in entities}
    expected = [tuple(pair) for pair in gold["entities_expected"]]
    figures = score_figures([gold["figures"]], [raw_spans(gold["text"], clean, output.get("figures", []))])
    scores: dict[str, Any] = {
        "seed.language_ok": float(output.get("language") == gold["lang"]),
        "seed.noise_removed": sum(n["text"] not in clean for n in gold["noise"]) / len(gold["noise"]),
        "seed.noise_recorded": float(
            all(any(r["text"] == n["text"] for r in output.get("removed", [])) for n in gold["noise"])
        ),
        "seed.entities_found": sum(pair in found for pair in expected),
        "seed.entities_expected": len(expected),
        "seed.entities_missing": sorted(" / ".join(p) for p in expected if p not in found),
        "seed.places_resolved": places_resolved(entities),
        "seed.places_expected": len(SEED_PLACES),
    }
    scores.update({f"seed.figures.{k}": v for k, v in figures.items() if not k.startswith("category.")})
    return scores


def evaluate_seed(gold_dir: Path) -> dict[str, Any]:
    """Run the seed through `extract` as a file of its own (id and text only) and score it."""
    gold = json.loads((gold_dir / "seed.json").read_text(encoding="utf-8"))
    return score_seed(gold, run_extract([gold])[0])
