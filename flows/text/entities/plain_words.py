"""Common words are no names: single letters, and one-word spans that the language uses as words.

A single letter is an elided article or pronoun ("L'armée", "J'ai") or a list mark, not a name.
A one-word ORG or LOC whose lower-case form is a very common word of the document's language
("Church", "State", "Union") is a description, not a name, unless the document links it to a
full name or the gazetteer trusts it as a place (`flows.text.places.trusted_entries`). A
one-word PERSON with no person evidence that is as frequent in every Latin-script corpus language
as a common word, and no known first name, is an international word (a platform, brand or
technology: "Twitter", "Google"), so an ORG rather than a person.
Frequencies are wordfreq Zipf values carried by the gazetteer (`Gazetteer.word_zipf`); they are
counted in lower case, so a frequent name ("России", genitive of Russia) looks like a common word.
In a language that capitalises neither common nouns nor headline words (sentence case), a word the
document writes capitalised inside a sentence and never in lower case is a name, whatever its
frequency.
"""

from __future__ import annotations

import re
from dataclasses import replace

from flows.text.entities.base import Candidate, _occurrences
from flows.text.entities.evidence import has_person_evidence
from flows.text.entity_lexicon import FIRST_NAMES
from flows.text.places import Gazetteer, trusted_entries, word_zipf

# A one-word ORG/LOC whose lower-case form reaches this Zipf frequency in the document's language
# (about once in 100,000 words: the language's few thousand commonest words) is a word first.
COMMON_NAME_ZIPF = 5.0
# A word at least this frequent in each of these languages is international vocabulary; person
# names reach it in one or two languages at most.
INTERNATIONAL_ZIPF = 4.4
INTERNATIONAL_LANGUAGES = ("en", "fr", "de", "es", "it", "pl")
# Languages written in sentence case whose common nouns are never capitalised (not English, with
# its title-case headlines, nor German, which capitalises every noun); measured on Russian only.
SENTENCE_CASE_LANGUAGES = frozenset({"ru"})
_SENTENCE_END = re.compile(r"(?:^|[.!?:;…\n])[\s\"'«»“”„()\[\]—–-]*$")


def is_single_letter(surface: str) -> bool:
    """Return whether a span holds one letter at most ("L", "J.")."""
    return sum(ch.isalpha() for ch in surface) <= 1


def is_international_word(gazetteer: Gazetteer, word: str) -> bool:
    """Return whether `word` is about as frequent as a common word in every Latin-script corpus language."""
    if word.casefold() in FIRST_NAMES:
        return False  # "Paul", "David": first names are international and personal
    languages = [lang for lang in INTERNATIONAL_LANGUAGES if lang in gazetteer.word_zipf]
    return bool(languages) and all(word_zipf(gazetteer, word, lang) >= INTERNATIONAL_ZIPF for lang in languages)


def is_plain_word(
    text: str, cand: Candidate, gazetteer: Gazetteer, language: str, context: frozenset[str] = frozenset()
) -> bool:
    """Return whether a one-word ORG or LOC is a common word of the language with nothing saying name."""
    surface = text[cand.start : cand.end]
    if cand.label not in ("ORG", "LOC") or cand.canonical or len(surface.split()) > 1 or surface.isupper():
        return False
    if word_zipf(gazetteer, surface, language) < COMMON_NAME_ZIPF:
        return False
    if language in SENTENCE_CASE_LANGUAGES and is_cased_as_name(text, surface):
        return False
    return not trusted_entries(gazetteer, surface, language, context, labelled=True)


def is_cased_as_name(text: str, word: str) -> bool:
    """Return whether the document writes `word` capitalised inside a sentence and never in lower case."""
    if not word[:1].isupper() or _occurrences(text, word.lower()):
        return False
    return any(not _SENTENCE_END.search(text[max(0, start - 12) : start]) for start in _occurrences(text, word))


def drop_plain_words(
    text: str, spans: list[Candidate], gazetteer: Gazetteer, language: str, context: frozenset[str] = frozenset()
) -> list[Candidate]:
    """Return spans without single letters and plain words; international words as ORG, not PERSON."""
    out = []
    for c in spans:
        surface = text[c.start : c.end]
        if is_single_letter(surface) or is_plain_word(text, c, gazetteer, language, context):
            continue
        if (
            c.label == "PERSON"
            and len(surface.split()) == 1
            and not has_person_evidence(text, c)
            and is_international_word(gazetteer, surface)
        ):
            c = replace(c, label="ORG", method=f"{c.method}+word")
        out.append(c)
    return out
