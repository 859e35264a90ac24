"""Document evidence: partial names linked, gazetteer corrections, one label per form, missed repeats."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import replace

from flows.text.entities.base import (
    NAME_LABELS,
    STACKED_MODELS,
    Candidate,
    _next_word,
    _occurrences,
    _previous_word,
    _words,
    is_name_like,
)
from flows.text.entity_lexicon import (
    COMPANY_FOLLOWERS,
    COMPANY_NOUNS,
    FIRST_NAMES,
    HONORIFICS,
    ORG_SUFFIXES,
    PERSON_TITLES,
    PLACE_CUES,
    PLACE_FOLLOWERS,
    STOP_WORDS,
)
from flows.text.places import (
    Gazetteer,
    is_demonym,
    lookup_candidates,
    normalize_name,
    place_strength,
)

_STRONG_PLACE_CUE = re.compile(
    r"\b(?:town|city|village|region|province|district|capital|port|suburb|municipality|outskirts)"
    r" of\s*$|\bnative\s*$",
    re.IGNORECASE,
)


_PLACE_NOUN = re.compile(
    r"\b(?:capital|town|city|village|region|province|district|enclave|corridor|border)\b", re.IGNORECASE
)


def link_partial_names(text: str, spans: list[Candidate], gazetteer: Gazetteer | None = None) -> list[Candidate]:
    """Return spans where a lone part of a full person name becomes that person."""
    full: dict[str, Counter[str]] = defaultdict(Counter)
    for c in spans:
        words = _words(text, c)
        if c.label == "PERSON" and 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words):
            name = " ".join(words)
            full[words[-1]][name] += 1
            if gazetteer is None or not _is_strong_place_word(gazetteer, words[0]):
                full[words[0]][name] += 1
    out = []
    for c in spans:
        words = _words(text, c)
        place_use = (
            gazetteer is not None
            and (c.label == "LOC" or has_place_evidence(text, c))
            and _is_strong_place_word(gazetteer, words[0] if words else "")
        )
        if len(words) == 1 and words[0] in full and not place_use:
            name = full[words[0]].most_common(1)[0][0]
            method = c.method if c.label == "PERSON" else "spacy+consistency"
            c = replace(c, label="PERSON", method=method, weight=2.0, canonical=name)
        out.append(c)
    return out


def _is_strong_place_word(gazetteer: Gazetteer, word: str) -> bool:
    entries = lookup_candidates(gazetteer, word)
    return is_demonym(gazetteer, word) or any(place_strength(e) == 3 for e in entries)


def has_person_evidence(text: str, cand: Candidate) -> bool:
    """Return whether a title or a known first name says this span is a person."""
    words = _words(text, cand)
    if cand.canonical is not None and cand.label == "PERSON":
        return True
    if _previous_word(text, cand.start) in PERSON_TITLES:
        return True
    return len(words) >= 2 and words[0].casefold() in FIRST_NAMES


def has_place_evidence(text: str, cand: Candidate) -> bool:
    """Return whether the words around a span say it is a place ("in X", "X corridor")."""
    if _previous_word(text, cand.start) in PLACE_CUES or _next_word(text, cand.end) in PLACE_FOLLOWERS:
        return True
    line_start = text.rfind("\n", 0, cand.start) + 1
    after = text[cand.end : cand.end + 3]
    return text[line_start : cand.start].strip() == "" and after.lstrip().startswith((",", "-"))


def correct_with_gazetteer(
    text: str, cand: Candidate, gazetteer: Gazetteer, context: frozenset[str] = frozenset()
) -> Candidate:
    """Return the span relabelled by the gazetteer when the evidence allows it."""
    surface = text[cand.start : cand.end]
    if cand.label not in NAME_LABELS:
        return cand
    if is_demonym(gazetteer, surface) and cand.label != "NORP":
        return replace(cand, label="NORP", method="spacy+gazetteer", weight=2.0)
    if cand.label in ("ORG", "LOC") and _previous_word(text, cand.start) in HONORIFICS:
        return replace(cand, label="PERSON", method="spacy+context", weight=2.0)
    if cand.label == "LOC" or cand.canonical is not None or not surface[:1].isupper():
        return cand
    if cand.label == "PERSON" and has_person_evidence(text, cand):
        return cand
    single = len(surface.split()) == 1
    if cand.label == "PERSON" and single and _has_company_cue(text, cand):
        return replace(cand, label="ORG", method="spacy+context", weight=2.0)
    entries = lookup_candidates(gazetteer, surface)
    if not entries:
        strong_cue = _STRONG_PLACE_CUE.search(text[max(0, cand.start - 30) : cand.start])
        if cand.label == "PERSON" and single and strong_cue:
            return replace(cand, label="LOC", method="spacy+context", weight=2.0)
        return cand
    if cand.label == "ORG" and _looks_like_org(surface):
        return cand
    strength = max(place_strength(e) for e in entries)
    in_context = any(e.place.country_code in context for e in entries)
    window_cue = in_context and _PLACE_NOUN.search(text[max(0, cand.start - 50) : cand.start])
    person_single = cand.label == "PERSON" and single
    org_city = cand.label == "ORG" and single and strength == 2 and not _has_company_cue(text, cand)
    org_city = org_city and cand.model not in STACKED_MODELS  # the stacked tagger has read the context: a town's team
    if strength == 3 or has_place_evidence(text, cand) or org_city or person_single and (strength == 2 or window_cue):
        return replace(cand, label="LOC", method="spacy+gazetteer", weight=2.0)
    return cand


def _has_company_cue(text: str, cand: Candidate) -> bool:
    """Return whether the words around a span say company ("carmaker X", "X's chip unit")."""
    after = re.match(r"\s*(?:['’]s\s*)?(?:\w+\s+)?(\w+)", text[cand.end : cand.end + 40])
    follower = after.group(1).casefold() if after else ""
    return _previous_word(text, cand.start) in COMPANY_NOUNS or follower in COMPANY_FOLLOWERS


def _looks_like_org(surface: str) -> bool:
    words = surface.split()
    return len(words) > 1 and words[-1].casefold().strip(".") in ORG_SUFFIXES


def vote_labels(text: str, spans: list[Candidate]) -> list[Candidate]:
    """Return spans with one label per surface form: the evidence-weighted majority."""
    votes: defaultdict[str, defaultdict[str, float]] = defaultdict(lambda: defaultdict(float))
    for c in spans:
        if c.label in NAME_LABELS:
            votes[text[c.start : c.end]][c.label] += c.weight
    out = []
    for c in spans:
        if c.label in NAME_LABELS:
            weights = votes[text[c.start : c.end]]
            label = max(weights, key=weights.__getitem__)
            if label != c.label:
                c = replace(c, label=label, method="spacy+consistency")
        out.append(c)
    return out


def add_missed_mentions(text: str, spans: list[Candidate], gazetteer: Gazetteer) -> list[Candidate]:
    """Return spans plus unlabelled repeats of surface forms labelled elsewhere in the doc."""
    taken = bytearray(len(text) + 1)
    for c in spans:
        taken[c.start : c.end] = b"\x01" * (c.end - c.start)
    known: dict[str, Candidate] = {}
    for c in spans:
        if c.label in ("PERSON", "ORG", "LOC", "NORP") and is_name_like(text[c.start : c.end]):
            known.setdefault(text[c.start : c.end], c)
    lower_words = set(re.findall(r"\b[a-z]+\b", text))
    for c in spans:
        words = _words(text, c)
        surname = words[-1] if words else ""
        if surname.lower() in lower_words:
            continue  # "Baker", "Fox": also an ordinary word in this document
        if c.label == "PERSON" and 2 <= len(words) <= 4 and len(surname) > 2 and surname[:1].isupper():
            full = replace(c, canonical=c.canonical or " ".join(words))
            if surname.casefold() not in STOP_WORDS and not lookup_candidates(gazetteer, surname):
                known.setdefault(surname, full)
    added: list[Candidate] = []
    if not known:
        return spans
    for surface in sorted(known, key=len, reverse=True):
        c = known[surface]
        for s in _occurrences(text, surface):
            e = s + len(surface)
            if not any(taken[s:e]):
                taken[s:e] = b"\x01" * (e - s)
                added.append(Candidate(s, e, c.label, "doc-consistency", 1.0, c.canonical))
    return sorted(spans + added, key=lambda c: (c.start, c.end))


def context_countries(text: str, spans: list[Candidate], gazetteer: Gazetteer) -> frozenset[str]:
    """Return the country codes of the countries and nationalities named in the document."""
    codes = set()
    for c in spans:
        surface = text[c.start : c.end]
        code = gazetteer.demonyms.get(normalize_name(surface))
        if code:
            codes.add(code)
        for entry in lookup_candidates(gazetteer, surface):
            if entry.place.feature_type in ("country", "region") and entry.place.country_code:
                codes.add(entry.place.country_code)
    return frozenset(codes)
