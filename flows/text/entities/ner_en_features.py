"""Features of the stacked English/French tagger: the base model's own tags plus document evidence (pure).

The stacked tagger (`ner_en`, `newsetl_ner_en` / `newsetl_ner_fr`) re-tags the tokens the spaCy
pipeline has already read. Each token's features are:

- the word: lower-cased form, shape, affixes, length, its neighbours' forms and shapes, and its
  (and its neighbours') classes in the stacked taggers' lexicon (`entities_ner_lexicon.tsv`:
  places, given names, organisation and title cue words, the language's common words);

- the spaCy model's IOB tag and entity type of the token and of its neighbours;
- document casing: is the word written capitalised elsewhere in the document away from a
  sentence start, and is it written in lower case elsewhere (a name keeps its capital; a common
  word at a sentence start does not);
- document votes: the entity type the spaCy model gave most often to the same word in the whole
  document (a surname alone, a name in a table or a list takes the type of its fuller mentions);
- line shape: a line of few words or one dense with numbers (tables, results, lists), the first
  token of a line;
- a text of one sentence (a caption, a title, an encyclopaedia line) against an article: its
  features are kept apart (prefixed `1:`), as such texts name things differently (no context, no
  later mentions, no datelines); the tagger learns the two kinds side by side.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from flows.text.entities.ner_features import NerLexicon, word_shape

SHORT_LINE_TOKENS = 8  # a line of at most this many tokens is a list item, a table row or a headline
NUMERIC_LINE_SHARE = 0.2  # a line whose tokens are at least this share numbers is a table row or a score line
OPENING_MARKS = frozenset({'"', "“", "«", "'", "(", ":", "-", "—", "•"})  # a capital after these opens a phrase


OFFSETS = (-2, -1, 1, 2)


@dataclass(frozen=True)
class ModelToken:
    """A token of the base model: its text, character offsets and the model's IOB tag ("B-PERSON", "O")."""

    text: str
    start: int
    end: int
    tag: str


@dataclass(frozen=True)
class DocEvidence:
    """What the whole document says of each lower-cased word."""

    capitalised: Mapping[str, int]  # written capitalised away from a sentence or line start
    lower: Mapping[str, int]  # written in lower case
    votes: Mapping[str, Mapping[str, int]]  # entity type -> count the base model gave the word


@dataclass(frozen=True)
class LineShape:
    """Shape of the line a token stands on."""

    short: bool
    numeric: bool


def is_capitalised(word: str) -> bool:
    """Return whether a word starts with an upper-case letter."""
    return word[:1].isupper()


def is_mid_capital(sentence: Sequence[ModelToken], position: int) -> bool:
    """Return whether a token is capitalised away from its sentence's start (and not after a quote or colon)."""
    word = sentence[position].text
    return (
        position > 0
        and is_capitalised(word)
        and not word.islower()
        and sentence[position - 1].text not in OPENING_MARKS
    )


def document_evidence(sentences: Sequence[Sequence[ModelToken]]) -> DocEvidence:
    """Return the casing and base-model votes of each lower-cased word over the document's sentences."""
    capitalised: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    votes: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for sentence in sentences:
        for i, token in enumerate(sentence):
            key = token.text.lower()
            if token.text.islower():
                lower[key] += 1
            elif is_mid_capital(sentence, i):
                capitalised[key] += 1
            if token.tag != "O" and any(ch.isalpha() for ch in token.text):
                votes[key][token.tag[2:]] += 1
    return DocEvidence(dict(capitalised), dict(lower), {k: dict(v) for k, v in votes.items()})


def line_shapes(text: str, tokens: Sequence[ModelToken]) -> list[LineShape]:
    """Return the shape of each token's line (tokens in text order)."""
    out: list[LineShape] = []
    line: list[ModelToken] = []
    line_end = -1
    for token in [*tokens, None]:
        if token is None or token.start > line_end:
            if line:
                numbers = sum(1 for t in line if any(ch.isdigit() for ch in t.text))
                shape = LineShape(len(line) <= SHORT_LINE_TOKENS, numbers >= NUMERIC_LINE_SHARE * len(line))
                out.extend(shape for _ in line)
            if token is None:
                break
            line = []
            end = text.find("\n", token.start)
            line_end = len(text) if end < 0 else end
        line.append(token)
    return out


@dataclass(frozen=True)
class _Word:
    """The features a word gives itself and its neighbours (cached per word)."""

    shape: str
    own: tuple[str, ...]
    classes: tuple[str, ...]


@lru_cache(maxsize=50_000)
def _word(word: str, lexicon: NerLexicon, language: str) -> _Word:
    low, shape = word.lower(), word_shape(word)
    common = f"common:{language}"
    classes = tuple(
        sorted("common" if c == common else c for c in lexicon.classes.get(low, ()) if c == common or ":" not in c)
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
    return _Word(shape, (*own, *(f"L={c}" for c in classes)), classes)


def word_features(words: Sequence[str], lexicon: NerLexicon, language: str) -> list[list[str]]:
    """Return each word's own and neighbour features within one sentence."""
    infos = [_word(w, lexicon, language) for w in words]
    out = []
    for i, info in enumerate(infos):
        feats = list(info.own)
        if i == 0:
            feats.append("first")
        for offset in OFFSETS:
            j = i + offset
            if not 0 <= j < len(words):
                feats.append(f"w{offset}={'<s>' if offset < 0 else '</s>'}")
                continue
            feats.append(f"w{offset}={words[j].lower()}")
            if abs(offset) == 1:
                feats.append(f"sh{offset}={infos[j].shape}")
                feats.extend(f"L{offset}={c}" for c in infos[j].classes)
        if i > 0:
            feats.append(f"sh-1|sh={infos[i - 1].shape}|{info.shape}")
        out.append(feats)
    return out


def stacked_features(
    text: str,
    sentence: Sequence[ModelToken],
    shapes: Sequence[LineShape],
    evidence: DocEvidence,
    lexicon: NerLexicon,
    language: str,
    single: bool = False,
) -> list[list[str]]:
    """Return the CRF feature strings of each token of one sentence (base tagger's plus stacked ones).

    `single`: the sentence is the whole text.
    """
    words = [t.text for t in sentence]
    out = word_features(words, lexicon, language)
    for i, (token, feats) in enumerate(zip(sentence, out, strict=True)):
        feats.append(f"m={token.tag}")
        for offset in (-1, 1):
            j = i + offset
            feats.append(f"m{offset}={sentence[j].tag if 0 <= j < len(sentence) else '<s>'}")
        feats.extend(_document_features(sentence, i, evidence))
        shape = shapes[i]
        if shape.short:
            feats.append("line=short")
        if shape.numeric:
            feats.append("line=numeric")
        if token.start == 0 or text[token.start - 1] == "\n" or (text[: token.start].rstrip(" \t").endswith("\n")):
            feats.append("line=first")
    return [[f"1:{f}" for f in feats] for feats in out] if single else out


def _document_features(sentence: Sequence[ModelToken], position: int, evidence: DocEvidence) -> list[str]:
    """Return the document-evidence features of one token."""
    token = sentence[position]
    key = token.text.lower()
    if not any(ch.isalpha() for ch in key):
        return []
    capitalised = evidence.capitalised.get(key, 0) - int(is_mid_capital(sentence, position))
    lower = evidence.lower.get(key, 0) - int(token.text.islower())
    feats = [f"dc={'C' if capitalised > 0 else '-'}{'l' if lower > 0 else '-'}"]
    votes = evidence.votes.get(key)
    if votes:
        ranked = sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))
        feats.append(f"dv={ranked[0][0]}")
        feats.append(f"dv={ranked[0][0]}|m={token.tag[2:] or 'O'}")
        if len(ranked) > 1:
            feats.append("dv=mixed")
    return feats
