"""Lexicons for figure extraction, read once from the package's `data` folder.

Number words of en, fr, es, de are generated from text2num and wordfreq, function words from
spaCy's stop words (`scripts/build_figure_data.py`), month names come from dateparser's language
data at load time; the other lists (Arabic number words, scales, vague quantities, qualifiers, units,
currencies, category cues, counted nouns) are hand-written data files whose headers name
their source. Keys are lowercase; Arabic lookups also try the spelling normalised by
`flows.text.numbers.normalize_arabic`.
"""

from __future__ import annotations

import importlib
import unicodedata
from collections.abc import Iterable, Mapping
from importlib.resources import files
from types import MappingProxyType
from typing import TypeVar

_DATA = files("flows.text") / "data"

# "billion" means 1e12 in these languages.
LONG_SCALE_LANGUAGES = frozenset({"fr", "de", "es"})
# Spanish and French verb endings (past tense, participles) that mark a verb, not a noun.
VERB_ENDINGS = ("ieron", "aron", "ió", "ron", "aient", "èrent", "ait", "ront", "ent", "ont", "imos", "emos")
MONTH_LANGUAGES = ("en", "fr", "es", "de", "ar", "it", "pt", "nl", "pl", "ru")
MONTH_KEYS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
# dateparser's month abbreviations that are common words of another language ("two years ago", "out of",
# German "sie", "mag").
AMBIGUOUS_MONTH_ABBREVIATIONS = frozenset({"ago", "set", "jui", "out", "sie", "mag", "gen"})
ARABIC_ALEF_TRANSLATION = str.maketrans("أإآٱ", "اااا")
V = TypeVar("V")


def read_rows(name: str) -> tuple[tuple[str, ...], ...]:
    """Return the tab-separated rows of a data file, comment and blank lines skipped."""
    text = (_DATA / name).read_text(encoding="utf-8")
    return tuple(tuple(line.split("\t")) for line in text.splitlines() if line.strip() and not line.startswith("#"))


def _rows_of(name: str, kind: str) -> list[tuple[str, ...]]:
    """Return the rows of a data file whose first column is `kind`, without that column."""
    return [row[1:] for row in read_rows(name) if row[0] == kind]


def alternations(name: str) -> Mapping[str, str]:
    """Return list name -> regex alternation of a (list, alternative) data file, in file order."""
    rows = read_rows(name)
    return MappingProxyType({n: "|".join(w for m, w in rows if m == n) for n in dict.fromkeys(m for m, _ in rows)})


def _pairs(rows: Iterable[tuple[str, ...]]) -> dict[str, str]:
    """Return a word -> value dict from (word, value) rows."""
    return {row[0]: row[1] for row in rows}


def _with_tanween_variants(mapping: Mapping[str, V]) -> Mapping[str, V]:
    """Return `mapping` plus Arabic spellings with the accusative tanween written either way."""
    variants = dict(mapping)
    for key, value in mapping.items():
        if key.endswith("اً"):
            variants.setdefault(key[:-2] + "ًا", value)
        elif key.endswith("ا") and "\u0600" <= key[:1] <= "\u06ff":
            variants.setdefault(key[:-1] + "ًا", value)
            variants.setdefault(key + "ً", value)
    return MappingProxyType(variants)


def _without_accents(word: str) -> str:
    """Return a Latin word without its accents ("février" -> "fevrier")."""
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


def month_names() -> frozenset[str]:
    """Return month names and abbreviations of the corpus languages (all locales) from dateparser,
    lowercase, with spellings without accents or hamza."""
    names: set[str] = set()
    for language in MONTH_LANGUAGES:
        info = importlib.import_module(f"dateparser.data.date_translation_data.{language}").info
        for table in (info, *info.get("locale_specific", {}).values()):
            names.update(w.lower().strip(".") for key in MONTH_KEYS for w in table.get(key, ()))
    names |= {w for row in read_rows("figures_hijri_months.txt") for w in row}
    names |= {_without_accents(w) for w in names} | {w.translate(ARABIC_ALEF_TRANSLATION) for w in names}
    return frozenset(w for w in names if len(w) > 1 and not any(c.isdigit() for c in w)) - AMBIGUOUS_MONTH_ABBREVIATIONS


# --- number words -------------------------------------------------------------------------
# kind: "unit" (adds), "hundred" (multiplies the pending group), "scale" (closes a group),
# "half" (adds 0.5), "article" (1, only a figure when coordinated or inside a larger number).
_WORD_ROWS = read_rows("numbers_words.tsv") + read_rows("numbers_words_rbnf.tsv")
_UNITS = {row[0]: float(row[2]) for row in _WORD_ROWS}
_ONE_WORDS = read_rows("numbers_one_words.tsv")
_UNITS.update({w: 1.0 for use, w in _ONE_WORDS if use == "standalone"})
# Arabic number words (generated from num2words and CLDR): word, kind (unit, hundred, scale, plural_scale), value.
_AR_ROWS = read_rows("numbers_words_ar.tsv")
_AR_UNITS = {w: float(v) for w, kind, v in _AR_ROWS if kind == "unit"}
# Arabic duals of a scale ("مليونان", "ألفي"): scanned as the scale, read as two of it (word -> the scale).
_AR_DUAL_SCALES = {w: float(v) / 2 for w, kind, v in _AR_ROWS if kind == "dual_scale"}
DUAL_SCALES = frozenset(_AR_DUAL_SCALES)
# Arabic fraction nouns -> denominator ("خمس العشرين": a fifth of twenty); fractions are no figures, only
# a number written alone is read so.
ARABIC_ZERO = frozenset(w for w, kind, _ in _AR_ROWS if kind == "zero")
ARABIC_FRACTIONS: Mapping[str, float] = MappingProxyType({w: float(v) for w, kind, v in _AR_ROWS if kind == "fraction"})
_MULTIPLIERS = read_rows("numbers_multipliers.tsv")
_HUNDREDS = {w: float(v) for kind, w, v in _MULTIPLIERS if kind in ("hundred", "dozen", "dozens")}
_HUNDREDS.update({w: float(v) for w, kind, v in _AR_ROWS if kind == "hundred"})
_HALVES = {w: float(v) for kind, w, v in _MULTIPLIERS if kind == "half"}
# Dozen words: a multiplier after a number ("three dozen"); alone, plural = vague (24),
# singular = approximately 12 ("une douzaine").
DOZEN_PLURALS = frozenset(w for kind, w, _ in _MULTIPLIERS if kind == "dozens")
# Read as 1 inside a larger number ("sixty-one", "vingt et un") or when the whole text is one.
ONE_WORDS = frozenset(w for use, w in _ONE_WORDS if use == "one")
# Number words of each language of the generated lists ("tre" -> it), for glued compounds.
WORDS_BY_LANGUAGE: Mapping[str, frozenset[str]] = MappingProxyType(
    {lang: frozenset(w for w, language, _ in _WORD_ROWS if language == lang) for lang in {r[1] for r in _WORD_ROWS}}
)
# Only the Arabic postposed "one" is scanned ("يوم واحد"); "un/une/one/ein" are read by
# `flows.text.figures` when coordinated with a count ("deux garçons et une fille").
_ARTICLES = {w: 1.0 for use, w in _ONE_WORDS if use == "postposed"}
COORDINATED_ARTICLES = frozenset(w for use, w in _ONE_WORDS if use == "coordinated")

_SCALE_ROWS = read_rows("numbers_scales.tsv") + tuple(
    (w, v, "singular" if kind == "scale" else "plural") for w, kind, v in _AR_ROWS if kind in ("scale", "plural_scale")
)
# Singular scales: value when alone ("mil personas", "ألف جندي"); plural scales alone are vague.
SCALES: Mapping[str, float] = MappingProxyType({w: float(v) for w, v, _ in _SCALE_ROWS})
# Decimal and group separators of Latin digits per language (CLDR).
_SEPARATORS = read_rows("numbers_separators.tsv")
CLDR_DECIMAL_COMMA_LANGUAGES = frozenset(lang for lang, decimal, _ in _SEPARATORS if decimal == ",")
CLDR_SPACE_GROUP_LANGUAGES = frozenset(lang for lang, _, group in _SEPARATORS if group in ("nbsp", "nnbsp", "space"))
# Chinese and Korean numerals (character -> value), read in any text: their scripts are unambiguous.
CJK_NUMERALS: Mapping[str, float] = MappingProxyType({c: float(v) for c, _, v in read_rows("numbers_words_cjk.tsv")})
# Scales that are plural forms: alone they make a vague quantity ("millions of people").
PLURAL_SCALES = frozenset(w for w, _, form in _SCALE_ROWS if form == "plural")
# Abbreviated scales only read after a digit ("$25m", "3bn", "2 Mio.").
ABBREVIATED_SCALES = frozenset(w for w, _, form in _SCALE_ROWS if form == "abbreviated")


def _cldr_scales() -> dict[str, tuple[float, str, set[str]]]:
    """Return the scale words of it, pt, nl, pl, ru from CLDR: word -> (value, form, languages)."""
    scales: dict[str, tuple[float, str, set[str]]] = {}
    for word, language, value, form in read_rows("numbers_scales_cldr.tsv"):
        scales.setdefault(word, (float(value), form, set()))[2].add(language)
    return scales


_CLDR_SCALES = _cldr_scales()


# Abbreviated scales of the later languages, read only after digits ("4,9 млрд", "3 mln", "tys.").
# abbreviation (without its dot) -> (value, '|'-joined languages).
def _cldr_abbreviations() -> dict[str, tuple[float, str]]:
    """Return abbreviation (without its dot) -> (value, '|'-joined languages) of the CLDR short scales."""
    found: dict[str, tuple[float, set[str]]] = {}
    for word, (value, form, langs) in _CLDR_SCALES.items():
        if form == "abbreviated" and word.rstrip(".") not in SCALES:
            found.setdefault(word.rstrip("."), (value, set()))[1].update(langs)
    return {w: (v, "|".join(sorted(langs))) for w, (v, langs) in found.items()}


CLDR_ABBREVIATED_SCALES: Mapping[str, tuple[float, str]] = MappingProxyType(_cldr_abbreviations())
# Scale words of the later languages that are all written with a decimal comma ("2,5 milioni").
CLDR_DECIMAL_COMMA_SCALES = frozenset(
    w.rstrip(".") for w, (_, _, langs) in _CLDR_SCALES.items() if langs <= CLDR_DECIMAL_COMMA_LANGUAGES
)
_CLDR_WORD_SCALES = {w: v for w, (v, form, _) in _CLDR_SCALES.items() if form != "abbreviated" and w not in SCALES}
# A scale word that is also a vague word alone is a plural ("тысячи людей": thousands of people).
_VAGUE_WORDS = {row[0] for row in read_rows("figures_vague.tsv") if row[2] == "vague"}
PLURAL_SCALES = PLURAL_SCALES | frozenset(
    w for w, (_, form, _) in _CLDR_SCALES.items() if form == "plural" or w in _VAGUE_WORDS
)
NUMBER_WORDS: Mapping[str, tuple[str, float]] = MappingProxyType(
    {
        **{w: ("scale", v) for w, v in _CLDR_WORD_SCALES.items()},
        **{w: ("unit", v) for w, v in _UNITS.items()},
        **{w: ("unit", v) for w, v in _AR_UNITS.items()},
        **{w: ("hundred", v) for w, v in _HUNDREDS.items()},
        **{w: ("half", v) for w, v in _HALVES.items()},
        **{w: ("article", v) for w, v in _ARTICLES.items()},
        **{w: ("scale", v) for w, v in SCALES.items() if w not in ABBREVIATED_SCALES},
        **{w: ("scale", v) for w, v in _AR_DUAL_SCALES.items()},
    }
)
# Languages whose number words the first lists read without a language gate (en, fr, es, de, ar).
BASE_WORD_LANGUAGES = frozenset({"en", "fr", "es", "de", "ar"})


def _word_languages() -> dict[str, str]:
    """Return word -> '|'-joined languages: the hand list of ambiguous words, plus every number and
    scale word only the later languages (it, pt, nl, pl, ru) use, read only in them."""
    gated = {w: set(langs.split("|")) for w, langs in read_rows("numbers_word_languages.tsv")}
    languages: dict[str, set[str]] = {}
    for word, language, _ in _WORD_ROWS:
        languages.setdefault(word, set()).add(language)
    for word, (_, _, langs) in _CLDR_SCALES.items():
        languages.setdefault(word, set()).update(langs)
    base_words = set(_AR_UNITS) | set(_HUNDREDS) | set(SCALES) | set(_HALVES) | DUAL_SCALES
    for word, langs in languages.items():
        if word in gated:
            gated[word] |= langs - BASE_WORD_LANGUAGES
        elif not langs & BASE_WORD_LANGUAGES and word not in base_words:
            gated[word] = langs
    return {w: "|".join(sorted(langs)) for w, langs in gated.items()}


# Words that are only numbers in some languages and ordinary words elsewhere.
WORD_LANGUAGE: Mapping[str, str] = MappingProxyType(_word_languages())
GERMAN_NUMBER_MORPHEMES = tuple(row[0] for row in read_rows("numbers_german_morphemes.txt"))
# Words around a number word, per list, as regex alternations ("several": "several|a few|...").
NUMBER_CONTEXT_WORDS = alternations("numbers_context_words.tsv")

# --- vague and approximate quantity words -------------------------------------------------
# phrase -> lower bound (qualifier "vague", value null)
VAGUE: Mapping[str, float] = MappingProxyType(
    {w: float(v) for w, v, kind in read_rows("figures_vague.tsv") if kind == "vague"}
)
# "une vingtaine" -> approximately 20 (value kept, bounds null)
APPROXIMATE_NOUNS: Mapping[str, float] = MappingProxyType(
    {w: float(v) for w, v, kind in read_rows("figures_vague.tsv") if kind == "approximate"}
)

# --- qualifiers ----------------------------------------------------------------------------
PRE_QUALIFIERS: Mapping[str, str] = MappingProxyType(_pairs(_rows_of("figures_qualifiers.tsv", "pre")))
POST_QUALIFIERS: Mapping[str, str] = MappingProxyType(_pairs(_rows_of("figures_qualifiers.tsv", "post")))

# --- units ----------------------------------------------------------------------------------
# Hand-written rows (en, fr, es, de, ar), then CLDR's time unit and percent names of it, pt, nl, pl, ru
# (generated; each read only in its languages).
_UNIT_ROWS = read_rows("figures_units.tsv") + read_rows("figures_units_cldr.tsv")
TIME_UNITS: Mapping[str, str] = _with_tanween_variants({r[1]: r[2] for r in _UNIT_ROWS if r[0] == "time"})
MEASURE_UNITS: Mapping[str, str] = _with_tanween_variants({r[1]: r[2] for r in _UNIT_ROWS if r[0] == "measure"})
PERCENT_WORDS = tuple(r[1] for r in _UNIT_ROWS if r[0] == "percent")
# Unit words that are ordinary words in other languages ("an" year in French, "mes" month in
# Spanish): read only in the languages listed.
UNIT_LANGUAGES: Mapping[str, str] = MappingProxyType({r[1]: r[3] for r in _UNIT_ROWS if len(r) > 3 and r[3]})

# --- currencies ---------------------------------------------------------------------------
CURRENCY_SYMBOLS: Mapping[str, str] = MappingProxyType(_pairs(_rows_of("figures_currencies.tsv", "symbol")))
# Hand-written words first; CLDR's currency names (generated) add the currencies they do not name ("taka").
CURRENCY_WORDS: Mapping[str, str] = _with_tanween_variants(
    {**_pairs(read_rows("figures_currencies_cldr.tsv")), **_pairs(_rows_of("figures_currencies.tsv", "word"))}
)
# "pesos" resolved from the country the article names; first match wins.
PESO_COUNTRIES: tuple[tuple[str, str], ...] = tuple((k, c) for k, c in _rows_of("figures_currencies.tsv", "peso"))

# --- categories -----------------------------------------------------------------------------
# Regex alternations (lowercase), matched as word prefixes in a window around the number.
CATEGORY_CUES: tuple[tuple[str, str], ...] = tuple(alternations("figures_category_cues.tsv").items())

# --- counted nouns --------------------------------------------------------------------------
_NOUN_SETS = read_rows("figures_noun_sets.tsv")
# Nouns from the wordnets (generated): French and Spanish noun lemmas -> English, English nouns of persons.
_WORDNET_ROWS = read_rows("figures_noun_lemmas_wordnet.tsv")
WORDNET_TRANSLATIONS: Mapping[str, Mapping[str, str]] = MappingProxyType(
    {
        lang: MappingProxyType({w: e for k, la, w, e in _WORDNET_ROWS if k == "translation" and la == lang})
        for lang in ("fr", "es")
    }
)
# Nouns naming persons (English singular form) that the rules read as persons wherever they are (a year
# before one is a count: "2015 soldiers").
PERSON_NOUNS = frozenset(w for s, w in _NOUN_SETS if s == "person")
# English nouns whose first sense WordNet files under person (noun.person): with PERSON_NOUNS, what
# `is_person` reads as persons, a count of which is category "people" ("2015 General Election" stays no count).
WORDNET_PERSONS = frozenset(w for kind, _, w, _ in _WORDNET_ROWS if kind == "person")
KILLED_NOUNS = frozenset(w for s, w in _NOUN_SETS if s == "killed")
# Two-word counted nouns kept whole in `object` ("asylum seekers" -> "asylum seeker").
COMPOUND_NOUNS = frozenset(w for s, w in _NOUN_SETS if s == "compound")
# Nouns that make the number a fraction ("deux tiers", "two thirds"): not figures.
FRACTION_NOUNS = frozenset(w for s, w in _NOUN_SETS if s == "fraction")
# Modifiers skipped between the number and the noun ("six other children", "neuf autres").
NOUN_SKIP_WORDS = frozenset(w for s, w in _NOUN_SETS if s == "skip")
# Foreign counted nouns -> English singular (the `object` field is English); None: no counted thing.
NOUN_TRANSLATIONS: Mapping[str, str | None] = _with_tanween_variants(
    {r[0]: r[1] or None for r in read_rows("figures_noun_translations.tsv")}
)
ENGLISH_IRREGULAR_SINGULARS: Mapping[str, str] = MappingProxyType(_pairs(read_rows("figures_english_singulars.tsv")))
_LEXICON_WORDS = frozenset(
    {
        *NUMBER_WORDS,
        *SCALES,
        *VAGUE,
        *APPROXIMATE_NOUNS,
        *TIME_UNITS,
        *MEASURE_UNITS,
        *PERCENT_WORDS,
        *CURRENCY_WORDS,
        *PERSON_NOUNS,
        *NOUN_TRANSLATIONS,
        *ENGLISH_IRREGULAR_SINGULARS,
    }
)


def stop_words(languages: tuple[str, ...], extra_file: str) -> frozenset[str]:
    """Return spaCy's stop words of `languages` the lexicons do not read otherwise, plus a hand list."""
    generated = (w for lang, w in read_rows("figures_stop_words.tsv") if lang in languages and w not in _LEXICON_WORDS)
    return frozenset(generated) | frozenset(row[0] for row in read_rows(extra_file))


# Words that end a counted noun phrase after the number (English and German).
NOUN_PHRASE_STOPS = stop_words(("en", "de"), "figures_noun_phrase_stops.txt")
# French/Spanish words that are never the counted noun right after a number.
FUNCTION_WORDS = stop_words(("fr", "es"), "figures_function_words.txt")
MONTHS = month_names()
# Context words around a number, per list, as regex alternations ("identifier": "article|section|...").
CONTEXT_WORDS = alternations("figures_context_words.tsv")
