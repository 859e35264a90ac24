"""The counted noun and the governing predicate of each figure, read from a dependency parse.

Where a parser is given (spaCy's small English and French pipelines, passed in by the caller), only
the sentences that hold a figure are parsed. For each figure the parse gives the token of its number,
the noun it counts (the head the number modifies as `nummod`, or the `of`/`de` complement of a
counting noun: "thousands of refugees"), and the words that govern that noun: its own modifiers
("people killed", "personnes tuées"), then the predicate it is the subject, object or complement of
("two children and three women were killed": coordinated nouns share the predicate of the first).
The event is decided from the lemmas of those words only (the predicate lemmas of
`figures_predicate_lemmas.tsv`, the cue words of `figures_category_cues.tsv` matched on one word), so
a cue of the neighbouring clause ("12 were infected and four died") is never read for this count.
A count that measures the subject of a linking verb ("the death toll rose to 50") takes the event
of that subject's phrase. A percentage whose base is not written after it takes the subject of its
linking verb as its object ("women make up 51%").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from flows.text.figure_lexicon import CATEGORY_CUES, FUNCTION_WORDS, NOUN_PHRASE_STOPS, read_rows
from flows.text.figures.draft import Doc, Draft
from flows.text.figures.nouns import is_unit_word
from flows.text.figures.predicates import lemma_category

# Sentences (plain text) -> one parsed document per sentence (spaCy `Doc`s: tokens with `idx`, `dep_`,
# `head`, `pos_`, `lemma_`, `children`).
Parser = Callable[[Sequence[str]], Sequence[Any]]

PARSED_LANGUAGES = frozenset({"en", "fr"})
# (language, predicate lemma) -> event category, from figures_predicate_lemmas.tsv.
PREDICATE_LEMMAS: dict[tuple[str, str], str] = {
    (language, lemma): category for category, language, lemma in read_rows("figures_predicate_lemmas.tsv")
}
TOKEN_CUE_RE = re.compile("|".join(f"(?P<{name}>{pattern})" for name, pattern in CATEGORY_CUES))
SENTENCE_BREAK_RE = re.compile(r"[.!?؟](?=\s)|\n")
MAX_SENTENCE = 400  # characters of a sentence parsed on each side of a figure
NOUNS = frozenset({"NOUN", "PROPN"})
NUMBER_LINKS = frozenset({"nummod", "quantmod", "compound", "amod", "det", "nmod"})
MODIFIER_LINKS = frozenset({"amod", "acl", "relcl", "acl:relcl", "appos"})
COMPLEMENT_LINKS = frozenset({"xcomp", "acomp", "attr", "oprd", "ccomp"})
OBJECT_LINKS = frozenset({"dobj", "obj", "attr", "pobj", "obl", "obl:arg", "obl:mod", "nmod", "iobj"})
SUBJECT_LINKS = frozenset({"nsubj", "nsubjpass", "nsubj:pass", "csubj"})
OF_WORDS = frozenset({"of", "de", "d'", "des", "du"})
AGENT_WORDS = frozenset({"by", "par"})
# Verbs that state what share of a whole their subject is ("women make up 51%", "account for 40%").
SHARE_VERBS = frozenset({"make", "account", "represent", "be", "constitute", "comprise", "form", "représenter", "être"})


@dataclass(frozen=True)
class Structure:
    """What the parse says of one figure: the counted noun's lemma (None when the number stands
    alone), the event category of the words that govern it (None when none is an event), whether
    the count is the agent of a passive, and the noun a percentage is a share of."""

    noun: str | None
    event: str | None
    agent: bool = False
    share_of: str | None = None


def read_structures(drafts: Sequence[Draft], doc: Doc, parser: Parser | None) -> list[Structure | None]:
    """The structure of each draft (None where the language has no parser or the parse has no token)."""
    if parser is None or doc.language not in PARSED_LANGUAGES or not drafts:
        return [None] * len(drafts)
    bounds = [_sentence_bounds(doc.text, d.start, d.end) if _needs_parse(d) else None for d in drafts]
    unique = sorted({bound for bound in bounds if bound is not None})
    parsed = dict(zip(unique, parser([doc.text[a:b] for a, b in unique]), strict=True))
    return [
        None if bound is None else _structure(parsed[bound], draft.start - bound[0], draft.end - bound[0], doc.language)
        for draft, bound in zip(drafts, bounds, strict=True)
    ]


def _needs_parse(draft: Draft) -> bool:
    """Whether the parse can tell anything of a draft: a count (its event and noun) or a percentage
    with no base read after it. Money, measures, durations and ages are decided by their unit."""
    return (draft.unit_kind is None and not draft.age) or (draft.unit_kind == "percent" and draft.object is None)


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around text[start:end]: after the last break before it, to the first break after it."""
    left = max(0, start - MAX_SENTENCE)
    breaks = [m.end() for m in SENTENCE_BREAK_RE.finditer(text, left, start)]
    first = breaks[-1] if breaks else left
    after = SENTENCE_BREAK_RE.search(text, end, end + MAX_SENTENCE)
    last = after.end() if after else min(len(text), end + MAX_SENTENCE)
    return first, last


def _structure(parsed: Any, start: int, end: int, language: str) -> Structure | None:
    """The structure of the figure at parsed-text offsets [start, end)."""
    tokens = [t for t in parsed if t.idx < end and t.idx + len(t.text) > start]
    if not tokens:
        return None
    inside = {t.i for t in tokens}
    anchor = next((t for t in reversed(tokens) if t.head.i not in inside or t.head.i == t.i), tokens[-1])
    noun = _counted_noun(anchor)
    if noun is not None and (noun.lower_ in FUNCTION_WORDS or noun.lower_ in NOUN_PHRASE_STOPS):
        noun = None  # "422 others": no noun
    phrase = noun if noun is not None else anchor
    agent = _is_agent(phrase)
    event = None if agent else _event(phrase, anchor, language)
    return Structure(
        noun=noun.lemma_.lower() if noun is not None else None,
        event=event,
        agent=agent,
        share_of=_share_of(anchor, noun),
    )


def _counted_noun(anchor: Any) -> Any | None:
    """The noun the number counts: the head it modifies (through the numbers between them: "120,000
    under-5 children"), or the complement of a counting noun."""
    for _ in range(2):
        if anchor.dep_ in NUMBER_LINKS and anchor.head.pos_ == "NUM" and anchor.head.i > anchor.i:
            anchor = anchor.head
    if anchor.dep_ in NUMBER_LINKS and anchor.head.pos_ in NOUNS and anchor.head.i > anchor.i:
        return anchor.head
    if anchor.pos_ == "NOUN":  # "thousands of refugees", "dozens of people"
        for child in anchor.children:
            if child.dep_ == "prep" and child.lower_ in OF_WORDS:
                complement = next(
                    (c for c in child.children if c.dep_ == "pobj" and c.pos_ in NOUNS and c.text.isalpha()), None
                )
                if complement is not None:
                    return complement
            if child.dep_ == "nmod" and child.pos_ in NOUNS and child.i > anchor.i and child.text.isalpha():
                return child
    return None


def _is_agent(phrase: Any) -> bool:
    """Whether the count is the agent of a passive ("wounded by two men", "blessé par deux hommes")."""
    if phrase.dep_ == "pobj" and phrase.head.lower_ in AGENT_WORDS and phrase.head.dep_ == "agent":
        return True
    return phrase.dep_ == "obl:agent"


def token_event(token: Any, language: str) -> str | None:
    """The event category of one word: by its lemma, by its form's lemma, or by a cue word or phrase
    starting at it ("dead", "claimed the lives")."""
    lemma = token.lemma_.lower()
    found = PREDICATE_LEMMAS.get((language, lemma)) or lemma_category(token.lower_, language)
    if found is not None:
        return found
    match = TOKEN_CUE_RE.match(token.doc.text.lower(), token.idx)
    return match.lastgroup if match is not None and match.end() >= token.idx + len(token.text) - 3 else None


def _event(phrase: Any, anchor: Any, language: str) -> str | None:
    """The event of the words that govern a counted phrase, nearest first, within its own clause."""
    for token in (phrase, anchor):
        if token.pos_ in NOUNS and (found := token_event(token, language) or _phrase_event(token, language)):
            return found
    for modifier in _modifiers(phrase):
        if found := token_event(modifier, language):
            return found
    head = phrase
    for _ in range(4):
        while head.dep_ == "conj" and head.head.pos_ in (*NOUNS, "NUM", "PRON"):
            head = head.head
        if head.dep_ == "ROOT" or head.head.i == head.i:
            return None
        link, head = head.dep_, head.head
        if link == "conj":
            return None  # a count coordinated with another predicate's word ("59 dead and 500 injured")
        if head.pos_ in NOUNS:
            if found := token_event(head, language) or _phrase_event(head, language):
                return found
            continue
        if head.pos_ == "ADP":
            continue
        if found := token_event(head, language) or _complement_event(head, language):
            return found
        if link in OBJECT_LINKS or link == "prep":
            return _subject_event(head, language) or _coordinated_event(head, language)
        if link in SUBJECT_LINKS:
            return _coordinated_event(head, language)
        return None
    return None


def _modifiers(token: Any) -> list[Any]:
    """The words that modify a noun after or before it ("people killed", "dead people", "who died")."""
    found = []
    for child in token.children:
        if child.dep_ in MODIFIER_LINKS:
            found.append(child)
            found.extend(c for c in child.children if c.dep_ in COMPLEMENT_LINKS)
    return found


def _phrase_event(noun: Any, language: str) -> str | None:
    """The event named inside a noun's phrase ("death toll", "the number of dead")."""
    for child in noun.children:
        if child.dep_ in ("compound", "amod", "nmod") and (found := token_event(child, language)):
            return found
        if child.dep_ == "prep" and child.lower_ in OF_WORDS:
            for complement in child.children:
                if complement.dep_ == "pobj" and (found := token_event(complement, language)):
                    return found
    return None


def _complement_event(verb: Any, language: str) -> str | None:
    """The event of a verb's complement ("were found dead", "are reported killed")."""
    for child in verb.children:
        if child.dep_ in COMPLEMENT_LINKS and child.pos_ in ("VERB", "ADJ") and (found := token_event(child, language)):
            return found
    return None


def _subject_event(verb: Any, language: str) -> str | None:
    """The event of a linking verb's subject phrase when the count is its complement ("the death toll
    rose to 50", "le bilan des morts atteint 50")."""
    for child in verb.children:
        if child.dep_ in SUBJECT_LINKS and child.pos_ == "PRON" and verb.dep_ in ("relcl", "acl:relcl"):
            child = verb.head  # "an exodus of refugees that could swell to 120,000": the relative's antecedent
        if child.dep_ in SUBJECT_LINKS and child.pos_ in NOUNS or child.i == verb.head.i:
            return token_event(child, language) or _phrase_event(child, language)
    return None


def _coordinated_event(verb: Any, language: str) -> str | None:
    """The event of the subject of the clause a count's clause is coordinated with, when that clause
    names the persons ("the first refugees arrived on Sunday and 13,550 people have so far entered")."""
    if verb.dep_ != "conj" or verb.head.i > verb.i or verb.head.pos_ not in ("VERB", "AUX"):
        return None
    subject = next((c for c in verb.head.children if c.dep_ in SUBJECT_LINKS and c.pos_ in NOUNS), None)
    return token_event(subject, language) if subject is not None else None


def _share_of(anchor: Any, noun: Any | None) -> str | None:
    """The subject noun a percentage with no written base is a share of ("women make up 51%")."""
    if noun is not None or anchor.lower_ not in ("%", "percent", "per"):
        return None
    while anchor.dep_ == "conj" and anchor.head.lower_ == anchor.lower_:  # "51% of X (and 0% of Y)"
        anchor = anchor.head
    if anchor.dep_ not in ("dobj", "attr", "obj") or anchor.head.lemma_.lower() not in SHARE_VERBS:
        return None
    subject = next((c for c in anchor.head.children if c.dep_ in SUBJECT_LINKS), None)
    return subject.lemma_.lower() if subject is not None and subject.pos_ == "NOUN" else None


def with_structure_object(draft: Draft, structure: Structure | None, doc: Doc) -> Draft:
    """Return an English draft with the parse's counted noun where the words after the number gave
    none ("120,000 under-5 children"), and a bare percentage with the subject it is a share of."""
    if structure is None or draft.object is not None or doc.language != "en":
        return draft
    if draft.unit_kind == "percent" and structure.share_of is not None:
        return draft._replace(object=structure.share_of, object_known=True)
    if doc.text[draft.end : draft.end + 1] == "-":
        return draft  # "a 12-member board": the hyphened noun is a unit of the thing, not what is counted
    if draft.unit_kind is None and not draft.age and structure.noun is not None and structure.noun.isalpha():
        if not is_unit_word(structure.noun):
            return draft._replace(object=structure.noun, object_known=True)
    return draft
