"""Run Microsoft Recognizers-Text Number specs as a parsing suite for `flows.text.numbers`.

Source: `gold/numbers/recognizers_text/Specs/Number/<Language>/NumberModel.json` (MIT). Each
case is an input sentence with the numbers the reference recognizer finds. We keep the cases
that fall inside our figure definition, a plain cardinal written on its own:

- exactly one result, of type `number`, whose text is the whole input (after trimming), so the
  case tests parsing a number expression, not finding it in a sentence;
- subtype `integer` or `decimal` (or no subtype, as in the German specs); fractions, powers
  and ordinals are out of scope (the guide does not annotate them);
- a non-negative value (counts and amounts), no `IgnoreResolution` flag, no "/" fraction,
  no exponent and no spelled fraction ("half", "demi", "quarter", Arabic "X من/على/في Y");
- spelled decimals ("two hundred point five", "siete con cincuenta", "zwei Komma drei") and
  non-integer values written only in words are dropped: news write decimals in digits.

`parse_number(text, language)` must return the spec's value (relative tolerance 1e-6).
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path
from typing import Any

from flows.text.numbers import parse_number

SPEC_LANGUAGES = {"English": "en", "French": "fr", "Spanish": "es", "German": "de", "Arabic": "ar"}
IN_SCOPE_SUBTYPES = frozenset({"integer", "decimal", None})
FRACTION_WORD_RE = re.compile(
    r"half|halves|quarter|third|fifth|demi|moitié|quart|tiers|medio|media|cuarto|tercio|"
    r"halb|viertel|drittel|نصف|ربع|ثلث|\^|\de\d|e[-+]\d|/|%|\bpoint\b|virgule|\bcoma\b|\bcon\b|"
    r"komma|فاصلة|(?<!\w)(?:من|على|في)(?!\w)",
    re.IGNORECASE,
)


def _spec_value(raw: str) -> float | None:
    """Return the numeric value of a spec's resolution string ("1,5" or "1.5" or "1E-12")."""
    text = raw.strip().replace(" ", "")
    if "," in text and "." not in text:
        text = text.replace(",", ".")
    try:
        return float(text)
    except ValueError:
        return None


def is_in_scope(case: dict[str, Any]) -> bool:
    """Return whether a NumberModel case is a standalone non-negative cardinal."""
    results = case.get("Results") or []
    if len(results) != 1 or case.get("IgnoreResolution"):
        return False
    result = results[0]
    resolution = result.get("Resolution") or {}
    if result.get("TypeName") != "number" or resolution.get("subtype") not in IN_SCOPE_SUBTYPES:
        return False
    if result.get("Text", "").strip().lower() != case.get("Input", "").strip().lower():
        return False
    value = _spec_value(str(resolution.get("value", "")))
    if value is None or value < 0 or FRACTION_WORD_RE.search(case["Input"]):
        return False
    return value.is_integer() or any(c.isdigit() for c in case["Input"])


def run_spec_file(path: Path, language: str) -> dict[str, Any]:
    """Return counts and the failing inputs for one NumberModel spec file."""
    cases = json.loads(path.read_text(encoding="utf-8-sig"))
    in_scope = [case for case in cases if is_in_scope(case)]
    failures = []
    for case in in_scope:
        expected = _spec_value(str(case["Results"][0]["Resolution"]["value"]))
        got = parse_number(case["Input"].strip(), language)
        if got is None or expected is None or not math.isclose(got, expected, rel_tol=1e-6):
            failures.append({"input": case["Input"], "expected": expected, "got": got})
    return {"cases": len(cases), "in_scope": len(in_scope), "failures": failures}


def evaluate_number_specs(gold_dir: Path) -> dict[str, float]:
    """Return per-language counts and pass rates (`number_specs.en.pass_rate`, ...)."""
    results: dict[str, float] = {}
    spec_dir = gold_dir / "numbers" / "recognizers_text" / "Specs" / "Number"
    for folder, language in SPEC_LANGUAGES.items():
        path = spec_dir / folder / "NumberModel.json"
        if not path.exists():
            continue
        run = run_spec_file(path, language)
        passed = run["in_scope"] - len(run["failures"])
        prefix = f"number_specs.{language}"
        results[f"{prefix}.cases"] = run["cases"]
        results[f"{prefix}.in_scope"] = run["in_scope"]
        results[f"{prefix}.passed"] = passed
        results[f"{prefix}.pass_rate"] = round(passed / run["in_scope"], 4) if run["in_scope"] else 0.0
    return results
