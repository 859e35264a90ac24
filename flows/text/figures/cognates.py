"""English for a foreign counted noun the translation table lacks: its lemma, then its English cognate.

No bilingual dictionary ships in a wheel of the package index (wordnet packages download their data
at run time; FreeDict's are Debian packages under the GPL with a few thousand headwords), so the
documented fallback is: (1) simplemma's lemma of the noun ("contribuables" -> "contribuable"), looked
up in the hand-written translation table; (2) the regular Romance -> English suffix correspondences of
`figures_cognate_suffixes.tsv` ("edición" -> "edition", "société" -> "society"), a candidate kept only
when wordfreq knows it as an English word; (3) else the lemma itself, as before.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import simplemma
from wordfreq import zipf_frequency

from flows.text.figure_lexicon import read_rows

ENGLISH_WORD_ZIPF = 3.0  # a candidate this frequent in English is an English word
BARE_VOWEL_MIN = 6  # a final vowel is dropped only from words this long ("momento" -> "moment")
SUFFIXES: dict[str, list[tuple[str, str]]] = {}
for _language, _ending, *_english in read_rows("figures_cognate_suffixes.tsv"):
    SUFFIXES.setdefault(_language, []).append((_ending, _english[0] if _english else ""))
LEMMA_LANGUAGES = frozenset({"fr", "es", "it", "pt", "de", "nl", "pl", "ru"})


@lru_cache(maxsize=65536)
def noun_lemma(word: str, language: str) -> str | None:
    """Return simplemma's lemma of a lowercase noun, None where simplemma has no data or reads another
    word class (a noun's lemma is no longer than the word and, less its last letter, begins it:
    "ediciones" -> "edición", not "compases" -> "compasar" or "consiste" -> "consister")."""
    if language not in LEMMA_LANGUAGES:
        return None
    try:
        lemma = simplemma.lemmatize(word, lang=language).lower()
    except ValueError:
        return None
    return lemma if len(lemma) <= len(word) and _plain(word).startswith(_plain(lemma)[:-1]) else None


def _plain(word: str) -> str:
    """Return a Latin word without its accents."""
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


@lru_cache(maxsize=65536)
def english_cognate(lemma: str, language: str) -> str | None:
    """Return the English cognate of a Romance noun: itself written without accents when English has it
    ("expérience"), else by a regular suffix correspondence ("edición" -> "edition"); None if neither."""
    plain = _plain(lemma)
    if plain != lemma and plain.isascii() and zipf_frequency(plain, "en") >= ENGLISH_WORD_ZIPF:
        return plain
    for ending, english in SUFFIXES.get(language, ()):
        if not lemma.endswith(ending) or len(lemma) - len(ending) < 3:
            continue
        if not english and ending in ("a", "e", "o") and len(lemma) < BARE_VOWEL_MIN:
            continue
        candidate = _plain(lemma[: len(lemma) - len(ending)] + english)
        if candidate.isascii() and zipf_frequency(candidate, "en") >= ENGLISH_WORD_ZIPF:
            return candidate
    return None


PARTICIPLE_ENDINGS = ("és", "ées", "ados", "idos")
# French nouns of the suffix -té (université, société, communauté) end like participles in the plural.
FRENCH_TE_NOUN_ENDINGS = ("ités", "iétés", "autés")


def is_participle(word: str, language: str) -> bool:
    """Return whether a French/Spanish plural in -és/-ées/-ados/-idos is read as a verb's participle
    ("tués", "heridos"), not a noun of the French suffix -té ("universités")."""
    if language == "fr" and word.endswith(FRENCH_TE_NOUN_ENDINGS):
        return False
    return word.endswith(PARTICIPLE_ENDINGS)
