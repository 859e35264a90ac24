"""Each enumeration is defined once (flows/text/vocabulary.py) and covers every code the text stages emit."""

from __future__ import annotations

import pytest

from flows.io.models import SPACY_PACKAGES
from flows.text import figure_lexicon
from flows.text.entities import LABEL_MAP
from flows.text.vocabulary import ENTITY_LABELS, FIGURE_CATEGORIES, FIGURE_QUALIFIERS, VOCABULARIES
from warehouse.schemas import TABLES_BY_NAME


@pytest.mark.parametrize("vocabulary", VOCABULARIES, ids=lambda v: v.name)
def test_each_vocabulary_names_a_declared_column_and_lists_each_code_once(vocabulary):
    table, column = vocabulary.column.split(".")
    assert column in TABLES_BY_NAME[table].columns
    assert len(set(vocabulary.codes)) == len(vocabulary.codes)
    assert all(t.kind and t.meaning for t in vocabulary.terms)


def test_figure_lexicon_qualifiers_and_category_cues_are_in_the_vocabularies():
    qualifiers = {*figure_lexicon.PRE_QUALIFIERS.values(), *figure_lexicon.POST_QUALIFIERS.values()}
    assert sorted(qualifiers - set(FIGURE_QUALIFIERS.codes)) == []
    assert sorted({name for name, _ in figure_lexicon.CATEGORY_CUES} - set(FIGURE_CATEGORIES.codes)) == []


def test_every_label_the_ner_models_can_emit_maps_into_the_label_vocabulary():
    import spacy

    for package in SPACY_PACKAGES.values():
        labels = (
            spacy.load(
                package,
                exclude=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "morphologizer", "senter"],
            )
            .get_pipe("ner")
            .labels
        )
        assert sorted({LABEL_MAP.get(label, label) for label in labels} - set(ENTITY_LABELS.codes)) == [], package
