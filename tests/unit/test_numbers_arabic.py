"""Arabic numbers: the generated word table matches num2words and CLDR, and the parser reads what they write."""

from __future__ import annotations

import random
from importlib.resources import files

import pytest

from flows.text.numbers import find_numbers, parse_number

DATA = files("flows.text") / "data"


def _sample() -> list[int]:
    rng = random.Random(7)
    return [
        *range(2, 130),
        *(rng.randint(100, 10**4) for _ in range(60)),
        *(rng.randint(10**4, 10**7) for _ in range(60)),
        *(rng.randint(10**7, 10**10) for _ in range(30)),
        2000,
        2_000_000,
        11_000,
        200_000,
    ]


def test_the_arabic_word_table_is_what_the_build_script_makes(build_script) -> None:
    builder = build_script("build_arabic_numbers")
    assert (DATA / "numbers_words_ar.tsv").read_text(encoding="utf-8") == builder.render()


def test_every_number_num2words_spells_in_arabic_is_read_back() -> None:
    from num2words import num2words

    wrong = {}
    for number in _sample():
        spelled = num2words(number, lang="ar").strip()
        for text in (spelled, spelled.replace("و ", "و")):  # num2words spaces the "و"; news glue it
            if parse_number(text, "ar") != number:
                wrong[text] = parse_number(text, "ar")
    assert wrong == {}


def test_every_number_cldr_spells_in_arabic_is_read_back() -> None:
    from unicode_rbnf import RbnfEngine

    engine = RbnfEngine.for_language("ar")
    wrong = {
        text: parse_number(text, "ar")
        for number in _sample()
        for text in engine.format_number(number).text_by_ruleset.values()
        if parse_number(text, "ar") != number
    }
    assert wrong == {}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("مليونان", 2e6),  # a dual of a scale is two of it
        ("ألفي", 2000),  # its construct in the genitive
        ("ألفا", 2000),  # alone, the construct of the dual
        ("ثلاثون ألفا", 30000),  # after a number, the accusative of the scale
        ("أربعون ألفاً", 40000),  # with its tanween
        ("إحدى وعشرون", 21),  # "one" in the feminine before the tens
        ("إثنا عشر", 12),  # the hamza under the alef, as CLDR writes it
        ("ثلاثة ألاف", 3000),  # the plural of thousand with a plain hamza
        ("سبعة آلاف ومائتان", 7200),  # "و" before the hundreds after a scale
        ("مليون وخمسة آلاف", 1_005_000),  # and before a smaller scale
        ("ثَلاثَة", 3),  # vowel marks
        ("٤٫٥ مليون", 4.5e6),  # Arabic-Indic digits and decimal separator
        ("ربع الثمانين", 20),  # a fraction noun in construct with a definite number
        ("خمس الف", 5000),  # but "الف" is thousand, not the article
        ("صفر", 0),
        ("10G", 1e10),  # an SI prefix after a number written alone
    ],
)
def test_arabic_number_forms(text: str, value: float) -> None:
    assert parse_number(text, "ar") == value


def test_a_case_mark_closing_a_number_word_is_inside_the_span() -> None:
    text = "وصل عشرون ألفاً إلى المدينة"
    [span] = find_numbers(text, "ar")
    assert text[span.start : span.end] == "عشرون ألفاً" and span.value == 20000


def test_zero_and_fraction_nouns_are_no_numbers_in_running_text() -> None:
    # "صفر" is also a month; "ربع" a quarter: neither is found inside a sentence
    assert find_numbers("في شهر صفر وصل ربع السكان", "ar") == []


def test_an_si_letter_after_digits_in_running_text_is_no_multiplier() -> None:
    [span] = find_numbers("a 5G network", "en")
    assert span.value == 5
