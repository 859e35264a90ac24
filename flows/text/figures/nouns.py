"""Counted nouns: the head noun after a number, its English singular, and whether it names persons."""

from __future__ import annotations

import re

from flows.text.figure_lexicon import (
    COMPOUND_NOUNS,
    CONTEXT_WORDS,
    CURRENCY_WORDS,
    ENGLISH_IRREGULAR_SINGULARS,
    FUNCTION_WORDS,
    MEASURE_UNITS,
    NOUN_PHRASE_STOPS,
    NOUN_SKIP_WORDS,
    NOUN_TRANSLATIONS,
    PERCENT_WORDS,
    PERSON_NOUNS,
    TIME_UNITS,
    VERB_ENDINGS,
    WORDNET_PERSONS,
    WORDNET_TRANSLATIONS,
)
from flows.text.figures.cognates import is_participle, noun_cognate
from flows.text.figures.draft import Doc
from flows.text.figures.patterns import CURRENCY_WORD_RE, PERCENT_RE, PERSON_DE_RE, WORD_RE
from flows.text.numbers import normalize_arabic

ELISION_RE = re.compile(r"^(?:d|l|qu)['’]")
# Arabic plural of a relative adjective ("أمريكيين", "مصريون") right after a number: persons.
ARABIC_NISBA_PLURAL_RE = re.compile(r"^(?:و|ال|وال)?\w{3,}ي(?:ين|ون)$")
ARABIC_PREFIXES = ("وال", "بال", "لل", "ال", "و", "ب")
ARABIC_SUFFIXES = (("اً", ""), ("ًا", ""), ("ا", ""), ("ين", ""), ("ون", ""), ("ان", ""), ("ات", "ه"), ("يين", "ي"))
FRENCH_PLURALS = (("eaux", "eau"), ("eux", "eu"), ("aux", "al"), ("s", ""), ("x", ""))
SPANISH_PLURALS = (
    ("ces", "z"),
    ("nes", "n"),
    ("bres", "bre"),
    ("dres", "dre"),
    ("res", "r"),
    ("les", "l"),
    ("des", "d"),
    ("jes", "je"),
    ("s", ""),
)
_NORMALIZED_TRANSLATIONS = {normalize_arabic(k): v for k, v in NOUN_TRANSLATIONS.items()}


def has_counted_noun(doc: Doc, end: int) -> bool:
    """Return whether a unit, percent, currency or known counted noun follows `end`."""
    if PERCENT_RE.match(doc.low, end) or CURRENCY_WORD_RE.match(doc.low, end):
        return True
    word = next_word(doc.low, end)
    return (
        word in NOUN_TRANSLATIONS
        or _singular(word) in PERSON_NOUNS
        or word in MEASURE_UNITS
        or (word in TIME_UNITS and len(word) > 3)
    )


def next_word(low: str, end: int) -> str:
    """Return the word right after `end` (after spaces), lowercase, or ''."""
    match = WORD_RE.match(low, end + len(low[end : end + 3]) - len(low[end : end + 3].lstrip()))
    return match.group() if match else ""


def label_noun(label: str, language: str) -> str | None:
    """Return the counted noun of a "Label: value" line ("Deaths: 24")."""
    for word in label.split():
        low = word.lower()
        translated = _lookup_noun(low)
        if translated != "":
            return translated
        if language in ("en", "und") and (
            low in ENGLISH_IRREGULAR_SINGULARS or (low.endswith("s") and len(low) > 3 and not low.endswith("ss"))
        ):
            return _singular(low)
    return None


def person_before(before: str) -> str | None:
    """Return the person noun just before an age expression ("femme de 47 ans")."""
    match = PERSON_DE_RE.search(before)
    noun = translate(match.group(1)) if match else None
    return noun if noun in PERSON_NOUNS else None


def head_noun(words: list[str], language: str) -> tuple[str, bool] | None:
    """Return (English singular head noun, known) of the words after a number, or None."""
    while words and words[0].lower() in NOUN_SKIP_WORDS:
        words = words[1:]
    if not words:
        return None
    first = ELISION_RE.sub("", words[0].lower())
    if (
        (first in FUNCTION_WORDS or first in NOUN_PHRASE_STOPS)
        and not (words[0].isupper() and len(first) > 1)
        or is_unit_word(first)
    ):
        return None
    translated = _lookup_noun(first)
    if translated != "":
        return (translated, True) if translated else None
    if language == "de":
        return _german_head(words)
    if language in ("en", "und") and first.replace("’", "'").isascii():
        return _english_head(words)
    return _foreign_head(first, language)


def is_unit_word(word: str) -> bool:
    """Return whether `word` is a unit, currency or percent word rather than a noun."""
    return word in TIME_UNITS or word in CURRENCY_WORDS or word in PERCENT_WORDS or word in MEASURE_UNITS


def _english_head(words: list[str]) -> tuple[str, bool] | None:
    """Return the English head noun: the first plural word, else the last content word."""
    chunk: list[str] = []
    for word in words:
        low = word.lower()
        if low.endswith(("'s", "’s")) and len(low) > 3:
            chunk = []
            continue
        if (low in NOUN_PHRASE_STOPS and not (word.isupper() and len(word) > 1)) or is_unit_word(low):
            break
        if chunk and low.endswith("ed") and not chunk[-1].endswith("ly") and low not in ENGLISH_IRREGULAR_SINGULARS:
            break
        chunk.append(low)
    for index, low in enumerate(chunk):
        if low in ENGLISH_IRREGULAR_SINGULARS or (low.endswith("s") and not low.endswith("ss") and len(low) > 2):
            return _compound(chunk, index), True
    while chunk and chunk[-1].endswith(("ed", "ing", "ised", "ized")):
        chunk.pop()
    return (_compound(chunk, len(chunk) - 1), True) if chunk else None


def _compound(chunk: list[str], index: int) -> str:
    """Return the singular head at `index`, joined with a neighbour if they form a known compound."""
    head = _singular(chunk[index])
    if index + 1 < len(chunk) and f"{head} {_singular(chunk[index + 1])}" in COMPOUND_NOUNS:
        return f"{head} {_singular(chunk[index + 1])}"
    if index and f"{chunk[index - 1]} {head}" in COMPOUND_NOUNS:
        return f"{chunk[index - 1]} {head}"
    return head


def _german_head(words: list[str]) -> tuple[str, bool] | None:
    """Return the first capitalised word (German nouns) after the number, in English if known."""
    for word in words[:3]:
        if word[:1].isupper():
            low = word.lower()
            found = _german_noun(low)
            if found == "":
                return low, False
            return (found, True) if found else None
        if word.lower() in NOUN_PHRASE_STOPS:
            return None
    return None


def _german_noun(low: str) -> str | None:
    """Return the English for a German noun or for the last part of a compound
    ("Sprengstoffanschläge" -> attack); '' if unknown, None if it names no counted thing."""
    for start in range(0, max(1, len(low) - 6)):
        if start and low[start - 1] != "-" and start < 3:
            continue
        part = low[start:]
        for form in (part, part[:-1] if part.endswith("n") else part, part[:-2] if part.endswith("en") else part):
            if form in NOUN_TRANSLATIONS:
                return NOUN_TRANSLATIONS[form]
    return ""


def _foreign_head(word: str, language: str) -> tuple[str, bool] | None:
    """Return a French/Spanish noun not in the lexicon, crudely singularised (unknown)."""
    if "\u0600" <= word[:1] <= "\u06ff" and ARABIC_NISBA_PLURAL_RE.search(normalize_arabic(word)):
        return "person", False
    if word in FUNCTION_WORDS or word.endswith(VERB_ENDINGS) or "\u0590" <= word[:1] <= "\u06ff":
        return None
    if is_participle(word, language):
        return None
    if language == "fr" and word.endswith(("ais", "ois")):
        return word, False
    if (english := wordnet_translation(word, language)) is not None:
        return english, False
    if (cognate := noun_cognate(word, language)) is not None:
        return cognate, False
    for plural, singular in FRENCH_PLURALS if language == "fr" else SPANISH_PLURALS:
        if word.endswith(plural) and len(word) > len(plural) + 1:
            return word[: -len(plural)] + singular, False
    return word, False


def wordnet_translation(word: str, language: str) -> str | None:
    """Return the wordnets' English for a French or Spanish noun or its singular, else None."""
    lemmas = WORDNET_TRANSLATIONS.get(language)
    if not lemmas:
        return None
    if word in lemmas:
        return lemmas[word]
    for plural, singular in FRENCH_PLURALS if language == "fr" else SPANISH_PLURALS:
        if word.endswith(plural) and (base := word[: -len(plural)] + singular) in lemmas:
            return lemmas[base]
    return None


def translate(word: str) -> str | None:
    """Return the English singular for a counted noun in any supported language."""
    low = word.lower()
    translated = _lookup_noun(low)
    if translated != "":
        return translated
    return _singular(low) if low.isascii() else None


def _lookup_noun(word: str) -> str | None:
    """Return the lexicon's English for a noun or one of its inflected forms; '' if unknown."""
    for form in _noun_forms(word):
        if form in NOUN_TRANSLATIONS:
            return NOUN_TRANSLATIONS[form]
        if form in _NORMALIZED_TRANSLATIONS:
            return _NORMALIZED_TRANSLATIONS[form]
    return ""


def _noun_forms(word: str) -> list[str]:
    """Return `word` and its likely singular/base forms (French/Spanish plurals, Arabic affixes)."""
    if word.isascii() or word[:1].isalpha() and not "\u0600" <= word[:1] <= "\u06ff":
        forms = [word]
        if word.endswith("aux"):
            forms.append(word[:-3] + "al")
        if word.endswith(("s", "x")):
            forms.append(word[:-1])
        if word.endswith("es"):
            forms.append(word[:-2])
        return forms
    base = normalize_arabic(word)
    stems = [base] + [base[len(p) :] for p in ARABIC_PREFIXES if base.startswith(p) and len(base) - len(p) > 2]
    forms = []
    for stem in stems:
        forms.append(stem)
        forms.extend(stem[: -len(x)] + y for x, y in ARABIC_SUFFIXES if stem.endswith(x) and len(stem) - len(x) > 1)
    return forms


def _singular(word: str) -> str:
    """Return an English noun in its singular form ("bodies" -> "body")."""
    if word in ENGLISH_IRREGULAR_SINGULARS:
        return ENGLISH_IRREGULAR_SINGULARS[word]
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "sses", "zes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 2:
        return word[:-1]
    return word


# Word endings of persons: "-ist" (communist, cyclist), French "-ien"/"-ais"/"-ois" (demonyms).
PERSON_SUFFIXES = ("ist", "ien", "ienne", "ais", "ois", "eer")
NOT_PERSON_SUFFIXED = frozenset(CONTEXT_WORDS["not_person_suffixed"].split("|"))


def is_person(noun: str) -> bool:
    """Return whether a (translated, singular) noun names people (the hand list and WordNet's persons)."""
    if noun in PERSON_NOUNS or noun in WORDNET_PERSONS:
        return True
    if noun.endswith(("an", "ian", "ese", "i")) and len(noun) > 4 and noun not in ("plan", "loan", "scan"):
        return True
    return noun.endswith(PERSON_SUFFIXES) and len(noun) > 6 and noun not in NOT_PERSON_SUFFIXED
