"""The category of a figure, from cue words around it and from the figures listed with it."""

from __future__ import annotations

import re
from bisect import bisect_right

from flows.text.figure_lexicon import CATEGORY_CUES, CONTEXT_WORDS, CURRENCY_SYMBOLS, KILLED_NOUNS
from flows.text.figures.draft import Doc, Draft
from flows.text.figures.nouns import is_person, next_word, person_before, translate
from flows.text.figures.patterns import AGE_PREFIX_RE, LIST_GAP_RE, WORD_RE
from flows.text.figures.predicates import is_agent, lemma_cues, own_clause
from flows.text.figures.structure import Structure
from flows.text.figures.units import currency_code
from flows.text.vocabulary import FIGURE_CATEGORIES

# "10,000 infected, of whom 800 died": the verb after the relative belongs to the second count.
RELATIVE_PART_RE = re.compile(rf",\s*(?:{CONTEXT_WORDS['relative']})\s")
ALTERNATIVE_GAP_RE = re.compile(rf"\s+(?:{CONTEXT_WORDS['alternative']})\s+")
CLAUSE_CUT_RE = re.compile(
    r".*(?:[,;:().!?\n،؛]|(?<!\w)(?:and|et|y|und|or|ou|o|but|mais|pero|while|e|ma|mas|и|но)(?!\w)|\s(?=و))"
)
FORWARD_STOP_RE = re.compile(r"[.!?\n؟;](?!\d)|\s(?:but|mais|pero|aber|sondern|لكن)\s")
CUE_RE = re.compile(
    r"(?<![^\W\d_])(?:وال|بال|لل|ال|و|ب|ل)?(?:"
    + "|".join(f"(?P<{name}>{pattern})" for name, pattern in CATEGORY_CUES)
    + ")"
)
SENTENCE_END_RE = re.compile(r"[.!?\n؟](?!\d)")
DETERMINER_BEFORE_RE = re.compile(
    r"(?<!\w)(?:the|der|die|das|den|dem|des|le|la|les|el|los|las|ein|eine|einen|einem|einer)\s+$"
)
PARTITIVE_GAP_RE = re.compile(r"\s*(?:(?:of|de|von|unter|aus|من)\s*)?")
AUXILIARY_VERBS = frozenset(CONTEXT_WORDS["auxiliary"].split("|"))
ELLIPSIS_GAP_RE = re.compile(r"(?:,|(?<!\w)(?:and|y|et|und|e)(?!\w)|\sو)\s*(?:\w+\s+)?$")
EVENT_CATEGORIES = FIGURE_CATEGORIES.of_kind("casualty")
PERSON_OF_RE = re.compile(r"([^\W\d_]{3,})\s+(?:of|de|des|del|d'|من)\s*$")
CLAUSE_OPEN_RE = re.compile(r"(?:^|[.!?\n;:,]\s*|(?<!\w)(?:and|but|while|when|as)\s+)$")
POPULATION_BEFORE_RE = re.compile(rf"(?<![^\W\d_])(?:{CONTEXT_WORDS['population_before']})\s*$")
POPULATION_AFTER_RE = re.compile(rf"\s*(?:[^\W\d_]+\s+)?(?:{CONTEXT_WORDS['population_after']})(?!\w)")
# The rest of a population noun's own phrase: up to a clause mark or a conjunction.
TOLL_RE = re.compile(rf"(?<![^\W\d_])(?:وال|ال|و)?(?:{CONTEXT_WORDS['toll']})(?!\w)")
SENTENCE_START_RE = re.compile(r".*[.!?\n؟]\s", re.DOTALL)
PHRASE_END_RE = re.compile(r"[,;:.!?()\n،؛]|\s(?:and|et|y|und|i|и|e|or|ou|o|but|mais|pero|ma|а|но|و)\s")


def propagate_lists(drafts: list[Draft], doc: Doc) -> list[Draft]:
    """Return drafts where bare list items take the unit/object of the item closing the list."""
    result = list(drafts)
    for index, draft in enumerate(result):
        chain = _bare_chain_before(result, index, doc)
        if not chain:
            continue
        if draft.unit_kind == "time":
            result = _time_list(result, chain, index, doc)
        elif draft.unit_kind == "percent":
            for item in chain:
                result[item] = result[item]._replace(unit="percent", unit_kind="percent", object=draft.object)
        elif draft.unit_kind is None and draft.kind == "exact":
            for item in chain:
                result[item] = result[item]._replace(object=draft.object, object_known=draft.object_known)
    return result


def _bare_chain_before(drafts: list[Draft], index: int, doc: Doc) -> list[int]:
    """Return indices of bare numbers listed right before `index` ("12, 15 et" 17 ans)."""
    chain: list[int] = []
    cursor = index
    while cursor > 0:
        item = drafts[cursor - 1]
        if item.unit is not None or item.object is not None or item.kind != "exact":
            break
        gap = doc.low[item.end : drafts[cursor].start]
        if LIST_GAP_RE.fullmatch(gap) is None and not (
            drafts[index].unit_kind == "percent" and ALTERNATIVE_GAP_RE.fullmatch(gap)
        ):
            break
        chain.insert(0, cursor - 1)
        cursor -= 1
    return chain


def _time_list(drafts: list[Draft], chain: list[int], index: int, doc: Doc) -> list[Draft]:
    """Return drafts where a listed time unit applies to the whole list, as ages if so read."""
    closing = drafts[index]
    head = drafts[chain[0]]
    before = doc.low[max(0, head.start - 40) : head.start]
    person = person_before(before)
    age = closing.age or person is not None or AGE_PREFIX_RE.search(before) is not None
    object_ = (closing.object or person) if age else None
    result = list(drafts)
    for item in [*chain, index]:
        result[item] = result[item]._replace(unit=closing.unit, unit_kind="time", age=age, object=object_)
    return result


def with_category(draft: Draft, doc: Doc, index: int, drafts: list[Draft], structure: Structure | None = None) -> Draft:
    """Return the draft with its category (and a currency read from context for bare amounts). The
    event of a count comes from its parse when there is one, else from the cue words of its clause."""
    if draft.unit_kind == "percent":
        return draft._replace(category="percent")
    if draft.unit_kind == "money":
        return draft._replace(category="money", object=None)
    if draft.unit_kind == "time":
        return draft._replace(category="age" if draft.age else "duration")
    if draft.unit_kind == "measure":
        return draft._replace(category="quantity")
    if draft.scale and draft.object is None and (code := _recent_currency(draft, doc)):
        return draft._replace(category="money", unit=code)
    if draft.object is not None and draft.object_known and draft.object in KILLED_NOUNS:
        return draft._replace(category="killed")
    if draft.object is not None and draft.object_known and not is_person(draft.object):
        return draft._replace(category="count")
    if is_population(draft, doc):
        return draft._replace(category="people")
    # The next count of its own (not an age or a measure inside this count's phrase).
    following = next((d for d in drafts[index + 1 :] if d.unit_kind is None and not d.age), None)
    if structure is not None and (structure.event is not None or structure.agent):
        cue = structure.event
    elif draft.object is None and (toll := _toll_event(draft, doc)) is not None:
        category, noun = toll
        return draft._replace(category=category, object="person" if translate(noun) == "person" else None)
    else:
        cue = _cue_category(draft, doc, drafts[index - 1] if index else None, following)
    if cue is not None:
        return draft._replace(category=cue)
    if draft.object is None and draft.unit is None and (_person_before_of(draft, doc) or _acting_subject(draft, doc)):
        return draft._replace(category="people")
    return draft._replace(category="people" if draft.object and is_person(draft.object) else "count")


def is_population(draft: Draft, doc: Doc) -> bool:
    """Return whether a count is the population of a place ("a country of 22 million", "home to 3 million
    residents", "5 million inhabitants", "1.2 million people live there"): people, whatever event the
    rest of the sentence reports. A count whose own noun is an event's ("home to 3,000 refugees") and one
    whose own phrase goes on to an event ("300 inhabitants were killed", "a population of 9,000 fled")
    are not."""
    low = doc.low
    noun_end = max(draft.end, draft.noun_end)
    if _cues(doc, draft.end, noun_end):
        return False
    before = POPULATION_BEFORE_RE.search(low, max(0, draft.start - 30), draft.start) is not None
    after = POPULATION_AFTER_RE.match(low, draft.end)
    if not before and after is None:
        return False
    rest = after.end() if after is not None else noun_end
    stop = PHRASE_END_RE.search(low, rest, rest + 80)
    return not _cues(doc, rest, stop.start() if stop else min(len(low), rest + 80))


def _toll_event(draft: Draft, doc: Doc) -> tuple[str, str] | None:
    """Return (category, event word) of a bare count that a tally earlier in its sentence amounts to
    ("the toll of the dead ... reached 1,000", "il bilancio delle vittime è salito a 25"): the event
    named right after the tally's noun, before the count. A non-English casualty noun so named is the
    count's object (person), as the nominalised casualty words are."""
    low = doc.low
    left = max(0, draft.start - 200)
    opening = SENTENCE_START_RE.match(low, left, draft.start)
    start = opening.end() if opening else left
    tolls = list(TOLL_RE.finditer(low, start, draft.start))
    if not tolls or any(c.isdigit() for c in low[tolls[-1].end() : draft.start]):
        return None  # another number between the tally and the count is the tally's
    cues = _cues(doc, tolls[-1].end(), draft.start)
    if len(cues) != 1 or cues[0][0] > tolls[-1].end() + 40:
        return None  # "toll: 12 killed and 30 wounded" is no tally of one event
    position, category = cues[0]
    word = WORD_RE.match(low, position)
    return category, word.group() if word else ""


def _person_before_of(draft: Draft, doc: Doc) -> bool:
    """Return whether the count measures a noun of persons before it ("a population of 40,000")."""
    match = PERSON_OF_RE.search(doc.low, max(0, draft.start - 40), draft.start)
    return match is not None and is_person(translate(match.group(1)) or "")


def _acting_subject(draft: Draft, doc: Doc) -> bool:
    """Return whether a bare English count opens a clause as the subject of a verb in the past
    ("several thousand marched"): the counted persons are left out."""
    if doc.language not in ("en", "und"):
        return False
    verb = next_word(doc.low, draft.end)
    return (
        len(verb) > 4
        and verb.endswith("ed")
        and CLAUSE_OPEN_RE.search(doc.low, max(0, draft.start - 12), draft.start) is not None
    )


def inherit_list_categories(drafts: list[Draft], doc: Doc) -> list[Draft]:
    """Return drafts where a breakdown of people takes the event of the count before it."""
    result = list(drafts)
    for index in range(1, len(result)):
        draft, prev = result[index], result[index - 1]
        if _is_elliptic_count(draft, prev, doc):
            result[index] = draft._replace(category=prev.category)
            continue
        if draft.category != "people" or prev.category not in EVENT_CATEGORIES:
            continue
        gap = doc.low[prev.end : draft.start]
        if (
            len(gap) < 40
            and SENTENCE_END_RE.search(gap) is None
            and CUE_RE.search(doc.low, max(prev.end, prev.noun_end), draft.start) is None
        ):
            result[index] = draft._replace(category=prev.category)
    return result


def _is_elliptic_count(draft: Draft, prev: Draft, doc: Doc) -> bool:
    """Return whether a bare count continues the people count before it ("three dead in the north and
    two in the south", "tres heridos en Lima y uno en Cusco")."""
    if draft.category != "count" or draft.object is not None or draft.unit is not None or prev.unit is not None:
        return False
    if prev.category not in EVENT_CATEGORIES and prev.category != "people":
        return False
    gap = doc.low[prev.end : draft.start]
    if next_word(doc.low, draft.end) in AUXILIARY_VERBS:
        return False  # "11,300 died and some 28,600 were infected": a clause of its own
    return len(gap) < 60 and SENTENCE_END_RE.search(gap) is None and ELLIPSIS_GAP_RE.search(gap) is not None


def _cue_category(draft: Draft, doc: Doc, previous: Draft | None, following: Draft | None = None) -> str | None:
    """Return the event of the count's own clause: a cue just before (unless the count is a passive's
    agent), then forward up to the next count (past it only when both share one predicate), then
    backward (a cue right after the previous bare count belongs to that count)."""
    previous_end = previous.end if previous else 0
    owner_end = previous_end if previous and previous.unit is None else 0
    low = doc.low
    agent = is_agent(low, draft.start)
    near_start = max(0, draft.start - 25)
    cut = CLAUSE_CUT_RE.search(low, near_start, draft.start)
    immediate = _cues(doc, cut.end() if cut else near_start, draft.start)
    if immediate and not agent:
        return immediate[0][1]
    forward_end = _forward_end(doc, draft.end)
    if following is not None and following.start < forward_end:
        if RELATIVE_PART_RE.search(low, draft.end, following.start) is not None or own_clause(
            low, draft.end, following.start
        ):
            forward_end = following.start
        # A cue after the last conjunction before the next count governs that count ("... and killed 584").
        cut = CLAUSE_CUT_RE.search(low, draft.end, following.start)
        if cut is not None and _cues(doc, cut.end(), following.start):
            forward_end = min(forward_end, cut.end())
    for position, category in _cues(doc, draft.end, forward_end):
        if not _cue_of_other_noun(low, draft.end, position):
            return category
    if agent:
        return None
    start = max(previous_end, draft.start - 70)
    window = low[start : draft.start]
    sentence_start = start + max(window.rfind(c) for c in ".!?\n؟;") + 1
    backward = _cues(doc, sentence_start, draft.start)
    if not backward:
        return None
    position, category = backward[-1]
    if owner_end and start == owner_end and position - start < 10:
        return None
    return category


def _cues(doc: Doc, start: int, end: int) -> list[tuple[int, str]]:
    """Return (position, category) of the cue words and event lemmas in doc.low[start:end], in order."""
    found = [(m.start(), m.lastgroup or "") for m in CUE_RE.finditer(doc.low, start, end)]
    seen = {position for position, _ in found}
    found += [hit for hit in lemma_cues(doc.low, start, end, doc.language) if hit[0] not in seen]
    return sorted(found)


def _cue_of_other_noun(low: str, end: int, cue_start: int) -> bool:
    """Return whether a cue after the number opens another noun phrase ("den verletzten Torhüter",
    "die Verletzte"), not the partitive of the counted one ("three of the dead")."""
    determiner = DETERMINER_BEFORE_RE.search(low, max(end, cue_start - 8), cue_start)
    return determiner is not None and PARTITIVE_GAP_RE.fullmatch(low, end, determiner.start()) is None


def _forward_end(doc: Doc, end: int) -> int:
    """Return where the forward cue search stops: the end of the clause, at most 90 characters on."""
    stop = FORWARD_STOP_RE.search(doc.low, end, end + 100)
    return min(stop.end() if stop else len(doc.low), end + 90)


def _recent_currency(draft: Draft, doc: Doc) -> str | None:
    """Return the currency named in the 300 characters before a bare scaled amount."""
    reach = draft.start if (draft.scale or 0) >= 1e9 else 1000
    ends, matches = doc.currencies
    before = bisect_right(ends, draft.start)
    last = matches[before - 1] if before else None
    if last is None or last.start() < draft.start - reach:
        return None
    if last.group(2):
        return CURRENCY_SYMBOLS[last.group(2)]
    return currency_code(last.group(1), doc)
