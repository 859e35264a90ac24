"""Reports and checks on tiny inline rows in an in-memory DuckDB."""

from __future__ import annotations

from datetime import UTC, datetime

from flows.text.vocabulary import REMOVAL_REASONS, VOCABULARIES


def _doc(doc_id, language="en", source=None, clean="", raw=None, words=1, title=None):
    return {
        "doc_id": doc_id,
        "language": language,
        "language_score": 0.9,
        "source": source,
        "clean_text": clean,
        "raw_text": raw if raw is not None else clean,
        "word_count": words,
        "title": title,
        "source_path": f"/in/{doc_id}.txt",
    }


def _figure(doc_id, index, text, category, qualifier="exact", value=None, lower=None, upper=None, start=0, place=None):
    return {
        "doc_id": doc_id,
        "figure_index": index,
        "start": start,
        "end": start + len(text),
        "text": text,
        "value": value,
        "lower": lower,
        "upper": upper,
        "qualifier": qualifier,
        "category": category,
        "sentence": text,
        "place": place,
    }


def _rows(con, sql):
    return con.execute(sql).fetchall()


def test_language_mix_counts_documents_and_shares_per_language(warehouse_with):
    con = warehouse_with(
        documents=[
            _doc("a", "en", words=10),
            _doc("b", "en", words=5),
            _doc("c", "fr", words=7),
            _doc("d", "und", words=0),
        ]
    )
    rows = _rows(con, "select language, document_count, share_pct, word_count from reports.language_mix")
    assert rows == [("en", 2, 50.0, 15), ("fr", 1, 25.0, 7), ("und", 1, 25.0, 0)]


def test_top_entities_ranks_within_label_by_documents_and_skips_other_labels(warehouse_with):
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
        entity_mentions=[
            mention("a", 0, "Baku", "LOC", "loc-baku"),
            mention("b", 0, "Baku", "LOC", "loc-baku"),
            mention("a", 1, "Yerevan", "LOC", "loc-yer"),
            mention("a", 2, "Yerevan", "LOC", "loc-yer"),
            mention("a", 3, "Armenian", "NORP", "norp-arm"),  # not a PERSON/ORG/LOC: left out
            mention("a", 4, "Simon Mordue", "PERSON", "per-sm"),
        ]
    )
    rows = _rows(
        con, "select label, rank_in_label, canonical_name, document_count, mention_count from reports.top_entities"
    )
    assert rows == [("LOC", 1, "Baku", 2, 2), ("LOC", 2, "Yerevan", 1, 2), ("PERSON", 1, "Simon Mordue", 1, 1)]


def test_entities_mart_aggregates_mentions_into_one_row_per_entity(warehouse_with):
    con = warehouse_with(
        entity_mentions=[
            {
                "doc_id": "a",
                "mention_index": 0,
                "text": "EU",
                "label": "ORG",
                "entity_id": "org-eu",
                "canonical_name": "European Union",
                "method": "spacy",
            },
            {
                "doc_id": "b",
                "mention_index": 0,
                "text": "European Union",
                "label": "ORG",
                "entity_id": "org-eu",
                "canonical_name": "European Union",
                "method": "spacy",
            },
        ]
    )
    assert _rows(con, "select entity_id, canonical_name, label, mention_count, document_count from entities") == [
        ("org-eu", "European Union", "ORG", 2, 2)
    ]


def test_noise_by_reason_groups_by_reason_and_source_with_the_shortest_example(warehouse_with):
    con = warehouse_with(
        documents=[_doc("a", source="wire"), _doc("b", source="wire"), _doc("c")],
        removed_noise=[
            {"doc_id": "a", "start": 0, "end": 8, "text": "مشاركة :", "reason": "share-label trailer"},
            {"doc_id": "b", "start": 0, "end": 6, "text": "Share:", "reason": "share-label trailer"},
            {"doc_id": "c", "start": 0, "end": 9, "text": "Read more", "reason": "read-more link"},
        ],
    )
    rows = _rows(
        con,
        "select reason, source, segment_count, document_count, removed_char_count, example"
        " from reports.noise_by_reason",
    )
    assert rows == [
        ("share-label trailer", "wire", 2, 2, 14, "Share:"),
        ("read-more link", "(none)", 1, 1, 9, "Read more"),
    ]
    meanings = dict(_rows(con, "select reason, reason_meaning from reports.noise_by_reason"))
    assert meanings["read-more link"] == REMOVAL_REASONS.terms[REMOVAL_REASONS.codes.index("read-more link")].meaning


def test_quarantine_by_reason_counts_inputs_and_files(warehouse_with):
    con = warehouse_with(
        quarantine=[
            {"source_path": "/in/a.jsonl", "line_number": 2, "reason_code": "broken_json", "reason": "broken JSON (a)"},
            {"source_path": "/in/a.jsonl", "line_number": 5, "reason_code": "broken_json", "reason": "broken JSON (b)"},
            {"source_path": "/in/b.txt", "reason_code": "empty", "reason": "empty article (no text)"},
        ]
    )
    query = "select reason_code, reason_kind, input_count, file_count, example_reason from reports.quarantine_by_reason"
    assert _rows(con, query) == [
        ("broken_json", "record", 2, 1, "broken JSON (a)"),
        ("empty", "file", 1, 1, "empty article (no text)"),
    ]


def test_checks_return_no_rows_on_consistent_data(warehouse_with):
    con = warehouse_with(
        documents=[_doc("a", clean="Some 20 people.", raw="Some 20 people.\nShare")],
        figures=[_figure("a", 0, "20", "people", value=20, lower=20, upper=20, start=5)],
        entity_mentions=[
            {
                "doc_id": "a",
                "mention_index": 0,
                "start": 8,
                "end": 14,
                "text": "people",
                "label": "MISC",
                "entity_id": "e",
                "canonical_name": "people",
                "method": "spacy",
            }
        ],
        removed_noise=[{"doc_id": "a", "start": 16, "end": 21, "text": "Share", "reason": "share-label trailer"}],
        inputs=[
            {"source_path": "/in/a.txt", "articles_loaded": 1, "rejected": 0, "articles_duplicate": 0, "batch_id": "b1"}
        ],
    )
    con.execute("update raw.documents set batch_id = 'b1'")
    for check in (
        "figure_offsets",
        "entity_offsets",
        "noise_offsets",
        "figure_bounds",
        "unknown_codes",
        "duplicate_documents",
        "unaccounted_inputs",
    ):
        assert _rows(con, f"select * from checks.{check}") == [], check


def test_checks_return_the_bad_rows(warehouse_with):
    con = warehouse_with(
        documents=[_doc("a", clean="Some 20 people."), _doc("b"), _doc("b")],
        figures=[
            _figure("a", 0, "21", "people", value=21, start=5),  # offsets point at "20"
            _figure("a", 1, "20", "victims", value=20, start=5),  # unknown category
            _figure("a", 2, "20", "people", "range", None, 30, 10, start=5),  # lower above upper
            _figure("a", 3, "20", "victims", "roughly", value=20, start=5),  # unknown qualifier and category
        ],
        entity_mentions=[
            {
                "doc_id": "a",
                "mention_index": 0,
                "text": "Some",
                "label": "GPE",
                "entity_id": "e",
                "canonical_name": "Some",
                "method": "spacy",
            }
        ],
        removed_noise=[{"doc_id": "a", "text": "Share", "reason": "share button"}],
        inputs=[{"source_path": "/in/lost.txt", "articles_loaded": 0, "rejected": 0, "articles_duplicate": 0}],
        quarantine=[{"source_path": "/in/lost.txt", "reason_code": "bad luck", "reason": "?"}],
    )
    con.execute("update raw.documents set language_reason = 'too long' where doc_id = 'b'")
    assert _rows(con, "select figure_index, found from checks.figure_offsets") == [(0, "20")]
    assert _rows(con, "select figure_index from checks.figure_bounds") == [(2,)]
    assert _rows(con, "select column_name, code, row_count from checks.unknown_codes") == [
        ("documents.language_reason", "too long", 2),
        ("entity_mentions.label", "GPE", 1),
        ("figures.category", "victims", 2),
        ("figures.qualifier", "roughly", 1),
        ("quarantine.reason_code", "bad luck", 1),
        ("removed_noise.reason", "share button", 1),
    ]
    assert _rows(con, "select doc_id, copies from checks.duplicate_documents") == [("b", 2)]
    assert _rows(con, "select source_path from checks.unaccounted_inputs") == [("/in/lost.txt",)]


def _mention(doc, index, name, label, entity, **place):
    return {
        "doc_id": doc,
        "mention_index": index,
        "text": name,
        "label": label,
        "entity_id": entity,
        "canonical_name": name,
        "method": "spacy",
        **place,
    }


def test_top_entities_by_month_ranks_within_each_month_and_keeps_undated_documents(warehouse_with):
    from datetime import datetime

    may, june = datetime(2012, 5, 3, tzinfo=UTC), datetime(2012, 6, 22, tzinfo=UTC)
    con = warehouse_with(
        documents=[
            {**_doc("a"), "published_at_utc": may},
            {**_doc("b"), "published_at_utc": may},
            {**_doc("c"), "published_at_utc": june},
            _doc("d"),
        ],
        entity_mentions=[
            _mention("a", 0, "Baku", "LOC", "e-baku"),
            _mention("b", 0, "Baku", "LOC", "e-baku"),
            _mention("b", 1, "Goris", "LOC", "e-goris"),
            _mention("c", 0, "Goris", "LOC", "e-goris"),
            _mention("d", 0, "Yerevan", "LOC", "e-yer"),
        ],
    )
    rows = _rows(
        con,
        "select cast(month_start_date as varchar), rank_in_month, canonical_name, document_count "
        "from reports.top_entities_by_month",
    )
    assert rows == [
        ("2012-05-01", 1, "Baku", 2),
        ("2012-05-01", 2, "Goris", 1),
        ("2012-06-01", 1, "Goris", 1),
        (None, 1, "Yerevan", 1),
    ]


def test_entity_cooccurrence_counts_shared_documents_once_per_pair(warehouse_with):
    con = warehouse_with(
        documents=[_doc("a"), _doc("b"), _doc("c")],
        entity_mentions=[
            _mention("a", 0, "Baku", "LOC", "e1"),
            _mention("a", 1, "Baku", "LOC", "e1"),  # repeated mention
            _mention("a", 2, "Ilham Aliyev", "PERSON", "e2"),
            _mention("b", 0, "Baku", "LOC", "e1"),
            _mention("b", 1, "Ilham Aliyev", "PERSON", "e2"),
            _mention("c", 0, "Baku", "LOC", "e1"),
            _mention("c", 1, "Goris", "LOC", "e3"),  # only one shared doc
            _mention("a", 3, "Armenian", "NORP", "e4"),
            _mention("b", 2, "Armenian", "NORP", "e4"),  # not P/O/L
        ],
    )
    assert _rows(
        con, "select canonical_name_a, canonical_name_b, shared_document_count from reports.entity_cooccurrence"
    ) == [("Baku", "Ilham Aliyev", 2)]


def test_places_map_lists_resolved_places_with_coordinates_only(warehouse_with):
    con = warehouse_with(
        entity_mentions=[
            _mention(
                "a",
                0,
                "Goris",
                "LOC",
                "e-goris",
                geonames_id=174895,
                country_code="AM",
                latitude=39.5,
                longitude=46.3,
                feature_type="city",
            ),
            _mention("a", 1, "Martakert", "LOC", "e-mart"),  # unresolved: no coordinates
            _mention("a", 2, "Simon Mordue", "PERSON", "e-sm"),
        ]
    )
    assert _rows(
        con,
        "select canonical_name, geonames_id, country_code, latitude, longitude, document_count from reports.places_map",
    ) == [("Goris", 174895, "AM", 39.5, 46.3, 1)]


def test_every_vocabulary_is_a_table_of_its_codes(warehouse_with):
    con = warehouse_with()
    for vocabulary in VOCABULARIES:
        rows = _rows(con, f"select code, kind, meaning from vocab.{vocabulary.name}")
        assert rows == [(t.code, t.kind, t.meaning) for t in vocabulary.terms], vocabulary.name


def test_reports_take_casualty_categories_and_ranked_labels_from_the_vocabularies(warehouse_with):
    con = warehouse_with(
        documents=[_doc("a")],
        figures=[_figure("a", 0, "20", "killed", value=20, lower=20, upper=20)],
        entity_mentions=[_mention("a", 0, "Baku", "LOC", "e1")],
    )
    con.execute("update vocab.figure_category set kind = 'measure' where code = 'killed'")
    con.execute("update vocab.entity_label set kind = 'other' where code = 'LOC'")
    assert _rows(con, "select * from reports.casualty_figures") == []
    assert _rows(con, "select * from reports.top_entities") == []


def _version(key, doc_id, day):
    return {
        "article_key": key,
        "doc_id": doc_id,
        "batch_id": f"b{day}",
        "loaded_at": datetime(2026, 1, day, tzinfo=UTC),
    }


def test_documents_and_their_rows_count_only_the_current_version_of_each_article(warehouse_with):
    con = warehouse_with(
        documents=[_doc(d, clean="Some 20 people.") for d in ("v1", "v2", "v3", "shared", "legacy")],
        article_versions=[
            _version("f#id=a", "v1", 1),
            _version("f#id=a", "v2", 2),  # edited: v1 superseded
            _version("f#line=2", "v3", 1),
            _version("f#line=2", "v1", 3),  # edited back to the text of v1: v1 current again, v3 superseded
            _version("f#id=c", "shared", 1),
            _version("f#id=c", "v2", 3),  # c now holds v2's text ...
            _version("g#id=c", "shared", 3),  # ... but another key still holds `shared`
        ],  # `legacy` has no version rows (loaded before versions were kept): current
        figures=[_figure(d, 0, "20", "killed", value=20, start=5) for d in ("v1", "v2", "v3")],
        removed_noise=[{"doc_id": d, "text": "x", "reason": "share-label trailer"} for d in ("v2", "v3")],
        entity_mentions=[
            {"doc_id": d, "mention_index": 0, "text": "Some", "label": "LOC", "entity_id": "e", "canonical_name": "S"}
            for d in ("v1", "v3")
        ],
    )
    current = ["legacy", "shared", "v1", "v2"]
    assert _rows(con, "select doc_id from documents order by 1") == [(d,) for d in current]
    assert _rows(con, "select doc_id from document_versions where not is_current") == [("v3",)]
    assert _rows(con, "select doc_id from figures order by 1") == [("v1",), ("v2",)]
    assert _rows(con, "select doc_id from removed_noise") == [("v2",)]
    assert _rows(con, "select document_count, mention_count from entities") == [(1, 1)]
    current_keys = "select article_key, doc_id from article_versions where is_current order by 1"
    assert _rows(con, current_keys) == [("f#id=a", "v2"), ("f#id=c", "v2"), ("f#line=2", "v1"), ("g#id=c", "shared")]
    assert _rows(con, "select count(*) from checks.duplicate_documents") == [(0,)]
