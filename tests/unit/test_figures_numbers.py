"""Number parsing under each language's conventions (`flows.text.numbers`)."""

from __future__ import annotations

import pytest

from flows.text.numbers import compose_words, normalize_digits, parse_digits, parse_number

# (text, language, value)
PARSE_CASES = [
    # English comma thousands
    ("1,500", "en", 1500),
    # Arabic number word with the preposition "ب" attached
    ("بخمسة آلاف", "ar", 5000),
    # German number word glued to "-jährige"
    ("zweijährige", "de", 2),
    # English decimal point with three decimals stays a decimal before a scale
    ("4.215 billion", "en", 4.215e9),
    # German dot thousands
    ("1.500", "de", 1500),
    # French space and narrow no-break space thousands
    ("1 500", "fr", 1500),
    ("12\u202f000", "fr", 12000),
    # decimal comma
    ("2,5", "fr", 2.5),
    ("2,5", "de", 2.5),
    # Spanish scale word decides the convention even in an English text
    ("20.000 millones", "en", 2e10),
    # "mil millones" is a thousand million
    ("2 mil millones", "es", 2e9),
    # long scale: Spanish billón = 10^12
    ("tres billones", "es", 3e12),
    # English words with "and"
    ("one hundred and five", "en", 105),
    # hyphenated English compound
    ("twenty-one", "en", 21),
    # French composed tens
    ("quatre-vingt-dix", "fr", 90),
    ("soixante et un", "fr", 61),
    # Spanish "y medio"
    ("tres y medio millones", "es", 3.5e6),
    # Spanish nested scales
    ("tres millones dos mil trescientos cuarenta y siete", "es", 3002347),
    # German compounds through text2num
    ("zweihundertfünfzig", "de", 250),
    ("zwei Millionen eintausendeinhundertfünfzig", "de", 2001150),
    # Arabic-Indic digits
    ("٢٠", "ar", 20),
    # Arabic unit before ten with "و"
    ("خمسة وعشرين", "ar", 25),
    # Arabic thousands word after a number word
    ("ثلاثة آلاف", "ar", 3000),
    # Arabic dual of million
    ("مليوني", "ar", 2e6),
    # Arabic teens
    ("ستة عشر", "ar", 16),
    # abbreviated scales
    ("3bn", "en", 3e9),
    ("10k", "en", 10000),
    # dozens multiply
    ("three dozens", "en", 36),
    # a lone article word is one
    ("uno", "es", 1),
]


@pytest.mark.parametrize(("text", "language", "value"), PARSE_CASES)
def test_parse_number_reads_language_conventions(text: str, language: str, value: float) -> None:
    assert parse_number(text, language) == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("192.168.1.2", "en"),  # an IP address is not one number
        ("seven and five", "en"),  # a list of two numbers is not one number
        ("half", "en"),  # a fraction word alone
    ],
)
def test_parse_number_rejects_non_numbers(text: str, language: str) -> None:
    assert parse_number(text, language) is None


def test_normalize_digits_keeps_offsets() -> None:
    text = "نسبة ٩٠٪ من ١٬٢٠٠"
    assert normalize_digits(text) == "نسبة 90% من 1,200"
    assert len(normalize_digits(text)) == len(text)


@pytest.mark.parametrize(
    ("raw", "language", "value"),
    [
        ("1,234,567.89", "en", 1234567.89),  # both separators: the last one is decimal
        ("1.234.567,89", "de", 1234567.89),
        ("0.5", "de", 0.5),  # a leading zero makes a decimal whatever the convention
        ("43.6", "es", 43.6),  # one or two decimals are never thousands
    ],
)
def test_parse_digits_reads_separators(raw: str, language: str, value: float) -> None:
    assert parse_digits(raw, language) == pytest.approx(value)


def test_compose_words_nests_scales() -> None:
    words = [("unit", 3), ("scale", 1e12), ("unit", 455), ("scale", 1e3), ("unit", 228), ("scale", 1e6)]
    assert compose_words(words) == 3_455_228_000_000


def test_bidirectional_marks_around_a_separator_are_read_through() -> None:
    assert parse_number("4821\u202a,\u202a75", "ar") == pytest.approx(4821.75)


def test_arabic_article_on_a_number_word_is_a_clitic() -> None:
    assert parse_number("المائة", "ar") == 100.0
    assert parse_number("بالمليون", "ar") == 1_000_000.0


def test_arabic_comma_groups_thousands_before_three_digits() -> None:
    assert parse_number("31،400,25", "ar") == pytest.approx(31400.25)
    assert parse_number("7،250", "ar") == 7250.0


@pytest.mark.parametrize(
    ("text", "value"),
    [("أحد عشر", 11.0), ("إحدى عشرة", 11.0), ("اثني عشر", 12.0), ("مائتا ألف", 200_000.0), ("مئتا ألف", 200_000.0)],
)
def test_arabic_compound_teens_and_construct_duals(text: str, value: float) -> None:
    assert parse_number(text, "ar") == value


def test_arabic_one_of_and_sunday_are_no_numbers() -> None:
    assert parse_number("أحد الجنود", "ar") is None
    assert parse_number("يوم الأحد", "ar") is None
