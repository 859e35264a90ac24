"""Name keys of people and organisations: one key for the spellings of one name across languages.

A person's key is the name in its nominative, transliterated to ASCII (anyascii) and folded over
the ways the corpus languages romanise the same sounds: French "ou" and "tch", German "sch",
"tsch" and "w", Polish "sz", "cz" and "w", doubled letters, a closing "-y", "-yy", "-iy", "-ij"
or "-yj" (the one Cyrillic "-ий"), a silent final "e" ("Poutine"). So "Vladimir Putin",
"Vladimir Poutine", "Wladimir Putin", "Władimir Putin" and "Владимир Путин" share a key. The
folding runs on every name alike, never on one language's only, so a Latin name keeps one key in
all of them ("Michel" is no "Mishel" in French). Keys are compared as whole names: a surname alone
is linked to a full name only inside one document (see `canonical.link_surnames`), never across
documents, so two people who share a surname stay apart.

Declined languages name a person in every case ("Владимира Путина", "Władimira Putina"): a word
is brought back to the form another mention of the document uses, by stripping a case ending
("Путина" -> "Путин" when "Путин" is named), from the adjectival ending of a Russian surname
("Зеленского" -> "Зеленский"), or to simplemma's lemma when that is itself a name (in Russian only
when it is the word less a case ending: "Путиным" -> "Путин", never "Лавров" -> "лавр"). A
patronymic ("Vladimirovitch") and a French title ("M. Dupont") are no part of the key.

A mention's text is also the alias analysts read (`entity_aliases`): `clean_span` keeps it a clean
name, without quotes, brackets, list commas or a handle's "@" at its edges, and without the stray
half of a bracket or quote pair that a model's span cut through ('ПАО "Газпром' -> 'Газпром',
'Agency (IATT' -> 'Agency').
"""

from __future__ import annotations

import re
from collections.abc import Collection

import simplemma
from anyascii import anyascii

from flows.text.places import normalize_name

# Spellings of one sound in the corpus languages' romanisations, folded to one (longest first).
_FOLDS = (("tsch", "ch"), ("tch", "ch"), ("sch", "sh"), ("sz", "sh"), ("cz", "ch"), ("ou", "u"), ("w", "v"))
_NOT_LETTER = re.compile(r"[^a-z]+")
_DOUBLE = re.compile(r"(.)\1+")
_CLOSING_Y = re.compile(r"(?:iy|yy|yj|ij|ii|y)$")
NAME_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")

# Languages that decline personal names, and the case endings a name word can carry there.
NAME_CASE_LANGUAGES = frozenset({"ru", "pl"})
_CASE_ENDINGS = {
    "ru": ("ого", "ому", "ым", "ом", "ой", "ем", "а", "у", "е", "ы", "ю", "я"),
    "pl": ("iego", "iemu", "owi", "em", "ie", "ego", "emu", "a", "u", "y", "e"),
}
# Russian adjectival surnames ("-ский", "-цкий"): oblique case -> nominative.
_ADJECTIVAL = re.compile(r"(ск|цк)(?:ого|ому|им|ом)$")


# A Russian patronymic between a first name and a surname, as romanised ("Vladimirovitch", "Ivanovna").
_PATRONYMIC = re.compile(r"(?:ov|ev)(?:i|y)?ch$|(?:ov|ev)na$")
# French titles abbreviated before a name ("M. Dupont" is Monsieur Dupont, not an initial).
_FRENCH_TITLE = re.compile(r"^(?:M|MM|Mme|Mlle|Me)\.?\s+")


# Marks stripped from a mention's edges (never "." or "'": "U.S.", "Anissa B.", "O'Neill").
EDGE_MARKS = frozenset('"“”„‟«»‹›()[]{},;:/\\|!?¡¿@#*–—-_<>،؛؟')
# Half of a pair inside a mention: an opening bracket starts an aside (keep what is before it); a quote or a
# closing mark ends what came before (keep what is after it).
_ASIDE_OPENERS = "(["
_QUOTES_AND_CLOSERS = '"“”„«»‹›)]'


def clean_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Return the (start, end) of the clean name inside a mention's span, or None when no letter is left.

    Edge marks go; an unpaired bracket or quote inside cuts the span: before an opening bracket, after
    a quote or a closing mark. A balanced pair stays ("Partido (Auténtico)" is left whole).
    """
    for _ in range(4):
        while start < end and (text[start].isspace() or _loose_edge(text[start:end], 0)):
            start += 1
        while end > start and (text[end - 1].isspace() or _loose_edge(text[start:end], -1)):
            end -= 1
        if end - start > 2 and _PARTNERS.get(text[start]) == text[end - 1] and text[start] in '([«“„"':
            start, end = start + 1, end - 1  # a name wrapped whole: «Газпром», (Reuters)
            continue
        part = text[start:end]
        cut = _unpaired(part)
        if cut is None:
            break
        if part[cut] in _ASIDE_OPENERS:
            end = start + cut
        else:
            start = start + cut + 1
    return (start, end) if any(c.isalpha() for c in text[start:end]) else None


_PARTNERS = {"(": ")", "[": "]", "«": "»", "“": "”", "„": "“", ")": "(", "]": "[", "»": "«", "”": "“", '"': '"'}


def _loose_edge(part: str, index: int) -> bool:
    """Return whether the mark at an edge of `part` goes: an edge mark whose partner is not inside the part."""
    mark = part[index]
    if mark not in EDGE_MARKS:
        return False
    partner = _PARTNERS.get(mark)
    inner = part[1:] if index == 0 else part[:-1]
    return partner is None or partner not in inner


def _unpaired(part: str) -> int | None:
    """Return the index of the first bracket or quote mark of `part` that has no partner in it, else None."""
    pairs = {"(": ")", "[": "]", "«": "»", "“": "”", "„": "“", "‹": "›"}
    closers = {v: k for k, v in pairs.items() if k != "„"}
    stack: list[tuple[str, int]] = []
    for i, c in enumerate(part):
        if c == '"':
            if stack and stack[-1][0] == c:
                stack.pop()
            else:
                stack.append((c, i))
        elif c in pairs and not (c == "“" and stack and stack[-1][0] == "„"):
            stack.append((c, i))
        elif c in closers or (c == "“" and stack and stack[-1][0] == "„"):
            if stack and pairs.get(stack[-1][0]) == c:
                stack.pop()
            else:
                return i
    return stack[0][1] if stack else None


def name_words(name: str, language: str = "") -> list[str]:
    """Return the words of a person's name (letters, inner apostrophes and hyphens), without a French
    title before it, a patronymic inside it or lower-case fragments after it ("Poutine qu")."""
    if language == "fr":
        name = _FRENCH_TITLE.sub("", name)
    words = NAME_WORD.findall(name)
    while len(words) > 1 and words[-1].islower():
        words.pop()
    if len(words) >= 3:
        words = [words[0], *(w for w in words[1:-1] if not _PATRONYMIC.search(fold_name_word(w))), words[-1]]
    return words


def fold_name_word(word: str) -> str:
    """Return a name word transliterated to ASCII and folded over the corpus languages' spellings."""
    folded = _NOT_LETTER.sub("", anyascii(word).casefold())
    for spelling, sound in _FOLDS:
        folded = folded.replace(spelling, sound)
    folded = _CLOSING_Y.sub("i", _DOUBLE.sub(r"\1", folded))
    return folded[:-1] if len(folded) > 3 and folded.endswith("e") else folded


def person_key(words: list[str]) -> str:
    """Return the key of a person's name from its (nominative) words."""
    return " ".join(filter(None, (fold_name_word(word) for word in words)))


def plain_key(name: str) -> str:
    """Return the key of an organisation's or an unresolved place's name: transliterated, normalised."""
    return normalize_name(anyascii(name)) if not name.isascii() else normalize_name(name)


def nominative_word(word: str, language: str, known: Collection[str] = ()) -> str:
    """Return a declined name word in the form the document's other mentions use, else its nominative."""
    if language not in NAME_CASE_LANGUAGES or word.isupper():
        return word
    for ending in _CASE_ENDINGS[language]:
        stem = word[: -len(ending)]
        if word.endswith(ending) and len(stem) >= 3 and stem in known:
            return stem
    if language == "ru" and _ADJECTIVAL.search(word):
        return _ADJECTIVAL.sub(r"\1ий", word)
    lemma = simplemma.lemmatize(word, lang=language)
    if language == "ru":  # simplemma's Russian lemmas of names are only taken as the word less a case ending
        endings = _CASE_ENDINGS[language]
        return lemma if any(word == lemma + ending for ending in endings) and lemma[:1].isupper() else word
    return lemma if lemma[:1].isupper() and lemma != word else word
