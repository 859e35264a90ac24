"""The trained NER taggers (newsetl_ner_<lang>): tokens, features, tag decoding, the shipped models on invented text."""

from __future__ import annotations

import pytest

from flows.io.models import MODEL_NAMES, _load_ner_models, load_gazetteer, load_ner_lexicon, load_trained_ner
from flows.text.entities import extract_entities
from flows.text.entities.base import TRAINED_NER_LANGUAGES
from flows.text.entities.ner_features import (
    NerLexicon,
    lexicon_classes,
    parse_lexicon,
    sentence_features,
    sentence_ranges,
    tag_spans,
    tokenize,
    word_shape,
)
from flows.text.entities.ner_tagger import (
    NerDoc,
    NerSpan,
    arabic_spans,
    family_name_mentions,
    family_nisba,
    surname_mentions,
    tag_text,
)


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("Xi’an, 2020.", ["Xi’an", ",", "2020", "."]),  # an apostrophe inside a word keeps it whole
        ("Baden-Württemberg", ["Baden-Württemberg"]),  # a hyphenated name is one token
        ("عاماً", ["عاماً"]),  # an Arabic mark (tanween) stays on its word
        ("dell’Ucraina", ["dell’", "Ucraina"]),  # an elided preposition is a token of its own
        ("O'Neill", ["O'Neill"]),  # a capital before the apostrophe: one name
    ],
)
def test_tokenize_keeps_words_whole(text: str, tokens: list[str]) -> None:
    assert [text[start:end] for start, end in tokenize(text)] == tokens


@pytest.mark.parametrize(
    ("word", "shape"),
    [
        ("Berlin", "Xx"),  # capitalised
        ("NATO", "X"),  # all capitals
        ("U.S.", "X.X."),  # punctuation kept
        ("1990er", "dx"),  # digits then letters
    ],
)
def test_word_shape(word: str, shape: str) -> None:
    assert word_shape(word) == shape


@pytest.mark.parametrize(
    ("tags", "spans"),
    [
        (["B-PER", "I-PER", "O", "B-LOC"], [(0, 2, "PER"), (3, 4, "LOC")]),
        (["O", "I-ORG", "I-ORG"], [(1, 3, "ORG")]),  # an I- without its B- starts a span
        (["B-PER", "I-LOC"], [(0, 1, "PER"), (1, 2, "LOC")]),  # a label change ends the span
        (["O", "O"], []),
    ],
)
def test_tag_spans_decodes_iob2(tags: list[str], spans: list[tuple[int, int, str]]) -> None:
    assert tag_spans(tags) == spans


def test_sentence_ranges_cut_at_end_marks_and_line_breaks() -> None:
    text = "Eins zwei. Drei\nvier"
    tokens = tokenize(text)
    assert [[text[s:e] for s, e in tokens[a:b]] for a, b in sentence_ranges(text, tokens)] == [
        ["Eins", "zwei", "."],
        ["Drei"],
        ["vier"],
    ]


def test_lexicon_classes_see_an_arabic_stem_after_its_clitic() -> None:
    lexicon = NerLexicon({"بيروت": frozenset({"loc"})})
    assert lexicon_classes("وبيروت", lexicon) == frozenset({"loc~"})
    assert lexicon_classes("بيروت", lexicon) == frozenset({"loc"})


def test_features_mark_the_language_common_words_only() -> None:
    lexicon = parse_lexicon("# header\nhaus\tcommon:de,loc\n")
    german = sentence_features(["Haus"], lexicon, "de")[0]
    spanish = sentence_features(["Haus"], lexicon, "es")[0]
    assert "L=common" in german and "L=loc" in german
    assert "L=common" not in spanish and "L=loc" in spanish


class _EveryCapitalIsAPlace:
    def tag(self, xseq: list[list[str]]) -> list[str]:
        return ["B-LOC" if "sh=Xx" in feats else "O" for feats in xseq]


def test_tag_text_gives_character_offsets_per_sentence() -> None:
    text = "nach Wien.\nund Graz"
    doc = tag_text(text, _EveryCapitalIsAPlace(), NerLexicon({}), "de")
    assert doc == NerDoc((NerSpan(5, 9, "LOC"), NerSpan(15, 19, "LOC")))


# Invented sentences: a person with a title, an organisation and a place in each language.
SENTENCES = {
    "de": (
        "Der Bürgermeister Klaus Wendler besuchte gestern mit Vertretern der Siemens AG die Stadt Hamburg.",
        {("Klaus Wendler", "PER"), ("Hamburg", "LOC")},
    ),
    "es": (
        "El ministro Carlos Ortega viajó ayer a Madrid para reunirse con directivos del Banco Santander.",
        {("Carlos Ortega", "PER"), ("Madrid", "LOC")},
    ),
    "it": (
        "Il sindaco Marco Bellini ha incontrato ieri a Milano i dirigenti della Banca Intesa.",
        {("Marco Bellini", "PER"), ("Milano", "LOC")},
    ),
    "pl": (
        "Premier Jan Kowalski spotkał się wczoraj w Krakowie z przedstawicielami Ministerstwa Zdrowia.",
        {("Jan Kowalski", "PER")},
    ),
    "ar": ("قال الأمير فيصل بن خالد في الرياض إن وزارة الصحة ستفتح مستشفى جديدا في جدة.", {("فيصل بن خالد", "PER")}),
}


@pytest.mark.parametrize("language", TRAINED_NER_LANGUAGES)
def test_shipped_tagger_loads_and_tags_an_invented_sentence(language: str) -> None:
    text, expected = SENTENCES[language]
    doc = next(load_trained_ner(language).pipe([text]))
    found = {(text[e.start_char : e.end_char], e.label_) for e in doc.ents}
    assert expected <= found


def test_shipped_lexicon_holds_places_given_names_and_common_words() -> None:
    classes = load_ner_lexicon().classes
    assert "loc" in classes["madrid"]
    assert "first" in classes["carlos"]
    assert "common:de" in classes["und"]


def test_mentions_of_a_trained_language_record_the_model() -> None:
    fresh = _load_ner_models.__wrapped__(("de",))  # the cached set may have loaded German already
    text, _ = SENTENCES["de"]
    mentions = extract_entities([(text, "de")], fresh, load_gazetteer())[0]
    people = [m for m in mentions if m.label == "PERSON"]
    assert people and people[0].model == MODEL_NAMES["de"] == "newsetl_ner_de"


def test_spans_are_cut_at_punctuation_inside_them() -> None:
    from flows.text.entities.ner_tagger import split_at_punctuation

    words = ["Ana", ",", "Luis", "y", "Instituto", "(", "Sur", "Este"]
    spans = [(0, 3, "PER"), (4, 8, "ORG")]
    assert split_at_punctuation(words, spans) == [(0, 1, "PER"), (2, 3, "PER"), (4, 5, "ORG"), (6, 8, "ORG")]


@pytest.mark.parametrize(
    ("word", "name"),
    [
        ("بالقاهرة", "القاهرة"),  # bi- before the article
        ("وبالقاهرة", "القاهرة"),  # wa-bi- before the article
        ("للقاهرة", "للقاهرة"),  # li- fused with the article: no bare name inside
        ("بتونس", "تونس"),  # bi- before a known place the whole word is not
        ("باريس", "باريس"),  # a place that starts with a proclitic letter
        ("بوزارة", "وزارة"),  # bi- before an institution noun
    ],
)
def test_arabic_spans_start_after_proclitics(word: str, name: str) -> None:
    from flows.text.entities.ner_tagger import proclitic_length

    assert word[proclitic_length(word, load_ner_lexicon()) :] == name


def test_arabic_person_spans_run_over_link_words_and_stop_at_titles() -> None:
    from flows.text.entities.ner_tagger import arabic_spans

    lexicon = NerLexicon({"محافظ": frozenset({"title"})})
    words = ["قال", "سعيد", "بن", "خالد", "محافظ", "المدينة"]
    assert arabic_spans(words, [(1, 3, "PER"), (3, 6, "PER")], lexicon) == [(1, 4, "PER")]
    assert arabic_spans(words, [(1, 3, "PER")], lexicon) == [(1, 4, "PER")]


def test_spans_are_cut_at_plain_lower_case_words() -> None:
    from flows.text.entities.ner_tagger import split_at_plain_words

    words = ["Vino", "el", "Ministerio", "de", "Pesca", "y", "la", "gente", "de", "Tarrasa"]
    assert split_at_plain_words(words, [(2, 5, "ORG")]) == [(2, 5, "ORG")]  # a connector before a name
    assert split_at_plain_words(words, [(6, 10, "LOC")]) == [(9, 10, "LOC")]  # a plain word: cut


def test_polish_person_spans_of_common_nouns_are_organisations() -> None:
    from flows.text.entities.ner_tagger import common_noun_name_label

    lexicon = NerLexicon({"rada": frozenset({"common:pl"}), "anna": frozenset({"first"})})
    assert common_noun_name_label(["Rady", "Miejskiej"], "PER", lexicon, "pl") == "ORG"  # "rada": a common noun
    assert common_noun_name_label(["Anna", "Rada"], "PER", lexicon, "pl") == "PER"  # a given name: a person


def test_a_polish_place_before_a_name_is_split_off() -> None:
    from flows.text.entities.ner_tagger import split_at_punctuation, split_leading_place

    lexicon = NerLexicon({"francji": frozenset({"loc"})})
    assert split_leading_place(["Francji", "Jan", "Kowalski"], (0, 3, "ORG"), lexicon, "pl") == [
        (0, 1, "LOC"),
        (1, 3, "PER"),
    ]
    assert split_at_punctuation(["Halle", "(", "Saale", ")"], [(0, 4, "LOC")]) == [(0, 4, "LOC")]


def test_arabic_family_names_repeat_a_full_name_found_elsewhere() -> None:
    lexicon = NerLexicon({"قال": frozenset({"common:ar"})})
    words = ["قال", "فهد", "بن", "علي", "الزهراني", "إن", "الزهراني", "وأضاف", "والزهراني", "قال", "ماجد", "الزهراني"]
    found = family_name_mentions(words, [(1, 5, "PER")], lexicon)
    assert (6, 7, "PER") in found and (8, 9, "PER") in found  # also after the conjunction wa-
    assert (10, 12, "PER") in found  # a relative's given name before the family name joins it
    assert family_name_mentions(words, [(1, 3, "PER")], lexicon) == []  # the name ends on a link: no family name


def test_arabic_nisba_family_names_close_a_name_but_not_a_nationality() -> None:
    lexicon = NerLexicon({"ليبيا": frozenset({"loc"}), "السعودي": frozenset({"common:ar"})})
    assert family_nisba("الزهراني", lexicon)
    assert not family_nisba("الليبي", lexicon)  # formed on a place: a nationality
    assert not family_nisba("السعودي", lexicon)  # a common word
    assert not family_nisba("الكتاب", lexicon)  # no -ī ending
    assert arabic_spans(["التقى", "فهد", "الزهراني", "أمس"], [(1, 2, "PER")], lexicon) == [(1, 3, "PER")]


def test_surnames_and_full_names_repeat_a_person_found_elsewhere() -> None:
    lexicon = NerLexicon({"anna": frozenset({"first"})})
    words = [
        "Anna",
        "Brenner",
        "sagte",
        ",",
        "Brenners",
        "Plan",
        "sei",
        "gut",
        ".",
        "Anna",
        "Brenner",
        "und",
        "Brenner",
    ]
    found = surname_mentions(words, [(0, 2, "PER")], lexicon, "de")
    assert found == [(9, 11, "PER"), (4, 5, "PER"), (12, 13, "PER")]  # German genitive -s too
    assert surname_mentions(words, [(0, 2, "PER")], lexicon, "it") == [(9, 11, "PER"), (12, 13, "PER")]
    assert surname_mentions(words, [(0, 2, "ORG")], lexicon, "de") == []
