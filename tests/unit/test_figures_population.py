"""A place's population is a count of people, never the toll of the event the sentence reports."""

from __future__ import annotations

import pytest

from flows.text.figures import extract_figures


def _category(text: str, language: str, figure: str) -> str:
    (found,) = [f for f in extract_figures(text, language) if f.text == figure]
    return found.category


@pytest.mark.parametrize(
    ("text", "language", "figure", "category"),
    [
        # a country's size before the count, a toll later in the sentence
        ("Freedonia, a country of 9 million people, has seen 4,000 killed in the war.", "en", "9 million", "people"),
        ("Freedonia, a country of 9 million people, has seen 4,000 killed in the war.", "en", "4,000", "killed"),
        # "home to": the residents of the city, not the victims of the shelling
        ("The port, home to 2 million residents, was shelled and 15 died.", "en", "2 million", "people"),
        # inhabitants after the count, then a conjunction and an event of its own
        ("The valley has 800,000 inhabitants and 60 people drowned.", "en", "800,000", "people"),
        ("The valley has 800,000 inhabitants and 60 people drowned.", "en", "60", "killed"),
        # people living somewhere
        ("Some 70,000 people live in the camp, where nine died of cold.", "en", "Some 70,000", "people"),
        # the inhabitants' own phrase goes on to the event: a toll after all
        ("Forty inhabitants were killed in the raid.", "en", "Forty", "killed"),
        # the population's own phrase says it fled: displaced
        ("A population of 12,000 fled the floods.", "en", "12,000", "displaced"),
        # a count of refugees a camp is home to stays displaced
        ("The camp is home to 6,500 refugees.", "en", "6,500", "displaced"),
        # French, Spanish, Russian
        ("La ville compte 250 000 habitants et 14 personnes y sont mortes.", "fr", "250 000", "people"),
        ("El país, con una población de 8 millones, registró 90 muertos.", "es", "8 millones", "people"),
        ("В городе проживает 400 тысяч человек, из них 11 погибли.", "ru", "400 тысяч", "people"),
    ],
)
def test_extract_figures_reads_a_population_as_people(text, language, figure, category):
    assert _category(text, language, figure) == category
