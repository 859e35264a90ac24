"""Tokens and CRF features of the trained NER taggers (de, es, it, pl, ar): pure, the lexicon passed in.

The features are what transfers between languages: word shape and capitalisation, position in
the sentence, affixes, and membership of the token (and its neighbours) in a word lexicon built
from maintained package data (places from GeoNames/CLDR, given names, organisation and person
cue words, the language's common words from wordfreq; `ner_lexicon.tsv`). The lower-cased word
and its neighbours are features too, so each language's tagger also learns its own context words.
Arabic tokens are looked up with and without a leading clitic (wa-, bi-, li-, fa-, al-, ...).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from flows.text.places import normalize_name

_W = r"[\w\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]"  # word characters and Arabic marks
TOKEN = re.compile(rf"{_W}+(?:[’'\-.]{_W}+)*|[^\w\s]")
SENTENCE_ENDS = frozenset({".", "!", "?", "…", "؟"})
MAX_SENTENCE_TOKENS = 80
# Leading Arabic clitics (conjunction, prepositions, article), longest first.
ARABIC_PREFIXES = ("وبال", "وال", "بال", "لل", "فال", "كال", "ال", "و", "ب", "ل", "ف")
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_SHAPE_RUNS = re.compile(r"(.)\1+")
# An elided article or preposition before a word ("d’Europe", "l'Italia", "dell’Ucraina") is a token of its own.
ELISION = re.compile(r"[^\W\d_]{1,5}['’](?=\w)")


@dataclass(frozen=True)
class NerLexicon:
    """Normalised word -> its lexicon classes (`loc`, `locpart`, `first`, `org`, `title`, `common:<lang>`)."""

    classes: Mapping[str, frozenset[str]]


def parse_lexicon(text: str) -> NerLexicon:
    """Return the lexicon of a `ner_lexicon.tsv` text (`word<TAB>class,class` rows after "#" comments)."""
    rows = (line.split("\t") for line in text.splitlines() if line and not line.startswith("#"))
    return NerLexicon({word: frozenset(kinds.split(",")) for word, kinds in rows})


def tokenize(text: str) -> list[tuple[int, int]]:
    """Return the (start, end) character offsets of the words and punctuation marks of `text`.

    A lower-case elided article or preposition is split from the word it leans on.
    """
    spans = []
    for match in TOKEN.finditer(text):
        start, end = match.span()
        elided = ELISION.match(text, start, end) if text[start].islower() else None
        if elided:
            spans.append((start, elided.end()))
            start = elided.end()
        spans.append((start, end))
    return spans


def sentence_ranges(text: str, tokens: Sequence[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """Yield [first, last) token index ranges of sentences: after an end mark, at a line break, or when long."""
    first = 0
    for i in range(1, len(tokens) + 1):
        if i == len(tokens):
            break
        end_mark = text[tokens[i - 1][0] : tokens[i - 1][1]] in SENTENCE_ENDS
        line_break = "\n" in text[tokens[i - 1][1] : tokens[i][0]]
        if end_mark or line_break or i - first >= MAX_SENTENCE_TOKENS:
            yield first, i
            first = i
    if first < len(tokens):
        yield first, len(tokens)


def word_shape(word: str) -> str:
    """Return the word's shape: X upper, x lower, d digit, other characters kept, runs collapsed ("Xx", "X.X.")."""
    chars = "".join("X" if c.isupper() else "x" if c.isalpha() else "d" if c.isdigit() else c for c in word)
    return _SHAPE_RUNS.sub(r"\1", chars)[:6]


def lexicon_classes(word: str, lexicon: NerLexicon) -> frozenset[str]:
    """Return the lexicon classes of a word; an Arabic word also those of its stem without a leading clitic."""
    key = normalize_name(word)
    found = lexicon.classes.get(key, frozenset())
    if _ARABIC.match(word):
        for prefix in ARABIC_PREFIXES:
            if key.startswith(prefix) and len(key) - len(prefix) >= 2:
                stem = lexicon.classes.get(key[len(prefix) :])
                if stem:
                    found = found | {f"{c}~" for c in stem}
                break
    return found


def sentence_features(words: Sequence[str], lexicon: NerLexicon, language: str) -> list[list[str]]:
    """Return the CRF feature strings of each word of one sentence."""
    common = f"common:{language}"
    lowers = [w.lower() for w in words]
    shapes = [word_shape(w) for w in words]
    classes = [
        sorted(
            "common" if c == common else c
            for c in lexicon_classes(w, lexicon)
            if not c.startswith("common:") or c == common
        )
        for w in words
    ]
    out = []
    for i, word in enumerate(words):
        low = lowers[i]
        feats = [
            "b",
            f"w={low}",
            f"s3={low[-3:]}",
            f"s2={low[-2:]}",
            f"p3={low[:3]}",
            f"sh={shapes[i]}",
            f"len={min(len(word), 8)}",
        ]
        feats.extend(f"L={c}" for c in classes[i])
        if i == 0:
            feats.append("first")
        for offset in (-2, -1, 1, 2):
            j = i + offset
            if 0 <= j < len(words):
                feats.append(f"w{offset}={lowers[j]}")
                if abs(offset) == 1:
                    feats.append(f"sh{offset}={shapes[j]}")
                    feats.append(
                        f"sh{offset}|sh={shapes[j]}|{shapes[i]}"
                        if offset < 0
                        else f"sh|sh{offset}={shapes[i]}|{shapes[j]}"
                    )
                    feats.extend(f"L{offset}={c}" for c in classes[j])
            else:
                feats.append(f"w{offset}=<s>" if offset < 0 else f"w{offset}=</s>")
        out.append(feats)
    return out


def tag_spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """Return (first, last + 1, label) token ranges of the IOB2 tags (an I- without its B- starts a span)."""
    spans: list[tuple[int, int, str]] = []
    start, label = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        if tag.startswith("I-") and start >= 0 and tag[2:] == label:
            continue
        if start >= 0:
            spans.append((start, i, label))
        start, label = (i, tag[2:]) if tag != "O" else (-1, "")
    return spans
