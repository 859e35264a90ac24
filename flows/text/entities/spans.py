"""Span clean-up: trimming, splitting at separators, and headline guesses checked against the body."""

from __future__ import annotations

import re
from dataclasses import replace

from flows.text.entities.base import MAX_NAME_CHARS, MODEL_METHODS, NAME_LABELS, Candidate, is_name_like
from flows.text.entities.casing import is_caps_line
from flows.text.entity_lexicon import (
    EVENT_WORDS,
    HONORIFICS,
    NON_NAME_ACRONYMS,
)

_POSSESSIVE = re.compile(r"\s?['’]s?$")


_LEADING_THE = re.compile(r"^(?:the|The|THE)\s+")


_TRAIL = re.compile(r"[\s.,;:!?\"'“”’‘()\[\]-]+$")


_LEAD = re.compile(r"^[\s.,;:!?\"'“”’‘()\[\]-]+")


_TRAILING_NUMBER = re.compile(r"(?:\s+[\d][\d\-./:]*)+$")


_SPLIT_NAME = re.compile(r" - |\s*\n\s*| , | (?:at|in|v|vs\.?|against|and|of) |\s+\d[\d\-./:]*\s+")


_SPLIT_ORG = re.compile(r" - |\s*\n\s*| , | (?:at|v|vs\.?|against) |\s+\d[\d\-./:]*\s+")


_PREFIXED = re.compile(r"^(?:ex|pro|anti|non|post|pre)-", re.IGNORECASE)


_LINE = re.compile(r"[^\n]+")


_TRAILING_LOWER = re.compile(r"(?:\s+[a-z][\w-]*)+$")


def settle_headline_spans(text: str, spans: list[Candidate]) -> list[Candidate]:
    """Return spans with model guesses on all-caps lines checked against the running text.

    A headline span takes the label the same name has in the body ("VENNIK" -> Vennik, PERSON);
    a model ORG that the body never names is dropped when it is one word or three or more
    ("RECORD", "VENNIK SEIZES LEAD"): headline words truecased without evidence.
    """
    lines = [(m.start(), m.end(), is_caps_line(m.group())) for m in _LINE.finditer(text)]
    caps = [(start, end) for start, end, is_caps in lines if is_caps]
    if not caps:
        return spans
    on_caps = {id(c) for c in spans if any(a <= c.start and c.end <= b for a, b in caps)}
    body = "\n".join(text[start:end] for start, end, is_caps in lines if not is_caps).casefold()
    body_labels = {text[c.start : c.end].casefold(): c.label for c in spans if id(c) not in on_caps}
    out = []
    for c in spans:
        if c.method not in MODEL_METHODS or c.label not in NAME_LABELS or id(c) not in on_caps:
            out.append(c)
            continue
        key = text[c.start : c.end].casefold()
        if body_labels.get(key, c.label) != c.label:
            out.append(replace(c, label=body_labels[key], method="spacy+consistency"))
        elif c.label != "ORG" or key in body_labels or len(key.split()) == 2 or key in body:
            out.append(c)
    return out


def split_and_filter(text: str, cand: Candidate) -> list[Candidate]:
    """Return the span split at separators (" - ", lines, " at "), plain words dropped."""
    surface = text[cand.start : cand.end]
    if _PREFIXED.match(surface):
        return [replace(cand, label="MISC")]
    splitter = _SPLIT_ORG if cand.label == "ORG" else _SPLIT_NAME
    bounds, offset = [], 0
    for match in splitter.finditer(surface):
        bounds.append((offset, match.start()))
        offset = match.end()
    bounds.append((offset, len(surface)))
    out = []
    for lo, hi in bounds:
        part = surface[lo:hi]
        words = part.split()
        if not words or part.casefold() in NON_NAME_ACRONYMS:
            continue
        if sum(len(w) == 1 for w in words) * 2 >= len(words) and len(words) > 1:
            continue
        if not is_name_like(part) and cand.method != "heuristic":
            continue
        label = cand.label
        if label in ("ORG", "LOC", "PERSON") and len(words) > 1 and words[-1].casefold() in EVENT_WORDS:
            label = "MISC"
        out.append(replace(cand, start=cand.start + lo, end=cand.start + hi, label=label))
    return out


_FIRST_WORD = re.compile(r"(\S+)\s+")


def trim_candidate(text: str, cand: Candidate, language: str = "en") -> Candidate | None:
    """Return the span without leading 'the', possessive "'s" and edge punctuation, or None."""
    start, end = cand.start, cand.end
    surface = text[start:end]
    for pattern in (_LEAD, _LEADING_THE):
        match = pattern.match(surface)
        if match and cand.label != "MISC":
            start, surface = start + match.end(), surface[match.end() :]
    title = _FIRST_WORD.match(surface) if cand.label == "PERSON" else None
    if title and title.group(1).casefold().strip(".") in HONORIFICS and surface[title.end() :][:1].isupper():
        start, surface = start + title.end(), surface[title.end() :]  # "Mr Lincoln": the name is "Lincoln"
    match = _POSSESSIVE.search(surface)
    if match and (match.group().strip() != "'" or surface.endswith("s'")):
        surface = surface[: match.start()]
    keep_final_dot = surface.endswith(".") and (len(surface) <= 4 or _is_abbrev(surface))  # "U.S."
    if not keep_final_dot:
        surface = _TRAIL.sub("", surface)
    surface = _TRAILING_NUMBER.sub("", surface)
    if language == "en" and surface[:1].isupper() and cand.label in ("PERSON", "ORG", "LOC"):
        # English names end on a capitalised word; French, Spanish, Italian ... names go on with
        # lower-case adjectives ("Union européenne", "Banca d'Italia")
        surface = _TRAILING_LOWER.sub("", surface)
    end = start + len(surface)
    if end <= start or end - start > MAX_NAME_CHARS or not any(ch.isalpha() for ch in surface):
        return None
    return replace(cand, start=start, end=end)


def _is_abbrev(surface: str) -> bool:
    return bool(re.search(r"(?:\b[A-Za-z]\.)+$", surface))
