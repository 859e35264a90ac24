"""Language identification: script priors first, langdetect's profiles on a bounded sample second.

1. The dominant script decides outright where it names one language (Greek, Hebrew, Hangul,
   Thai, ...); distinctive letters decide within a script (Urdu, Ukrainian,
   Belarusian, Kazakh, Serbian, Macedonian, Mongolian Cyrillic).
2. Otherwise candidates are restricted to the script's langdetect languages whose alphabet covers
   the sample's letters, and the sample (first SAMPLE_CHARS characters of main-script words) is
   scored against langdetect's n-gram profiles. The profiles load once per process (lazy cache,
   `DetectorFactory.seed = 0`, a fresh detector per call for langdetect's own text
   normalisation); the naive-Bayes score is computed exactly over every n-gram instead of
   langdetect's random sampling: same accuracy on the gold sets, deterministic by construction
   and about 10x faster.
3. Word evidence, for whole texts shorter than WORD_MAX_CHARS (not for articles): character
   n-grams say little about two or three words, so each candidate's n-gram log-probability gets
   WORD_WEIGHT times the summed log-frequency of the text's words in that language's `wordfreq`
   list (its "small" lists, shipped inside the package; read once per process, on the first
   short text, ~0.4 s; a word missing from a list counts as WORD_FLOOR). A candidate without a
   list (af, cy, et, so, sq, sw, mr, ne) gets the best listed candidate's word score, so words
   neither favour nor disfavour it: it is judged on n-grams against the best-supported listed
   language. Only space-delimited languages are looked up (no jieba/mecab tokenisers involved).
   Letters also rule candidates out: Persian/Urdu letters exclude Arabic without deciding
   between Persian and Urdu (both write them); Urdu's own letters still decide Urdu.
Codes are ISO 639-1 (`zh-cn`/`zh-tw` → `zh`, `no` → `nb`), or `und` with a reason (`empty`,
`too short`, `unidentifiable`). `shares` weights paragraphs by letters; paragraphs in the main
script are guessed one by one (the longest few), each other script's paragraphs get one guess.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from langdetect import DetectorFactory
from langdetect.detector_factory import PROFILES_DIRECTORY
from langdetect.utils.ngram import NGram
from wordfreq import available_languages, read_cBpack

from flows.text.records import LanguageGuess

UND = "und"
SEED = 0
MIN_LETTERS = 4  # fewer letters than this in an ambiguous script → `und` ("too short")
MIN_SCORE = 0.20  # top probability (n-grams, plus words for a short text) below this → `und`
# ("unidentifiable"); `und` is also "empty" (no letters) and "too short"
SAMPLE_CHARS = 240  # characters of main-script words scored for a one-paragraph text
PARAGRAPH_SAMPLE_CHARS = 100  # characters scored per voting paragraph / other-script group
MAX_VOTING_PARAGRAPHS = 4  # the longest paragraphs of the main script each get a guess ...
SETTLED_VOTES = 1  # ... until this many agree with the lead and none dissents
LEAD_LETTERS = 40  # the lead is the opening paragraphs up to this many letters (then capped
# at SAMPLE_CHARS), so a quote after a one-line lead does not name the language
SMOOTHING = 0.5 / 10_000  # langdetect's alpha / BASE_FREQ, added to every n-gram probability
NGRAM_WEIGHTS = (1.0, 1.0, 2.0)  # weight of 1-, 2-, 3-gram evidence: trigrams discriminate best
# (word pairs 0.826 → 0.837, sentences unchanged)
WORD_WEIGHT = 2.0  # weight of a word's summed log-frequency against the n-gram log-probability
# (a short word brings ~10 weighted n-gram terms); accuracy is flat for 2-4:
# at 2.0 word pairs 0.810 → 0.899, single words 0.611 → 0.710,
# sentences 0.983 → 0.992 (gold langid sets, 51 languages)
WORD_MAX_CHARS = 150  # word evidence only for whole texts shorter than this (a sentence or so):
# longer ones hold enough n-grams (sentences 0.9927 with no limit), and
# articles never load the word lists, so they stay as fast as before
WORD_FLOOR = 1e-8  # frequency of a word missing from a list ("small" lists stop near 1e-6)
WORDFREQ_CODES = {"no": "nb", "hr": "sh", "tl": "fil"}  # langdetect code → wordfreq list name
NON_LATIN_MIN_SHARE = 0.3  # a non-Latin script with this share of letters outranks Latin
# (Latin runs in such texts are names, URLs and markup)

_LETTER_RE = re.compile(r"[^\W\d_]")
_NON_ASCII_LETTER_RE = re.compile(r"[^\W\d_a-z]")
# A word: letters with their combining marks (Devanagari vowel signs, Arabic harakat, ...),
# apostrophes allowed inside ("dell'anno", "don't").
_WORD_CHAR = (
    r"(?:[^\W\d_]|[\u0300-\u036f\u0483-\u0489\u064b-\u065f\u0670"
    r"\u0900-\u0963\u0971-\u097f])"
)
_WORD_RE = re.compile(f"{_WORD_CHAR}+(?:['’]{_WORD_CHAR}+)*")
# An address starts at a token's start (one attempt per token, linear on long runs).
_URL_RE = re.compile(r"(?:https?://|www\.)\S+|(?<!\S)[^\s@]+@\S+\.\w+")

# Script of a letter, from Unicode block ranges (fast path; unknown letters → "other").
_SCRIPT_RANGES: tuple[tuple[int, int, str], ...] = (
    (0x0041, 0x024F, "latin"),
    (0x1E00, 0x1EFF, "latin"),
    (0x0370, 0x03FF, "greek"),
    (0x1F00, 0x1FFF, "greek"),
    (0x0400, 0x052F, "cyrillic"),
    (0x0530, 0x058F, "armenian"),
    (0x0590, 0x05FF, "hebrew"),
    (0x0600, 0x06FF, "arabic"),
    (0x0750, 0x077F, "arabic"),
    (0xFB50, 0xFDFF, "arabic"),
    (0xFE70, 0xFEFF, "arabic"),
    (0x0900, 0x097F, "devanagari"),
    (0x0980, 0x09FF, "bengali"),
    (0x0A00, 0x0A7F, "gurmukhi"),
    (0x0A80, 0x0AFF, "gujarati"),
    (0x0B80, 0x0BFF, "tamil"),
    (0x0C00, 0x0C7F, "telugu"),
    (0x0C80, 0x0CFF, "kannada"),
    (0x0D00, 0x0D7F, "malayalam"),
    (0x0D80, 0x0DFF, "sinhala"),
    (0x0E00, 0x0E7F, "thai"),
    (0x0E80, 0x0EFF, "lao"),
    (0x1000, 0x109F, "myanmar"),
    (0x10A0, 0x10FF, "georgian"),
    (0x1100, 0x11FF, "hangul"),
    (0x1200, 0x137F, "ethiopic"),
    (0x1780, 0x17FF, "khmer"),
    (0x3040, 0x30FF, "kana"),
    (0x3400, 0x4DBF, "han"),
    (0x4E00, 0x9FFF, "han"),
    (0xAC00, 0xD7AF, "hangul"),
    (0x3130, 0x318F, "hangul"),
)

# Scripts that name their language outright.
SCRIPT_LANGUAGE: dict[str, str] = {
    "greek": "el",
    "armenian": "hy",
    "hebrew": "he",
    "bengali": "bn",
    "gurmukhi": "pa",
    "gujarati": "gu",
    "tamil": "ta",
    "telugu": "te",
    "kannada": "kn",
    "malayalam": "ml",
    "sinhala": "si",
    "thai": "th",
    "lao": "lo",
    "myanmar": "my",
    "georgian": "ka",
    "hangul": "ko",
    "kana": "ja",
    "ethiopic": "am",
    "khmer": "km",
    "han": "zh",
}

# langdetect candidates per ambiguous script (its profiles), used as a hard restriction.
SCRIPT_CANDIDATES: dict[str, frozenset[str]] = {
    "latin": frozenset(
        "af ca cs cy da de en es et fi fr hr hu id it lt lv nl no pl pt ro sk sl so sq sv sw tl tr vi".split()
    ),
    "cyrillic": frozenset("bg mk ru uk".split()),
    "arabic": frozenset("ar fa ur".split()),
    "devanagari": frozenset("hi mr ne".split()),
}

# Letters that decide among languages of one script (checked in order; first hit wins).
LETTER_RULES: dict[str, tuple[tuple[str, str], ...]] = {
    "arabic": (("ٹڈڑںےۓہھ", "ur"),),
    "cyrillic": (
        ("ўЎ", "be"),
        ("әғқңөұүһӘҒҚҢӨҰҮҺ", "kk"),
        ("ђћЂЋ", "sr"),
        ("ѓќѕЃЌЅ", "mk"),
        ("їєґЇЄҐ", "uk"),
        ("өүӨҮ", "mn"),
    ),
}
# Letters that rule out a candidate without deciding among the rest: Persian and Urdu both
# write پ چ ژ گ and the Persian forms ی ک, Arabic does not (unless its own ي ك ة ى dominate).
PERSIAN_URDU_LETTERS = "پچژگیک"
# Letters each language writes beyond the plain a-z / its script's shared core; a candidate
# is dropped when more than ALPHABET_TOLERANCE of the sample's words hold a letter outside it
# (a loanword or a name such as "São Paulo" in an English lead does not exclude English).
ENGLISH_LOAN_LETTERS = "éèêëïöüçñáíóúàâãõåäøæ"  # names and loanwords (café, Zürich, São)
_CYRILLIC_CORE = "абвгдежзиклмнопрстуфхцчшщъыьэюяйё"
ALPHABETS: dict[str, str] = {
    "af": "áéèêëíîïóôúûŉ",
    "ca": "àçéèíïòóúü·",
    "cs": "áčďéěíňóřšťúůýž",
    "cy": "âêîôûŵŷáéíóúẁẃẅỳýäëïöüàèìòù",
    "da": "æøåé",
    "de": "äöüß",
    "en": ENGLISH_LOAN_LETTERS,
    "es": "áéíóúüñ",
    "et": "äöõüšž",
    "fi": "äöåšž",
    "fr": "àâæçéèêëîïôœùûüÿ",
    "hr": "čćđšž",
    "hu": "áéíóöőúüűõû",
    "id": "",
    "it": "àèéìíîòóùú",
    "lt": "ąčęėįšųūž",
    "lv": "āčēģīķļņšūž",
    "nl": "áéèëíïóöúü",
    "no": "æøåéèóòôü",
    "pl": "ąćęłńóśźż",
    "pt": "áâãàçéêíóôõúü",
    "ro": "ăâîșşțţ",
    "sk": "áäčďéíĺľňóôŕšťúýž",
    "sl": "čšžćđ",
    "so": "",
    "sq": "çë",
    "sv": "åäöé",
    "sw": "",
    "tl": "ñáéíóú",
    "tr": "çğıöşüâîûýþð",
    "vi": "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ",
    "ru": _CYRILLIC_CORE,
    "uk": "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя’'",
    "bg": "абвгдежзийклмнопрстуфхцчшщъьюя",
    "mk": "абвгдѓежзѕијклљмнњопрстќуфхцчџш",
}
ALPHABET_TOLERANCE = 0.1
_ALPHABET_SETS = {lang: frozenset(letters) for lang, letters in ALPHABETS.items()}
_ARABIC_ONLY = "يكةى"  # letters Arabic writes where Persian writes ی/ک
CODE_ALIASES: dict[str, str] = {"zh-cn": "zh", "zh-tw": "zh", "no": "nb"}


@dataclass(frozen=True)
class Profiles:
    """langdetect's loaded factory plus its n-gram table as one log-probability matrix."""

    factory: DetectorFactory
    languages: tuple[str, ...]
    row_of: dict[str, int]
    log_prob: np.ndarray  # n-grams × languages, log(p + SMOOTHING), float32


@lru_cache(maxsize=1)
def load_factory() -> DetectorFactory:
    """Return langdetect's factory with every profile loaded (once per process), seeded."""
    DetectorFactory.seed = SEED
    factory = DetectorFactory()
    factory.load_profile(PROFILES_DIRECTORY)
    return factory


@lru_cache(maxsize=1)
def load_profiles() -> Profiles:
    """Return langdetect's profiles as a matrix (built once per process, ~20 MB)."""
    factory = load_factory()
    grams = list(factory.word_lang_prob_map)
    table = np.array([factory.word_lang_prob_map[g] for g in grams], dtype=np.float32)
    return Profiles(
        factory,
        tuple(factory.get_lang_list()),
        {g: i for i, g in enumerate(grams)},
        np.log(table + np.float32(SMOOTHING)),
    )


@lru_cache(maxsize=4096)
def script_of(char: str) -> str:
    """Return the script name of one letter ("other" when outside the known blocks)."""
    code = ord(char)
    for low, high, name in _SCRIPT_RANGES:
        if low <= code <= high:
            return name
    return "other"


_SCRIPT_NAMES = tuple(sorted({name for _, _, name in _SCRIPT_RANGES} | {"other"}))
_CODE_OF = {name: chr(0xE000 + i) for i, name in enumerate(_SCRIPT_NAMES)}
_NAME_OF = {code: name for name, code in _CODE_OF.items()}


@lru_cache(maxsize=1)
def script_table() -> dict[int, str | None]:
    """Return a str.translate table: BMP letter → its script's code, newline kept, rest dropped."""
    table: dict[int, str | None] = {
        i: (_CODE_OF[script_of(chr(i))] if chr(i).isalpha() else None) for i in range(0x10000)
    }
    table[ord("\n")] = "\n"
    return table


def to_script_codes(text: str) -> str:
    """Return text with every letter replaced by its script code and everything else dropped."""
    return text.translate(script_table())


def count_scripts(text: str) -> Counter[str]:
    """Return letter counts per script (digits, punctuation and marks are ignored)."""
    return tally_codes(to_script_codes(text))


def tally_codes(codes: str) -> Counter[str]:
    """Return per-script counts of a string of script codes."""
    return Counter({_NAME_OF[c]: codes.count(c) for c in sorted(set(codes)) if c in _NAME_OF})


def main_script(counts: Counter[str]) -> str:
    """Return the dominant script; kana outweighs Han, a large non-Latin share outweighs Latin."""
    if counts.get("kana", 0) and counts.get("kana", 0) * 5 >= counts.get("han", 0):
        return "kana"
    ranked = counts.most_common()
    if ranked[0][0] == "latin" and len(ranked) > 1:
        runner_up, letters = ranked[1]
        if runner_up != "other" and letters >= NON_LATIN_MIN_SHARE * sum(counts.values()):
            return runner_up
    return ranked[0][0]


def letter_rule_language(text: str, script: str) -> str | None:
    """Return the language a script's distinctive letters decide, if any."""
    for letters, language in LETTER_RULES.get(script, ()):
        if any(ch in letters for ch in text):
            return language
    return None


def letter_excluded(text: str, script: str) -> frozenset[str]:
    """Return the candidates that letters rule out (Arabic when Persian/Urdu letters lead)."""
    if (
        script == "arabic"
        and any(ch in PERSIAN_URDU_LETTERS for ch in text)
        and _count(text, _ARABIC_ONLY) <= _count(text, "یک")
    ):
        return frozenset({"ar"})
    return frozenset()


def _count(text: str, letters: str) -> int:
    """Return how many characters of text are among letters."""
    return sum(text.count(ch) for ch in letters)


def script_text(text: str, script: str, limit: int) -> str:
    """Return up to limit characters of text made of words in the given script."""
    words = _script_word_re(script).findall(text[: limit * 3])
    return " ".join(words)[:limit]


@lru_cache(maxsize=64)
def _script_word_re(script: str) -> re.Pattern[str]:
    """Return a regex for whitespace-separated words holding a letter of the given script."""
    ranges = "".join(f"{chr(low)}-{chr(high)}" for low, high, name in _SCRIPT_RANGES if name == script)
    return re.compile(f"\\S*[{ranges}]\\S*" if ranges else r"(?!x)x")


def compatible_candidates(sample: str, candidates: frozenset[str]) -> frozenset[str]:
    """Return the candidates whose alphabet covers the sample's letters (all if none does)."""
    words = sample.lower().split()
    marked = [set(found) for w in words if (found := _NON_ASCII_LETTER_RE.findall(w))]
    allowed = ALPHABET_TOLERANCE * len(words)
    kept = frozenset(
        lang
        for lang in candidates
        if lang not in _ALPHABET_SETS or sum(not letters <= _ALPHABET_SETS[lang] for letters in marked) <= allowed
    )
    return kept or candidates


def extract_ngrams(sample: str) -> list[str]:
    """Return langdetect's known 1-3-grams of sample, as its `_extract_ngrams` would.

    A fresh detector does langdetect's own text preparation (URL/e-mail removal, Vietnamese
    normalisation, dropping Latin runs in non-Latin text); characters are then normalised with a
    table built once from `NGram.normalize`, and the n-gram walk below mirrors `NGram.add_char`.
    """
    detector = load_factory().create()
    detector.append(sample)
    detector.cleaning_text()
    return walk_ngrams(detector.text.translate(ngram_char_table()), load_profiles().row_of)


@lru_cache(maxsize=1)
def ngram_char_table() -> dict[int, str]:
    """Return a str.translate table applying langdetect's `NGram.normalize` to BMP characters."""
    table = {}
    for code in range(0x10000):
        normal = NGram.normalize(chr(code))
        if normal != chr(code):
            table[code] = normal
    return table


def walk_ngrams(text: str, known: dict[str, int]) -> list[str]:
    """Return the known 1-3-grams of normalised text, skipping runs of capitals like langdetect."""
    found: list[str] = []
    grams, capital = " ", False
    for ch in text:
        last = grams[-1]
        if last == " ":
            grams, capital = " ", False
            if ch == " ":
                continue
        elif len(grams) >= 3:
            grams = grams[1:]
        grams += ch
        capital = ch.isupper() and (capital or last.isupper())
        if capital:
            continue
        for n in range(1, len(grams) + 1):
            gram = grams[-n:]
            if gram != " " and gram in known:
                found.append(gram)
    return found


@dataclass(frozen=True)
class WordLists:
    """wordfreq log-frequencies per langdetect language (None where wordfreq has no list)."""

    log_freq: tuple[dict[str, float] | None, ...]  # aligned with Profiles.languages
    listed: np.ndarray  # bool per language: has a list


@lru_cache(maxsize=1)
def load_word_lists() -> WordLists:
    """Return wordfreq's "small" lists for every scored candidate language (once per process)."""
    shipped = available_languages("small")
    scored = frozenset().union(*SCRIPT_CANDIDATES.values())
    lists: list[dict[str, float] | None] = []
    for lang in load_profiles().languages:
        code = WORDFREQ_CODES.get(lang, lang)
        lists.append(read_log_freq(shipped[code]) if lang in scored and code in shipped else None)
    listed = np.array([found is not None for found in lists])
    listed.setflags(write=False)
    return WordLists(tuple(lists), listed)


def read_log_freq(path: str) -> dict[str, float]:
    """Return word → natural-log frequency from one wordfreq cBpack file (bucket i = -i cB)."""
    log_freq: dict[str, float] = {}
    for centibels, words in enumerate(read_cBpack(path)):
        if words:
            log_freq.update(dict.fromkeys(words, -centibels / 100 * np.log(10)))
    return log_freq


@lru_cache(maxsize=65_536)
def word_log_freq(word: str) -> np.ndarray:
    """Return the log-frequency of one lower-case word per language (NaN where no list)."""
    floor = float(np.log(WORD_FLOOR))
    values = np.full(len(load_profiles().languages), np.nan)
    for i, log_freq in enumerate(load_word_lists().log_freq):
        if log_freq is None:
            continue
        found = log_freq.get(word)
        if found is None and "'" in word:  # "l'eau" is listed as "l" + "eau" in some languages
            found = min(log_freq.get(part, floor) for part in word.split("'") if part)
        values[i] = floor if found is None else found
    values.setflags(write=False)
    return values


def word_evidence(sample: str, allowed: np.ndarray) -> np.ndarray | None:
    """Return the summed word log-frequencies per language; unlisted ones get the best listed."""
    words = [w.replace("’", "'") for w in _WORD_RE.findall(sample.lower())]
    listed = allowed & load_word_lists().listed
    if not words or not listed.any():
        return None
    total = np.sum([word_log_freq(w) for w in words], axis=0)
    return np.where(np.isnan(total), total[listed].max(), total)


@lru_cache(maxsize=256)
def candidate_mask(candidates: frozenset[str]) -> np.ndarray:
    """Return a read-only bool mask over the profile languages for a candidate set (cached)."""
    mask = np.isin(load_profiles().languages, sorted(candidates))
    mask.setflags(write=False)
    return mask


def run_langdetect(sample: str, candidates: Iterable[str], with_words: bool = False) -> tuple[str, float] | None:
    """Return the best candidate under langdetect's profiles (plus word evidence), or None."""
    profiles = load_profiles()
    grams = extract_ngrams(sample)
    if not grams:
        return None
    weights = np.array([NGRAM_WEIGHTS[len(g) - 1] for g in grams], dtype=np.float32)
    rows = [profiles.row_of[g] for g in grams]
    log_prob = (weights @ profiles.log_prob[rows]).astype(np.float64)
    allowed = candidate_mask(frozenset(candidates))
    if with_words:
        words = word_evidence(sample, allowed)
        if words is not None:
            log_prob += WORD_WEIGHT * words
    log_prob[~allowed] = -np.inf
    best = int(np.argmax(log_prob))
    prob = 1.0 / float(np.exp(log_prob - log_prob[best]).sum())
    code = profiles.languages[best]
    return CODE_ALIASES.get(code, code), prob


def guess_script_language(
    text: str, script: str, limit: int, with_words: bool = False
) -> tuple[str, float, str | None]:
    """Return (language, score, und-reason) for text written mainly in script."""
    if script in SCRIPT_LANGUAGE:
        return SCRIPT_LANGUAGE[script], 1.0, None
    sample = script_text(text, script, limit)
    by_letter = letter_rule_language(sample, script)
    if by_letter is not None:
        return by_letter, 0.99, None
    if len(_LETTER_RE.findall(sample)) < MIN_LETTERS:
        return UND, 0.0, "too short"
    if script not in SCRIPT_CANDIDATES:
        return UND, 0.0, "unidentifiable"
    candidates = compatible_candidates(sample, SCRIPT_CANDIDATES[script] - letter_excluded(sample, script))
    if len(candidates) == 1:
        return CODE_ALIASES.get(next(iter(candidates)), next(iter(candidates))), 0.9, None
    found = run_langdetect(sample, candidates, with_words)
    if found is None or found[1] < MIN_SCORE:
        return UND, 0.0, "unidentifiable"
    return found[0], found[1], None


@dataclass(frozen=True)
class Paragraph:
    """One line of text with its dominant script and letter count."""

    text: str
    script: str
    letters: int


def split_paragraphs(text: str) -> tuple[list[Paragraph], Counter[str]]:
    """Return the lines of text holding letters (script, letter count) and the text's counts."""
    paragraphs: list[Paragraph] = []
    total: Counter[str] = Counter()
    for line, codes in zip(text.split("\n"), to_script_codes(text).split("\n"), strict=False):
        counts = tally_codes(codes)
        if counts:
            paragraphs.append(Paragraph(line, main_script(counts), sum(counts.values())))
            total.update(counts)
    return paragraphs, total


def vote_language(
    paragraphs: list[Paragraph], script: str, short: bool = False
) -> tuple[str, float, str | None, Counter[str]]:
    """Return (language, score, und-reason, letters per language) for one script's paragraphs.

    The lead (opening paragraphs up to LEAD_LETTERS letters, at most SAMPLE_CHARS characters)
    names the language, so quotes in their original language further down do not. For the
    shares, the longest paragraphs are guessed one by one (at most MAX_VOTING_PARAGRAPHS,
    stopping once SETTLED_VOTES agree with the lead); the rest count for the lead's language.
    A lead that none of those paragraphs confirms (a headline of names, a byline) yields to the
    language with most of their letters.
    """
    lead, score, reason = guess_script_language(lead_text(paragraphs), script, SAMPLE_CHARS, with_words=short)
    total = sum(p.letters for p in paragraphs)
    if lead == UND or len(paragraphs) == 1:
        return lead, score, reason, Counter({lead: total})
    votes = cast_votes(paragraphs, script, lead)
    if votes and lead not in votes:  # no long paragraph confirms the lead: the body decides
        lead, voted = votes.most_common(1)[0]
        score = voted / sum(votes.values())
    return lead, score, None, votes + Counter({lead: total - sum(votes.values())})


def is_capitals_only(text: str) -> bool:
    """Return whether a line writes its cased letters in capitals only (a headline, dateline or label)."""
    return not any(c.islower() for c in text) and sum(c.isupper() for c in text) >= 2


def lead_text(paragraphs: list[Paragraph]) -> str:
    """Return the opening paragraphs, up to the first that brings LEAD_LETTERS letters.

    Lines in capitals only are passed over while running text follows: the n-gram profiles
    are built from running text and carry no evidence for capitalised words.
    """
    running = [p for p in paragraphs if not is_capitals_only(p.text)] or paragraphs
    taken, letters = [], 0
    for paragraph in running:
        taken.append(paragraph.text)
        letters += paragraph.letters
        if letters >= LEAD_LETTERS:
            break
    return "\n".join(taken)


def cast_votes(paragraphs: list[Paragraph], script: str, lead: str) -> Counter[str]:
    """Return letters per language over the longest paragraphs, each guessed on its own."""
    votes: Counter[str] = Counter()
    agreeing = 0
    ranked = sorted(paragraphs, key=lambda p: p.letters, reverse=True)
    for voter in ranked[:MAX_VOTING_PARAGRAPHS]:
        if agreeing >= SETTLED_VOTES and set(votes) == {lead}:
            break
        language, _, _ = guess_script_language(voter.text, script, PARAGRAPH_SAMPLE_CHARS)
        if language != UND:
            votes[language] += voter.letters
            agreeing += language == lead
    return votes


def other_script_weights(paragraphs: list[Paragraph], script: str) -> Counter[str]:
    """Return letters per language of paragraphs in other scripts (one guess per script)."""
    weights: Counter[str] = Counter()
    by_script: dict[str, list[Paragraph]] = {}
    for paragraph in paragraphs:
        if paragraph.script != script:
            by_script.setdefault(paragraph.script, []).append(paragraph)
    for other, group in sorted(by_script.items()):
        text = "\n".join(p.text for p in group)
        language, _, _ = guess_script_language(text, other, PARAGRAPH_SAMPLE_CHARS)
        weights[language] += sum(p.letters for p in group)
    return weights


def detect_language(text: str) -> LanguageGuess:
    """Return the main language of text with its score and per-paragraph language shares."""
    stripped = unicodedata.normalize("NFC", _URL_RE.sub(" ", text or ""))
    paragraphs, counts = split_paragraphs(stripped)
    if not paragraphs:
        return LanguageGuess(UND, 0.0, reason="empty")
    script = main_script(counts)
    own = [p for p in paragraphs if p.script == script] or paragraphs
    short = len(stripped.strip()) < WORD_MAX_CHARS  # word evidence for short texts only
    language, score, reason, weights = vote_language(own, script, short)
    if language == UND:
        return LanguageGuess(UND, 0.0, reason=reason)
    weights += other_script_weights(paragraphs, script)
    total = sum(weights.values())
    shares = tuple(
        (lang, round(n / total, 4)) for lang, n in sorted(weights.items(), key=lambda item: (-item[1], item[0]))
    )
    return LanguageGuess(language, round(score, 4), reason=None, shares=shares)
