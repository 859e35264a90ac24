"""What the NER model reads: all-caps lines truecased by document evidence, unreadable runs blanked."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from itertools import islice

from flows.text.entities.base import _WORD
from flows.text.entity_lexicon import (
    COUNTRY_ALIASES,
    EXTRA_ACRONYMS,
    ORG_ALIASES,
    STOP_WORDS,
)

KNOWN_ACRONYMS = (
    frozenset(
        alias.casefold()
        for aliases in (*COUNTRY_ALIASES.values(), *ORG_ALIASES)
        for alias in aliases
        if alias.isupper() and alias.isalpha()
    )
    | EXTRA_ACRONYMS
)


# Runs of this many non-space characters, or of MODEL_PUNCT_CHARS punctuation marks, are no names;
# spaCy's tokenizer peels punctuation off a token one mark at a time, re-scanning the rest each time
# (8,000 commas took 6 s), so the model never sees them.
MODEL_TOKEN_CHARS = 100


MODEL_PUNCT_CHARS = 6


MODEL_MAX_TOKENS = 30_000  # the model reads a text up to this many tokens (~3 s of spaCy small); the rules read it all


_MODEL_TOKEN = re.compile(r"\w+|[^\w\s]")


_MODEL_BLANKED = re.compile(rf"(?<!\S)\S{{{MODEL_TOKEN_CHARS},}}|[^\w\s]{{{MODEL_PUNCT_CHARS},}}")


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
