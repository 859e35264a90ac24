"""Dependency parsers for the figures stage: spaCy's installed pipelines without their `ner` pipe.

The figures stage parses only the sentences that hold a figure (`flows.text.figures.structure`); the
pipelines are those of `flows.io.models.SPACY_PACKAGES` (tagger or morphologizer, parser,
lemmatizer), each loaded on first use and kept for the life of the process.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache, partial
from typing import Any

from flows.io.models import SPACY_PACKAGES, LazyPipelines


def load_parsers() -> LazyPipelines:
    """Return language -> sentence parser for the languages with an installed spaCy pipeline, none loaded yet."""
    return _load_parsers()


@lru_cache(maxsize=1)
def _load_parsers() -> LazyPipelines:
    """The cached (per process) lazy parser set."""
    return LazyPipelines({}, {language: partial(load_sentence_parser, language) for language in SPACY_PACKAGES})


def load_sentence_parser(language: str) -> Callable[[Sequence[str]], list[Any]]:
    """Return a function parsing sentences with a language's spaCy pipeline without its `ner` pipe."""
    import spacy

    nlp = spacy.load(SPACY_PACKAGES[language], exclude=["ner"])
    return partial(_parse_sentences, nlp)


def _parse_sentences(nlp: Any, sentences: Sequence[str]) -> list[Any]:
    """The parsed spaCy documents of sentences, in order."""
    return list(nlp.pipe(sentences))
