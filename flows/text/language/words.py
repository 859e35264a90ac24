"""Evidence beyond n-grams for short texts: word frequencies (wordfreq) and speakers (CLDR).

Character n-grams say little about two or three words, so for whole texts shorter than
`WORD_MAX_CHARS` each candidate's n-gram log-probability gets WORD_WEIGHT times the summed
log-frequency of the text's words in that language's `wordfreq` list (its "small" lists, shipped
inside the package; read once per process, on the first short text, ~0.4 s; a word missing from
a list counts as WORD_FLOOR), plus PRIOR_WEIGHT times the log of the language's speakers.

A candidate without a list (af, cy, et, so, sq, sw, mr, ne) cannot be scored on words. On a
longer short text it gets the best listed candidate's word score, so words neither favour nor
disfavour it. On FEW_WORDS words or fewer the n-grams are too thin to carry it alone: each word
is credited at most UNLISTED_WORD_FREQ (a rare word), so a pair of words that a listed
language uses often is not given to an unlisted neighbour on n-grams alone (nl/af, hi/mr/ne).

The prior is the number of speakers (`data/language_speakers.tsv`, generated from CLDR's
territory-language shares and GeoNames populations by scripts/build_language_data.py): between
two languages that write a short text equally well, the one more people write is likelier.
Weights were tuned on the tune half of the langid dev lists (word pairs 0.902 → 0.931, single
words 0.706 → 0.761, sentences unchanged).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

import numpy as np
from wordfreq import available_languages, read_cBpack

from flows.text.language.profiles import load_profiles
from flows.text.language.scripts import SCRIPT_CANDIDATES

WORD_WEIGHT = 4.0  # weight of a word's summed log-frequency against the n-gram log-probability
# (tune half, word pairs: 2 → 0.921, 3 → 0.929, 4 → 0.931, 5 → 0.932, 6 → 0.931)
WORD_MAX_CHARS = 150  # word evidence only for whole texts shorter than this (a sentence or so);
# articles never load the word lists, so they stay fast
WORD_FLOOR = 1e-8  # frequency of a word missing from a list ("small" lists stop near 1e-6)
FEW_WORDS = 3  # up to this many words, an unlisted language is credited at most ...
UNLISTED_WORD_FREQ = 1e-6  # ... this frequency per word (tune half: 1e-5 → 0.917, 1e-6 → 0.921)
PRIOR_WEIGHT = 1.0  # weight of log(speakers) (tune half: 0 → 0.921, 1 → 0.921, 2 → 0.918 word pairs;
# single words 0.735 → 0.743 at 1)
WORDFREQ_CODES = {"no": "nb", "hr": "sh", "tl": "fil"}  # langdetect code → wordfreq list name
SPEAKERS_FILE = "language_speakers.tsv"

# A word: letters with their combining marks (Devanagari vowel signs, Arabic harakat, ...),
# apostrophes allowed inside ("dell'anno", "don't").
_WORD_CHAR = (
    r"(?:[^\W\d_]|[\u0300-\u036f\u0483-\u0489\u064b-\u065f\u0670"
    r"\u0900-\u0963\u0971-\u097f])"
)
_WORD_RE = re.compile(f"{_WORD_CHAR}+(?:['’]{_WORD_CHAR}+)*")


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
    """Return the summed word log-frequencies per language, unlisted languages filled in (see module doc)."""
    words = [w.replace("’", "'") for w in _WORD_RE.findall(sample.lower())]
    listed = allowed & load_word_lists().listed
    if not words or not listed.any():
        return None
    rows = np.array([word_log_freq(w) for w in words])
    if len(words) <= FEW_WORDS:
        fill = np.minimum(rows[:, listed].max(axis=1), math.log(UNLISTED_WORD_FREQ))
        return np.where(np.isnan(rows), fill[:, None], rows).sum(axis=0)
    total = rows.sum(axis=0)
    return np.where(np.isnan(total), total[listed].max(), total)


def read_speakers(text: str) -> dict[str, int]:
    """Return language → speakers from the speakers file's text (comment lines skipped)."""
    rows = (line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#"))
    return {code: int(count) for code, count in rows}


@lru_cache(maxsize=1)
def speaker_log_prior() -> np.ndarray:
    """Return log(speakers) per profile language (read once per process; 1 where unknown)."""
    speakers = read_speakers((files("flows.text") / "data" / SPEAKERS_FILE).read_text(encoding="utf-8"))
    prior = np.array([math.log(max(speakers.get(lang, 1), 1)) for lang in load_profiles().languages])
    prior.setflags(write=False)
    return prior
