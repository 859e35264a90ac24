"""Named entities: spaCy (en, fr) / natasha (ru) / trained CRFs (de, es, it, pl, ar) + gazetteer + document consistency.

Pure given the models: `extract_entities` takes the loaded pipelines and gazetteer as
parameters; no file I/O. Steps per document (`resolve_document`):

1. all-caps lines (headlines, datelines) are truecased for the model by document evidence and
   long runs of non-space characters or punctuation blanked, keeping every offset; the language's
   NER model runs batched with `pipe` (spaCy for en, fr; natasha behind the same interface for ru)
   on the first MODEL_MAX_TOKENS tokens (the rules read it all);
2. model spans trimmed (leading "the", possessive "'s", trailing numbers; trailing lower-case
   words in English only: "Union européenne" keeps its adjective), split at " - ", line breaks
   and " at "/" v "; labels mapped to PERSON/ORG/LOC/NORP/MISC;
3. rule candidates: agency datelines ("OSLO, May 4 (Reuters)"), initial-and-surname names,
   lower-case government bodies and acronyms (en);
4. partial names linked to full person names; gazetteer-only places kept on evidence
   (`flows.text.places.trusted_entries`); single letters and common words dropped, international
   words taken for organisations, not people (`plain_words`); gazetteer corrections that need evidence
   (titles and first names for people; "in/town of", place nouns and country context for places;
   company nouns for organisations);
5. one label per surface form (evidence-weighted vote); model guesses on all-caps headlines
   checked against the body; missed repeats of known names, surnames and gazetteer
   countries/regions added;
6. canonical name, stable `entity_id`, and the `Place` of LOC mentions, chosen among the trusted
   gazetteer entries (none trusted: a LOC without a place).

English and French spaCy output is re-tagged by a CRF stacked on it (`ner_en`, `ner_en_features`,
`newsetl_ner_en` / `newsetl_ner_fr`; built by scripts/build_ner_en.py): spaCy's own tags plus
document casing, document label votes and line shape (tables, lists, headlines); the gazetteer
does not relabel its spans as places (it has read the place lexicon and the context).

German, Spanish, Italian, Polish and Arabic are tagged by CRFs trained for this project
(`ner_tagger`, `ner_features`, `newsetl_ner_<lang>`; built by scripts/build_ner_models.py); the
Arabic tagger, trained on weak labels alone, is completed with the fallback's places.

Fallback for languages without a model: word n-grams are looked up in the
gazetteer (countries, regions, capitals, big cities, first-level subdivisions) -> LOC
(`gazetteer`), after two to three capitalised words starting with a known first name -> PERSON
(`heuristic`; "Vladimir Orlov" is a person before "Vladimir" is a town); ORG is not guessed.
Each mention's `method` says how it was found: `spacy`, `natasha`, `crf`,
`spacy+gazetteer`, `spacy+consistency`, `spacy+context`, `spacy+business`, `...+word`, `gazetteer`,
`doc-consistency`, `heuristic`; its `model` which model found the span first (`NerModels.names`:
`newsetl_ner_en`, `newsetl_ner_fr`, `natasha`, `newsetl_ner_de`, ...), or `gazetteer` / `rules` for the other paths; a
relabelling keeps it. The word lists come from `entity_lexicon` (package data files).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from flows.text.entities.base import (
    BATCH_SIZE,
    GAZETTEER_COMPLETED_LANGUAGES,
    LABEL_MAP,
    MAX_NAME_CHARS,
    NAME_LABELS,
    Candidate,
    NerModels,
    is_name_like,
    is_stop_word,
    merge_candidates,
)
from flows.text.entities.canonical import canonical_person, canonicalise, entity_id
from flows.text.entities.casing import (
    KNOWN_ACRONYMS,
    MODEL_MAX_TOKENS,
    MODEL_PUNCT_CHARS,
    MODEL_TOKEN_CHARS,
    is_caps_line,
    model_text,
    truecase,
)
from flows.text.entities.evidence import (
    add_missed_mentions,
    context_countries,
    correct_with_gazetteer,
    has_person_evidence,
    has_place_evidence,
    link_partial_names,
    vote_labels,
)
from flows.text.entities.fallback import country_candidates, fallback_candidates
from flows.text.entities.plain_words import drop_plain_words
from flows.text.entities.rules import (
    BUSINESS_WORDS,
    acronym_candidates,
    as_company,
    dateline_candidates,
    government_candidates,
    initial_candidates,
)
from flows.text.entities.spans import settle_headline_spans, split_and_filter, trim_candidate
from flows.text.places import Gazetteer, trusted_entries
from flows.text.records import EntityMention


def extract_entities(
    docs: Sequence[tuple[str, str]], models: NerModels, gazetteer: Gazetteer
) -> list[tuple[EntityMention, ...]]:
    """Return the entity mentions of each (clean_text, language) document, in order."""
    raw: list[list[Candidate]] = [[] for _ in docs]
    by_language: dict[str, list[int]] = defaultdict(list)
    for index, (_, language) in enumerate(docs):
        by_language[language].append(index)
    for language, indexes in by_language.items():
        nlp = models.pipelines.get(language)
        if nlp is None:
            for i in indexes:
                raw[i] = fallback_candidates(docs[i][0], gazetteer)
            continue
        texts = (model_text(docs[i][0]) for i in indexes)
        method, name = models.method(language), models.name(language)
        for i, doc in zip(indexes, nlp.pipe(texts, batch_size=BATCH_SIZE), strict=True):
            raw[i] = [
                Candidate(ent.start_char, ent.end_char, LABEL_MAP.get(ent.label_, ent.label_), method, model=name)
                for ent in doc.ents
            ]
            if language in GAZETTEER_COMPLETED_LANGUAGES:
                raw[i] = merge_candidates(raw[i], fallback_candidates(docs[i][0], gazetteer), override=False)
    return [
        resolve_document(text, cands, gazetteer, language) for (text, language), cands in zip(docs, raw, strict=True)
    ]


def resolve_document(
    text: str, candidates: Sequence[Candidate], gazetteer: Gazetteer, language: str = "en"
) -> tuple[EntityMention, ...]:
    """Return the document's final mentions from raw candidates (trim, correct, link, resolve)."""
    spans = [c for c in (trim_candidate(text, c, language) for c in candidates) if c is not None]
    spans = [part for c in spans for part in split_and_filter(text, c)]
    spans = merge_candidates(spans, dateline_candidates(text), override=True)
    if language == "en":  # English usage: "T. Vennik" (French "M. X" is Monsieur X), "state department"
        spans = merge_candidates(spans, initial_candidates(text, gazetteer), override=True)
        spans = merge_candidates(spans, government_candidates(text), override=False)
        spans = merge_candidates(spans, acronym_candidates(text, gazetteer), override=False)
    spans = link_partial_names(text, spans, gazetteer)
    context = context_countries(text, spans, gazetteer)
    spans = [
        c
        for c in spans
        if c.method != "gazetteer" or trusted_entries(gazetteer, text[c.start : c.end], language, context)
    ]
    spans = drop_plain_words(text, spans, gazetteer, language, context)
    spans = [correct_with_gazetteer(text, c, gazetteer, context) for c in spans]
    spans = vote_labels(text, spans)
    spans = settle_headline_spans(text, spans)
    cased = truecase(text)
    spans = add_missed_mentions(cased, spans, gazetteer)
    spans = merge_candidates(spans, country_candidates(cased, gazetteer), override=False)
    if BUSINESS_WORDS.search(text):
        spans = [as_company(text, c, spans) for c in spans]
    return canonicalise(text, cased, spans, gazetteer, context, language)


__all__ = [
    "BATCH_SIZE",
    "Candidate",
    "KNOWN_ACRONYMS",
    "LABEL_MAP",
    "MAX_NAME_CHARS",
    "MODEL_MAX_TOKENS",
    "MODEL_PUNCT_CHARS",
    "MODEL_TOKEN_CHARS",
    "NAME_LABELS",
    "NerModels",
    "acronym_candidates",
    "add_missed_mentions",
    "as_company",
    "canonical_person",
    "canonicalise",
    "context_countries",
    "correct_with_gazetteer",
    "country_candidates",
    "dateline_candidates",
    "entity_id",
    "extract_entities",
    "fallback_candidates",
    "government_candidates",
    "has_person_evidence",
    "has_place_evidence",
    "initial_candidates",
    "is_caps_line",
    "is_name_like",
    "is_stop_word",
    "link_partial_names",
    "merge_candidates",
    "model_text",
    "resolve_document",
    "settle_headline_spans",
    "split_and_filter",
    "trim_candidate",
    "truecase",
    "vote_labels",
]


def _surface(text: str, cand: Candidate) -> str:
    return text[cand.start : cand.end]
