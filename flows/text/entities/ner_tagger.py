"""The trained NER taggers (newsetl_ner_<lang>) behind spaCy's `pipe` interface: pure, the CRF passed in.

A document is tokenised, cut into sentences, each sentence tagged (IOB2 over PER/ORG/LOC) by a
linear-chain CRF (CRFsuite, trained by `scripts/build_ner_models.py`), and the tagged token runs
become character spans of the text.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol

from flows.text.entities.ner_features import NerLexicon, sentence_features, sentence_ranges, tag_spans, tokenize


class SequenceTagger(Protocol):
    """What a loaded CRF offers: one tag per item of a sequence of feature lists."""

    def tag(self, xseq: Sequence[Sequence[str]]) -> list[str]: ...


@dataclass(frozen=True)
class NerSpan:
    """An entity span with spaCy's attribute names."""

    start_char: int
    end_char: int
    label_: str


@dataclass(frozen=True)
class NerDoc:
    """The entity spans of one text."""

    ents: tuple[NerSpan, ...]


def tag_text(text: str, tagger: SequenceTagger, lexicon: NerLexicon, language: str) -> NerDoc:
    """Return the entity spans the tagger finds in `text`, sentence by sentence."""
    tokens = tokenize(text)
    ents: list[NerSpan] = []
    for first, last in sentence_ranges(text, tokens):
        offsets = tokens[first:last]
        words = [text[start:end] for start, end in offsets]
        tags = tagger.tag(sentence_features(words, lexicon, language))
        ents.extend(NerSpan(offsets[i][0], offsets[j - 1][1], label) for i, j, label in tag_spans(tags))
    return NerDoc(tuple(ents))


@dataclass(frozen=True)
class CrfPipeline:
    """A language's trained tagger and lexicon with spaCy's `pipe(texts, batch_size=...)`."""

    tagger: SequenceTagger
    lexicon: NerLexicon
    language: str

    def pipe(self, texts: Iterable[str], batch_size: int = 64) -> Iterator[NerDoc]:
        """Yield one doc of entity spans per text, in order (`batch_size` is accepted and unused)."""
        for text in texts:
            yield tag_text(text, self.tagger, self.lexicon, self.language)
