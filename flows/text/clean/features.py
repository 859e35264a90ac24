"""Features of the lines of one article, for the line classifier: place, shape, content, context.

Each line becomes a fixed-length vector (`FEATURE_NAMES`); every feature belongs to a group
(`FEATURE_GROUPS`) that names the evidence it carries (a phrase list, links, position, ...), so a
decision can be explained by the group that contributed most. Features are computed on the
normalised line; lines longer than LONG_LINE_CHARS are measured on their two ends only.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import islice

import numpy as np

from flows.text.boilerplate import line_key
from flows.text.clean.lines import CHARS_PER_WORD, WORD_RE, ends_sentence, word_count
from flows.text.clean.phrases import PHRASE_GROUPS, phrase_hits
from flows.text.language import count_scripts, main_script

LONG_LINE_CHARS = 2000  # past this, shape and content are read from the first and last 1,000 characters
BODY_LINE_WORDS = 12  # a line this long ending a sentence (or twice as long) is body-like
SHORT_LINE_WORDS = 5
PROSE_LINE_WORDS = 50  # a line this long is prose: body, measured only for its neighbours' context

EMAIL_RE = re.compile(r"(?<![\w.+-])[\w.+-]++@[\w-]++(?:\.[\w-]++)+")
URL_RE = re.compile(
    r"https?://\S+|www\.\S+|(?<![\w-])[\w-]++\.(?:com|net|org|info|co\.uk|de|fr|ru|it|"
    r"pl|es|sa|ae)\b(?:/\S*)?",
    re.IGNORECASE,
)
# What every URL_RE match holds: a cheap test before the full pattern.
URL_HINT_RE = re.compile(r"//|www\.|\.(?:com|net|org|info|co\.uk|de|fr|ru|it|pl|es|sa|ae)\b", re.IGNORECASE)
HANDLE_RE = re.compile(r"(?<![\w@])@\w{2,}")
PHONE_RE = re.compile(r"(?:\+|\b)\d[\d\s().-]{6,}\d\b")
TIME_RE = re.compile(r"\b\d{1,2}\s?[:h.]\s?\d{2}\b")
DATE_RE = re.compile(
    r"\b\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\b|\b\d{1,2}\.? [^\W\d]{3,12}\.? \d{4}\b|\b[^\W\d]{3,12}\.? \d{1,2},? \d{4}\b"
)
LABEL_RE = re.compile(r"^\W*([^:\n]{1,40}?)\s*:\s*(.*)$")
INNER_SENTENCE_RE = re.compile(r"[.!?؟…][\"'”’»“]*\s+\S")
BYLINE_HEAD_RE = re.compile(
    r"^(?:by|par|von|por|di|od|da|автор|авторы|بقلم|كتب)[:\s]+[^\d.!?]{2,60}\.?$", re.IGNORECASE
)
DASH_NAME_RE = re.compile(r"^[—–-]{1,2}\s*[^\W\d][^\d.!?]{1,50}$")
NAME_DASH_PLACE_RE = re.compile(r"^[^\W\d][^\d.!?:]{1,40}\s[–—-]\s*[^\W\d][^\d.!?:]{1,30}$")
WHOLLY_BRACKETED_RE = re.compile(r"^\s*[(\[][^()\[\]]{2,160}[)\]]\s*$")
PAREN_TAIL_RE = re.compile(r"\([^()]{1,40}\)\W*$")
SEPARATOR_CHARS_RE = re.compile(r"\s[|>»›•·/]\s|\s\|")
QUOTE_START_RE = re.compile(r"^\s*[\"'„“”«‹‚]")
BULLET_RE = re.compile(r"^\s*(?:[-•·▪●*]\s|\d+[.)]\s)")
LETTER_RE = re.compile(r"[^\W\d_]")
# Runs, not single characters: counting the characters of a few runs is faster than of many matches.
LETTERS_RE = re.compile(r"[^\W\d_]+")
UPPERS_RE = re.compile(r"[A-ZÀ-ÖØ-ÞА-ЯЁΑ-Ω]+")
DIGIT_RE = re.compile(r"\d")
DIGITS_RE = re.compile(r"\d+")
CAPITALISED_WORD_RE = re.compile(r"(?<!\S)[\W\d]*[A-ZÀ-ÖØ-ÞА-ЯЁ]")
PUNCTS_RE = re.compile(r"[^\w\s]+")
# Letters of scripts other than Latin can only stand past U+036F (Greek onwards), Latin Extended
# Additional and the punctuation and symbol blocks left out: a line without them is Latin or has no letters.
NON_LATIN_RE = re.compile(r"[\u0370-\u1dff\u2c00-\U0010ffff]")

WORD_BINS = (0, 1, 2, 3, 5, 8, 12, 20, 40)  # upper bounds of the word-count bins; the last is open
EDGE_BINS = (0, 1, 2, 5, 10)  # upper bounds of the bins of a line's index from each edge
DISTANCE_BINS = (0, 1, 2, 5)  # lines to the nearest body-like line (0: the line is body-like)
DOC_BINS = (1, 3, 8, 20)  # lines in the document


def _bins(prefix: str, bounds: Sequence[int]) -> list[str]:
    """Return the names of one-hot bins: one per upper bound and an open last one."""
    return [f"{prefix}_le{b}" for b in bounds] + [f"{prefix}_gt{bounds[-1]}"]


def _bin(value: int, bounds: Sequence[int]) -> int:
    """Return the index of value's bin."""
    for index, bound in enumerate(bounds):
        if value <= bound:
            return index
    return len(bounds)


WORD_BIN_NAMES = _bins("words", WORD_BINS)
TOP_NAMES, BOTTOM_NAMES = _bins("top", EDGE_BINS), _bins("bottom", EDGE_BINS)
DISTANCE_NAMES, DOC_NAMES = _bins("body_distance", DISTANCE_BINS), _bins("doc_lines", DOC_BINS)
SHAPE = (
    ["chars_log", "ends_sentence", "ends_colon", "ends_digit", "ends_symbol", "starts_upper", "starts_lower"]
    + ["starts_digit", "starts_symbol", "starts_quote", "starts_bullet", "caps_share", "all_caps", "title_share"]
    + ["digit_share", "letter_share", "punct_share", "inner_sentences", "commas"]
    + _bins("words", WORD_BINS)
)
OWN = {
    "shape": SHAPE,
    "link": ["url", "url_share", "email", "email_share", "handle", "phone"],
    "label": ["label_colon", "label_short_tail", "label_title_tail"],
    "separator": ["no_letters", "no_alnum"],
    "breadcrumb": ["separators"],
    "bracketed": ["wholly_bracketed", "paren_tail"],
    "byline": ["byline_head", "dash_name"],
    "dateline": ["date", "time", "name_dash_place"],
    "script": ["foreign_script"],
    "repetition": ["repeated"],
}
PHRASE_FEATURES = [f"{g}_{kind}" for g in PHRASE_GROUPS for kind in ("any", "open", "whole")]
POSITION = (
    _bins("top", EDGE_BINS)
    + _bins("bottom", EDGE_BINS)
    + _bins("body_distance", DISTANCE_BINS)
    + _bins("doc_lines", DOC_BINS)
    + ["relative_position", "before_body", "after_body", "short_run"]
)
NEIGHBOUR = ["missing", "ends_sentence", "short", "long", "notice", "link", "repeated"]
CONTEXT = [f"{side}_{name}" for side in ("prev", "next") for name in NEIGHBOUR]
FEATURE_NAMES: tuple[str, ...] = tuple(
    [name for names in OWN.values() for name in names] + PHRASE_FEATURES + POSITION + CONTEXT
)
FEATURE_GROUPS: dict[str, str] = {
    **{name: group for group, names in OWN.items() for name in names},
    **{f"{g}_{kind}": f"phrase:{g}" for g in PHRASE_GROUPS for kind in ("any", "open", "whole")},
    **dict.fromkeys(POSITION, "position"),
    **dict.fromkeys(CONTEXT, "context"),
}
# Phrase lists that name a notice (not mere cue words): a neighbour hit is context.
NOTICE_GROUPS = frozenset(PHRASE_GROUPS[:19])


@dataclass(frozen=True)
class LineFacts:
    """What one line looks like on its own: its feature values and a few facts context needs."""

    values: dict[str, float]
    words: int
    ends_sentence: bool
    body_like: bool
    notice: bool
    link: bool
    repeated: bool


def _measured(text: str) -> str:
    """Return the part of a line its shape is read on (both ends of a very long line)."""
    if len(text) <= LONG_LINE_CHARS:
        return text
    half = LONG_LINE_CHARS // 2
    return text[:half] + " " + text[-half:]


def _span_share(pattern: re.Pattern[str], text: str, needs: tuple[str, ...]) -> tuple[float, float]:
    """Return (found, share of characters covered) for a pattern's matches in text (none without
    any of the characters every match needs)."""
    if not any(mark in text for mark in needs):
        return 0.0, 0.0
    covered = sum(m.end() - m.start() for m in pattern.finditer(text))
    return float(covered > 0), covered / max(1, len(text))


def run_chars(pattern: re.Pattern[str], text: str) -> int:
    """Return how many characters of text the pattern's (run) matches cover."""
    return len("".join(pattern.findall(text)))


def shape_values(text: str, words: int) -> dict[str, float]:
    """Return the shape features of a line."""
    letters = run_chars(LETTERS_RE, text)
    upper = run_chars(UPPERS_RE, text)
    tokens = len(WORD_RE.findall(text))
    last = text[-1]
    first = text[0]
    values = {
        "chars_log": math.log1p(len(text)) / 8,
        "ends_sentence": float(ends_sentence(text)),
        "ends_colon": float(last == ":"),
        "ends_digit": float(last.isdigit()),
        "ends_symbol": float(not last.isalnum() and not ends_sentence(text) and last not in ")]\"'”»"),
        "starts_upper": float(first.isupper()),
        "starts_lower": float(first.islower()),
        "starts_digit": float(first.isdigit()),
        "starts_symbol": float(not first.isalnum() and QUOTE_START_RE.match(text) is None),
        "starts_quote": float(QUOTE_START_RE.match(text) is not None),
        "starts_bullet": float(BULLET_RE.match(text) is not None),
        "caps_share": upper / max(1, letters),
        "all_caps": float(letters >= 3 and upper >= 0.9 * letters),
        "title_share": min(1.0, len(CAPITALISED_WORD_RE.findall(text)) / max(1, tokens)),
        "digit_share": run_chars(DIGITS_RE, text) / len(text),
        "letter_share": letters / len(text),
        "punct_share": run_chars(PUNCTS_RE, text) / len(text),
        "inner_sentences": min(3, len(INNER_SENTENCE_RE.findall(text))) / 3,
        "commas": min(5, text.count(",")) / 5,
    }
    values[WORD_BIN_NAMES[_bin(words, WORD_BINS)]] = 1.0
    return values


def line_script(text: str, links: bool) -> str:
    """Return the main script of a line's letters, links left out."""
    if text.isascii() or NON_LATIN_RE.search(text) is None:
        return "latin"
    counts = count_scripts(EMAIL_RE.sub(" ", URL_RE.sub(" ", text)) if links else text)
    return main_script(counts) if counts else "none"


def content_values(text: str, words: int, body_script: str) -> dict[str, float]:
    """Return the link, label, separator, bracket, byline, dateline and script features."""
    url, url_share = _span_share(URL_RE, text, (".", "//")) if URL_HINT_RE.search(text) else (0.0, 0.0)
    email, email_share = _span_share(EMAIL_RE, text, ("@",))
    label = LABEL_RE.match(text) if ":" in text else None
    label_ok = label is not None and word_count(label.group(1)) <= 4
    tail = label.group(2) if label is not None else ""
    tail_tokens = [t for t in tail.split() if LETTER_RE.search(t)]
    has_letter = LETTER_RE.search(text) is not None
    has_digit = DIGIT_RE.search(text) is not None
    script = line_script(text, bool(url or email)) if has_letter else "none"
    return {
        "url": url,
        "url_share": url_share,
        "email": email,
        "email_share": email_share,
        "handle": float("@" in text and HANDLE_RE.search(text) is not None),
        "phone": float(has_digit and PHONE_RE.search(text) is not None),
        "label_colon": float(label_ok),
        "label_short_tail": float(label_ok and len(tail_tokens) <= 8 and not ends_sentence(tail)),
        "label_title_tail": float(
            label_ok
            and len(tail_tokens) >= 2
            and sum(bool(CAPITALISED_WORD_RE.match(t)) for t in tail_tokens) >= 0.6 * len(tail_tokens)
        ),
        "no_letters": float(not has_letter),
        "no_alnum": float(not has_letter and not has_digit),
        "separators": min(3, len(SEPARATOR_CHARS_RE.findall(text))) / 3,
        "wholly_bracketed": float(WHOLLY_BRACKETED_RE.match(text) is not None),
        "paren_tail": float(PAREN_TAIL_RE.search(text) is not None),
        "byline_head": float(words <= 8 and BYLINE_HEAD_RE.match(text) is not None),
        "dash_name": float(words <= 6 and DASH_NAME_RE.match(text) is not None),
        "date": float(has_digit and DATE_RE.search(text) is not None),
        "time": float(has_digit and TIME_RE.search(text) is not None),
        "name_dash_place": float(words <= 12 and NAME_DASH_PLACE_RE.match(text) is not None),
        "foreign_script": float(script not in {body_script, "none"}),
    }


def is_prose(text: str) -> bool:
    """Return whether a line is long running prose (never noise, not measured in full)."""
    if len(text) < CHARS_PER_WORD * PROSE_LINE_WORDS:
        return False
    if text.isascii():  # words are tokens: fewer spaces than words means fewer words; else count to the bound
        return (
            text.count(" ") + 1 >= PROSE_LINE_WORDS
            and next(islice(WORD_RE.finditer(text), PROSE_LINE_WORDS - 1, None), None) is not None
        )
    return word_count(text) >= PROSE_LINE_WORDS


OPENING_CHARS = 200  # a notice phrase opening a line is read on its first characters


def is_plain_body(text: str) -> bool:
    """Return whether a line is a plain body sentence: body-like (12 words or more ending a sentence,
    or 24 or more), opened by a capital or a quote, ending a sentence or holding a sentence break,
    without a link, e-mail or handle and not opened by a notice phrase. The cleaner never removes
    such a line, so it is not scored: it stands for body in its neighbours' context, like prose."""
    if len(text) < 2 * BODY_LINE_WORDS - 1 or not (text[0].isupper() or QUOTE_START_RE.match(text)):
        return False
    words = word_count(text)
    ends = ends_sentence(text)
    if not ((words >= BODY_LINE_WORDS and ends) or (words >= 2 * BODY_LINE_WORDS and INNER_SENTENCE_RE.search(text))):
        return False
    if "@" in text or URL_HINT_RE.search(text) is not None:
        return False
    return NOTICE_GROUPS.isdisjoint(phrase_hits(text[:OPENING_CHARS]).opening)


def is_unscored(text: str) -> bool:
    """Return whether the classifier leaves a line unscored: prose, or a plain body sentence."""
    return is_prose(text) or is_plain_body(text)


def prose_facts(text: str, learned: frozenset[str]) -> LineFacts:
    """Return the facts of an unscored line (what its neighbours see of it)."""
    ends = ends_sentence(text)
    repeated = bool(learned) and line_key(text) in learned
    return LineFacts({}, PROSE_LINE_WORDS, ends, True, False, False, repeated)


def line_facts(text: str, body_script: str, learned: frozenset[str]) -> LineFacts:
    """Return the features of one normalised line that do not depend on its neighbours."""
    text = _measured(text) or " "
    words = word_count(text)
    values = shape_values(text, words)
    values.update(content_values(text, words, body_script))
    hits = phrase_hits(text)
    for group, count in hits.counts.items():
        values[f"{group}_any"] = min(3, count) / 3
    for group in hits.opening:
        values[f"{group}_open"] = 1.0
    for group in hits.whole:
        values[f"{group}_whole"] = 1.0
    repeated = bool(learned) and line_key(text) in learned
    values["repeated"] = float(repeated)
    ends = values["ends_sentence"] == 1.0
    return LineFacts(
        values=values,
        words=words,
        ends_sentence=ends,
        body_like=(words >= BODY_LINE_WORDS and ends) or words >= 2 * BODY_LINE_WORDS,
        notice=not NOTICE_GROUPS.isdisjoint(hits.opening),
        link=values["url"] + values["email"] + values["handle"] > 0,
        repeated=repeated,
    )


def _neighbour(prefix: str, facts: LineFacts | None) -> dict[str, float]:
    """Return the context features a neighbouring line gives (or its absence)."""
    if facts is None:
        return {f"{prefix}_missing": 1.0}
    return {
        f"{prefix}_ends_sentence": float(facts.ends_sentence),
        f"{prefix}_short": float(facts.words <= SHORT_LINE_WORDS),
        f"{prefix}_long": float(facts.body_like),
        f"{prefix}_notice": float(facts.notice),
        f"{prefix}_link": float(facts.link),
        f"{prefix}_repeated": float(facts.repeated),
    }


def _short_runs(facts: Sequence[LineFacts]) -> list[int]:
    """Return, for each line, the length of the run of short lines it stands in (0 if not short)."""
    runs = [0] * len(facts)
    index = 0
    while index < len(facts):
        end = index
        while end < len(facts) and facts[end].words <= SHORT_LINE_WORDS:
            end += 1
        for inner in range(index, end):
            runs[inner] = end - index
        index = max(end, index + 1)
    return runs


def position_values(index: int, total: int, body: Sequence[int], short_run: int) -> dict[str, float]:
    """Return the position features of line index among total lines, given the body-like lines."""
    at = bisect_left(body, index)
    distance = min([abs(index - body[i]) for i in (at - 1, at) if 0 <= i < len(body)], default=99)
    values = {
        TOP_NAMES[_bin(index, EDGE_BINS)]: 1.0,
        BOTTOM_NAMES[_bin(total - 1 - index, EDGE_BINS)]: 1.0,
        DISTANCE_NAMES[_bin(distance, DISTANCE_BINS)]: 1.0,
        DOC_NAMES[_bin(total, DOC_BINS)]: 1.0,
        "relative_position": index / max(1, total - 1),
        "before_body": float(not body or index < body[0]),
        "after_body": float(not body or index > body[-1]),
        "short_run": min(5, short_run) / 5,
    }
    return values


FEATURE_INDEX = {name: index for index, name in enumerate(FEATURE_NAMES)}


def document_features(
    texts: Sequence[str], prose_flags: Sequence[bool], body_script: str, learned: frozenset[str]
) -> np.ndarray:
    """Return the feature matrix (one row per normalised line, FEATURE_NAMES columns; prose rows
    hold only their position and context)."""
    facts = [
        prose_facts(t, learned) if prose else line_facts(t, body_script, learned)
        for t, prose in zip(texts, prose_flags, strict=True)
    ]
    body = [i for i, f in enumerate(facts) if f.body_like]
    runs = _short_runs(facts)
    rows = []
    width = len(FEATURE_NAMES)
    for index, fact in enumerate(facts):
        values = dict(fact.values)
        values.update(position_values(index, len(facts), body, runs[index]))
        values.update(_neighbour("prev", facts[index - 1] if index > 0 else None))
        values.update(_neighbour("next", facts[index + 1] if index + 1 < len(facts) else None))
        row = [0.0] * width
        for name, value in values.items():
            row[FEATURE_INDEX[name]] = value
        rows.append(row)
    return np.array(rows, dtype=np.float64).reshape(len(texts), width)


PROSE_SCORE = -6.0  # the line score a prose line stands for in its neighbours' context
CONFIDENT_BODY = -2.0  # a line scored below this is body for the context features
CONTEXT_REACH = 10
CONTEXT_NAMES: tuple[str, ...] = (
    "score",
    "prev_score",
    "next_score",
    "prev2_score",
    "next2_score",
    "window_mean",
    "window_max",
    "body_above",
    "body_below",
    "between_body",
)


def _shifted(scores: np.ndarray, offset: int) -> np.ndarray:
    """Return the score of the line `offset` lines away from each line (NaN past the edges)."""
    shifted = np.full(len(scores), np.nan)
    if offset > 0:
        shifted[:-offset] = scores[offset:]
    else:
        shifted[-offset:] = scores[: len(scores) + offset]
    return shifted


def _distances(count: int, body: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Return, for each line, the lines up to the nearest body line above and below (capped)."""
    above = np.full(count, float(CONTEXT_REACH))
    below = np.full(count, float(CONTEXT_REACH))
    if body.size:
        positions = np.arange(count)
        before = np.searchsorted(body, positions, side="left") - 1
        after = np.searchsorted(body, positions, side="right")
        has_before, has_after = before >= 0, after < body.size
        above[has_before] = np.minimum(CONTEXT_REACH, positions[has_before] - body[before[has_before]])
        below[has_after] = np.minimum(CONTEXT_REACH, body[after[has_after]] - positions[has_after])
    return above, below


def context_features(features: np.ndarray, scores: np.ndarray) -> np.ndarray:
    """Return the features with CONTEXT_NAMES columns added: the line scores around each line."""
    count = len(scores)
    near = {offset: _shifted(scores, offset) for offset in (-3, -2, -1, 1, 2, 3)}
    window = np.stack(list(near.values()))
    seen = ~np.isnan(window)
    mean = np.where(seen, window, 0.0).sum(axis=0) / np.maximum(seen.sum(axis=0), 1)
    peak = np.where(seen.any(axis=0), np.where(seen, window, -np.inf).max(axis=0), 0.0)
    above, below = _distances(count, np.flatnonzero(scores < CONFIDENT_BODY))
    columns = [
        scores,
        np.nan_to_num(near[-1]),
        np.nan_to_num(near[1]),
        np.nan_to_num(near[-2]),
        np.nan_to_num(near[2]),
        mean,
        peak,
        above,
        below,
        ((above <= 3) & (below <= 3)).astype(np.float64),
    ]
    return np.hstack([features, np.stack(columns, axis=1).reshape(count, len(columns))])
