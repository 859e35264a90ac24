"""Shared pieces of the entity stage: the candidate span, label map, overlap merging and word tests."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from flows.text.entity_lexicon import (
    HONORIFICS,
    STOP_WORDS,
)

LABEL_MAP = {
    "PERSON": "PERSON",
    "PER": "PERSON",
    "ORG": "ORG",
    "GPE": "LOC",
    "LOC": "LOC",
    "FAC": "LOC",
    "NORP": "NORP",
    "MISC": "MISC",
    "EVENT": "MISC",
    "PRODUCT": "MISC",
    "WORK_OF_ART": "MISC",
    "LAW": "MISC",
    "LANGUAGE": "MISC",
}


# What a mention records as its `model` when no statistical model found it.
RULES = "rules"
GAZETTEER = "gazetteer"
# The `method` of a model's raw spans: "spacy" for spaCy pipelines, else the model's own name;
# "crf" for the taggers trained for this project (`ner_tagger`, `newsetl_ner_<lang>`).
TRAINED_NER_LANGUAGES = ("de", "es", "it", "pl", "ar")
# Languages whose spaCy pipeline is re-tagged by a CRF stacked on it (`ner_en`, newsetl_ner_<lang>).
STACKED_NER_LANGUAGES = ("en", "fr")
STACKED_MODELS = frozenset(f"newsetl_ner_{language}" for language in STACKED_NER_LANGUAGES)
# Languages whose tagger learned from weak labels alone (no silver or gold data): its spans are
# completed with the gazetteer fallback's, which it only partly reproduces.
GAZETTEER_COMPLETED_LANGUAGES = frozenset({"ar"})
NON_SPACY_METHODS = {
    "natasha": "natasha",
    **{f"newsetl_ner_{language}": "crf" for language in (*TRAINED_NER_LANGUAGES, *STACKED_NER_LANGUAGES)},
}
MODEL_METHODS = frozenset({"spacy", *NON_SPACY_METHODS.values()})


NAME_LABELS = ("PERSON", "ORG", "LOC", "NORP", "MISC")


BATCH_SIZE = 64


MAX_NAME_CHARS = 120


_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True, eq=False)
class NerModels:
    """NER pipelines by ISO 639-1 language code, and the name each mention records as its `model`.

    A pipeline is anything with spaCy's `pipe(texts, batch_size=...)` yielding docs whose `ents`
    have `start_char`, `end_char` and `label_` (spaCy, or the natasha adapter); the mapping may
    load a pipeline on first access, so a language's model loads only when one of its documents comes.
    """

    pipelines: Mapping[str, Any]
    names: Mapping[str, str] = field(default_factory=dict)

    def name(self, language: str) -> str:
        """Return the name of the language's model (what its mentions record)."""
        return self.names.get(language, f"{language}-ner")

    def method(self, language: str) -> str:
        """Return the `method` of the language's raw model spans ("spacy", "natasha", "crf")."""
        return NON_SPACY_METHODS.get(self.name(language), "spacy")


@dataclass(frozen=True)
class Candidate:
    """A span under construction: offsets, label, how it was found, evidence weight, which model found it."""

    start: int
    end: int
    label: str
    method: str
    weight: float = 1.0
    canonical: str | None = None
    model: str = RULES


def is_name_like(surface: str) -> bool:
    """Return whether a span can be a name: some capital (or a caseless script), not a title."""
    if not any(ch.isupper() or (ch.isalpha() and ch.lower() == ch.upper()) for ch in surface):
        return False
    key = surface.casefold().strip(".")
    return key not in HONORIFICS and key not in {"miss", "mister"} and not is_stop_word(surface.strip("."))


def is_stop_word(word: str) -> bool:
    """Return whether a word is an English function word, month or weekday ("US" is an acronym)."""
    return word.casefold() in STOP_WORDS and not (len(word) > 1 and word.isupper())


def merge_candidates(spans: list[Candidate], extra: list[Candidate], override: bool) -> list[Candidate]:
    """Return spans plus `extra`; overlaps are won by `extra` when `override`, else dropped."""

    def overlaps(a: Candidate, b: Candidate) -> bool:
        return a.start < b.end and b.start < a.end

    if override:
        kept = [c for c in spans if not any(overlaps(c, e) for e in extra)]
        return sorted(kept + extra, key=lambda c: c.start)
    added = [e for e in extra if not any(overlaps(c, e) for c in spans)]
    return sorted(spans + added, key=lambda c: c.start)


def _words(text: str, cand: Candidate) -> list[str]:
    return text[cand.start : cand.end].split()


def _previous_word(text: str, start: int) -> str:
    match = re.search(r"([\w.]+)[\s\"“]*$", text[max(0, start - 40) : start])
    return match.group(1).rstrip(".").casefold() if match else ""


def _next_word(text: str, end: int) -> str:
    match = re.match(r"[\s,]*([\w]+)", text[end : end + 40])
    return match.group(1).casefold() if match else ""


def _occurrences(text: str, surface: str) -> list[int]:
    """Return the start offsets of `surface` in `text` as a whole word."""
    out, start = [], text.find(surface)
    while start >= 0:
        end = start + len(surface)
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if not (before.isalnum() or before == "_") and not (after.isalnum() or after == "_"):
            out.append(start)
        start = text.find(surface, start + 1)
    return out
