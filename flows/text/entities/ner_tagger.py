"""The trained NER taggers (newsetl_ner_<lang>) behind spaCy's `pipe` interface: pure, the CRF passed in.

A document is tokenised, cut into sentences, each sentence tagged (IOB2 over PER/ORG/LOC) by a
linear-chain CRF (CRFsuite, trained by `scripts/build_ner_models.py`), and the tagged token runs
become character spans of the text, cut at the punctuation marks inside them (a list's comma,
a bracket, a quote: `split_at_punctuation`). Arabic spans are settled on the word forms of the annotation
conventions (`arabic_spans`): a leading one-letter proclitic (wa-, fa-, bi-, li-, ka-) is left out
of the name ("بالرياض" -> "الرياض"; "للرياض", where li- has fused with the article, stays whole),
and a person's name never ends on a link word ("بن", "آل"): it runs on to the name after it, and
it takes a nisba family name after it ("... الحربي"). A person named in full is found again in the
rest of the text: the full name's repeats, then its surname alone (`surname_mentions`: de, es, it,
German genitive -s too; `family_name_mentions`: Arabic, also after a proclitic).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol

import simplemma

from flows.text.entities.ner_features import (
    NerLexicon,
    lexicon_classes,
    sentence_features,
    sentence_ranges,
    tag_spans,
    tokenize,
)
from flows.text.places import normalize_name

# Arabic one-letter proclitics (conjunctions wa-/fa-, prepositions bi-/li-/ka-) and the link words inside a
# person's name (son/daughter of, father of, family of).
ARABIC_PROCLITICS = frozenset("وفبلك")
ARABIC_NAME_LINKS = frozenset({"بن", "بنت", "ابن", "أبو", "أبي", "آل", "عبد"})
_ARABIC_LETTERS = re.compile(r"[\u0621-\u064a]+")


class SequenceTagger(Protocol):
    """What a loaded CRF offers: one tag per item of a sequence of feature lists."""

    def tag(self, xseq: Sequence[Sequence[str]]) -> list[str]: ...


@dataclass(frozen=True)
class NerSpan:
    """An entity span with spaCy's attribute names."""

    start_char: int
    end_char: int
    label_: str


@dataclass(frozen=True)
class NerDoc:
    """The entity spans of one text."""

    ents: tuple[NerSpan, ...]


def tag_text(text: str, tagger: SequenceTagger, lexicon: NerLexicon, language: str) -> NerDoc:
    """Return the entity spans the tagger finds in `text`, sentence by sentence."""
    tokens = tokenize(text)
    ents: list[NerSpan] = []
    found: list[tuple[int, int, str]] = []  # token ranges of the whole text (for the surnames' repeats)
    for first, last in sentence_ranges(text, tokens):
        offsets = tokens[first:last]
        words = [text[start:end] for start, end in offsets]
        spans = tag_spans(tagger.tag(sentence_features(words, lexicon, language)))
        spans = split_at_punctuation(words, spans)
        if language != "ar":
            spans = split_at_plain_words(words, spans)
        if language in NOUN_PHRASE_NAME_LANGUAGES:
            spans = [part for span in spans for part in split_leading_place(words, span, lexicon, language)]
            spans = [(i, j, common_noun_name_label(words[i:j], label, lexicon, language)) for i, j, label in spans]
        if language == "ar":
            spans = arabic_spans(words, spans, lexicon)
        found.extend((first + i, first + j, label) for i, j, label in spans)
    words = [text[start:end] for start, end in tokens]
    if language == "ar":
        found = sorted([*found, *family_name_mentions(words, found, lexicon)])
        for i, j, label in found:
            ents.append(NerSpan(tokens[i][0] + proclitic_length(words[i], lexicon), tokens[j - 1][1], label))
        return NerDoc(tuple(ents))
    if language in SURNAME_LANGUAGES:
        found = sorted([*found, *surname_mentions(words, found, lexicon, language)])
    return NerDoc(tuple(NerSpan(tokens[i][0], tokens[j - 1][1], label) for i, j, label in found))


# Languages whose surnames keep their form when repeated (German adds the genitive -s): a person named in full
# is then named by the surname alone.
SURNAME_LANGUAGES = frozenset({"de", "es", "it"})
GENITIVE_S = {"de": "s"}


def full_name_repeats(
    words: Sequence[str], spans: Sequence[tuple[int, int, str]], taken: set[int]
) -> list[tuple[int, int, str]]:
    """Return the repeats outside `taken` of the person names of two or three words among the spans (a full
    name the tagger missed elsewhere in the text is that person too, not a surname alone); `taken` grows."""
    full = {tuple(words[i:j]) for i, j, label in spans if label == "PER" and 2 <= j - i <= 3}
    out: list[tuple[int, int, str]] = []
    for k in range(len(words)):
        for name in sorted(full):
            end = k + len(name)
            if tuple(words[k:end]) == name and not taken & set(range(k, end)):
                out.append((k, end, "PER"))
                taken.update(range(k, end))
    return out


def surname_mentions(
    words: Sequence[str], spans: Sequence[tuple[int, int, str]], lexicon: NerLexicon, language: str
) -> list[tuple[int, int, str]]:
    """Return the words outside the spans that repeat the surname closing a person's name of two or three
    capitalised words found elsewhere in the text ("Angela Merkel" ... "Merkel"; German also "Merkels"): a
    capitalised word that is no given name, place, cue word or common word of the language."""
    taken = {k for i, j, _ in spans for k in range(i, j)}
    common = f"common:{language}"
    surnames: set[str] = set()
    for i, j, label in spans:
        last = words[j - 1]
        if label == "PER" and 2 <= j - i <= 3 and last[:1].isupper() and last.isalpha() and len(last) >= 3:
            if not lexicon.classes.get(normalize_name(last), frozenset()) & {"first", "loc", "org", "title", common}:
                surnames.add(last)
    out = full_name_repeats(words, spans, taken)
    forms = surnames | {f"{name}{GENITIVE_S[language]}" for name in surnames if language in GENITIVE_S}
    out.extend((k, k + 1, "PER") for k, word in enumerate(words) if k not in taken and word in forms)
    return out


def family_name_mentions(
    words: Sequence[str], spans: Sequence[tuple[int, int, str]], lexicon: NerLexicon
) -> list[tuple[int, int, str]]:
    """Return the Arabic words outside the spans that repeat the family name closing a person's name of two
    words or more found elsewhere in the text (a news text names a person in full once, then by the family
    name: "... الحارثي"), also after a one-letter proclitic. The family name is the name's last word when it
    is no link, no given name, no place or institution noun, not among the language's commonest words, and
    has the article or four letters or more without a leading proclitic."""
    taken = {k for i, j, _ in spans for k in range(i, j)}
    family = set()
    for i, j, label in spans:
        last = words[j - 1]
        named = (last.startswith("ال") and len(last) >= 5) or (len(last) >= 4 and last[0] not in ARABIC_PROCLITICS)
        if label == "PER" and j - i >= 2 and named and last not in ARABIC_NAME_LINKS:
            classes = lexicon_classes(last, lexicon)
            if not classes & {"first", "loc", "org", "title", "common:ar", "orgname"}:
                family.add(normalize_name(last))
    out = full_name_repeats(words, spans, taken)
    for k, word in enumerate(words):
        if k in taken or not family:
            continue
        key = normalize_name(word)
        if key in family or (key[:1] in ARABIC_PROCLITICS and key[1:] in family):
            start = k - 1 if k and k - 1 not in taken and _given_name_before(words[k - 1], lexicon) else k
            out.append((start, k + 1, "PER"))
            taken.update(range(start, k + 1))
    return out


def _given_name_before(word: str, lexicon: NerLexicon) -> bool:
    """Return whether the Arabic word before a family name is another member's given name ("الساعدي" before
    "القذافي"): Arabic letters only, no conjunction before it, no common word (also after a clitic), no
    link, title, institution noun or place."""
    if len(word) < 3 or not word.isalpha() or not _ARABIC_LETTERS.fullmatch(word) or word.startswith("و"):
        return False
    if word in ARABIC_NAME_LINKS:
        return False
    bad = {"common:ar", "common:ar~", "title", "title~", "org", "org~", "loc", "loc~", "locpart"}
    return not lexicon_classes(word, lexicon) & bad


# Marks a name never spans: a list's comma, a bracket or a quote opens or closes another phrase.
SPLITTING_MARKS = frozenset(',;:()[]{}"«»“”„/|!?؟،؛')


def split_at_punctuation(words: Sequence[str], spans: Sequence[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Return the token spans cut at the punctuation marks inside them ("Jorge, Carlos" -> two names,
    "Agencia (Agencia" -> the part before and after the bracket), each part with a word kept; a short
    bracket closed inside the span after a name stays ("Halle (Saale)")."""
    out: list[tuple[int, int, str]] = []
    for first, last, label in spans:
        start = first
        paired = _paired_brackets(words, first, last)
        for k in range(first, last + 1):
            if k == last or (words[k] in SPLITTING_MARKS and k not in paired):
                if any(any(c.isalnum() for c in words[m]) for m in range(start, k)):
                    out.append((start, k, label))
                start = k + 1
    return out


# Languages whose institutions are named by capitalised noun phrases of common words in every case
# ("Straży Granicznej", "Koalicji Polskiej"), which a tagger trained mostly on other languages takes for
# people.
NOUN_PHRASE_NAME_LANGUAGES = frozenset({"pl"})


def split_leading_place(
    words: Sequence[str], span: tuple[int, int, str], lexicon: NerLexicon, language: str
) -> list[tuple[int, int, str]]:
    """Return a span that starts with a place in an oblique case and runs on over a person's name
    ("prezydent Francji Jan Kowalski": "Francji" + "Jan Kowalski") as the place and the person; else
    the span. The place is a one-word lexicon place whose simplemma lemma differs from it; the name
    after it has two or three capitalised words."""
    first, last, label = span
    word = words[first]
    if last - first not in (3, 4) or "loc" not in lexicon_classes(word, lexicon):
        return [span]
    if simplemma.lemmatize(word, lang=language) == word or not all(w[:1].isupper() for w in words[first + 1 : last]):
        return [span]
    return [(first, first + 1, "LOC"), (first + 1, last, "PER")]


def common_noun_name_label(words: Sequence[str], label: str, lexicon: NerLexicon, language: str) -> str:
    """Return ORG for a person span of several words none of which is a given name (as written or as its
    simplemma lemma) and one of which is a common word of the language by its lemma; else the label."""
    if label != "PER" or len(words) < 2:
        return label
    lemmas = [simplemma.lemmatize(w, lang=language) for w in words]
    if any("first" in lexicon_classes(w, lexicon) for w in [*words, *lemmas]):
        return label
    common = f"common:{language}"
    return "ORG" if any(common in lexicon_classes(lemma.lower(), lexicon) for lemma in lemmas) else label


# Lower-case words inside names are short connectors ("de", "für", "i", "della"); longer ones are words.
CONNECTOR_LETTERS = 4
LONG_CONNECTORS = frozenset({"della", "delle", "degli", "dello", "dell’", "dell'"})


def split_at_plain_words(words: Sequence[str], spans: Sequence[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Return the spans of a cased language cut at the lower-case words inside them that are no connector
    of a name: a word of CONNECTOR_LETTERS letters or more, or one not followed by a capitalised word
    ("Ministerio de Sanidad" stays whole; "Sankcje wobec Rosji" is cut). A part starting the sentence
    with one word only is left out (a capitalised sentence start)."""
    out: list[tuple[int, int, str]] = []
    for first, last, label in spans:
        start = first
        for k in range(first, last + 1):
            if k < last and not _plain_inside(words, k, last):
                continue
            while start < k and words[start][:1].islower():
                start += 1
            if k > start and not (start == 0 and k - start == 1 and k < last):
                out.append((start, k, label))
            start = k + 1
    return out


def _plain_inside(words: Sequence[str], k: int, last: int) -> bool:
    word = words[k]
    if not word[:1].islower() or not word.isalpha():
        return False
    if len(word) >= CONNECTOR_LETTERS and word not in LONG_CONNECTORS:
        return True
    j = k + 1  # connectors may follow each other before the name goes on ("Ursula von der Leyen")
    while j < last and words[j][:1].islower() and len(words[j]) < CONNECTOR_LETTERS:
        j += 1
    return not (j < last and words[j][:1].isupper())


def _paired_brackets(words: Sequence[str], first: int, last: int) -> frozenset[int]:
    """Return the indexes of brackets closed inside the span after a capitalised word, with one or two
    words between: part of the name ("Halle (Saale)")."""
    out: set[int] = set()
    for k in range(first + 1, last):
        if words[k] == "(" and words[k - 1][:1].isupper():
            close = next((m for m in range(k + 2, min(k + 4, last)) if words[m] == ")"), None)
            if close is not None:
                out.update((k, close))
    return frozenset(out)


def arabic_spans(
    words: Sequence[str], spans: Sequence[tuple[int, int, str]], lexicon: NerLexicon
) -> list[tuple[int, int, str]]:
    """Return the token spans with a person's name that ends on a link word ("محمد بن") run on over the
    name after it (the next span's words, else the next word), cut before a title or institution noun
    that follows the name ("... محافظ جدة": the governor of) and after one before it."""
    out: list[tuple[int, int, str]] = []
    for first, last, label in spans:
        if label == "PER":
            while first < last and _is_role_word(words[first], lexicon):
                first += 1
            last = next((k for k in range(first, last) if _is_role_word(words[k], lexicon)), last)
            if first == last:
                continue
        if out and out[-1][2] == "PER" and out[-1][1] == first and words[first - 1] in ARABIC_NAME_LINKS:
            first = out.pop()[0]
            label = "PER"
        while label == "PER" and words[last - 1] in ARABIC_NAME_LINKS and last < len(words) and words[last].isalpha():
            last += 1
        if label == "PER" and last < len(words) and last - first < 5 and family_nisba(words[last], lexicon):
            last += 1  # a family name of the nisba form closes the name: "... الحربي"
        if out and first < out[-1][1]:
            continue
        out.append((first, last, label))
    return out


def family_nisba(word: str, lexicon: NerLexicon) -> bool:
    """Return whether an Arabic word is a family name of the nisba form: the article, a stem and -ī ("الحربي"),
    not among the language's commonest words ("السعودي") and not formed on a place in the lexicon (the
    stem with -ā, -iyā or -a, or with the article: "الليبي" <- "ليبيا")."""
    if not (word.startswith("ال") and word.endswith(("ي", "ى")) and len(word) >= 6 and word.isalpha()):
        return False
    if lexicon_classes(word, lexicon) & {"common:ar", "loc", "locpart", "title", "org", "first"}:
        return False
    stem = normalize_name(word)[2:-1]
    forms = (stem, f"{stem}ا", f"{stem}يا", f"{stem}ة", f"ال{stem}", f"ال{stem}ة")
    return not any("loc" in lexicon.classes.get(form, frozenset()) for form in forms)


def proclitic_length(word: str, lexicon: NerLexicon) -> int:
    """Return the length of an Arabic word's leading proclitics that are no part of the name it starts:
    before the article ("بالرياض", "وبالرياض"), before a known name the whole word is not ("بجدة"); li-
    fused with the article stays ("للرياض"; "وللرياض" loses only wa-)."""
    if len(word) < 4 or word[0] not in ARABIC_PROCLITICS or word.startswith("ال"):
        return 0
    for n in (2, 1):
        prefix, rest = word[:n], word[n:]
        if n == 2 and not (prefix[0] in "وف" and prefix[1] in "بلك"):
            continue
        if rest.startswith("ال") and len(rest) >= 4:
            return n
        if prefix.endswith("ل") and rest.startswith("ل"):
            return n - 1
        if n == 1 and _names(rest, lexicon) and not _names(word, lexicon):
            return 1
    return 0


def _is_role_word(word: str, lexicon: NerLexicon) -> bool:
    """Return whether an Arabic word is a title or an institution noun (also after a clitic) and no given name."""
    classes = lexicon_classes(word, lexicon)
    return bool(classes & {"title", "org", "title~", "org~"}) and "first" not in classes


def _names(word: str, lexicon: NerLexicon) -> bool:
    """Return whether the lexicon knows the word itself (not through a clitic) as a place, a given name, an
    institution noun or a learned organisation name."""
    return bool(lexicon_classes(word, lexicon) & {"loc", "first", "locpart", "org", "orgname"})


@dataclass(frozen=True)
class CrfPipeline:
    """A language's trained tagger and lexicon with spaCy's `pipe(texts, batch_size=...)`."""

    tagger: SequenceTagger
    lexicon: NerLexicon
    language: str

    def pipe(self, texts: Iterable[str], batch_size: int = 64) -> Iterator[NerDoc]:
        """Yield one doc of entity spans per text, in order (`batch_size` is accepted and unused)."""
        for text in texts:
            yield tag_text(text, self.tagger, self.lexicon, self.language)
