"""The entity reports and marts read the mentions counted per document at each publish (derived.entity_documents
through main.entity_names and main.entity_counts_in_range); they give the rows, in the order, that aggregating
the mentions themselves gives (main.entity_mentions), whatever the parameters."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.conftest import PROJECT_ROOT
from warehouse.db import report_query

SQL_DIR = PROJECT_ROOT / "sql"
NAME_LABELS = "(select code from vocab.entity_label where kind = 'name')"

# Each entity aggregated from its mentions, as main.entities did before it read main.entity_names.
ENTITIES = """
entities_from_mentions as (
    select
        entity_id,
        mode(canonical_name order by canonical_name) as canonical_name,
        mode(label order by label) as label,
        min(geonames_id) as geonames_id,
        min(country_code) as country_code,
        min(latitude) as latitude,
        min(longitude) as longitude,
        min(feature_type) as feature_type,
        count(*) as mention_count,
        count(distinct doc_id) as document_count
    from main.entity_mentions
    where entity_id is not null
    group by entity_id
)
"""
# The reports as they were computed from the mentions on each call (the from-scratch answers).
IN_RANGE = "main.documents_in_range(p_since := $since, p_until := $until, p_language := $language)"
EVERY = "($since is null and $until is null and $language is null)"
COUNTED = f"""
{ENTITIES},
counted as (
    select entity_id, count(distinct doc_id) as document_count, count(*) as mention_count
    from main.entity_mentions
    where not {EVERY} and doc_id in (select doc_id from {IN_RANGE})
    group by entity_id
),
entities as (
    select
        e.*,
        coalesce(c.document_count, e.document_count) as documents_in_range,
        coalesce(c.mention_count, e.mention_count) as mentions_in_range
    from entities_from_mentions as e
    left join counted as c on e.entity_id = c.entity_id
    where {EVERY} or c.entity_id is not null
)
"""
FROM_SCRATCH = {
    "top_entities": f"""
with {COUNTED}
select
    label,
    row_number() over (
        partition by label order by documents_in_range desc, mentions_in_range desc, canonical_name
    ),
    canonical_name, documents_in_range, mentions_in_range, entity_id
from entities
where label in {NAME_LABELS} and ($label is null or label = $label)
order by 1, 2
""",
    "places_map": f"""
with {COUNTED}
select
    entity_id, canonical_name, geonames_id, country_code, feature_type, latitude, longitude,
    documents_in_range, mentions_in_range
from entities
where label = 'LOC' and latitude is not null and longitude is not null
order by documents_in_range desc, mentions_in_range desc, canonical_name
""",
    "top_entities_by_month": f"""
with
{ENTITIES},
counts as (
    select
        cast(date_trunc('month', timezone('UTC', d.published_at_utc)) as date) as month_start_date,
        m.label, m.entity_id, count(distinct m.doc_id) as document_count, count(*) as mention_count
    from main.entity_mentions as m
    inner join {IN_RANGE} as d on m.doc_id = d.doc_id
    where m.label in {NAME_LABELS}
    group by all
),
ranked as (
    select
        c.*,
        e.canonical_name,
        row_number() over (
            partition by c.month_start_date, c.label
            order by c.document_count desc, c.mention_count desc, e.canonical_name
        ) as rank_in_month
    from counts as c
    inner join entities_from_mentions as e on c.entity_id = e.entity_id
)
select month_start_date, label, rank_in_month, canonical_name, document_count, mention_count, entity_id
from ranked
where rank_in_month <= 10
order by month_start_date nulls last, label, rank_in_month
""",
}
PARAMETERS = [
    {},
    {"since": "2024-01-10"},
    {"until": "2024-01-31"},
    {"language": "en"},
    {"since": "2024-01-10", "language": "en"},
    {"since": "2025-01-01"},  # no document in range
]


def _day(month: int, day: int) -> datetime:
    return datetime(2024, month, day, 12, tzinfo=UTC)


def _doc(doc_id, language, published):
    return {"doc_id": doc_id, "language": language, "language_score": 0.9, "published_at_utc": published}


def _mention(doc_id, index, entity_id, name, label, place=None):
    row = {"doc_id": doc_id, "mention_index": index, "text": name, "label": label}
    row.update(entity_id=entity_id, canonical_name=name, method="rules")
    if place:
        row.update(geonames_id=place[0], country_code=place[1], latitude=place[2], longitude=place[3])
    return row


@pytest.fixture()
def con(warehouse_with):
    """Documents over two months, two languages, one undated, one superseded by its edit; entities named two
    ways (tied), under two labels (in one document too), places with coordinates, a mention without an entity."""
    mentions = []
    named = {
        "a": [("x", "Xan", "PERSON"), ("x", "Xan", "PERSON"), ("y", "Yar", "LOC"), ("z", "Zed", "ORG")],
        "b": [("x", "Xander", "PERSON"), ("x", "Xander", "PERSON"), ("y", "Yar", "LOC"), ("w", "Wil", "ORG")],
        "c": [("x", "Xan", "ORG"), ("z", "Zed", "ORG"), ("z", "Zeda", "ORG"), ("v", "Vel", "LOC")],
        "d": [
            ("y", "Yarr", "LOC"),
            ("w", "Wil", "ORG"),
            ("w", "Wil", "PERSON"),
            (None, "Nob", "MISC"),
            ("u", "Uli", "NORP"),
        ],
        "old": [("x", "Aaa", "PERSON")] * 5 + [("q", "Qoq", "PERSON")],
        "new": [("z", "Zed", "ORG"), ("x", "Xander", "PERSON")],
    }
    places = {"y": (1, "AA", 10.0, 20.0), "v": (2, "BB", -5.0, 7.5)}
    for doc_id, entities in named.items():
        for index, (entity_id, name, label) in enumerate(entities):
            mentions.append(_mention(doc_id, index, entity_id, name, label, places.get(entity_id or "")))
    versions = [
        {"article_key": "k-old", "doc_id": "old", "batch_id": "b1", "loaded_at": _day(1, 1)},
        {"article_key": "k-old", "doc_id": "new", "batch_id": "b2", "loaded_at": _day(2, 1)},
    ]
    versions += [{"article_key": f"k-{d}", "doc_id": d, "batch_id": "b1", "loaded_at": _day(1, 1)} for d in "abcde"]
    return warehouse_with(
        documents=[
            _doc("a", "en", _day(1, 5)),
            _doc("b", "fr", _day(1, 20)),
            _doc("c", "en", _day(2, 3)),
            _doc("d", "en", None),
            _doc("e", "fr", _day(2, 20)),
            _doc("old", "en", _day(1, 15)),
            _doc("new", "en", _day(1, 16)),
        ],
        entity_mentions=mentions,
        article_versions=versions,
    )


def _from_scratch(con, name: str, values: dict) -> list[tuple]:
    sql = FROM_SCRATCH[name]
    for key in ("since", "until", "language", "label"):
        value = values.get(key)
        literal = "null" if value is None else f"'{value}'"
        sql = sql.replace(f"${key}", f"cast({literal} as {'date' if key in ('since', 'until') else 'varchar'})")
    return con.execute(sql).fetchall()


def _report(con, name: str, values: dict) -> list[tuple]:
    sql, params = report_query(SQL_DIR, name, None, values)
    return con.execute(sql, params).fetchall()


@pytest.mark.parametrize("values", PARAMETERS + [{"label": "ORG"}, {"label": "PERSON", "until": "2024-01-31"}])
def test_top_entities_equals_counting_the_mentions(con, values):
    expected = _from_scratch(con, "top_entities", values)
    assert _report(con, "top_entities", values) == expected


@pytest.mark.parametrize("name", ["places_map", "top_entities_by_month"])
@pytest.mark.parametrize("values", PARAMETERS)
def test_entity_reports_equal_counting_the_mentions(con, name, values):
    assert _report(con, name, values) == _from_scratch(con, name, values)


def test_the_fixture_reaches_the_cases_it_is_for(con):
    top = _report(con, "top_entities", {})
    assert ("PERSON", 1, "Xan", 4, 6, "x") in top  # Xan 3 mentions, Xander 3: the smaller of equals
    assert not [row for row in top if row[2] in ("Aaa", "Qoq")]  # the superseded text counts nowhere
    assert _report(con, "top_entities", {"since": "2025-01-01"}) == []


def test_entity_names_and_entities_equal_aggregating_the_mentions(con):
    columns = "entity_id, canonical_name, label, geonames_id, country_code, latitude, longitude, feature_type"
    columns += ", mention_count, document_count"
    expected = con.execute(f"with {ENTITIES} select * from entities_from_mentions order by entity_id").fetchall()
    assert len(expected) == 6  # u v w x y z, not the mention without an entity
    for mart in ("entity_names", "entities"):
        assert con.execute(f"select {columns} from main.{mart} order by entity_id").fetchall() == expected, mart


def test_a_figure_is_named_after_its_place_as_in_the_entities_mart(warehouse_with):
    con = warehouse_with(
        documents=[_doc("a", "en", _day(1, 5))],
        entity_mentions=[
            _mention("a", 0, "y", "Yar", "LOC"),
            _mention("a", 1, "y", "Yarra", "LOC"),
            _mention("a", 2, "y", "Yarra", "LOC"),
        ],
        figures=[{"doc_id": "a", "figure_index": 0, "text": "3 killed", "place": "Yar", "place_entity_id": "y"}],
    )
    assert con.execute("select place_text, place_name from main.figures").fetchall() == [("Yar", "Yarra")]
