"""Regular expressions and word sets shared by the figure modules (compiled once)."""

from __future__ import annotations

import re

from flows.text.figure_lexicon import CONTEXT_WORDS, CURRENCY_SYMBOLS, CURRENCY_WORDS, PERCENT_WORDS


def alternation(words: list[str] | tuple[str, ...]) -> str:
    """Return a regex alternation of literal words, longest first."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


SP = r"[\s\u00a0\u202f]"
_PERCENT_WORDS_SPELT = alternation([w for w in PERCENT_WORDS if w[0].isalpha()])
PERCENT_RE = re.compile(
    rf"(?:{SP}|-(?=prozent|percent|por ciento|pour cent))?(?:{alternation(PERCENT_WORDS)})"
    rf"(?:{SP}+(?:{_PERCENT_WORDS_SPELT}))?(?!\w)"
)
CURRENCY_PREFIX_RE = re.compile(rf"(?<![^\W\d_])(?:{alternation(list(CURRENCY_SYMBOLS))}){SP}?$")
CURRENCY_WORD_RE = re.compile(
    rf"(?:{SP}*|-(?=dollar|euro|us-dollar|franc|peso|yuan))(?:de{SP}+|of{SP}+|di{SP}+|d'|d’)?({alternation(list(CURRENCY_WORDS))})(?!\w)"
)
AGE_SUFFIX_RE = re.compile(
    rf"(?:{SP}|-)?(year|month|week|day)s?(?:{SP}|-)old(?!\w)|-(jährige\w*|jährig\w*)"
    rf"|{SP}(?:jahre|jahren){SP}alt(?!\w)|{SP}(?:years?|ans|años|عاما){SP}(?:old|de edad|of age)(?!\w)"
    rf"|(jährige\w*|jährig\w*)"
)
AGE_PREFIX_RE = re.compile(rf"(?<!\w)(?:{CONTEXT_WORDS['age_prefix']})\s*(?:just|only|seulement|solo|sólo)?\s*$")
PERSON_DE_RE = re.compile(r"([^\W\d_]+)\s+(?:de|d'|d’|von|of)\s*$")
LIST_GAP_RE = re.compile(r"\s*(?:,|et|y|and|und|e|o|or|ou|oder|و|أو)\s*|\s+و")
WORD_RE = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_WORD = r"[^\W\d_]+(?:['’-][^\W\d_]+)*"
PHRASE_RE = re.compile(rf"[ \u00a0]?({_WORD}(?:[ \u00a0]{_WORD}){{0,3}})")
UNDER_AGE_RE = re.compile(r"(?:under|over|moins de|más de|menos de|unter|über)-\d+$")
