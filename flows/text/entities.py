"""Named entities: spaCy small + truecasing + gazetteer + document-level consistency.

Pure given the models: `extract_entities` takes the loaded pipelines and gazetteer as
parameters; no file I/O. Steps per document (`resolve_document`):

1. all-caps lines (headlines, datelines) are truecased for the model by document evidence and
   long runs of non-space characters or punctuation blanked, keeping every offset; spaCy NER runs
   batched with `nlp.pipe` (en, fr) on the first MODEL_MAX_TOKENS tokens (the rules read it all);
2. model spans trimmed (leading "the", possessive "'s", trailing numbers and lower-case words),
   split at " - ", line breaks and " at "/" v "; labels mapped to PERSON/ORG/LOC/NORP/MISC;
3. rule candidates: agency datelines ("OSLO, May 4 (Reuters)"), initial-and-surname names,
   lower-case government bodies and acronyms (en);
4. partial names linked to full person names; gazetteer corrections that need evidence
   (titles and first names for people; "in/town of", place nouns and country context for places;
   company nouns for organisations);
5. one label per surface form (evidence-weighted vote); model guesses on all-caps headlines
   checked against the body; missed repeats of known names, surnames and gazetteer
   countries/regions added;
6. canonical name, stable `entity_id`, and the resolved `Place` for LOC mentions.

Fallback for languages without a spaCy model (de, es, ar, ...): word n-grams are looked up in the
gazetteer (countries, regions, capitals, big cities, first-level subdivisions) -> LOC
(`gazetteer`); two to three capitalised words starting with a known first name -> PERSON
(`heuristic`); ORG is not guessed. Each mention's `method` says how it was found: `spacy`,
`spacy+gazetteer`, `spacy+consistency`, `spacy+context`, `spacy+business`, `gazetteer`,
`doc-consistency`, `heuristic`. The word lists come from `entity_lexicon` (package data files).
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import islice
from typing import Any

from flows.text.entity_lexicon import (
    COMPANY_FOLLOWERS,
    COMPANY_NOUNS,
    COUNTRY_ALIASES,
    EVENT_WORDS,
    EXTRA_ACRONYMS,
    FIRST_NAMES,
    HONORIFICS,
    NON_NAME_ACRONYMS,
    ORG_ALIASES,
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
    resolve_place,
)
from flows.text.records import EntityMention, Place

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
NAME_LABELS = ("PERSON", "ORG", "LOC", "NORP", "MISC")
BATCH_SIZE = 64
MAX_NAME_CHARS = 120
KNOWN_ACRONYMS = (
    frozenset(
        alias.casefold()
        for aliases in (*COUNTRY_ALIASES.values(), *ORG_ALIASES)
        for alias in aliases
        if alias.isupper() and alias.isalpha()
    )
    | EXTRA_ACRONYMS
)

_WORD = re.compile(r"[^\W\d_]+")
_FALLBACK_TOKEN = re.compile(r"\w+")
_CAPITALISED_RUN = re.compile(r"(?<![\w'’])[A-Z][\w.'’]*(?:[ -](?:of |the |and )?[A-Z][\w.'’]*)*")
_WORD_SPAN = re.compile(r"[^\s-]+")
_POSSESSIVE = re.compile(r"\s?['’]s?$")
_LEADING_THE = re.compile(r"^(?:the|The|THE)\s+")
_TRAIL = re.compile(r"[\s.,;:!?\"'“”’‘()\[\]-]+$")
_LEAD = re.compile(r"^[\s.,;:!?\"'“”’‘()\[\]-]+")
_TRAILING_NUMBER = re.compile(r"(?:\s+[\d][\d\-./:]*)+$")
_STRONG_PLACE_CUE = re.compile(
    r"\b(?:town|city|village|region|province|district|capital|port|suburb|municipality|outskirts)"
    r" of\s*$|\bnative\s*$",
    re.IGNORECASE,
)
_DATELINE = re.compile(
    r"^(?P<city>[A-Z][A-Z.'’\-]+(?: [A-Z][A-Z.'’\-]+)*)"
    r"(?: ?, ?(?P<region>[A-Z][\w.'’\-]*(?: [A-Z][\w.'’\-]*)*))?"
    r"(?= ?,? ?(?:\((?:Reuters|AP|AFP)\)"
    r"|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d))",
    re.MULTILINE,
)
_GOV_BODY = re.compile(
    r"\b(?:[Ss]tate|[Tt]reasury|[Jj]ustice|[Cc]ommerce|[Dd]efen[cs]e|[Ee]nergy) [Dd]epartment\b"
    r"|\b(?:[Ff]oreign|[Dd]efen[cs]e|[Ii]nterior|[Ff]inance|[Hh]ealth|[Jj]ustice) [Mm]inistry\b"
)
_PLACE_NOUN = re.compile(
    r"\b(?:capital|town|city|village|region|province|district|enclave|corridor|border)\b", re.IGNORECASE
)
_SPLIT_NAME = re.compile(r" - |\s*\n\s*| , | (?:at|in|v|vs\.?|against|and|of) |\s+\d[\d\-./:]*\s+")
_SPLIT_ORG = re.compile(r" - |\s*\n\s*| , | (?:at|v|vs\.?|against) |\s+\d[\d\-./:]*\s+")
_PREFIXED = re.compile(r"^(?:ex|pro|anti|non|post|pre)-", re.IGNORECASE)
_INITIAL_NAME = re.compile(r"(?<![\w.])[A-Z]\. (?P<surname>[A-Z][a-z]+(?:[-'][A-Za-z]+)?(?: [A-Z][a-z]+)?)\b")
_BUSINESS = re.compile(
    r"\b(?:shares|profit|revenue|earnings|stake|merger|acquisition|investors|dividend)\b", re.IGNORECASE
)
_ACRONYM = re.compile(r"(?<![\w.&-])[A-Z]{3,6}(?![\w.&-])")
# A form field ("SELLER :") or a word of an all-caps phrase ("MARKET REPORT") is no acronym.
_CAPS_NEIGHBOUR_BEFORE = re.compile(r"(?:^|[^\w])[A-Z]{2,} $")
_CAPS_NEIGHBOUR_AFTER = re.compile(r"^ ?:| [A-Z]{2,}(?![\w.&-])")
_LINE = re.compile(r"[^\n]+")
# Runs of this many non-space characters, or of MODEL_PUNCT_CHARS punctuation marks, are no names;
# spaCy's tokenizer peels punctuation off a token one mark at a time, re-scanning the rest each time
# (8,000 commas took 6 s), so the model never sees them.
MODEL_TOKEN_CHARS = 100
MODEL_PUNCT_CHARS = 6
MODEL_MAX_TOKENS = 30_000  # the model reads a text up to this many tokens (~3 s of spaCy small); the rules read it all
_MODEL_TOKEN = re.compile(r"\w+|[^\w\s]")
_MODEL_BLANKED = re.compile(rf"(?<!\S)\S{{{MODEL_TOKEN_CHARS},}}|[^\w\s]{{{MODEL_PUNCT_CHARS},}}")
_TRAILING_LOWER = re.compile(r"(?:\s+[a-z][\w-]*)+$")


@dataclass(frozen=True, eq=False)
class NerModels:
    """Loaded spaCy pipelines by ISO 639-1 language code (NER only)."""

    pipelines: Mapping[str, Any]


@dataclass(frozen=True)
class Candidate:
    """A span under construction: offsets, label, how it was found, evidence weight."""

    start: int
    end: int
    label: str
    method: str
    weight: float = 1.0
    canonical: str | None = None


def extract_entities(
    docs: Sequence[tuple[str, str]], models: NerModels, gazetteer: Gazetteer
) -> list[tuple[EntityMention, ...]]:
    """Return the entity mentions of each (clean_text, language) document, in order."""
    raw: list[list[Candidate]] = [[] for _ in docs]
    by_language: dict[str, list[int]] = defaultdict(list)
    for index, (_, language) in enumerate(docs):
        by_language[language].append(index)
    for language, indexes in by_language.items():
        nlp = models.pipelines.get(language)
        if nlp is None:
            for i in indexes:
                raw[i] = fallback_candidates(docs[i][0], gazetteer)
            continue
        texts = (model_text(docs[i][0]) for i in indexes)
        for i, doc in zip(indexes, nlp.pipe(texts, batch_size=BATCH_SIZE), strict=True):
            raw[i] = [
                Candidate(ent.start_char, ent.end_char, LABEL_MAP.get(ent.label_, ent.label_), "spacy")
                for ent in doc.ents
            ]
    return [
        resolve_document(text, cands, gazetteer, language) for (text, language), cands in zip(docs, raw, strict=True)
    ]


# ----------------------------------------------------------------------------- truecasing


def model_text(text: str) -> str:
    """Return text as the NER model reads it: truecased, long runs of non-space characters or of
    punctuation blanked (offsets unchanged), cut before its token after the MODEL_MAX_TOKENS-th."""
    readable = _MODEL_BLANKED.sub(lambda run: " " * len(run.group()), truecase(text))
    beyond = next(islice(_MODEL_TOKEN.finditer(readable), MODEL_MAX_TOKENS, None), None)
    return readable if beyond is None else readable[: beyond.start()]


def is_caps_line(line: str) -> bool:
    """Return whether a line is an all-caps headline or dateline (most letters upper-case)."""
    words = [w for w in _WORD.findall(line) if len(w) > 1]
    if not words:
        return False
    upper = sum(1 for w in words if w.isupper())
    return upper >= max(1, 0.7 * len(words))


def truecase(text: str) -> str:
    """Return `text` with all-caps lines recased by document evidence; offsets unchanged."""
    lines = text.splitlines(keepends=True)
    caps = [is_caps_line(line) for line in lines]
    if not any(caps):
        return text
    forms: Counter[str] = Counter()
    for line, is_caps in zip(lines, caps, strict=True):
        if not is_caps:
            forms.update(_WORD.findall(line))
    best: dict[str, str] = {}
    for form, _count in forms.most_common():
        best.setdefault(form.casefold(), form)
    out = []
    for line, is_caps in zip(lines, caps, strict=True):
        out.append(_recase_line(line, best) if is_caps else line)
    return "".join(out)


def _recase_line(line: str, best: Mapping[str, str]) -> str:
    pieces, last, first = [], 0, True
    for match in _WORD.finditer(line):
        word = match.group()
        pieces.append(line[last : match.start()])
        pieces.append(_recase_word(word, best, first) if word.isupper() else word)
        last, first = match.end(), False
    pieces.append(line[last:])
    return "".join(pieces)


def _recase_word(word: str, best: Mapping[str, str], first: bool) -> str:
    key = word.casefold()
    form = best.get(key)
    if form is None:
        if key in KNOWN_ACRONYMS:
            form = word
        elif key in STOP_WORDS:
            form = word.lower()
        else:
            form = word[0] + word[1:].lower()
    if first and form.islower():
        form = form[0].upper() + form[1:]
    return form if len(form) == len(word) else word


# ----------------------------------------------------------------------------- fallback


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
                    found.append(Candidate(start, end, "LOC", "gazetteer"))
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
    for n in (3, 2, 1):
        if i + n > len(tokens) or not _joined(text, tokens, i, n):
            continue
        start, end = tokens[i][0], tokens[i + n - 1][1]
        words = [text[s:e] for s, e in tokens[i : i + n]]
        if not all(_is_name_token(w) for w in words) or is_stop_word(words[0]):
            continue
        entry = resolve_place(gazetteer, text[start:end])
        strong = entry is not None and place_strength(entry) >= min_strength
        if strong and not is_demonym(gazetteer, text[start:end]):
            return Candidate(start, end, "LOC", "gazetteer"), n
    word = text[tokens[i][0] : tokens[i][1]]
    if people and word.casefold() in FIRST_NAMES and word[:1].isupper():
        n = 1
        while n < 3 and i + n < len(tokens) and _joined(text, tokens, i, n + 1):
            if not text[tokens[i + n][0]][:1].isupper():
                break
            n += 1
        if n >= 2:
            return Candidate(tokens[i][0], tokens[i + n - 1][1], "PERSON", "heuristic"), n
    return None, 1


# ----------------------------------------------------------------------------- per document


def resolve_document(
    text: str, candidates: Sequence[Candidate], gazetteer: Gazetteer, language: str = "en"
) -> tuple[EntityMention, ...]:
    """Return the document's final mentions from raw candidates (trim, correct, link, resolve)."""
    spans = [c for c in (trim_candidate(text, c) for c in candidates) if c is not None]
    spans = [part for c in spans for part in split_and_filter(text, c)]
    spans = merge_candidates(spans, dateline_candidates(text), override=True)
    if language == "en":  # English usage: "T. Vennik" (French "M. X" is Monsieur X), "state department"
        spans = merge_candidates(spans, initial_candidates(text, gazetteer), override=True)
        spans = merge_candidates(spans, government_candidates(text), override=False)
        spans = merge_candidates(spans, acronym_candidates(text, gazetteer), override=False)
    spans = link_partial_names(text, spans, gazetteer)
    context = context_countries(text, spans, gazetteer)
    spans = [correct_with_gazetteer(text, c, gazetteer, context) for c in spans]
    spans = vote_labels(text, spans)
    spans = settle_headline_spans(text, spans)
    cased = truecase(text)
    spans = add_missed_mentions(cased, spans, gazetteer)
    spans = merge_candidates(spans, country_candidates(cased, gazetteer), override=False)
    if _BUSINESS.search(text):
        spans = [as_company(text, c, spans) for c in spans]
    return canonicalise(text, cased, spans, gazetteer, context)


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
        if c.method != "spacy" or c.label not in NAME_LABELS or id(c) not in on_caps:
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


def dateline_candidates(text: str) -> list[Candidate]:
    """Return the places of agency datelines ("OSLO, May 4 (Reuters)", "AL-AIN, UAE, Oct 2")."""
    out = []
    for match in _DATELINE.finditer(text):
        for group in ("city", "region"):
            if match.group(group):
                out.append(Candidate(match.start(group), match.end(group), "LOC", "heuristic", 3.0))
    return out


def government_candidates(text: str) -> list[Candidate]:
    """Return lower-case government bodies ("state department", "foreign ministry") as ORG."""
    return [Candidate(m.start(), m.end(), "ORG", "heuristic") for m in _GOV_BODY.finditer(text)]


def initial_candidates(text: str, gazetteer: Gazetteer) -> list[Candidate]:
    """Return initial-and-surname names ("T. Vennik") as PERSON, unless a place ("S. Korea")."""
    out = []
    for match in _INITIAL_NAME.finditer(text):
        surname = match.group("surname")
        if (
            lookup_candidates(gazetteer, surname)
            and not surname[:1].islower()
            and (
                is_demonym(gazetteer, surname)
                or any(place_strength(e) == 3 for e in lookup_candidates(gazetteer, surname))
            )
        ):
            continue
        if is_demonym(gazetteer, surname) or surname.split()[-1].casefold() in EVENT_WORDS:
            continue
        out.append(Candidate(match.start(), match.end(), "PERSON", "heuristic", 2.0))
    return out


def as_company(text: str, cand: Candidate, spans: Sequence[Candidate]) -> Candidate:
    """Return a lone surname-like PERSON in business news as ORG when nothing says person."""
    if cand.label != "PERSON" or cand.canonical or len(_words(text, cand)) > 1:
        return cand
    surface = text[cand.start : cand.end]
    if surface.casefold() in FIRST_NAMES:
        return cand
    for other in spans:
        if text[other.start : other.end] == surface and has_person_evidence(text, other):
            return cand
    if re.search(r"\b\w+ " + re.escape(surface) + r"\b", text) and any(
        w.casefold() in FIRST_NAMES for w in re.findall(r"\b(\w+) " + re.escape(surface) + r"\b", text)
    ):
        return cand
    return replace(cand, label="ORG", method=f"{cand.method}+business")


def acronym_candidates(text: str, gazetteer: Gazetteer) -> list[Candidate]:
    """Return all-caps acronyms in running (not all-caps) lines as ORG, minus known non-names."""
    out, offset = [], 0
    for line in text.splitlines(keepends=True):
        if not is_caps_line(line):
            for match in _ACRONYM.finditer(line):
                word = match.group()
                if word.casefold() in NON_NAME_ACRONYMS or lookup_candidates(gazetteer, word):
                    continue
                if _CAPS_NEIGHBOUR_BEFORE.search(line, 0, match.start()) or _CAPS_NEIGHBOUR_AFTER.match(
                    line[match.end() : match.end() + 8]
                ):
                    continue
                out.append(Candidate(offset + match.start(), offset + match.end(), "ORG", "heuristic", 0.5))
        offset += len(line)
    return out


def trim_candidate(text: str, cand: Candidate) -> Candidate | None:
    """Return the span without leading 'the', possessive "'s" and edge punctuation, or None."""
    start, end = cand.start, cand.end
    surface = text[start:end]
    for pattern in (_LEAD, _LEADING_THE):
        match = pattern.match(surface)
        if match and cand.label != "MISC":
            start, surface = start + match.end(), surface[match.end() :]
    match = _POSSESSIVE.search(surface)
    if match and (match.group().strip() != "'" or surface.endswith("s'")):
        surface = surface[: match.start()]
    keep_final_dot = surface.endswith(".") and (len(surface) <= 4 or _is_abbrev(surface))  # "U.S."
    if not keep_final_dot:
        surface = _TRAIL.sub("", surface)
    surface = _TRAILING_NUMBER.sub("", surface)
    if surface[:1].isupper() and cand.label in ("PERSON", "ORG", "LOC"):
        surface = _TRAILING_LOWER.sub("", surface)
    end = start + len(surface)
    if end <= start or end - start > MAX_NAME_CHARS or not any(ch.isalpha() for ch in surface):
        return None
    return replace(cand, start=start, end=end)


def _is_abbrev(surface: str) -> bool:
    return bool(re.search(r"(?:\b[A-Za-z]\.)+$", surface))


def _words(text: str, cand: Candidate) -> list[str]:
    return text[cand.start : cand.end].split()


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


def _previous_word(text: str, start: int) -> str:
    match = re.search(r"([\w.]+)[\s\"“]*$", text[max(0, start - 40) : start])
    return match.group(1).rstrip(".").casefold() if match else ""


def _next_word(text: str, end: int) -> str:
    match = re.match(r"[\s,]*([\w]+)", text[end : end + 40])
    return match.group(1).casefold() if match else ""


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


# ----------------------------------------------------------------------------- canonical ids


def entity_id(label: str, key: str) -> str:
    """Return the stable id of an entity: a hash of its label and canonical key."""
    return hashlib.sha1(f"{label}|{key}".encode()).hexdigest()[:16]


_ORG_CANON = {normalize_name(alias): group[0] for group in ORG_ALIASES for alias in group}


def canonical_person(name: str) -> str:
    """Return a person's display name: spaces collapsed, all-caps recased."""
    name = " ".join(name.split())
    return name.title() if name.isupper() else name


def canonicalise(
    text: str, cased: str, spans: list[Candidate], gazetteer: Gazetteer, context: frozenset[str]
) -> tuple[EntityMention, ...]:
    """Return frozen mentions with canonical names, entity ids and resolved places."""
    out = []
    for c in spans:
        surface = cased[c.start : c.end]
        place: Place | None = None
        if c.label == "LOC":
            entry = resolve_place(gazetteer, surface, context)
            place = entry.place if entry else None
            name = place.name if place else " ".join(surface.split())
            key = f"geonames:{place.geonames_id}" if place and place.geonames_id else normalize_name(name)
        elif c.label == "ORG":
            name = _ORG_CANON.get(normalize_name(surface), " ".join(surface.split()))
            key = normalize_name(name)
        elif c.label == "PERSON":
            name = canonical_person(c.canonical or surface)
            key = normalize_name(name)
        else:
            name = " ".join(surface.split())
            key = normalize_name(name)
        mention_id = entity_id(c.label, key)
        out.append(EntityMention(c.start, c.end, text[c.start : c.end], c.label, c.method, name, mention_id, place))
    return tuple(out)


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


__all__ = [
    "Candidate",
    "NerModels",
    "entity_id",
    "extract_entities",
    "truecase",
]
