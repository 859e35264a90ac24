"""Candidates without a model: gazetteer n-grams as places, first name + capitalised words as people."""

from __future__ import annotations

import re

from flows.text.entities.base import GAZETTEER, Candidate, is_stop_word
from flows.text.entity_lexicon import (
    FIRST_NAMES,
)
from flows.text.places import (
    Gazetteer,
    is_demonym,
    lookup_candidates,
    place_strength,
    resolve_place,
)

_FALLBACK_TOKEN = re.compile(r"\w+")


_CAPITALISED_RUN = re.compile(r"(?<![\w'’])[A-Z][\w.'’]*(?:[ -](?:of |the |and )?[A-Z][\w.'’]*)*")


_WORD_SPAN = re.compile(r"[^\s-]+")


def fallback_candidates(text: str, gazetteer: Gazetteer, min_strength: int = 2, people: bool = True) -> list[Candidate]:
    """Return places (gazetteer, longest match) and people (first name + capitalised words)."""
    tokens = [m.span() for m in _FALLBACK_TOKEN.finditer(text)]
    found, i = [], 0
    while i < len(tokens):
        step = _fallback_at(text, tokens, i, gazetteer, min_strength, people)
        if step[0] is not None:
            found.append(step[0])
        i += step[1]
    return found


def country_candidates(text: str, gazetteer: Gazetteer) -> list[Candidate]:
    """Return capitalised 1-3 word names of countries, continents and regions (longest first)."""
    found = []
    for match in _CAPITALISED_RUN.finditer(text):
        words = [
            (m.start(), m.end() - (m.group().endswith(".") and m.group().count(".") == 1))
            for m in _WORD_SPAN.finditer(match.group())
        ]
        i = 0
        while i < len(words):
            for n in (4, 3, 2, 1):
                if i + n > len(words):
                    continue
                start, end = match.start() + words[i][0], match.start() + words[i + n - 1][1]
                entries = lookup_candidates(gazetteer, text[start:end])
                if any(place_strength(e) == 3 for e in entries) and not is_demonym(gazetteer, text[start:end]):
                    found.append(Candidate(start, end, "LOC", "gazetteer", model=GAZETTEER))
                    i += n
                    break
            else:
                i += 1
    return found


def _joined(text: str, tokens: list[tuple[int, int]], i: int, n: int) -> bool:
    return all(text[tokens[k][1] : tokens[k + 1][0]] in (" ", "-") for k in range(i, i + n - 1))


def _is_name_token(word: str) -> bool:
    return word[:1].isupper() or not word[:1].islower() and not word[:1].isdigit()


def _fallback_at(
    text: str,
    tokens: list[tuple[int, int]],
    i: int,
    gazetteer: Gazetteer,
    min_strength: int,
    people: bool,
) -> tuple[Candidate | None, int]:
    place = _fallback_place(text, tokens, i, gazetteer, min_strength, (3, 2))
    if place is not None:
        return place
    person = _fallback_person(text, tokens, i) if people else None
    if person is not None:  # "Vladimir Orlov" is a person before "Vladimir" is a town
        return person
    return _fallback_place(text, tokens, i, gazetteer, min_strength, (1,)) or (None, 1)


def _fallback_place(
    text: str, tokens: list[tuple[int, int]], i: int, gazetteer: Gazetteer, min_strength: int, sizes: tuple[int, ...]
) -> tuple[Candidate, int] | None:
    for n in sizes:
        if i + n > len(tokens) or not _joined(text, tokens, i, n):
            continue
        start, end = tokens[i][0], tokens[i + n - 1][1]
        words = [text[s:e] for s, e in tokens[i : i + n]]
        if not all(_is_name_token(w) for w in words) or is_stop_word(words[0]):
            continue
        entry = resolve_place(gazetteer, text[start:end])
        strong = entry is not None and place_strength(entry) >= min_strength
        if strong and not is_demonym(gazetteer, text[start:end]):
            return Candidate(start, end, "LOC", "gazetteer", model=GAZETTEER), n
    return None


def _fallback_person(text: str, tokens: list[tuple[int, int]], i: int) -> tuple[Candidate, int] | None:
    """Return a known first name and the one or two capitalised words after it as PERSON."""
    word = text[tokens[i][0] : tokens[i][1]]
    if word.casefold() not in FIRST_NAMES or not word[:1].isupper():
        return None
    n = 1
    while n < 3 and i + n < len(tokens) and _joined(text, tokens, i, n + 1):
        if not text[tokens[i + n][0]][:1].isupper():
            break
        n += 1
    return (Candidate(tokens[i][0], tokens[i + n - 1][1], "PERSON", "heuristic"), n) if n >= 2 else None
