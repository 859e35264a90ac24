"""Casualty reports on a small warehouse of inline rows: bounds kept, ranges summed, places resolved."""

from __future__ import annotations

import pytest


def _doc(doc_id, title=None):
    return {"doc_id": doc_id, "language": "en", "language_score": 0.9, "clean_text": "", "raw_text": "", "title": title}


def _figure(doc_id, index, text, category, qualifier, value, lower, upper, place=None):
    return {
        "doc_id": doc_id,
        "figure_index": index,
        "start": 0,
        "end": len(text),
        "text": text,
        "value": value,
        "lower": lower,
        "upper": upper,
        "qualifier": qualifier,
        "category": category,
        "sentence": text,
        "place": place,
        "place_entity_id": f"e-{place}" if place else None,
    }


def _place(doc_id, index, text, canonical):
    return {
        "doc_id": doc_id,
        "mention_index": index,
        "text": text,
        "label": "LOC",
        "entity_id": f"e-{text}",
        "canonical_name": canonical,
        "method": "spacy",
    }


# One figure of every qualifier kind: (text, category, qualifier, value, lower, upper) and the range
# (range_lower, range_upper) it stands for in the reports.
FIGURE_RANGES = [
    (("200", "killed", "exact", 200.0, 200.0, 200.0), (200.0, 200.0)),
    (("environ 14,9 millions", "killed", "approximately", 14.9e6, None, None), (14.9e6, 14.9e6)),  # value kept
    (("at least 20", "killed", "at_least", 20.0, 20.0, None), (20.0, None)),  # no ceiling
    (("up to 120,000", "displaced", "up_to", 120000.0, None, 120000.0), (0.0, 120000.0)),  # no floor but 0
    (("thousands", "displaced", "vague", None, 1000.0, None), (1000.0, None)),  # the word's lower bound
    (("between 5 and 10", "wounded", "range", None, 5.0, 10.0), (5.0, 10.0)),
]


@pytest.mark.parametrize(("figure", "expected"), FIGURE_RANGES)
def test_casualty_figures_keeps_every_figure_with_its_bounds_and_range(warehouse_with, figure, expected):
    con = warehouse_with(documents=[_doc("a", "Blast")], figures=[_figure("a", 0, *figure)])
    rows = con.execute("select figure_text, lower, upper, range_lower, range_upper from reports.casualty_figures")
    assert rows.fetchall() == [(figure[0], figure[4], figure[5], *expected)]


def test_casualty_figures_shows_the_stated_value_and_the_canonical_place_of_casualty_figures_only(warehouse_with):
    con = warehouse_with(
        documents=[_doc("a", "Blast")],
        figures=[
            _figure("a", 0, "200", "killed", "exact", 200.0, 200.0, 200.0, place="Goris"),
            _figure("a", 1, "about 40", "killed", "approximately", 40.0, None, None, place="Stepanakert"),
            _figure("a", 2, "at least 20", "killed", "at_least", 20.0, 20.0, None),
            _figure("a", 3, "30 years", "duration", "exact", 30.0, 30.0, 30.0),  # not a casualty category
            _figure("a", 4, "22 million", "people", "exact", 22e6, 22e6, 22e6),  # a population: no casualty
        ],
        entity_mentions=[_place("a", 0, "Stepanakert", "Khankendi")],
    )
    rows = con.execute(
        "select figure_text, value, qualifier, place_name, title from reports.casualty_figures"
    ).fetchall()
    assert rows == [
        ("200", 200.0, "exact", "Goris", "Blast"),  # no resolved entity: the text named
        ("about 40", 40.0, "approximately", "Khankendi", "Blast"),  # as casualties_by_place names it
        ("at least 20", 20.0, "at_least", None, "Blast"),
    ]


def test_casualties_by_place_sums_lower_and_upper_ends_into_a_range(warehouse_with):
    con = warehouse_with(
        documents=[_doc("a"), _doc("b")],
        figures=[
            _figure("a", 0, "17", "killed", "exact", 17.0, 17.0, 17.0, place="Stepanakert"),
            _figure("b", 0, "about 40", "killed", "approximately", 40.0, None, None, place="Stepanakert"),
            _figure("b", 1, "almost 300", "killed", "almost", 300.0, None, 300.0, place="Stepanakert"),
            _figure("a", 1, "at least 20", "wounded", "at_least", 20.0, 20.0, None, place="Stepanakert"),
            _figure("a", 2, "5-10", "wounded", "range", None, 5.0, 10.0, place="Stepanakert"),
            _figure("a", 3, "dozens", "displaced", "vague", None, 24.0, None),  # no place in its sentence
        ],
        entity_mentions=[_place("a", 0, "Stepanakert", "Khankendi")],
    )
    rows = con.execute(
        "select place_name, category, document_count, figure_count, exact_figure_count, approximate_figure_count,"
        " bounded_figure_count, vague_figure_count, total_lower, total_upper, total_range"
        " from reports.casualties_by_place"
    ).fetchall()
    assert rows == [
        ("Khankendi", "killed", 2, 3, 1, 1, 1, 0, 57.0, 357.0, "57 .. 357"),  # 17+40+0 .. 17+40+300
        ("Khankendi", "wounded", 1, 2, 0, 0, 2, 0, 25.0, None, "25 .. open"),  # "at least 20" sets no ceiling
        ("(no place named)", "displaced", 1, 1, 0, 0, 0, 1, 24.0, None, "24 .. open"),
    ]


def test_casualties_by_place_leaves_population_counts_out(warehouse_with):
    con = warehouse_with(
        documents=[_doc("a")],
        figures=[
            _figure("a", 0, "22 million", "people", "exact", 22e6, 22e6, 22e6, place="Syria"),
            _figure("a", 1, "1,000", "killed", "exact", 1000.0, 1000.0, 1000.0, place="Syria"),
        ],
        entity_mentions=[_place("a", 0, "Syria", "Syria")],
    )
    rows = con.execute("select place_name, category, total_lower, total_upper from reports.casualties_by_place")
    assert rows.fetchall() == [("Syria", "killed", 1000.0, 1000.0)]


def test_figures_counts_people_groups_counts_of_persons_whatever_noun_names_them(warehouse_with):
    figures = [
        _figure("a", 0, "200 deaths", "killed", "exact", 200.0, 200.0, 200.0) | {"object": "death"},
        _figure("a", 1, "40 people", "people", "exact", 40.0, 40.0, 40.0) | {"object": "people"},
        _figure("a", 2, "12 nurses", "people", "exact", 12.0, 12.0, 12.0) | {"object": "nurse"},
        _figure("a", 3, "3 persons", "wounded", "exact", 3.0, 3.0, 3.0) | {"object": "person"},
        _figure("a", 4, "30 years", "duration", "exact", 30.0, 30.0, 30.0),
        _figure("a", 5, "9 buses", "count", "exact", 9.0, 9.0, 9.0) | {"object": "bus"},
    ]
    con = warehouse_with(documents=[_doc("a")], figures=figures)
    rows = con.execute("select object, counts_people from main.figures order by figure_index").fetchall()
    assert rows == [("death", True), ("people", True), ("nurse", True), ("person", True), (None, False), ("bus", False)]
