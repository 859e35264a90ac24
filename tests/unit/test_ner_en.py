"""The stacked English/French tagger: features from spaCy's tags and the document, decoding, the shipped models."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

from flows.io.models import MODEL_NAMES, load_gazetteer, load_ner_models, load_stacked_ner
from flows.text.entities import Candidate, correct_with_gazetteer, extract_entities, trim_candidate
from flows.text.entities.ner_en import document_features, model_tokens, tag_document
from flows.text.entities.ner_en_features import (
    ModelToken,
    document_evidence,
    line_shapes,
    stacked_features,
)
from flows.text.entities.ner_features import NerLexicon

ROOT = Path(__file__).resolve().parents[2]
LEXICON = NerLexicon({"anna": frozenset({"first"}), "the": frozenset({"common:en"}), "rome": frozenset({"loc"})})


def tokens_of(text: str, tags: dict[str, str] | None = None) -> list[ModelToken]:
    """Whitespace tokens of an invented text, each with the base-model tag given by word (else O)."""
    out, start = [], 0
    for word in text.split():
        start = text.index(word, start)
        out.append(ModelToken(word, start, start + len(word), (tags or {}).get(word, "O")))
        start += len(word)
    return out


def test_document_evidence_counts_capitals_away_from_sentence_starts() -> None:
    sentences = [tokens_of(part) for part in ("Brook spoke first .", "Later Brook left .", "The brook was dry .")]
    evidence = document_evidence(sentences)
    assert evidence.capitalised == {"brook": 1}  # the sentence-initial "Brook" and "Later" do not count
    assert evidence.lower["brook"] == 1


def test_document_evidence_votes_the_base_model_types_per_word() -> None:
    sentence = tokens_of("Anna Vell met Vell", {"Anna": "B-PERSON", "Vell": "I-PERSON"})
    sentence[3] = ModelToken("Vell", sentence[3].start, sentence[3].end, "B-ORG")
    evidence = document_evidence([sentence])
    assert evidence.votes["vell"] == {"PERSON": 1, "ORG": 1}
    assert "met" not in evidence.votes


def test_line_shapes_mark_short_lines_and_lines_of_numbers() -> None:
    text = "Anna Vell 3 1 2\nThe committee met on Monday and agreed on a plan for the new school year ."
    shapes = line_shapes(text, tokens_of(text))
    assert (shapes[0].short, shapes[0].numeric) == (True, True)  # a table row: few words, many numbers
    assert (shapes[-1].short, shapes[-1].numeric) == (False, False)  # a sentence


def test_stacked_features_carry_the_model_tag_and_the_document_vote() -> None:
    text = "Anna Vell won .\nVell 3 1"
    tokens = tokens_of(text, {"Anna": "B-PERSON", "Vell": "I-PERSON"})
    tokens[4] = ModelToken("Vell", tokens[4].start, tokens[4].end, "B-ORG")  # the base model errs on the table row
    sentences = [tokens[:4], tokens[4:]]
    evidence = document_evidence(sentences)
    feats = stacked_features(text, sentences[1], line_shapes(text, sentences[1]), evidence, LEXICON, "en")
    assert {"m=B-ORG", "dv=ORG", "dv=mixed", "line=short", "line=numeric", "line=first"} <= set(feats[0])
    assert "dv=ORG|m=ORG" in feats[0]  # ties are broken by name: ORG before PERSON


def test_a_one_sentence_text_keeps_its_features_apart() -> None:
    text = "Anna Vell visited Rome"
    features = document_features(text, tokens_of(text), LEXICON, "en")
    assert len(features) == 1
    assert all(f.startswith("1:") for token_features in features[0][1] for f in token_features)
    assert "1:L=first" in features[0][1][0] and "1:L=loc" in features[0][1][3]


@dataclass
class _ScriptedTagger:
    """Tags each sentence from a script: one list of tags per call."""

    script: list[list[str]]

    def tag(self, xseq: Sequence[Sequence[str]]) -> list[str]:
        tags = self.script.pop(0)
        assert len(tags) == len(xseq)
        return tags


def test_tag_document_turns_sentence_tags_into_character_spans() -> None:
    text = "Anna Vell spoke .\nFC Lunor won"
    tagger = _ScriptedTagger([["B-PER", "I-PER", "O", "O"], ["B-ORG", "I-ORG", "O"]])
    doc = tag_document(text, tokens_of(text), tagger, LEXICON, "en")
    assert [(text[e.start_char : e.end_char], e.label_) for e in doc.ents] == [
        ("Anna Vell", "PER"),
        ("FC Lunor", "ORG"),
    ]


def test_model_tokens_skip_spaces_and_join_iob_and_type() -> None:
    @dataclass
    class Tok:
        text: str
        idx: int
        ent_iob_: str
        ent_type_: str
        is_space: bool = False

    doc = [Tok("Anna", 0, "B", "PERSON"), Tok("\n", 4, "O", "", True), Tok("ran", 5, "O", "")]
    assert model_tokens(doc) == [ModelToken("Anna", 0, 4, "B-PERSON"), ModelToken("ran", 5, 8, "O")]


@pytest.mark.parametrize("language", ["en", "fr"])
def test_shipped_stacked_tagger_loads_and_tags_an_invented_sentence(language: str) -> None:
    text = {
        "en": "Maria Okonkwo, the mayor of Toronto, met officials of the World Bank on Tuesday.",
        "fr": "Maria Okonkwo, maire de Toronto, a rencontré mardi des responsables de la Banque mondiale.",
    }[language]
    doc = next(load_stacked_ner(language).pipe([text]))
    found = {(text[e.start_char : e.end_char], e.label_) for e in doc.ents}
    assert ("Maria Okonkwo", "PER") in found and ("Toronto", "LOC") in found


def test_english_and_french_mentions_record_the_stacked_model() -> None:
    assert MODEL_NAMES["en"] == "newsetl_ner_en" and MODEL_NAMES["fr"] == "newsetl_ner_fr"
    models = load_ner_models(("en",))
    assert models.method("en") == "crf"
    text = "Maria Okonkwo spoke in Toronto on Tuesday."
    mentions = extract_entities([(text, "en")], models, load_gazetteer())[0]
    assert {(m.text, m.model) for m in mentions if m.label == "PERSON"} == {("Maria Okonkwo", "newsetl_ner_en")}


@pytest.mark.skipif(
    os.environ.get("NEWSETL_REBUILD_CHECKS") != "1",
    reason="rebuilding the stacked taggers takes several minutes: set NEWSETL_REBUILD_CHECKS=1",
)
def test_build_script_rebuilds_the_shipped_taggers_byte_for_byte(shared: Path) -> None:
    script = ROOT / "scripts" / "build_ner_en.py"
    result = subprocess.run([sys.executable, str(script), "--check"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    ("surface", "label", "kept"),
    [
        ("Mr Tolvan", "PERSON", "Tolvan"),  # a title before a name is not part of it
        ("Dr Ana Rusk", "PERSON", "Ana Rusk"),
        ("Mr", "PERSON", "Mr"),  # nothing capitalised after it: left to the other checks
        ("Dr Pepper Works", "ORG", "Dr Pepper Works"),  # only a person span loses a title
    ],
)
def test_trim_candidate_drops_a_leading_honorific_of_a_person(surface: str, label: str, kept: str) -> None:
    text = f"{surface} spoke."
    trimmed = trim_candidate(text, Candidate(0, len(surface), label, "crf", model="newsetl_ner_en"))
    assert trimmed is not None and text[trimmed.start : trimmed.end] == kept


def test_gazetteer_keeps_a_stacked_taggers_team_but_relabels_spacys() -> None:
    text = "Bordeaux beat the visitors 2-1."  # invented; a city of the gazetteer named as a team
    gazetteer = load_gazetteer()
    stacked = Candidate(0, 8, "ORG", "crf", model="newsetl_ner_en")
    base = Candidate(0, 8, "ORG", "spacy", model="en_core_web_sm")
    assert correct_with_gazetteer(text, stacked, gazetteer).label == "ORG"  # the tagger read the context
    assert correct_with_gazetteer(text, base, gazetteer).label == "LOC"  # spaCy's ORG on a big city is corrected
