"""Figure extraction: spans, values, bounds and qualifiers in five languages (own sentences)."""

from __future__ import annotations

import pytest

from flows.text.figures import extract_figures
from flows.text.records import Figure


def _figure(text: str, language: str, span: str) -> Figure:
    """Return the one extracted figure whose text is `span`."""
    found = [f for f in extract_figures(text, language) if f.text == span]
    assert len(found) == 1, [f.text for f in extract_figures(text, language)]
    return found[0]


# (text, language, span, value, lower, upper, qualifier)
BOUNDS_CASES = [
    # plain digits: exact, both bounds equal the value
    ("The storm destroyed 14 homes.", "en", "14", 14, 14, 14, "exact"),
    # comma thousands in English
    ("Officials counted 13,550 arrivals by noon.", "en", "13,550", 13550, 13550, 13550, "exact"),
    # at least -> lower bound only
    ("At least 20 people died in the fire.", "en", "At least 20", 20, 20, None, "at_least"),
    # more than -> lower bound only
    ("More than 2,500 families were evacuated.", "en", "More than 2,500", 2500, 2500, None, "more_than"),
    # almost / nearly -> upper bound only
    ("Nearly 300 were hurt in the crush.", "en", "Nearly 300", 300, None, 300, "almost"),
    # up to -> upper bound
    ("The camp could hold up to 120,000 people.", "en", "up to 120,000", 120000, None, 120000, "up_to"),
    # no more than -> at_most
    ("Each family may bring no more than 5 bags.", "en", "no more than 5", 5, None, 5, "at_most"),
    # fewer than -> less_than
    ("Fewer than 10 doctors remain in the town.", "en", "Fewer than 10", 10, None, 10, "less_than"),
    # about -> approximately with null bounds
    ("About 9,000 soldiers took part.", "en", "About 9,000", 9000, None, None, "approximately"),
    # an estimated -> approximately
    ("An estimated 40 villages were flooded.", "en", "An estimated 40", 40, None, None, "approximately"),
    # number words
    ("Rescuers freed two miners on Friday.", "en", "two", 2, 2, 2, "exact"),
    # compound number words
    ("The bus carried twenty-one pupils.", "en", "twenty-one", 21, 21, 21, "exact"),
    # scale words make large values
    ("The fund raised 1.5 million dollars.", "en", "1.5 million dollars", 1.5e6, 1.5e6, 1.5e6, "exact"),
    # currency sign with attached scale
    ("The club paid $25m for the striker.", "en", "$25m", 25e6, 25e6, 25e6, "exact"),
    # bn abbreviation
    ("The port will cost 3bn euros.", "en", "3bn euros", 3e9, 3e9, 3e9, "exact"),
    # between X and Y -> range
    ("Between 5 and 10 boats sank.", "en", "Between 5 and 10", None, 5, 10, "range"),
    # dash range
    ("Officials expect 5-10 convoys a day.", "en", "5-10", None, 5, 10, "range"),
    # from X to Y -> range
    ("Prices rose from 5 to 10 dollars.", "en", "from 5 to 10 dollars", None, 5, 10, "range"),
    # range whose scale sits on the second number
    ("It needs between 2 and 3 billion dollars.", "en", "between 2 and 3 billion dollars", None, 2e9, 3e9, "range"),
    # vague plurals: lower bound, null value
    ("Thousands of people marched.", "en", "Thousands", None, 1000, None, "vague"),
    # tens of thousands is one vague figure
    ("Tens of thousands of farmers marched.", "en", "Tens of thousands", None, 10000, None, "vague"),
    # dozens -> 24
    ("Dozens of shops were looted.", "en", "Dozens", None, 24, None, "vague"),
    # French: decimal comma and narrow no-break space thousands
    ("Le déficit atteint 4,5 % du PIB.", "fr", "4,5 %", 4.5, 4.5, 4.5, "exact"),
    ("On compte 12\u202f000 vols annulés.", "fr", "12\u202f000", 12000, 12000, 12000, "exact"),
    # French qualifier au moins
    ("Au moins 12 personnes ont été blessées.", "fr", "Au moins 12", 12, 12, None, "at_least"),
    # French "une vingtaine" -> approximately 20
    ("Une vingtaine de maisons ont brûlé.", "fr", "Une vingtaine", 20, None, None, "approximately"),
    # French vague "des milliers"
    ("Des milliers de manifestants ont défilé.", "fr", "milliers", None, 1000, None, "vague"),
    # French number words
    ("Trois soldats ont été tués hier.", "fr", "Trois", 3, 3, 3, "exact"),
    # French range "de 250 à 350 millions"
    (
        "Le coût varie de 250 à 350 millions d'euros.",
        "fr",
        "de 250 à 350 millions d'euros",
        None,
        250e6,
        350e6,
        "range",
    ),
    # Spanish dot thousands and millones
    ("El banco pidió 10.000 millones de euros.", "es", "10.000 millones de euros", 1e10, 1e10, 1e10, "exact"),
    # Spanish "tres y medio millones"
    (
        "Unos tres y medio millones de turistas llegaron.",
        "es",
        "Unos tres y medio millones",
        3.5e6,
        None,
        None,
        "approximately",
    ),
    # Spanish vague "miles de"
    ("Miles de familias perdieron su casa.", "es", "Miles", None, 1000, None, "vague"),
    # Spanish más de
    ("Más de cuatro horas duró el debate.", "es", "Más de cuatro horas", 4, 4, None, "more_than"),
    # German: dot thousands, decimal comma
    ("Die Stadt zählt 1.500 Einwohner und 2,5 Prozent Arbeitslose.", "de", "1.500", 1500, 1500, 1500, "exact"),
    # German qualifier after the noun: "20 Menschen mindestens" -> at_least on "20"
    ("Es starben 20 Menschen mindestens.", "de", "20", 20, 20, None, "at_least"),
    # German vague plural
    ("Tausende Menschen protestierten.", "de", "Tausende", None, 1000, None, "vague"),
    # German compound number word
    ("Es kamen dreihundertzwanzig Gäste.", "de", "dreihundertzwanzig", 320, 320, 320, "exact"),
    # Arabic-Indic digits
    ("أصيب ٢٠ شخصا في الحادث.", "ar", "٢٠", 20, 20, 20, "exact"),
    # Arabic qualifier after the noun: "17 شخصا على الأقل" -> at_least on "17"
    ("قتل 17 شخصا على الأقل في الانفجار.", "ar", "17", 17, 17, None, "at_least"),
    # Arabic dual of a scale word: مليوني = 2,000,000
    ("زار أكثر من مليوني سائح المتحف.", "ar", "أكثر من مليوني", 2e6, 2e6, None, "more_than"),
    # Arabic digits with thousands word
    ("حضر نحو 400 ألف زائر المعرض.", "ar", "نحو 400 ألف", 400000, None, None, "approximately"),
    # Arabic vague عشرات
    ("أصيب عشرات المدنيين.", "ar", "عشرات", None, 10, None, "vague"),
    # Arabic number word after the conjunction و
    ("وصل سبعة رجال وخمسة أطفال.", "ar", "خمسة", 5, 5, 5, "exact"),
    # two table cells: a comma group then a space starts a new number
    ("Labor force 129,656 129,196 in May.", "en", "129,656", 129656, 129656, 129656, "exact"),
    # "K." is not a thousand ("K.-o.-Runde")
    ("Er spielte in 12 K.-o.-Runden.", "de", "12", 12, 12, 12, "exact"),
    # "several hundred" is vague with the scale as lower bound
    ("The repairs cost several hundred dollars.", "en", "hundred dollars", None, 100, None, "vague"),
    # percent range with the sign on both ends
    ("Prices climbed 10% to 15% in a month.", "en", "10% to 15%", None, 10, 15, "range"),
    # Arabic percent range with "إلى"
    ("ارتفعت الأسعار 20% إلى 25% خلال العام.", "ar", "20% إلى 25%", None, 20, 25, "range"),
    # German "um die" is approximately
    ("Es kamen um die 300 Gäste.", "de", "um die 300", 300, None, None, "approximately"),
    # German spelled number glued to "-jährige"
    ("Sie erhielt eine dreijährige Haftstrafe.", "de", "dreijährige", 3, 3, 3, "exact"),
    # a post-qualifier followed by another number belongs to that number
    ("En six ans, environ 4 000 habitants sont partis.", "fr", "environ 4 000", 4000, None, None, "approximately"),
    # Arabic digits in brackets joined to the scale word after them
    ("بلغت التكلفة (12) مليار ريال.", "ar", "12) مليار ريال", 12e9, 12e9, 12e9, "exact"),
    # Arabic qualifier before a bracketed number
    ("وصلت التكلفة إلى أكثر من (40) مليون ريال.", "ar", "أكثر من (40) مليون ريال", 40e6, 40e6, None, "more_than"),
]


@pytest.mark.parametrize(("text", "language", "span", "value", "lower", "upper", "qualifier"), BOUNDS_CASES)
def test_extract_figures_reads_value_bounds_and_qualifier(
    text: str, language: str, span: str, value: float | None, lower: float | None, upper: float | None, qualifier: str
) -> None:
    figure = _figure(text, language, span)
    assert (figure.value, figure.lower, figure.upper, figure.qualifier) == (value, lower, upper, qualifier)


def test_extract_figures_reads_at_least_as_lower_bound() -> None:
    figure = _figure("At least 7 fishermen are missing.", "en", "At least 7")
    assert (figure.lower, figure.upper, figure.qualifier) == (7, None, "at_least")


def test_extract_figures_offsets_slice_the_text() -> None:
    text = "Some 40 trucks and 3,000 tonnes of flour reached the city on 12 May."
    figures = extract_figures(text, "en")
    assert figures and all(text[f.start : f.end] == f.text for f in figures)


def test_extract_figures_returns_reading_order_and_is_deterministic() -> None:
    text = "Two ships, 14 planes and about 9,000 troops were sent."
    first, second = extract_figures(text, "en"), extract_figures(text, "en")
    assert first == second
    assert [f.start for f in first] == sorted(f.start for f in first)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("", "en"),  # empty text
        ("No numbers here at all.", "en"),  # nothing to find
        ("*NUMBER* millones de turistas", "es"),  # masked Spanish digits and their scale
    ],
)
def test_extract_figures_finds_nothing_without_numbers(text: str, language: str) -> None:
    assert extract_figures(text, language) == ()


def test_extract_figures_without_language_reads_digits() -> None:
    figure = _figure("Au moins 30 personnes et 2 500 euros.", "und", "2 500 euros")
    assert (figure.value, figure.unit) == (2500, "EUR")
