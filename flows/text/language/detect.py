"""The main language of a whole text: the language that holds the largest share of its letters.

The text is split into lines (paragraphs). The main script is the one with most letters; lines
in other scripts never decide the main language (a share label in Arabic under an English
article), they get one guess per script for the shares. Lines of the main script are guessed
one by one, longest first, each on its first quarter (PARAGRAPH_SAMPLE_CHARS to SAMPLE_CHARS
characters), and vote with their letters times the guess's probability; a line in capitals only
(a headline, a dateline, a label) is case-folded for the guess. A line votes with its letters
times its running-text weight: full when at least RUNNING_TEXT_LOWER of its cased words start in
lower case (function words and verbs do in every cased language), less in proportion below that,
at least CAPITALS_WEIGHT: a line of names and figures (a results table, a byline) or a headline
in capitals says little about the language the text is written in. Guessing stops once the
leading language cannot be overtaken by the lines not yet guessed (for a text in one language:
once half of its weight agrees), or after MAX_GUESSED_PARAGRAPHS lines, whose votes then stand
for the whole body. So a headline cannot outvote the body, and a quote in another language
decides only if it is most of the text.
A text shorter than WORD_MAX_CHARS, or of one line, is guessed whole (with word evidence when short).
Codes are ISO 639-1 (`zh-cn`/`zh-tw` → `zh`, `no` → `nb`), or `und` with a reason (`empty`,
`too short`, `unidentifiable`). `shares` weights lines by letters; lines not guessed count for
the main language.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from flows.text.language.guess import UND, guess_script_language
from flows.text.language.scripts import main_script, tally_codes, to_script_codes
from flows.text.language.words import WORD_MAX_CHARS
from flows.text.records import LanguageGuess

SAMPLE_CHARS = 240  # characters of main-script words scored for a text guessed whole
PARAGRAPH_SAMPLE_CHARS = 60  # characters scored per voting line / other-script group
MAX_GUESSED_PARAGRAPHS = 64  # at most this many lines are guessed (a bound on mixed texts)
CAPITALS_WEIGHT = 0.1  # least share of its letters a line votes with (a line in capitals only)
RUNNING_TEXT_LOWER = 0.5  # share of lower-case words from which a line counts fully as running text

# An address starts at a token's start (one attempt per token, linear on long runs).
_WORD_START_RE = re.compile(r"(?<!\S)[^\W\d_]")  # the first letter of a word that starts with one
_URL_RE = re.compile(r"(?:https?://|www\.)\S+|(?<!\S)[^\s@]+@\S+\.\w+")


@dataclass(frozen=True)
class Paragraph:
    """One line of text with its dominant script, letter count and voting weight."""

    text: str
    script: str
    letters: int
    weight: float


def running_text_weight(line: str) -> float:
    """Return how much a line counts as running text: its share of lower-case words, scaled (see module doc)."""
    firsts = "".join(_WORD_START_RE.findall(line))
    lower, upper = sum(map(str.islower, firsts)), sum(map(str.isupper, firsts))
    if not lower + upper:  # a script without case (Arabic, Devanagari, Han, ...)
        return 1.0
    return min(1.0, max(CAPITALS_WEIGHT, lower / (lower + upper) / RUNNING_TEXT_LOWER))


def split_paragraphs(text: str) -> tuple[list[Paragraph], Counter[str]]:
    """Return the lines of text holding letters and the text's letter counts per script."""
    paragraphs: list[Paragraph] = []
    total: Counter[str] = Counter()
    for line, codes in zip(text.split("\n"), to_script_codes(text).split("\n"), strict=False):
        counts = tally_codes(codes)
        if counts:
            letters = sum(counts.values())
            weight = letters * running_text_weight(line)
            paragraphs.append(Paragraph(line, main_script(counts), letters, weight))
            total.update(counts)
    return paragraphs, total


def body_votes(paragraphs: list[Paragraph], script: str) -> dict[str, float]:
    """Return the voting weight per language of the lines guessed, longest first, until settled."""
    remaining = sum(p.weight for p in paragraphs)
    votes: dict[str, float] = {}
    ranked = sorted(paragraphs, key=lambda p: p.weight, reverse=True)
    for paragraph in ranked[:MAX_GUESSED_PARAGRAPHS]:
        leaders = [*sorted(votes.values(), reverse=True), 0.0, 0.0]
        if leaders[0] > leaders[1] + remaining:
            break
        limit = min(max(paragraph.letters // 6, PARAGRAPH_SAMPLE_CHARS), SAMPLE_CHARS)
        language, score, _ = guess_script_language(paragraph.text, script, limit)
        remaining -= paragraph.weight
        if language != UND:
            votes[language] = votes.get(language, 0.0) + paragraph.weight * score
    return votes


def vote_language(paragraphs: list[Paragraph], script: str) -> tuple[str, float, str | None, Counter[str]]:
    """Return (language, score, und-reason, letters per language) of one script's lines."""
    total = sum(p.letters for p in paragraphs)
    votes = body_votes(paragraphs, script) if len(paragraphs) > 1 else {}
    if not votes:
        whole = "\n".join(p.text for p in paragraphs)
        language, score, reason = guess_script_language(whole, script, SAMPLE_CHARS)
        return language, score, reason, Counter({language: total})
    language, voted = max(votes.items(), key=lambda item: (item[1], item[0]))
    letters = Counter({lang: round(weight) for lang, weight in votes.items() if lang != language})
    letters[language] = max(0, total - sum(letters.values()))
    return language, voted / sum(votes.values()), None, letters


def other_script_weights(paragraphs: list[Paragraph], script: str) -> Counter[str]:
    """Return letters per language of lines in other scripts (one guess per script)."""
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
    """Return the main language of text with its score and per-language letter shares."""
    stripped = unicodedata.normalize("NFC", _URL_RE.sub(" ", text or ""))
    paragraphs, counts = split_paragraphs(stripped)
    if not paragraphs:
        return LanguageGuess(UND, 0.0, reason="empty")
    script = main_script(counts)
    own = [p for p in paragraphs if p.script == script] or paragraphs
    if len(stripped.strip()) < WORD_MAX_CHARS:  # a short text: guessed whole, with word evidence
        whole = "\n".join(p.text for p in own)
        language, score, reason = guess_script_language(whole, script, SAMPLE_CHARS, with_words=True)
        weights = Counter({language: sum(p.letters for p in own)})
    else:
        language, score, reason, weights = vote_language(own, script)
    if language == UND:
        return LanguageGuess(UND, 0.0, reason=reason)
    weights += other_script_weights(paragraphs, script)
    total = sum(weights.values())
    shares = tuple(
        (lang, round(n / total, 4)) for lang, n in sorted(weights.items(), key=lambda item: (-item[1], item[0]))
    )
    return LanguageGuess(language, round(score, 4), reason=None, shares=shares)
