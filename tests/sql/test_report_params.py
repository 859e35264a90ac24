"""Report parameters: the header declaration, the macro and view built from it, and values bound, never spliced."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from warehouse import report_params
from warehouse.db import report_query
from warehouse.report_params import MACRO_PREFIX, ParamError, parse_report, read_report

PROJECT_ROOT = Path(__file__).resolve().parents[2]
SQL_DIR = PROJECT_ROOT / "sql"
REPORTS = sorted((SQL_DIR / "reports").glob("*.sql"))

HEADER = """-- tally: how many rows each colour has. Colours are counted twice when repainted.
-- grain: one row per colour
-- param since (date, default null): rows painted on or after this day
-- param colour (varchar, default 'red'): only this colour
-- param at_least (bigint, default 2): only colours with this many rows
-- columns: colour, row_count
select 1 as row_count
"""


def _doc(doc_id, language="en", published=None, title=None):
    return {
        "doc_id": doc_id,
        "language": language,
        "language_score": 0.9,
        "clean_text": "",
        "raw_text": "",
        "word_count": 3,
        "title": title,
        "published_at_utc": published,
    }


def _figure(doc_id, index, text, category, place=None):
    return {
        "doc_id": doc_id,
        "figure_index": index,
        "start": 0,
        "end": len(text),
        "text": text,
        "value": 12.0,
        "lower": 12.0,
        "upper": 12.0,
        "qualifier": "exact",
        "category": category,
        "sentence": text,
        "place": place,
    }


def _day(year, month, day, hour=12):
    return datetime(year, month, day, hour, tzinfo=UTC)


def _run(con, name, values=None, limit=None):
    sql, params = report_query(SQL_DIR, name, limit, values)
    return con.execute(sql, params).fetchall()


def test_the_header_declares_description_and_typed_parameters_with_defaults():
    spec = parse_report("tally", HEADER)
    assert spec.description == "how many rows each colour has."
    assert [(p.name, p.type, p.default_sql, p.flag) for p in spec.params] == [
        ("since", "date", "null", "--since"),
        ("colour", "varchar", "'red'", "--colour"),
        ("at_least", "bigint", "2", "--at-least"),
    ]
    assert spec.param("--at-least").name == "at_least"
    with pytest.raises(ParamError, match="no parameter '--until'"):
        spec.param("--until")


@pytest.mark.parametrize(
    "line",
    [
        "-- param since (timestamp, default null): an unsupported type",
        "-- param since (date, default now()): a default that is no literal",
        "-- param Since (date, default null): not lowercase",
        "-- param since (date): no default",
    ],
)
def test_a_malformed_parameter_line_is_an_error_not_ignored(line):
    with pytest.raises(ParamError, match="malformed parameter line"):
        parse_report("tally", HEADER.replace(HEADER.splitlines()[2], line))


def test_values_are_converted_to_the_declared_type_or_refused():
    spec = parse_report("tally", HEADER)
    assert spec.param("since").convert("2024-03-01") == date(2024, 3, 1)
    assert spec.param("at_least").convert("7") == 7
    with pytest.raises(ParamError, match="date"):
        spec.param("since").convert("last tuesday")
    with pytest.raises(ParamError, match="whole number"):
        spec.param("at_least").convert("2.5")


def test_the_call_binds_every_value_and_never_splices_it():
    spec = parse_report("tally", HEADER)
    sql, params = report_params.call("reports", spec, {"colour": "x'); drop table t; --", "since": None}, limit=5)
    assert sql == f"select * from reports.tally({MACRO_PREFIX}colour := cast(? as varchar)) limit ?"
    assert params == ["x'); drop table t; --", 5]
    with pytest.raises(ParamError, match="no parameter"):
        report_params.call("reports", spec, {"shade": "blue"})


@pytest.mark.parametrize("path", REPORTS, ids=lambda p: p.stem)
def test_every_report_header_parses_and_its_body_reads_each_parameter(path):
    spec = read_report(path)
    assert spec.description and "\n" not in spec.description
    body = path.read_text(encoding="utf-8")
    for param in spec.params:
        assert f"{MACRO_PREFIX}{param.name}" in body, f"{path.name}: {param.name} declared but never read"


def test_no_relation_of_the_warehouse_has_a_column_named_like_a_macro_parameter(warehouse_with):
    # A macro parameter shadows a bare column of the same name even inside the views the report reads.
    con = warehouse_with()
    columns = con.execute(
        "select table_schema || '.' || table_name || '.' || column_name from information_schema.columns "
        "where starts_with(column_name, ?)",
        [MACRO_PREFIX],
    ).fetchall()
    assert columns == []


def test_the_view_shows_the_macro_with_every_default(warehouse_with):
    con = warehouse_with(documents=[_doc("a", "en", _day(2024, 1, 5)), _doc("b", "fr", _day(2024, 3, 5))])
    for path in REPORTS:
        view = con.execute(f"select * from reports.{path.stem}").fetchall()
        assert view == con.execute(f"select * from reports.{path.stem}()").fetchall(), path.stem


def test_since_and_until_take_whole_utc_days(warehouse_with):
    con = warehouse_with(
        documents=[
            _doc("a", "en", _day(2024, 1, 31, hour=23)),
            _doc("b", "en", _day(2024, 2, 1, hour=0)),
            _doc("c", "fr", _day(2024, 2, 29, hour=23)),
            _doc("d", "fr", _day(2024, 3, 1, hour=0)),
            _doc("e", "de", None),  # no date: only in reports without a date range
        ]
    )
    every = _run(con, "language_mix")
    assert sum(row[1] for row in every) == 5
    february = _run(con, "language_mix", {"since": "2024-02-01", "until": "2024-02-29"})
    assert [(row[0], row[1]) for row in february] == [("en", 1), ("fr", 1)]
    assert [row[0] for row in _run(con, "language_mix", {"since": date(2024, 3, 1)})] == ["fr"]


def test_language_place_and_category_filter_casualty_figures(warehouse_with):
    con = warehouse_with(
        documents=[_doc("a", "en", _day(2024, 1, 5)), _doc("b", "fr", _day(2024, 1, 6))],
        figures=[
            _figure("a", 0, "12 killed", "killed", place="Goris"),
            _figure("a", 1, "12 wounded", "wounded", place="Goris"),
            _figure("b", 0, "12 morts", "killed", place="Kapan"),
        ],
    )
    assert [r[5] for r in _run(con, "casualty_figures")] == ["12 killed", "12 wounded", "12 morts"]
    assert [r[5] for r in _run(con, "casualty_figures", {"language": "fr"})] == ["12 morts"]
    assert [r[5] for r in _run(con, "casualty_figures", {"place": "goris"})] == ["12 killed", "12 wounded"]
    assert [r[5] for r in _run(con, "casualty_figures", {"category": "killed"})] == ["12 killed", "12 morts"]
    by_place = _run(con, "casualties_by_place", {"category": "killed", "place": "Kapan"})
    assert [(r[0], r[2], r[3]) for r in by_place] == [("Kapan", "killed", 1)]
    assert len(_run(con, "casualty_figures", limit=1)) == 1


@pytest.mark.parametrize("text", ["en' or '1'='1", "en') or true --", "en'; drop table raw.documents; --"])
def test_injection_text_is_only_a_value(warehouse_with, text):
    con = warehouse_with(
        documents=[_doc("a", "en", _day(2024, 1, 5))],
        figures=[_figure("a", 0, "12 killed", "killed", place="Goris")],
    )
    assert _run(con, "casualty_figures", {"language": text}) == []
    assert _run(con, "casualties_by_place", {"place": text}) == []
    assert con.execute("select count(*) from raw.documents").fetchall() == [(1,)]


def test_entity_cooccurrence_takes_the_least_number_of_shared_documents(warehouse_with):
    def mention(doc, i, name, entity):
        return {
            "doc_id": doc,
            "mention_index": i,
            "text": name,
            "label": "LOC",
            "entity_id": entity,
            "canonical_name": name,
            "method": "spacy",
        }

    con = warehouse_with(
        documents=[_doc("a"), _doc("b")],
        entity_mentions=[mention("a", 0, "Goris", "e1"), mention("a", 1, "Kapan", "e2")],
    )
    assert _run(con, "entity_cooccurrence") == []  # two shared documents by default
    assert [(r[0], r[2], r[4]) for r in _run(con, "entity_cooccurrence", {"min_shared": 1})] == [("Goris", "Kapan", 1)]


def test_top_entities_counts_only_the_documents_of_the_range_and_label(warehouse_with):
    def mention(doc, i, name, label, entity):
        return {
            "doc_id": doc,
            "mention_index": i,
            "text": name,
            "label": label,
            "entity_id": entity,
            "canonical_name": name,
            "method": "spacy",
        }

    con = warehouse_with(
        documents=[
            _doc("a", "en", _day(2024, 1, 5)),
            _doc("b", "fr", _day(2024, 2, 5)),
            _doc("c", "fr", _day(2024, 2, 6)),
        ],
        entity_mentions=[
            mention("a", 0, "Goris", "LOC", "e1"),
            mention("a", 1, "Goris", "LOC", "e1"),
            mention("b", 0, "Kapan", "LOC", "e2"),
            mention("c", 0, "Kapan", "LOC", "e2"),
            mention("c", 1, "Ada Lind", "PERSON", "e3"),
        ],
    )

    def top(values=None):
        return [(r[0], r[2], r[3], r[4]) for r in _run(con, "top_entities", values)]

    assert top() == [("LOC", "Kapan", 2, 2), ("LOC", "Goris", 1, 2), ("PERSON", "Ada Lind", 1, 1)]
    assert top({"until": "2024-01-31"}) == [("LOC", "Goris", 1, 2)]
    assert top({"language": "fr", "label": "LOC"}) == [("LOC", "Kapan", 2, 2)]
    assert top({"since": "2024-02-06"}) == [("LOC", "Kapan", 1, 1), ("PERSON", "Ada Lind", 1, 1)]


def test_places_map_counts_only_the_documents_in_the_language(warehouse_with):
    def place(doc, i, name, entity):
        return {
            "doc_id": doc,
            "mention_index": i,
            "text": name,
            "label": "LOC",
            "entity_id": entity,
            "canonical_name": name,
            "method": "gazetteer",
            "latitude": 39.5,
            "longitude": 46.3,
        }

    con = warehouse_with(
        documents=[_doc("a", "en"), _doc("b", "fr")],
        entity_mentions=[place("a", 0, "Goris", "e1"), place("b", 0, "Goris", "e1"), place("b", 1, "Kapan", "e2")],
    )
    assert [(r[1], r[7]) for r in _run(con, "places_map")] == [("Goris", 2), ("Kapan", 1)]
    assert [(r[1], r[7]) for r in _run(con, "places_map", {"language": "en"})] == [("Goris", 1)]


MACROS = sorted((SQL_DIR / "macros").glob("*.sql"))
SHARED_FILTERS = {"since", "until", "language"}


@pytest.mark.parametrize("path", REPORTS, ids=lambda p: p.stem)
def test_a_report_with_a_date_or_language_parameter_filters_through_the_one_shared_macro(path):
    spec = read_report(path)
    body = path.read_text(encoding="utf-8")
    assert "published_at_utc) >=" not in body, f"{path.name} repeats the date filter"
    if SHARED_FILTERS & {p.name for p in spec.params}:
        # directly, or through a shared macro that reads it (main.entity_counts_in_range, ...)
        through = [m.stem for m in MACROS if f"main.{m.stem}(" in body]
        assert through, f"{path.name} reads no shared macro"
        assert all(_reads_documents_in_range(m) for m in through), f"{path.name}: {through}"
        assert "from main.documents " not in body and "from main.documents\n" not in body


def _reads_documents_in_range(name: str) -> bool:
    if name == "documents_in_range":
        return True
    body = (SQL_DIR / "macros" / f"{name}.sql").read_text(encoding="utf-8")
    return "main.documents_in_range(" in body and "from main.documents " not in body


def test_the_shared_macros_are_macros_in_main_not_reports():
    names = [p.stem for p in MACROS]
    assert "documents_in_range" in names
    assert not set(names) & {p.stem for p in REPORTS}
    for path in MACROS:
        spec = read_report(path)
        assert SHARED_FILTERS <= {p.name for p in spec.params}, path.name
        assert _reads_documents_in_range(path.stem), path.name
        statements = report_params.create_statements("main", spec, "select 1 as x", view=False)
        assert len(statements) == 1 and statements[0].startswith(f"create or replace macro main.{path.stem}(")


def test_documents_in_range_keeps_whole_utc_days_and_one_language(warehouse_with):
    con = warehouse_with(
        documents=[
            _doc("a", "en", _day(2024, 1, 31, hour=23)),
            _doc("b", "fr", _day(2024, 2, 1, hour=0)),
            _doc("c", "en", None),  # undated: out of any date range, kept without one
        ]
    )

    def kept(arguments=""):
        return sorted(r[0] for r in con.execute(f"select doc_id from main.documents_in_range({arguments})").fetchall())

    assert kept() == ["a", "b", "c"]
    assert kept("p_since := date '2024-02-01'") == ["b"]
    assert kept("p_until := date '2024-01-31'") == ["a"]
    assert kept("p_language := 'en'") == ["a", "c"]
    assert kept("p_since := date '2024-01-31', p_language := 'fr'") == ["b"]


def test_a_figure_shows_its_place_as_written_its_entity_and_that_entitys_canonical_name(warehouse_with):
    mention = {
        "doc_id": "a",
        "mention_index": 0,
        "text": "Gorisu",
        "label": "LOC",
        "entity_id": "e1",
        "canonical_name": "Goris",
        "method": "gazetteer",
    }
    con = warehouse_with(
        documents=[_doc("a", "en", _day(2024, 1, 5))],
        entity_mentions=[mention],
        figures=[{**_figure("a", 0, "12 killed", "killed", place="Gorisu"), "place_entity_id": "e1"}],
    )
    figures = con.execute("select place_text, place_entity_id, place_name from main.figures").fetchall()
    assert figures == [("Gorisu", "e1", "Goris")]
    by_place = con.execute("select place_name, place_entity_id, category from reports.casualties_by_place").fetchall()
    assert by_place == [("Goris", "e1", "killed")]
    listed = con.execute("select place_name, place_text, place_entity_id from reports.casualty_figures").fetchall()
    assert listed == [("Goris", "Gorisu", "e1")]
