"""Currency words generated from CLDR's currency names, and dose-rate units (invented sentences)."""

from __future__ import annotations

from flows.text import figure_lexicon
from flows.text.figures import extract_figures


def test_cldr_currency_words_fill_what_the_hand_table_lacks() -> None:
    assert figure_lexicon.CURRENCY_WORDS["taka"] == "BDT"
    assert figure_lexicon.CURRENCY_WORDS["tenge"] == "KZT"
    assert figure_lexicon.CURRENCY_WORDS["dollars"] == "USD"  # the hand-written table wins
    assert "real" not in figure_lexicon.CURRENCY_WORDS  # an ordinary word stays out


def test_amount_in_a_currency_named_by_cldr_is_money() -> None:
    (figure,) = extract_figures("The bridge cost 300 million taka to build.", "en")
    assert (figure.category, figure.unit, figure.value) == ("money", "BDT", 300_000_000.0)


def test_dose_rate_is_a_quantity() -> None:
    (figure,) = extract_figures("Readings reached 12 mSv/h inside the hall.", "en")
    assert (figure.text, figure.category, figure.unit) == ("12 mSv/h", "quantity", "msv/h")
