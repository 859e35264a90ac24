"""One guess: the language of a text written in one script, from letters, n-grams and words.

1. A script that names one language decides outright (Greek, Hebrew, Hangul, Thai, ...);
   distinctive letters decide within a script (Urdu, Ukrainian, Belarusian, Kazakh, Serbian,
   Macedonian, Mongolian Cyrillic).
2. Otherwise candidates are restricted to the script's langdetect languages whose alphabet covers
   the sample's letters (Persian/Urdu letters rule Arabic out), and the sample (the first
   characters of its words in the script) is scored against langdetect's n-gram profiles,
   plus word frequencies and speakers for short whole texts (`words`).
A sample written mostly in capitals is case-folded first: the profiles are built from running text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import numpy as np

from flows.text.language.letters import compatible_candidates, letter_excluded, letter_rule_language
from flows.text.language.profiles import CODE_ALIASES, candidate_mask, load_profiles, ngram_log_prob
from flows.text.language.scripts import SCRIPT_CANDIDATES, SCRIPT_LANGUAGE, script_text
from flows.text.language.words import PRIOR_WEIGHT, WORD_WEIGHT, speaker_log_prior, word_evidence

UND = "und"
MIN_LETTERS = 4  # fewer letters than this in an ambiguous script → `und` ("too short")
MIN_SCORE = 0.20  # top probability below this → `und` ("unidentifiable")
CAPITALS_SHARE = 0.5  # a sample with this share of words in capitals is case-folded: langdetect
# skips runs of capitals (acronyms), which would leave a capitals headline without evidence
_LETTER_RE = re.compile(r"[^\W\d_]")


def is_capitals_only(text: str) -> bool:
    """Return whether text writes its cased letters in capitals only (a headline, dateline or label)."""
    return not any(c.islower() for c in text) and sum(c.isupper() for c in text) >= 2


def mostly_capitals(sample: str) -> bool:
    """Return whether at least CAPITALS_SHARE of the sample's cased words are in capitals only."""
    cased = [w for w in sample.split() if w.lower() != w.upper()]
    return bool(cased) and sum(not any(map(str.islower, w)) for w in cased) >= CAPITALS_SHARE * len(cased)


def run_langdetect(sample: str, candidates: Iterable[str], with_words: bool = False) -> tuple[str, float] | None:
    """Return the best candidate under langdetect's profiles (plus words and speakers), or None."""
    log_prob = ngram_log_prob(sample)
    if log_prob is None:
        return None
    allowed = candidate_mask(frozenset(candidates))
    if with_words:
        words = word_evidence(sample, allowed)
        if words is not None:
            log_prob += WORD_WEIGHT * words
        log_prob += PRIOR_WEIGHT * speaker_log_prior()
    log_prob[~allowed] = -np.inf
    best = int(np.argmax(log_prob))
    prob = 1.0 / float(np.exp(log_prob - log_prob[best]).sum())
    code = load_profiles().languages[best]
    return CODE_ALIASES.get(code, code), prob


def guess_script_language(
    text: str, script: str, limit: int, with_words: bool = False
) -> tuple[str, float, str | None]:
    """Return (language, score, und-reason) for text written mainly in script."""
    if script in SCRIPT_LANGUAGE:
        return SCRIPT_LANGUAGE[script], 1.0, None
    sample = script_text(text, script, limit)
    if mostly_capitals(sample):
        sample = sample.lower()
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
