"""Component-level: Microsoft Recognizers-Text Number specs as a parsing suite for `flows.text.numbers`.

Unlike the other sets, this one calls the number parser directly (not the `extract` path): it
measures one component. Cases are split like the other sets (by case, stratified by language).

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
from collections import Counter
from pathlib import Path
from typing import Any

from evaluation.split import split_halves
from flows.text.numbers import parse_number

SPEC_LANGUAGES = {
    "English": "en",
    "French": "fr",
    "Spanish": "es",
    "German": "de",
    "Arabic": "ar",
    "Italian": "it",
    "Portuguese": "pt",
    "Dutch": "nl",
}
# The pass rate of the first five languages keeps its key (`numbers.<half>.pass_rate`); every
# language has its own rate and `numbers.<half>.all.pass_rate` counts them all.
FIRST_LANGUAGES = frozenset({"en", "fr", "es", "de", "ar"})
# Spelled fractions and "X out of Y" of the languages added later (Italian, Portuguese, Dutch).
LATER_FRACTION_WORD_RE = re.compile(
    r"\b(?:mezz[oa]|terz\w*|quart[oi]|quint[oi]|decim[oi]|su|mei[oa]|terços?|quintos?|halve|derde\w*|"
    r"vierde\w*|vijfde\w*|van de|uit de|uit|op de|virgola|vírgula|komma)\b",
    re.IGNORECASE,
)
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
    if LATER_FRACTION_WORD_RE.search(case["Input"]):
        return False
    return value.is_integer() or any(c.isdigit() for c in case["Input"])


def case_passes(case: dict[str, Any], language: str) -> bool:
    """Whether `parse_number` gives an in-scope case's value."""
    expected = _spec_value(str(case["Results"][0]["Resolution"]["value"]))
    got = parse_number(case["Input"].strip(), language)
    return got is not None and expected is not None and math.isclose(got, expected, rel_tol=1e-6)


def read_cases(spec_dir: Path) -> list[dict[str, Any]]:
    """The in-scope cases of every language's NumberModel spec, each with its language and a unit id."""
    cases = []
    for folder, language in SPEC_LANGUAGES.items():
        path = spec_dir / folder / "NumberModel.json"
        if path.exists():
            spec = json.loads(path.read_text(encoding="utf-8-sig"))
            cases += [
                {**case, "lang": language, "id": f"{language}-{index}"}
                for index, case in enumerate(spec)
                if is_in_scope(case)
            ]
    return cases


def evaluate_number_specs(gold_dir: Path) -> dict[str, float]:
    """Pass rates on both halves (by case, stratified by language): `numbers.check.pass_rate`, ..."""
    cases = read_cases(gold_dir / "numbers" / "recognizers_text" / "Specs" / "Number")
    results: dict[str, float] = {}
    for half, members in split_halves(cases, lambda c: str(c["lang"]), lambda c: str(c["id"])).items():
        passed: Counter[str] = Counter()
        total: Counter[str] = Counter()
        for case in members:
            total[case["lang"]] += 1
            passed[case["lang"]] += case_passes(case, case["lang"])
        for language in sorted(total):
            results[f"numbers.{half}.{language}.pass_rate"] = round(passed[language] / total[language], 4)
        first = [lang for lang in total if lang in FIRST_LANGUAGES]
        results[f"numbers.{half}.pass_rate"] = round(
            sum(passed[lang] for lang in first) / max(1, sum(total[lang] for lang in first)), 4
        )
        results[f"numbers.{half}.all.pass_rate"] = round(sum(passed.values()) / max(1, sum(total.values())), 4)
        results[f"numbers.{half}.documents"] = sum(total[lang] for lang in first)
        results[f"numbers.{half}.all.documents"] = len(members)
    return results
