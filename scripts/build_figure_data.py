"""Rebuild the package-generated word lists of the figure stage in flows/text/data.

Run from the project root: `uv run python scripts/build_figure_data.py` (`--check` only compares).
The hand-written lists beside them are edited by hand; these are only ever regenerated.
"""

from __future__ import annotations

import sys
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "flows" / "text" / "data"
LANGUAGES = ("en", "fr", "es", "de")
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
    return value < 100 or language == "es" and value % 100 == 0 and value < 1000


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

    if language not in ("es", "fr"):
        return words
    forms = dict(words)
    if language == "es":
        forms |= {w[:-3] + ending: v for w, v in words.items() if w.endswith("uno") for ending in ("ún", "un")}
    plain = {
        "".join(c for c in unicodedata.normalize("NFD", w) if not unicodedata.combining(c)): v for w, v in forms.items()
    }
    return plain | forms


def number_rows() -> list[str]:
    """Return 'word<TAB>language<TAB>value' rows for the four text2num languages."""
    rows = []
    for lang in LANGUAGES:
        words = spelling_variants(number_words(lang), lang)
        rows += [f"{w}\t{lang}\t{v}" for w, v in sorted(words.items(), key=lambda x: (x[1], x[0]))]
    return rows


def stop_word_rows() -> list[str]:
    """Return 'language<TAB>word' rows of spaCy's stop words for en, de, fr, es."""
    import importlib

    return [
        f"{lang}\t{w}"
        for lang in ("en", "de", "fr", "es")
        for w in sorted(importlib.import_module(f"spacy.lang.{lang}.stop_words").STOP_WORDS)
    ]


def render(header: str, rows: list[str]) -> str:
    """Return a data file: '#' header lines, then one row per line."""
    return "\n".join([*(f"# {line}" for line in header.splitlines()), *rows]) + "\n"


FILES = {
    "numbers_words.tsv": (
        "Cardinal number words of en, fr, es, de, tab-separated: word, language, value (0 and 2-99; Spanish\n"
        "hundreds; German up to 12, larger German numbers are compounds). Source: wordfreq's frequent words\n"
        '(large lists) that text2num reads as a number, without plural nouns ("twos"), plus the hyphenated\n'
        "French teens and tens text2num reads, Spanish and French spellings without accents and the Spanish\n"
        'apocope ("veintiún"). Generated by scripts/build_figure_data.py; do not edit by hand.',
        number_rows,
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
