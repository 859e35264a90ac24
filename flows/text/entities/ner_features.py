"""Tokens and CRF features of the trained NER taggers (de, es, it, pl, ar): pure, the lexicon passed in.

The features are what transfers between languages: word shape and capitalisation, position in
the sentence, affixes, and membership of the token (and its neighbours) in a word lexicon built
from maintained package data (places from GeoNames/CLDR, given names, organisation and person
cue words, the language's common words from wordfreq; `ner_lexicon.tsv`). The lower-cased word
and its neighbours are features too, so each language's tagger also learns its own context words.
Arabic tokens are looked up with and without a leading clitic (wa-, bi-, li-, fa-, al-, ...); after
a clitic before the article, with the article too ("بالرياض" -> "الرياض", "للرياض" -> "الرياض").
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

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


@dataclass(frozen=True, eq=False)
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
            rest = key[len(prefix) :]
            if key.startswith(prefix) and len(rest) >= 2:
                with_article = f"ال{rest}" if prefix.endswith("ال") or prefix == "لل" else ""
                stem = lexicon.classes.get(with_article, frozenset()) | lexicon.classes.get(rest, frozenset())
                if stem:
                    found = found | {f"{c}~" for c in stem}
                break
    return found


@dataclass(frozen=True)
class _WordFeatures:
    """The features a word gives itself and its neighbours (cached per word)."""

    shape: str
    own: tuple[str, ...]
    near: tuple[tuple[str, ...], ...]  # offsets -2, -1, +1, +2: word (and shape) features
    classes: tuple[tuple[str, ...], tuple[str, ...]]  # lexicon classes seen from offsets -1, +1


OFFSETS = (-2, -1, 1, 2)


@lru_cache(maxsize=20_000)
def _word_features(word: str, lexicon: NerLexicon, language: str) -> _WordFeatures:
    common = f"common:{language}"
    low, shape = word.lower(), word_shape(word)
    classes = sorted(
        "common" if c == common else c
        for c in lexicon_classes(word, lexicon)
        if not c.startswith("common:") or c == common
    )
    own = (
        "b",
        f"w={low}",
        f"s3={low[-3:]}",
        f"s2={low[-2:]}",
        f"p3={low[:3]}",
        f"sh={shape}",
        f"len={min(len(word), 8)}",
    )
    near = tuple(
        (f"w{offset}={low}", f"sh{offset}={shape}") if abs(offset) == 1 else (f"w{offset}={low}",) for offset in OFFSETS
    )
    return _WordFeatures(
        shape,
        (*own, *(f"L={c}" for c in classes)),
        near,
        (tuple(f"L-1={c}" for c in classes), tuple(f"L1={c}" for c in classes)),
    )


def sentence_features(words: Sequence[str], lexicon: NerLexicon, language: str) -> list[list[str]]:
    """Return the CRF feature strings of each word of one sentence."""
    infos = [_word_features(w, lexicon, language) for w in words]
    out = []
    for i, info in enumerate(infos):
        feats = list(info.own)
        if i == 0:
            feats.append("first")
        for k, offset in enumerate(OFFSETS):
            j = i + offset
            if not 0 <= j < len(words):
                feats.append(f"w{offset}=<s>" if offset < 0 else f"w{offset}=</s>")
                continue
            feats.extend(infos[j].near[k])
            if offset == -1:
                feats.append(f"sh-1|sh={infos[j].shape}|{info.shape}")
                feats.extend(infos[j].classes[0])
            elif offset == 1:
                feats.append(f"sh|sh1={info.shape}|{infos[j].shape}")
                feats.extend(infos[j].classes[1])
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
