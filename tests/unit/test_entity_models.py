"""Which model found each mention, Russian NER with natasha (loaded lazily, from the wheel), and
the Russian helpers (case as name evidence, places looked up by their nominative).

All sentences are written for these tests.
"""

from __future__ import annotations

import socket

import pytest

from flows.io.models import (
    MODEL_NAMES,
    LazyPipelines,
    _load_ner_models,
    load_gazetteer,
    load_natasha,
    load_ner_models,
)
from flows.text.entities import extract_entities
from flows.text.entities.base import GAZETTEER, RULES, NerModels
from flows.text.entities.canonical import place_lookup_name
from flows.text.entities.plain_words import is_cased_as_name

RUSSIAN = (
    "Министр иностранных дел Сергей Иванов прилетел в Новосибирск. "
    "Компания «Газпром» подписала договор с правительством Казахстана. Иванов назвал встречу полезной."
)


def test_lazy_pipelines_load_a_language_on_first_access_only() -> None:
    calls: list[str] = []
    pipelines = LazyPipelines({"en": "loaded"}, {"ru": lambda: calls.append("ru") or "natasha"})
    assert pipelines.loaded() == frozenset({"en"}) and sorted(pipelines) == ["en", "ru"]
    assert pipelines.get("de") is None and calls == []
    assert pipelines["ru"] == "natasha" and pipelines["ru"] == "natasha"
    assert calls == ["ru"] and pipelines.loaded() == frozenset({"en", "ru"})


def test_ner_models_name_each_language_and_leave_russian_unloaded() -> None:
    models = load_ner_models()
    assert dict(models.names) == MODEL_NAMES
    assert models.name("en") == "newsetl_ner_en" and models.method("ru") == "natasha"
    assert models.method("fr") == "crf"
    fresh = _load_ner_models.__wrapped__(("ru",))  # the cached set may have met Russian in another test
    assert fresh.pipelines.loaded() == frozenset() and list(fresh.pipelines) == ["ru"]


def test_natasha_loads_and_tags_without_the_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network access while loading or running natasha")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    doc = next(load_natasha().pipe([RUSSIAN]))
    spans = {(RUSSIAN[e.start_char : e.end_char], e.label_) for e in doc.ents}
    assert {("Сергей Иванов", "PER"), ("Новосибирск", "LOC")} <= spans


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


def test_russian_mentions_come_from_natasha_with_contract_labels(gazetteer) -> None:
    mentions = extract_entities([(RUSSIAN, "ru")], load_ner_models(("ru",)), gazetteer)[0]
    found = {(m.text, m.label, m.model) for m in mentions}
    assert ("Сергей Иванов", "PERSON", "natasha") in found
    assert ("Новосибирск", "LOC", "natasha") in found
    assert any(m.label == "ORG" and "Газпром" in m.text for m in mentions)
    kazakhstan = next(m for m in mentions if m.text == "Казахстана")  # genitive: placed by its nominative
    assert kazakhstan.label == "LOC" and kazakhstan.place is not None and kazakhstan.place.country_code == "KZ"
    surname = next(m for m in mentions if m.text == "Иванов")
    assert surname.canonical_name == "Сергей Иванов"


def test_every_mention_says_which_model_found_it(gazetteer) -> None:
    english = "Angela Merkel met managers of Siemens in Munich.\nOSLO, May 4 (Reuters) - Talks went on."
    german = "Bundeskanzler Olaf Scholz reiste nach Frankreich."
    models = load_ner_models(("en",))
    en, de = extract_entities([(english, "en"), (german, "de")], models, gazetteer)
    by_text = {m.text: m.model for m in (*en, *de)}
    assert by_text["Angela Merkel"] == "newsetl_ner_en"
    assert by_text["OSLO"] == RULES  # an agency dateline
    assert by_text["Frankreich"] == GAZETTEER  # no German model: the gazetteer fallback
    assert all(m.model for m in (*en, *de))


def test_a_language_without_a_model_uses_the_fallback(gazetteer) -> None:
    mentions = extract_entities([("Die Delegation flog nach Frankreich.", "de")], NerModels(pipelines={}), gazetteer)[0]
    assert [(m.text, m.model) for m in mentions] == [("Frankreich", GAZETTEER)]


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Делегация вернулась из Франции вечером.", "Франции", True),  # inside a sentence, never lower case
        ("Франции нет. Делегация вернулась домой.", "Франции", False),  # only at a sentence start
        ("Мир велик. Он сказал: мир велик, и Мир тоже.", "Мир", False),  # also written in lower case
        ("Делегация вернулась из франции вечером.", "франции", False),  # not capitalised
    ],
)
def test_is_cased_as_name(text: str, word: str, expected: bool) -> None:
    assert is_cased_as_name(text, word) is expected


@pytest.mark.parametrize(
    ("surface", "language", "expected"),
    [
        ("Новосибирске", "ru", "Новосибирск"),
        ("Франции", "ru", "Франция"),
        ("Новосибирск", "ru", None),  # already the nominative
        ("Южной Корее", "ru", None),  # several words: an adjective's lemma is masculine
        ("США", "ru", None),  # an acronym does not decline
        ("Parigi", "it", None),  # only declining languages
    ],
)
def test_place_lookup_name(surface: str, language: str, expected: str | None) -> None:
    assert place_lookup_name(surface, language) == expected


def test_the_model_reaches_the_extract_record_and_the_mention_row() -> None:
    from flows.batch import _mention_row
    from flows.extract import _entity_record
    from flows.text.records import EntityMention
    from warehouse.schemas import ENTITY_MENTIONS

    mention = EntityMention(0, 6, "Тверью", "LOC", "natasha", "Тверь", "id-tver", None, "natasha")
    assert _entity_record(mention)["model"] == "natasha"
    assert _mention_row("doc", 0, mention, "batch")["model"] == "natasha"
    assert str(ENTITY_MENTIONS.schema.field("model").type) == "string"
