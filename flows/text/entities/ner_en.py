"""The stacked English/French tagger (newsetl_ner_en, newsetl_ner_fr) behind spaCy's `pipe` interface: pure.

spaCy's small pipeline reads each text first; a linear-chain CRF (CRFsuite, trained by
`scripts/build_ner_en.py` on gold and silver sentences) then re-tags its tokens, sentence by
sentence, from spaCy's own tags and the document's evidence (`ner_en_features`): it keeps what
spaCy gets right and mends what a single sentence cannot tell (a surname alone, a name in a
table row or a list, a word capitalised only at a sentence start). Labels are PER, ORG, LOC, MISC.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from flows.text.entities.ner_en_features import (
    ModelToken,
    document_evidence,
    line_shapes,
    stacked_features,
)
from flows.text.entities.ner_features import NerLexicon, sentence_ranges, tag_spans
from flows.text.entities.ner_tagger import NerDoc, NerSpan, SequenceTagger


def model_tokens(doc: Any) -> list[ModelToken]:
    """Return the non-space tokens of a spaCy doc with its IOB tags ("B-GPE", "I-PERSON", "O")."""
    return [
        ModelToken(t.text, t.idx, t.idx + len(t.text), f"{t.ent_iob_}-{t.ent_type_}" if t.ent_type_ else "O")
        for t in doc
        if not t.is_space
    ]


def document_features(
    text: str, tokens: Sequence[ModelToken], lexicon: NerLexicon, language: str
) -> list[tuple[list[ModelToken], list[list[str]]]]:
    """Return each sentence's tokens and their CRF features."""
    ranges = list(sentence_ranges(text, [(t.start, t.end) for t in tokens]))
    sentences = [list(tokens[first:last]) for first, last in ranges]
    evidence = document_evidence(sentences)
    shapes = line_shapes(text, tokens)
    single = len(sentences) == 1
    return [
        (sentence, stacked_features(text, sentence, shapes[first:last], evidence, lexicon, language, single))
        for sentence, (first, last) in zip(sentences, ranges, strict=True)
    ]


def tag_document(
    text: str, tokens: Sequence[ModelToken], tagger: SequenceTagger, lexicon: NerLexicon, language: str
) -> NerDoc:
    """Return the entity spans the stacked tagger finds among the base model's tokens."""
    ents: list[NerSpan] = []
    for sentence, features in document_features(text, tokens, lexicon, language):
        for i, j, label in tag_spans(tagger.tag(features)):
            ents.append(NerSpan(sentence[i].start, sentence[j - 1].end, label))
    return NerDoc(tuple(ents))


@dataclass(frozen=True)
class StackedPipeline:
    """A spaCy pipeline and the CRF stacked on it, with spaCy's `pipe(texts, batch_size=...)`."""

    nlp: Any
    tagger: SequenceTagger
    lexicon: NerLexicon
    language: str

    def pipe(self, texts: Iterable[str], batch_size: int = 64) -> Iterator[NerDoc]:
        """Yield one doc of entity spans per text, in order."""
        for doc in self.nlp.pipe(texts, batch_size=batch_size):
            yield tag_document(doc.text, model_tokens(doc), self.tagger, self.lexicon, self.language)
