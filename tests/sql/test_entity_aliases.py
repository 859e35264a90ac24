"""The entity_aliases mart and the aliases of the entities mart, on tiny inline rows."""

from __future__ import annotations

from datetime import UTC, datetime


def _doc(doc_id, language):
    return {"doc_id": doc_id, "language": language, "language_score": 0.9, "clean_text": "", "raw_text": ""}


def _mention(doc, index, text, canonical, entity="per-1", label="PERSON"):
    return {
        "doc_id": doc,
        "mention_index": index,
        "text": text,
        "label": label,
        "entity_id": entity,
        "canonical_name": canonical,
        "method": "spacy",
    }


def _person_in_three_languages(warehouse_with):
    return warehouse_with(
        documents=[_doc("en1", "en"), _doc("en2", "en"), _doc("fr1", "fr"), _doc("ru1", "ru")],
        entity_mentions=[
            _mention("en1", 0, "Ivan Petrov", "Ivan Petrov"),
            _mention("en1", 1, "Petrov", "Ivan Petrov"),
            _mention("en2", 0, "Ivan  Petrov", "Ivan Petrov"),  # spaces collapsed into the same alias
            _mention("fr1", 0, "Ivan Petrov", "Ivan Petrov"),
            _mention("fr1", 1, "Petrovv", "Ivan Petrovv"),
            _mention("ru1", 0, "Ивана Петрова", "Иван Петров"),
            _mention("ru1", 1, "Oslo", "Oslo", entity="loc-oslo", label="LOC"),
        ],
    )


def test_entity_aliases_counts_each_alias_per_language(warehouse_with):
    con = _person_in_three_languages(warehouse_with)
    rows = con.execute(
        "select alias, language, mention_count, document_count, canonical_name, label from entity_aliases"
        " where entity_id = 'per-1' order by alias, language"
    ).fetchall()
    assert rows == [
        ("Ivan Petrov", "en", 2, 2, "Ivan Petrov", "PERSON"),
        ("Ivan Petrov", "fr", 1, 1, "Ivan Petrov", "PERSON"),
        ("Petrov", "en", 1, 1, "Ivan Petrov", "PERSON"),
        ("Petrovv", "fr", 1, 1, "Ivan Petrov", "PERSON"),
        ("Ивана Петрова", "ru", 1, 1, "Ivan Petrov", "PERSON"),
    ]


def test_entities_is_one_row_with_the_most_used_name_its_aliases_and_languages(warehouse_with):
    con = _person_in_three_languages(warehouse_with)
    rows = con.execute(
        "select canonical_name, mention_count, document_count, aliases, languages from entities"
        " where entity_id = 'per-1'"
    ).fetchall()
    assert rows == [("Ivan Petrov", 6, 4, ["Ivan Petrov", "Petrov", "Petrovv", "Ивана Петрова"], ["en", "fr", "ru"])]


def test_entity_aliases_leave_out_superseded_versions(warehouse_with):
    con = warehouse_with(
        documents=[_doc("v1", "en"), _doc("v2", "en")],
        article_versions=[
            {"article_key": "f#id=a", "doc_id": d, "batch_id": d, "loaded_at": datetime(2026, 1, day, tzinfo=UTC)}
            for day, d in ((1, "v1"), (2, "v2"))  # edited: v1 superseded by v2
        ],
        entity_mentions=[_mention("v1", 0, "Old Name", "Old Name"), _mention("v2", 0, "New Name", "New Name")],
    )
    assert con.execute("select alias from entity_aliases").fetchall() == [("New Name",)]


def test_reports_name_an_entity_by_its_most_used_name(warehouse_with):
    con = warehouse_with(
        documents=[_doc("a", "en"), _doc("b", "en"), _doc("c", "fr")],
        entity_mentions=[
            _mention("a", 0, "Vadim Kurbin", "Vadim Kurbin"),
            _mention("b", 0, "Vadim Kurbin", "Vadim Kurbin"),
            _mention("c", 0, "Vadim Kourbine", "Vadim Kourbine"),  # first in alphabetical order, used once
        ],
    )
    assert con.execute("select canonical_name, document_count from reports.top_entities").fetchall() == [
        ("Vadim Kurbin", 3)
    ]
    assert con.execute("select canonical_name from reports.top_entities_by_month").fetchall() == [("Vadim Kurbin",)]
