"""The predicate that governs a count: its lemma decides the event, its place decides whose it is.

A count's event is read from the words of its own clause only: the verb right before it ("killed 9",
"mató a 9") unless the count is that verb's agent ("attacked by two men"), and the words after it up
to the next count, unless the two counts are coordinated nouns sharing one predicate ("two children
and three women were killed"). Words are matched by the cue patterns of `figures_category_cues.tsv`
and by their simplemma lemma against `figures_predicate_lemmas.tsv` ("hirió" -> herir -> wounded).
"""

from __future__ import annotations

import re
from functools import lru_cache

import simplemma

from flows.text.figure_lexicon import CONTEXT_WORDS, read_rows

# language -> lemma -> category
PREDICATE_LEMMAS: dict[str, dict[str, str]] = {}
for _category, _language, _lemma in read_rows("figures_predicate_lemmas.tsv"):
    PREDICATE_LEMMAS.setdefault(_language, {})[_lemma] = _category
LEMMA_WORD_RE = re.compile(r"[^\W\d_]{3,}")
AGENT_BEFORE_RE = re.compile(
    rf"(?<!\w)(?:{CONTEXT_WORDS['agent']})\s+"
    r"(?:(?:at least|more than|some|about|over|al menos|más de|au moins|plus de)\s+)?$"
)
# Words that join two counts or open a breakdown of the first ("and", "including").
_INCLUSION_WORDS = " ".join(CONTEXT_WORDS["inclusion"].split("|")).split()
JOIN_WORDS = frozenset({"and", "et", "y", "e", "und", "i", "и", "or", "ou", "oder", "o", "و", *_INCLUSION_WORDS})
AUXILIARY_VERBS = frozenset(CONTEXT_WORDS["auxiliary"].split("|"))
# Participle endings of en, fr, es, it, pt: a word so ending after a count is its own predicate.
PARTICIPLE_ENDINGS = (
    *("ed", "é", "és", "ée", "ées"),
    *("ado", "ados", "ada", "adas", "ido", "idos", "ida", "idas", "ati", "iti"),
)
WORD_RE = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=65536)
def lemma_category(word: str, language: str) -> str | None:
    """Return the event category of a word by its lemma in `language`, or None."""
    table = PREDICATE_LEMMAS.get(language)
    if not table:
        return None
    if word in table:
        return table[word]
    try:
        lemma = simplemma.lemmatize(word, lang=language)
    except ValueError:
        return None
    return table.get(lemma.lower())


def lemma_cues(low: str, start: int, end: int, language: str) -> list[tuple[int, str]]:
    """Return (position, category) of the words in low[start:end] whose lemma is an event predicate."""
    if language not in PREDICATE_LEMMAS:
        return []
    return [
        (match.start(), category)
        for match in LEMMA_WORD_RE.finditer(low, start, end)
        if (category := lemma_category(match.group(), language)) is not None
    ]


def is_agent(low: str, start: int) -> bool:
    """Return whether the count starting at `start` is the agent of a passive ("wounded by 3 men")."""
    return AGENT_BEFORE_RE.search(low, max(0, start - 30), start) is not None


def own_clause(low: str, end: int, following_start: int) -> bool:
    """Return whether a count and the next one are clauses of their own joined by a conjunction, each
    with its predicate ("12 were infected and four died"), not coordinated phrases sharing the
    predicate after both ("two children and three women were killed")."""
    gap = low[end:following_start]
    if re.search(r"[.!?:;()\n]", gap):
        return False
    words = WORD_RE.findall(gap)
    if not words or words[-1] not in JOIN_WORDS and "," not in gap[-3:]:
        return False  # no conjunction before the next count
    while words and words[-1] in JOIN_WORDS:
        words.pop()
    return any(w in AUXILIARY_VERBS or (w.endswith(PARTICIPLE_ENDINGS) and len(w) > 4) for w in words)
