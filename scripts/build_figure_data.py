"""Rebuild the package-generated word lists of the figure stage in flows/text/data.

Run from the project root: `uv run python scripts/build_figure_data.py` (`--check` only compares).
The hand-written lists beside them are edited by hand; these are only ever regenerated.
"""

from __future__ import annotations

import itertools
import sys
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Literal

DATA = Path(__file__).resolve().parent.parent / "flows" / "text" / "data"
LANGUAGES = ("en", "fr", "es", "de", "it", "pt", "nl")  # the languages text2num reads
# Corpus languages whose separators and scale words come from CLDR (Babel); pt_PT adds the long scale.
CLDR_LOCALES = ("en", "fr", "es", "de", "it", "pt", "pt_PT", "nl", "pl", "ru", "ar")
# Languages whose scale words come from CLDR; en, fr, es, de, ar keep the hand-written numbers_scales.tsv.
CLDR_SCALE_LANGUAGES = ("it", "pt", "nl", "pl", "ru")
# Languages whose number words come from CLDR's spell-out rules (unicode-rbnf): text2num does not read them.
RBNF_LANGUAGES = ("pl", "ru")
# Scripts whose numerals are read inside any text (CJK and Korean), from CLDR's spell-out rules.
CJK_LANGUAGES = ("zh", "ko")
SCALE_MAGNITUDES = (3, 6, 9, 12)
# text2num languages whose words are checked against CLDR's spellings (added after en, fr, es, de).
RBNF_CHECKED = ("it", "pt", "nl")
CANDIDATES = 200_000  # most frequent words per language tried as number words
GERMAN_SIMPLE_MAX = 12  # larger German numbers are compounds, read by the compound parser
# text2num reads the Spanish ordinal apocope "tercer" (third) as a cardinal.
NOT_CARDINALS = frozenset({"tercer"})


def cardinal_value(word: str, language: str) -> int | None:
    """Return the value text2num reads in a word, else None."""
    from text_to_num import text2num

    try:
        return None if word in NOT_CARDINALS else text2num(word, language)
    except ValueError:
        return None


def kept(word: str, value: int, language: str) -> bool:
    """Return whether a word belongs in the list: 0 and 2..99 (the words for one are articles too,
    listed by hand), Spanish hundreds, German simple words; no single letters."""
    if value == 1 or len(word) < 2:
        return False
    if language == "de":
        return value <= GERMAN_SIMPLE_MAX
    return value < 100 or language in ("es", "it", "pt", "nl") and value % 100 == 0 and value < 1000


def number_words(language: str) -> dict[str, int]:
    """Return the cardinal words of a language (wordfreq's frequent words read by text2num), with
    hyphenated compounds of them ("dix-sept", "quatre-vingt-dix") and without plural nouns ("twos")."""
    from wordfreq import top_n_list

    found = {
        w: v
        for w in top_n_list(language, CANDIDATES, wordlist="large")
        if w.isalpha()
        if (v := cardinal_value(w, language)) is not None
    }
    if language in RBNF_CHECKED:
        # text2num also reads ordinal stems ("terz", "quint"): keep the words CLDR spells as cardinals
        # (a word of a larger number counts: "cento" in "cento e um")
        found = {w: v for w, v in found.items() if w in rbnf_cardinals(language, v) | rbnf_tokens(language, v + 1)}
    plural = {w for w in found if w.endswith("s") and (found.get(w[:-1]) == found[w] or found.get(w[:-2]) == found[w])}
    if language == "fr":
        found |= french_compounds(found, plural)
    return {w: v for w, v in found.items() if w not in plural and kept(w, v, language)}


def french_compounds(found: dict[str, int], plural: set[str]) -> dict[str, int]:
    """Return the hyphenated French words for the teens and tens ("dix-sept", "quatre-vingts",
    "quatre-vingt-dix") that text2num reads; other compounds are read word by word."""
    small = [w for w, v in found.items() if 1 < v < 100]
    pairs = [(a, b) for a in small for b in small if a not in plural]
    candidates = {f"{a}-{b}" for a, b in pairs} | {f"{a}-{b}-{c}" for a, b in pairs if b not in plural for c in small}
    compounds = {w: v for w in candidates if (v := cardinal_value(w, "fr")) is not None}
    # Only "vingt" takes the plural s closing a number below 100 ("quatre-vingts", not "dix-huits").
    return {
        w: v
        for w, v in compounds.items()
        if (10 < v < 20 or v % 10 == 0) and (w.rsplit("-", 1)[1] not in plural or v % 20 == 0)
    }


def spelling_variants(words: dict[str, int], language: str) -> dict[str, int]:
    """Return the words plus forms text2num does not list: Spanish and French written without
    accents ("veintitres"), and the Spanish apocope of "-uno" before a noun ("veintiún años")."""
    import unicodedata

    if language not in ("es", "fr", "it", "pt"):
        return words
    forms = dict(words)
    if language == "es":
        forms |= {w[:-3] + ending: v for w, v in words.items() if w.endswith("uno") for ending in ("ún", "un")}
    plain = {
        "".join(c for c in unicodedata.normalize("NFD", w) if not unicodedata.combining(c)): v for w, v in forms.items()
    }
    return plain | forms


def number_rows() -> list[str]:
    """Return 'word<TAB>language<TAB>value' rows for the text2num languages."""
    rows = []
    for lang in LANGUAGES:
        words = spelling_variants(number_words(lang), lang)
        rows += [f"{w}\t{lang}\t{v}" for w, v in sorted(words.items(), key=lambda x: (x[1], x[0]))]
    return rows


def rbnf_texts(language: str, number: int) -> set[str]:
    """Return every cardinal spelling of `number` in CLDR's spell-out rules (all genders and cases;
    Sino-Korean only, the native Korean words are counters, not written with scales)."""
    from unicode_rbnf import RbnfEngine

    result = RbnfEngine.for_language(language).format_number(number)
    skip = ("ordinal", "year", "days", "native")
    return {text.lower() for name, text in result.text_by_ruleset.items() if not any(s in name for s in skip)}


def rbnf_cardinals(language: str, number: int) -> set[str]:
    """Return the one-word cardinal spellings of `number` in CLDR's spell-out rules (pt with pt_PT)."""
    locales = (language, f"{language}_PT") if language == "pt" else (language,)
    return {text for locale in locales for text in rbnf_texts(locale, number) if " " not in text}


def rbnf_tokens(language: str, number: int) -> set[str]:
    """Return the words of the cardinal spellings of `number` in CLDR's spell-out rules (pt with pt_PT)."""
    locales = (language, f"{language}_PT") if language == "pt" else (language,)
    return {word for locale in locales for text in rbnf_texts(locale, number) for word in text.split()}


def rbnf_spellings(language: str, number: int) -> set[tuple[str, str]]:
    """Return (ruleset, spelling) of `number` in CLDR's cardinal spell-out rules."""
    from unicode_rbnf import RbnfEngine

    result = RbnfEngine.for_language(language).format_number(number)
    return {(name, text.lower()) for name, text in result.text_by_ruleset.items() if "cardinal" in name}


def rbnf_word_rows() -> list[str]:
    """Return 'word<TAB>language<TAB>value' rows: the one-word spellings of 2..19, the tens and the
    hundreds in every gender and case of pl and ru ("dwóch", "пятью", "двести")."""
    rows = []
    for language in RBNF_LANGUAGES:
        words: dict[str, int] = {}
        for number in (*range(2, 20), *range(20, 100, 10), *range(100, 1000, 100)):
            for text in rbnf_texts(language, number):
                if " " not in text and "-" not in text:
                    words.setdefault(text, number)
        rows += [f"{w}\t{language}\t{v}" for w, v in sorted(words.items(), key=lambda x: (x[1], x[0]))]
    return rows


def cjk_rows() -> list[str]:
    """Return 'character<TAB>language<TAB>value' rows of the Chinese and Korean numerals 0..9 and
    the scales 10..10^12, each spelled as one character in CLDR's spell-out rules."""
    rows = []
    for language in CJK_LANGUAGES:
        chars: dict[str, int] = {}
        for number in (*range(10), *(10**k for k in (1, 2, 3, 4, 8, 12))):
            for text in sorted(rbnf_texts(language, number)):
                # a scale is written alone or after "one" ("一百", "일억")
                char = text[-1]
                if len(text) == 1 or number >= 10 and all(c in chars and chars[c] == 1 for c in text[:-1]):
                    chars.setdefault(char, number)
        rows += [f"{c}\t{language}\t{v}" for c, v in sorted(chars.items(), key=lambda x: (x[1], x[0]))]
    return rows


def without_accents(word: str) -> str:
    """Return a Latin word without its accents ("milhões" -> "milhoes"); other scripts unchanged."""
    import unicodedata

    if not word.isascii() and not all("a" <= c <= "z" or c in "ąćęłńóśźżãõáéíóúâêôàç." for c in word):
        return word
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


def is_abbreviation(word: str) -> bool:
    """Whether a CLDR short scale is a usable abbreviation: two letters or more, one case pattern ("mln", "Mrd")."""
    letters = word.rstrip(".")
    return len(letters) > 1 and letters.isalpha() and word in (word.lower(), word.capitalize(), word.upper())


def cldr_scale_rows() -> list[str]:
    """Return 'word<TAB>language<TAB>value<TAB>form' rows of scale words from CLDR: the compact number
    formats (long: the plural forms, short: abbreviations) and, for pl and ru, the scale nouns in every
    case of the spell-out rules. form: singular (read alone as its value), plural (alone a vague
    quantity), abbreviated (read only after digits)."""
    from babel import Locale

    found: dict[tuple[str, str], tuple[float, str]] = {}
    for locale in CLDR_LOCALES:
        language = locale.split("_")[0]
        if language not in CLDR_SCALE_LANGUAGES:
            continue
        formats = Locale.parse(locale).compact_decimal_formats
        for kind in ("long", "short"):
            for plural, patterns in (formats.get(kind) or {}).items():
                for magnitude, pattern in patterns.items():
                    exponent = len(magnitude) - 1
                    word = str(pattern.pattern).replace("'", "").replace("0", "").strip()
                    if exponent not in SCALE_MAGNITUDES or not word or " " in word or "\xa0" in word:
                        continue
                    if kind == "short" and not is_abbreviation(word):
                        continue
                    form = "abbreviated" if kind == "short" else "singular" if plural == "one" else "plural"
                    found.setdefault((word.lower(), language), (10.0**exponent, form))
    for language in CLDR_SCALE_LANGUAGES:
        for exponent in SCALE_MAGNITUDES:
            for factor in (1, 2, 5):
                for _, text in rbnf_spellings(language, factor * 10**exponent):
                    # alone, a scale in a case of "one" is its value ("около миллиона"), a form only seen
                    # after a larger number is a vague quantity ("миллионов"); nominative plurals that
                    # share a form of "one" ("тысячи") are vague words of figures_vague.tsv
                    form = "singular" if factor == 1 else "plural"
                    if factor > 1 and " " not in text:
                        continue  # a glued compound ("duemila", "tweeduizend") is no scale word
                    key = (text.split()[-1], language)
                    if found.get(key, (0, ""))[1] != "singular":
                        found[key] = (10.0**exponent, form)
    for (word, language), entry in list(found.items()):
        found.setdefault((without_accents(word), language), entry)  # "milhoes", "milioes"
    return [
        f"{w}\t{lang}\t{v:g}\t{form}"
        for (w, lang), (v, form) in sorted(found.items(), key=lambda x: (x[0][1], x[1][0], x[0][0]))
    ]


def separator_rows() -> list[str]:
    """Return 'language<TAB>decimal<TAB>group' rows: CLDR's Latin-digit separators (group spaces named)."""
    from babel import Locale

    names = {"\xa0": "nbsp", "\u202f": "nnbsp", " ": "space"}
    rows = []
    for locale in CLDR_LOCALES:
        if "_" not in locale:
            symbols = Locale.parse(locale).number_symbols["latn"]
            rows.append(f"{locale}\t{symbols['decimal']}\t{names.get(symbols['group'], symbols['group'])}")
    return rows


def stop_word_rows() -> list[str]:
    """Return 'language<TAB>word' rows of spaCy's stop words for en, de, fr, es."""
    import importlib

    return [
        f"{lang}\t{w}"
        for lang in ("en", "de", "fr", "es")
        for w in sorted(importlib.import_module(f"spacy.lang.{lang}.stop_words").STOP_WORDS)
    ]


CURRENCY_LOCALES = ("en", "fr", "es", "de")
# Languages added after the first four: their words are judged ordinary or place words in their own language
# only, and never displace a word of the first four.
LATER_CURRENCY_LOCALES = ("it", "pt", "nl", "pl", "ru")
ALL_CURRENCY_LANGUAGES = CURRENCY_LOCALES + LATER_CURRENCY_LOCALES
MAJOR_CURRENCIES = frozenset({"USD", "EUR", "GBP", "JPY", "CNY"})
HEAD_LAST_LOCALES = ("en", "de", "nl")  # "South Korean won", "Amerikaanse dollar"; elsewhere "dollaro statunitense"
CURRENCY_DATE = date(2026, 1, 1)  # currencies in use on this day (a fixed day keeps the file reproducible)
COMMON_WORD_ZIPF = 3.5  # a currency name this frequent in any of those languages is an ordinary word ("real")


def current_currencies() -> set[str]:
    """Return the ISO 4217 codes (pycountry) some territory uses as legal tender on CURRENCY_DATE (CLDR, Babel)."""
    from babel.core import get_global
    from babel.numbers import get_territory_currencies

    territories = get_global("territory_currencies")
    import pycountry

    iso = {currency.alpha_3 for currency in pycountry.currencies}
    return {code for t in territories for code in get_territory_currencies(t, CURRENCY_DATE, tender=True)} & iso


def home_currencies(language: str) -> set[str]:
    """Return the currencies in use today in the country CLDR's likely subtags give a language (ru -> RUB)."""
    from babel.core import get_global
    from babel.numbers import get_territory_currencies

    territory = get_global("likely_subtags").get(language, "").split("_")[-1]
    return set(get_territory_currencies(territory, CURRENCY_DATE, tender=True)) if territory else set()


RUSSIAN_ADJECTIVE_ENDINGS = ("ий", "ый", "ой", "их", "ых", "ого", "его", "ая", "яя", "ие", "ые")


def _head_noun(words: list[str], language: str) -> str:
    """Return the head noun of a currency name: last in en, de, nl ("South Korean won"), first elsewhere
    ("dollaro statunitense", "доллар США"); in Russian the first word that is no adjective ("российский рубль")."""
    if not words:
        return ""
    if language in HEAD_LAST_LOCALES:
        return words[-1]
    if language == "ru":
        return next((w for w in words if not w.endswith(RUSSIAN_ADJECTIVE_ENDINGS)), words[-1])
    return words[0]


def _currency_heads(names: tuple[str, ...], current: set[str]) -> dict[str, set[str]]:
    """Return head noun -> ISO codes of CLDR's currency names (singular and plural) of the locales."""
    from babel import Locale

    codes: dict[str, set[str]] = {}
    for name in names:
        locale = Locale.parse(name)
        plurals = locale._data["currency_names_plural"]
        for code in sorted(current):
            for label in {locale.currencies.get(code, ""), *plurals.get(code, {}).values()}:
                words = label.lower().split()
                word = _head_noun(words, name)
                if len(word) > 2 and word.isalpha():
                    codes.setdefault(word, set()).add(code)
    return codes


def _currency_rows(
    codes: dict[str, set[str]], names: tuple[str, ...], skip: set[str], judged_in: str | None = None
) -> list[str]:
    """Return 'word<TAB>code' rows of the head nouns that are no place word, no ordinary word of the
    locales and not in `skip`; a word several currencies share goes to the one English writes with a
    symbol of its own, else is left out. `judged_in`: the later language the words come from (see below)."""
    from babel import Locale
    from babel.numbers import get_currency_symbol
    from wordfreq import zipf_frequency

    places = {w for name in names for t in Locale.parse(name).territories.values() for w in t.lower().split()}
    rows = []
    for word, found in sorted(codes.items()):
        own_symbol = sorted(c for c in found if get_currency_symbol(c, "en") != c)
        chosen = sorted(found) if len(found) == 1 else own_symbol
        common = any(zipf_frequency(word, lang) >= COMMON_WORD_ZIPF for lang in names)
        if judged_in is not None:
            # a word of a later language is read in every text: ordinary in any of the nine languages, it is
            # left out, unless it is frequent in its own language only because it names its country's money or
            # one of the major currencies ("dollari", "рублей", "złotych")
            major = sorted(found & (home_currencies(judged_in) | MAJOR_CURRENCIES))
            elsewhere = any(
                zipf_frequency(word, lang) >= COMMON_WORD_ZIPF for lang in ALL_CURRENCY_LANGUAGES if lang != judged_in
            )
            common = elsewhere or (common and not major)
            chosen = major[:1] if common is False and major else chosen
        if word in skip or word in places or common:
            continue
        if len(chosen) == 1:
            rows.append(f"{word}\t{chosen[0]}")
    return rows


def currency_word_rows() -> list[str]:
    """Return 'word<TAB>code' rows: the head noun of CLDR's currency names in en, fr, es, de (singular and
    plural), for currencies in use today, then those of it, pt, nl, pl, ru each judged in its own language
    ("dollari", "dolarów", "долларов"). Words of the hand-written table are left out."""
    current = current_currencies()
    hand = {
        row.split("\t")[1]
        for row in (DATA / "figures_currencies.tsv").read_text(encoding="utf-8").splitlines()
        if row.startswith("word\t")
    }
    rows = _currency_rows(_currency_heads(CURRENCY_LOCALES, current), CURRENCY_LOCALES, hand)
    taken = hand | {row.split("\t")[0] for row in rows}
    for name in LATER_CURRENCY_LOCALES:
        added = _currency_rows(_currency_heads((name,), current), (name,), taken, judged_in=name)
        rows += added
        taken |= {row.split("\t")[0] for row in added}
    return sorted(rows)


CLDR_UNIT_LANGUAGES = ("it", "pt", "nl", "pl", "ru")
# CLDR unit -> (kind, unit) of figures_units.tsv
CLDR_UNITS = {
    "duration-year": ("time", "year"),
    "duration-month": ("time", "month"),
    "duration-week": ("time", "week"),
    "duration-day": ("time", "day"),
    "duration-hour": ("time", "hour"),
    "duration-minute": ("time", "minute"),
    "concentr-percent": ("percent", "percent"),
}
PLURAL_SAMPLES = (0, 1, 2, 5, 1.5, 22)  # one number of each plural category of the five languages
UNIT_LENGTHS: tuple[Literal["long", "short"], ...] = ("long", "short")


def unit_word_rows() -> list[str]:
    """Return 'kind<TAB>word<TAB>unit<TAB>languages' rows: the unit names of CLDR (time units and percent,
    long and short forms without abbreviations) in it, pt, nl, pl, ru, every plural form, without the words
    figures_units.tsv already has."""
    from babel.units import format_unit

    hand = {
        row.split("\t")[1]
        for row in (DATA / "figures_units.tsv").read_text(encoding="utf-8").splitlines()
        if row and not row.startswith("#")
    }
    found: dict[tuple[str, str, str], set[str]] = {}
    for language in CLDR_UNIT_LANGUAGES:
        for cldr_unit, (kind, unit) in CLDR_UNITS.items():
            for number, length in itertools.product(PLURAL_SAMPLES, UNIT_LENGTHS):
                text = format_unit(number, cldr_unit, length=length, locale=language)
                word = " ".join(w for w in text.lower().split() if not any(c.isdigit() for c in w))
                # a unit Babel lacks comes back as its id; abbreviations ("sett.", "h") are left out
                lacking = word.startswith(("duration", "concentr"))
                if len(word) > 2 and "." not in word and word not in hand and not lacking:
                    found.setdefault((kind, word, unit), set()).add(language)
    return [f"{kind}\t{word}\t{unit}\t{'|'.join(sorted(langs))}" for (kind, word, unit), langs in sorted(found.items())]


COGNATE_CANDIDATES = 50_000  # most frequent words per language tried for an English cognate
ENGLISH_WORD_ZIPF = 3.0  # wordfreq Zipf from which a cognate candidate is an English word


PREDICATE_CANDIDATES = 100_000  # most frequent words per language tried as forms of a predicate


def _simplemma_dictionary(language: str) -> Mapping[str, str]:
    """Return simplemma's word form -> lemma dictionary of a language."""
    from simplemma.strategies.dictionaries.dictionary_factory import DefaultDictionaryFactory

    return DefaultDictionaryFactory().get_dictionary(language)


def predicate_form_rows() -> list[str]:
    """Return 'language<TAB>form<TAB>category' rows: the predicate lemmas of figures_predicate_lemmas.tsv
    and every frequent word (wordfreq) simplemma's dictionary lemmatises to one of them."""
    from wordfreq import top_n_list

    wanted: dict[str, dict[str, str]] = {}
    for line in (DATA / "figures_predicate_lemmas.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            category, language, lemma = line.split("\t")
            wanted.setdefault(language, {})[lemma] = category
    rows = set()
    for language, lemmas in wanted.items():
        rows |= {f"{language}\t{lemma}\t{category}" for lemma, category in lemmas.items()}
        dictionary = _simplemma_dictionary(language)
        for form in top_n_list(language, PREDICATE_CANDIDATES):
            lemma = (dictionary.get(form) or "").lower()
            if lemma in lemmas and form.isalpha():
                rows.add(f"{language}\t{form}\t{lemmas[lemma]}")
    return sorted(rows)


def noun_cognate_rows() -> list[str]:
    """Return 'language<TAB>word<TAB>english' rows: frequent fr, es, it, pt words (wordfreq) whose simplemma
    lemma can be a noun and has an English cognate (flows.text.figures.cognates.english_cognate)."""
    from wordfreq import top_n_list, zipf_frequency

    from flows.text.figures.cognates import COGNATE_LANGUAGES, english_cognate, is_noun_lemma

    def is_english(word: str) -> bool:
        return zipf_frequency(word, "en") >= ENGLISH_WORD_ZIPF

    rows = []
    for language in COGNATE_LANGUAGES:
        lemmas = _simplemma_dictionary(language)
        for word in top_n_list(language, COGNATE_CANDIDATES):
            if not word.isalpha() or is_english(word):
                continue
            lemma = (lemmas.get(word) or word).lower()
            if is_noun_lemma(word, lemma) and (english := english_cognate(lemma, language, is_english)):
                rows.append(f"{language}\t{word}\t{english}")
    return sorted(set(rows))


def render(header: str, rows: list[str]) -> str:
    """Return a data file: '#' header lines, then one row per line."""
    return "\n".join([*(f"# {line}" for line in header.splitlines()), *rows]) + "\n"


FILES = {
    "numbers_words.tsv": (
        "Cardinal number words of en, fr, es, de, it, pt, nl, tab-separated: word, language, value (0 and 2-99;\n"
        "Spanish, Italian, Portuguese and Dutch hundreds; German up to 12, larger German, Italian and Dutch\n"
        "numbers are compounds). Source: wordfreq's frequent words\n"
        '(large lists) that text2num reads as a number, without plural nouns ("twos"), plus the hyphenated\n'
        "French teens and tens text2num reads, Spanish, French, Italian and Portuguese spellings without accents\n"
        "and the Spanish\n"
        'apocope ("veintiún"). Generated by scripts/build_figure_data.py; do not edit by hand.',
        number_rows,
    ),
    "numbers_words_rbnf.tsv": (
        "Cardinal number words of pl and ru, tab-separated: word, language, value (2-19, tens, hundreds), every\n"
        "gender and case one word spells. Source: CLDR's rule-based number format (spell-out rules) through\n"
        "the unicode-rbnf package. Generated by scripts/build_figure_data.py; do not edit by hand.",
        rbnf_word_rows,
    ),
    "numbers_words_cjk.tsv": (
        "Chinese and Korean numerals, tab-separated: character, language, value (digits 0-9 and the scales\n"
        "ten to 10^12). Source: CLDR's rule-based number format (spell-out rules) through the unicode-rbnf\n"
        "package. Generated by scripts/build_figure_data.py; do not edit by hand.",
        cjk_rows,
    ),
    "numbers_scales_cldr.tsv": (
        "Scale words, tab-separated: word (lowercase), language, value, form. singular: read alone as its\n"
        'value ("milione"); plural: alone a vague quantity ("миллионов"); abbreviated: read only after digits\n'
        '("4,9 млрд", "3 mln"). Source: CLDR compact number formats through Babel (long and short forms, every\n'
        "plural category; pt_PT adds the long-scale forms) and the scale nouns of CLDR's spell-out rules, in\n"
        "every case for pl and ru (unicode-rbnf). Generated by scripts/build_figure_data.py; do not edit by hand.",
        cldr_scale_rows,
    ),
    "numbers_separators.tsv": (
        "Decimal and group separators of Latin digits per language, tab-separated: language, decimal, group\n"
        "(nbsp, nnbsp and space name the space characters). Source: CLDR number symbols through Babel.\n"
        "Generated by scripts/build_figure_data.py; do not edit by hand.",
        separator_rows,
    ),
    "figures_currencies_cldr.tsv": (
        "Currency words after an amount, tab-separated: word (lowercase), ISO 4217 code. Source: CLDR currency\n"
        "names (en, fr, es, de, then it, pt, nl, pl, ru; singular and plural) through Babel, the head noun of each\n"
        "name, currencies in use today; shared words go to the currency English writes with a symbol of its own;\n"
        "ordinary words, place words and the words of figures_currencies.tsv are left out (a word of the later five\n"
        "frequent in its own language only is kept when it names that country's money or a major currency).\n"
        "Generated by scripts/build_figure_data.py; do not edit by hand.",
        currency_word_rows,
    ),
    "figures_units_cldr.tsv": (
        "Time unit and percent words of it, pt, nl, pl, ru, tab-separated: kind, word, unit, languages (read\n"
        "only in these). Source: CLDR's unit names (duration-*, concentr-percent; long and short forms, no\n"
        "abbreviations) through Babel, every plural form, less the words of figures_units.tsv.\n"
        "Generated by scripts/build_figure_data.py; do not edit by hand.",
        unit_word_rows,
    ),
    "figures_predicate_forms.tsv": (
        "Word forms of the predicates that make a count an event, tab-separated: language, form, category.\n"
        "Source: every form simplemma's dictionaries lemmatise to a lemma of figures_predicate_lemmas.tsv\n"
        "(and the lemma). Generated by scripts/build_figure_data.py; do not edit by hand.",
        predicate_form_rows,
    ),
    "figures_noun_cognates.tsv": (
        "English cognates of frequent fr, es, it, pt words, tab-separated: language, word, English. Source:\n"
        "wordfreq's 50,000 most frequent words of each language that are no English words, their simplemma\n"
        "lemma when it can be a noun, and its English cognate by accent or by the suffix correspondences of\n"
        "figures_cognate_suffixes.tsv, kept when wordfreq knows it as English (Zipf >= 3).\n"
        "Generated by scripts/build_figure_data.py; do not edit by hand.",
        noun_cognate_rows,
    ),
    "figures_stop_words.tsv": (
        "Function words of en, de, fr, es, tab-separated: language, word. A counted noun phrase after a number\n"
        "ends at one (en, de); none is the counted noun right after a number (fr, es). Words the figure\n"
        "lexicons read as numbers, units or nouns are set aside by the loader.\n"
        "Source: spacy.lang.<language>.stop_words.STOP_WORDS.\n"
        "Generated by scripts/build_figure_data.py; do not edit by hand.",
        stop_word_rows,
    ),
}


def build() -> dict[str, str]:
    """Return file name -> content of every generated data file."""
    return {name: render(header, make()) for name, (header, make) in FILES.items()}


def main() -> None:
    """Write the generated files, or with --check exit 1 if any differs from the package data."""
    stale = []
    for name, content in build().items():
        path = DATA / name
        if "--check" in sys.argv:
            if not path.exists() or path.read_text(encoding="utf-8") != content:
                stale.append(name)
        else:
            path.write_text(content, encoding="utf-8")
    if stale:
        sys.exit(f"stale generated data: {', '.join(stale)}")


if __name__ == "__main__":
    main()
