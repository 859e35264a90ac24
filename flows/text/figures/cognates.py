"""English for a foreign counted noun the translation table lacks, from a table generated at build time.

No bilingual dictionary ships in a wheel of the package index (wordnet packages download their data
at run time; FreeDict's are Debian packages under the GPL with a few thousand headwords), so the
documented fallback is a cognate table (`figures_noun_cognates.tsv`) that `scripts/build_figure_data.py`
generates: each frequent fr, es, it, pt word (wordfreq) whose simplemma lemma is a noun ("ediciones" ->
"edición") and has an English cognate, written the same without accents ("expérience" -> "experience")
or by a regular Romance suffix correspondence of `figures_cognate_suffixes.tsv` ("edición" ->
"edition"), kept only when wordfreq knows the candidate as an English word. Other nouns keep their
crude singular, as before.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

from flows.text.figure_lexicon import read_rows

ENGLISH_WORD_ZIPF = 3.0  # a candidate this frequent in English is an English word
BARE_VOWEL_MIN = 7  # a final vowel is dropped only from words this long ("momento" -> "moment")
SUFFIXES: dict[str, list[tuple[str, str]]] = {}
for _language, _ending, *_english in read_rows("figures_cognate_suffixes.tsv"):
    SUFFIXES.setdefault(_language, []).append((_ending, _english[0] if _english else ""))
COGNATE_LANGUAGES = ("fr", "es", "it", "pt")
# (language, word as written) -> English cognate of its lemma
NOUN_COGNATES: dict[tuple[str, str], str] = {
    (language, word): english for language, word, english in read_rows("figures_noun_cognates.tsv")
}
PARTICIPLE_ENDINGS = ("és", "ées", "ados", "idos")
# French nouns of the suffix -té (université, société, communauté) end like participles in the plural.
FRENCH_TE_NOUN_ENDINGS = ("ités", "iétés", "autés")


def plain(word: str) -> str:
    """Return a Latin word without its accents."""
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


def is_noun_lemma(word: str, lemma: str) -> bool:
    """Return whether a lemma can be a noun's singular: no longer than the word and, less its last letter,
    beginning it ("ediciones" -> "edición"; not "compases" -> "compasar", "consiste" -> "consister")."""
    return len(lemma) <= len(word) and plain(word).startswith(plain(lemma)[:-1])


def english_cognate(lemma: str, language: str, is_english: Callable[[str], bool]) -> str | None:
    """Return the English cognate of a Romance noun: itself without accents when `is_english` accepts it
    ("expérience"), else by a regular suffix correspondence ("edición" -> "edition"); None if neither."""
    base = plain(lemma)
    if base != lemma and len(base) > 3 and base.isascii() and is_english(base):
        return base
    for ending, english in SUFFIXES.get(language, ()):
        if not lemma.endswith(ending) or len(lemma) - len(ending) < 3:
            continue
        if not english and ending in ("a", "e", "o") and len(lemma) < BARE_VOWEL_MIN:
            continue
        candidate = plain(lemma[: len(lemma) - len(ending)] + english)
        if candidate.isascii() and is_english(candidate):
            return candidate
    return None


def noun_cognate(word: str, language: str) -> str | None:
    """Return the English cognate of a frequent foreign noun as written, from the generated table."""
    return NOUN_COGNATES.get((language, word))


def is_participle(word: str, language: str) -> bool:
    """Return whether a French/Spanish plural in -és/-ées/-ados/-idos is read as a verb's participle
    ("tués", "heridos"), not a noun of the French suffix -té ("universités")."""
    if language == "fr" and word.endswith(FRENCH_TE_NOUN_ENDINGS):
        return False
    return word.endswith(PARTICIPLE_ENDINGS)
