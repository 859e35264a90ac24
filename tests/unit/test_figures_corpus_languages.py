"""Dates, ordinals, clock times and foreign number words in the later corpus languages (it, pt, nl, pl, ru)."""

from __future__ import annotations

import pytest

from flows.text.figures import extract_figures


def _values(text: str, language: str) -> list[float | None]:
    return [f.value for f in extract_figures(text, language)]


@pytest.mark.parametrize(
    ("text", "language", "values"),
    [
        # a day before a month name is a date in every corpus language (dateparser's month names)
        ("Il termine scade il 30 giugno e 12 persone sono morte.", "it", [12.0]),
        ("Wybory odbędą się 10 kwietnia, głosowało 300 osób.", "pl", [300.0]),
        ("Об этом сообщили 17 июля, погибли 12 человек.", "ru", [12.0]),
        ("Em 15 de março chegaram 40 pessoas.", "pt", [40.0]),
        ("Op 3 mei kwamen 25 mensen.", "nl", [25.0]),
        # an abbreviated month after the day ("18 июл" in a dateline)
        ("МОСКВА, 18 июл – 30 человек задержаны.", "ru", [30.0]),
        # German "sie" is no Polish month abbreviation: "20 Jahre" stays a figure
        ("Damals waren sie 20 Jahre alt.", "de", [20.0]),
        # a day and month with dots, then the year after a space
        ("Opublikowano ją 18.08. 2022 r., podpisało 900 osób.", "pl", [900.0]),
        # Polish ordinals are written with a dot before a lowercase word; a sentence end is no ordinal
        ("W 80. rocznicę przyszło 500 osób.", "pl", [500.0]),
        ("Liczba ofiar wzrosła do 5. W sobotę było spokojnie.", "pl", [5.0]),
        # the dot after a scale abbreviation ends no ordinal
        ("W sobotę uciekło 2 tys. osób.", "pl", [2000.0]),
        # Russian ordinal endings after a hyphen; an age adjective is no ordinal
        ("Команда заняла 6-е место, в 90-х уехали 40 семей.", "ru", [40.0]),
        # a clock time in Russian ("of the morning")
        ("В Сиднее сейчас 9 утра, в городе 12 больниц.", "ru", [12.0]),
        # an English number word in a Polish text is a Polish word ("ten" = this)
        ("Na ten temat mówiło 20 osób.", "pl", [20.0]),
        # but the language's own number words are read
        ("Przez ostatnie dwa lata przyjechało trzech lekarzy.", "pl", [2.0, 3.0]),
        # English number words are still read in the languages that mix them in (a French text quoting "two")
        ("Il a dit « two » puis 12 personnes sont parties.", "fr", [2.0, 12.0]),
    ],
)
def test_extract_figures_leaves_dates_ordinals_and_foreign_words_out(text, language, values):
    assert _values(text, language) == values


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # CLDR's time unit names of it, pl, ru, in the case a count governs
        ("Negli ultimi 20 anni sono arrivati.", "it", ("duration", "year")),
        ("Nie jedli od trzech dni.", "pl", ("duration", "day")),
        ("В течение шести месяцев ничего не менялось.", "ru", ("duration", "month")),
        # percent words, and Polish "proc."
        ("Poparcie wynosi 27 proc.", "pl", ("percent", "percent")),
        ("Рост составил 5 процентов.", "ru", ("percent", "percent")),
        # CLDR's currency names of it, pl, ru; Italian "di" between the amount and the currency
        ("Costa 453 milioni di dollari.", "it", ("money", "USD")),
        ("Zapłacono 20 złotych.", "pl", ("money", "PLN")),
        ("Цена превысила 600 долларов.", "ru", ("money", "USD")),
    ],
)
def test_extract_figures_reads_units_and_currencies_of_the_later_languages(text, language, expected):
    (figure,) = extract_figures(text, language)
    assert (figure.category, figure.unit) == expected


@pytest.mark.parametrize(
    ("text", "language", "values"),
    [
        # the year noun after a calendar year makes it a date in Polish and Russian
        ("W 2021 roku zginęło 20 osób.", "pl", [20.0]),
        ("По данным 2021 года, погибли 12 человек.", "ru", [12.0]),
    ],
)
def test_extract_figures_reads_a_year_noun_after_a_year_as_a_date(text, language, values):
    assert _values(text, language) == values
