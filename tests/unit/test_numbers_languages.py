"""Numbers in every corpus language: scale words, inflected forms, separators and other scripts."""

from __future__ import annotations

import pytest

from flows.text.figures import extract_figures
from flows.text.numbers import find_numbers, normalize_digits, parse_number


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("2,5 milioni", "it", 2_500_000.0),  # decimal comma before an Italian scale word
        ("tre milioni", "it", 3_000_000.0),  # text2num reads Italian
        ("trecentoquarantadue", "it", 342.0),  # a glued Italian compound
        ("4 mld", "it", 4e9),  # CLDR short form, after digits only
        ("dois milhões", "pt", 2_000_000.0),
        ("quinhentos milhoes", "pt", 5e8),  # scale written without its tilde
        ("1,2 bi", "pt", 1.2e9),  # Brazilian abbreviation
        ("twee miljoen", "nl", 2_000_000.0),
        ("zesenveertig", "nl", 46.0),
        ("vierduizend", "nl", 4000.0),  # glued Dutch thousands
        ("3,3 bln", "pl", 3.3e12),  # Polish "bilion" is the long scale
        ("7,1 mld", "pl", 7.1e9),
        ("12 tys.", "pl", 12_000.0),
        ("dwa miliony", "pl", 2_000_000.0),  # nominative plural after two
        ("pięciu milionów", "pl", 5_000_000.0),  # genitive
        ("4,9 млрд", "ru", 4.9e9),
        ("1,5 млн", "ru", 1.5e6),
        ("15 тыс.", "ru", 15_000.0),
        ("двадцать пять тысяч", "ru", 25_000.0),
        ("трёх миллионов", "ru", 3e6),  # genitive of three and of the scale
        ("10 000", "ru", 10_000.0),  # group separator is a space in Russian
        ("116 tysięcy 290", "pl", 116_290.0),  # a count written by sections
        ("4 миллиона 12 тысяч 7", "ru", 4_012_007.0),
        ("un bilione", "it", 1e12),  # a scale noun of CLDR's spell-out rules
        ("tweeduizend en negen", "nl", 2009.0),  # Dutch "en" joins a number like "and"
        ("vierentwintig", "nl", 24.0),
        ("tweeentwintig", "nl", 22.0),  # the diaeresis left out
        ("quarenta e um", "pt", 41.0),  # "one" closing a number after its tens
        ("тридцать один", "ru", 31.0),
        ("uma", "pt", 1.0),  # the whole text is one
        ("quattrocento e tre dozzine", "it", 436.0),  # a dozen multiplies the word before it only
    ],
)
def test_parse_number_reads_scales_and_words_of_each_language(text: str, language: str, expected: float) -> None:
    assert parse_number(text, language) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3万", 30_000.0),  # digits with a Chinese myriad
        ("2.5万", 25_000.0),
        ("一百二十", 120.0),
        ("三千", 3000.0),
        ("1억2천만", 120_000_000.0),  # Korean: digits and scales mixed
        ("5천억", 5e11),
    ],
)
def test_parse_number_reads_chinese_and_korean_numerals(text: str, expected: float) -> None:
    assert parse_number(text, "en") == pytest.approx(expected)


@pytest.mark.parametrize("text", ["万一", "이사", "统一"])
def test_cjk_words_that_merely_contain_numerals_are_not_numbers(text: str) -> None:
    assert find_numbers(text, "en") == []


@pytest.mark.parametrize(
    ("text", "lower"),
    [
        ("数千", 1000.0),
        ("수만", 10_000.0),
        ("сотни", 100.0),
        ("тысячи", 1000.0),
        ("migliaia", 1000.0),
        ("сотни миллионов", 1e8),  # hundreds of millions
    ],
)
def test_vague_quantities_of_other_languages_keep_their_lower_bound(text: str, lower: float) -> None:
    language = "ru" if text[0] in "ст" else "it" if text.isascii() else "en"
    spans = find_numbers(text, language)
    assert [(s.kind, s.lower) for s in spans] == [("vague", lower)]


def test_a_year_after_a_scale_starts_a_new_number() -> None:
    spans = find_numbers("20 tysięcy 2019", "pl")
    assert [s.value for s in spans] == [20_000.0, 2019.0]


def test_french_en_between_numbers_is_a_preposition_not_and() -> None:
    assert parse_number("deux en trois", "fr") is None


def test_digits_of_other_scripts_are_made_ascii_one_for_one() -> None:
    text = "१२३ and ৪৫ and ０９"
    assert normalize_digits(text) == "123 and 45 and 09"


@pytest.mark.parametrize(
    ("text", "language"),
    [("tre", "en"), ("5 mi", "en"), ("trzy", "de"), ("sei", "pt")],
)
def test_words_of_one_language_are_not_read_in_another(text: str, language: str) -> None:
    spans = find_numbers(text, language)
    assert all(s.scale is None for s in spans) and (not spans or spans[0].value == 5.0)


def test_extract_figures_reads_russian_amounts_with_abbreviated_scales() -> None:
    figures = extract_figures("Бюджет проекта составил 4,9 млрд рублей.", "ru")
    # the currency word (CLDR's Russian currency names) joins the span, as "20 million dollars" does in English
    assert [(f.text, f.value, f.unit) for f in figures] == [("4,9 млрд рублей", 4.9e9, "RUB")]


def test_extract_figures_keeps_a_number_with_a_glued_chinese_counter() -> None:
    figures = extract_figures("Local media wrote that 3万人 gathered.", "en")
    assert [(f.text, f.value) for f in figures] == [("3万", 30_000.0)]


def test_a_counter_word_in_a_body_sentence_is_still_a_figure() -> None:
    figures = extract_figures("The post drew 12 comments within an hour of going up.", "en")
    assert [f.text for f in figures] == ["12"]
