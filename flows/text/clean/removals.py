"""Which lines of an article are noise: the line classifier decides, rules only cut glued pieces.

Every line is scored twice (`model.py`): on its own features, then with the scores around it.
Lines in the header or trailer block (before the first or after the last body-like line) must pass
the `edge` threshold, lines between body lines the stricter `inner` one; nothing stops at the
first line that is not noise. Long prose lines and plain body sentences (`is_plain_body`) are body
and are not scored (they stand for body in their neighbours' context); no shorter plain sentence
(`plain_sentences`) that no notice phrase opens is removed either, nor any line of a text without a
sentence of six words or more. A line that is noise mostly because
its source repeats it must be noise-like without that evidence too (`repetition_floor`): a batch
of one kind of text repeats real lines (division headings, datelines). The reason recorded is the
feature group that raised the line score most, mapped by GROUP_REASONS.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
from babel.dates import get_month_names

from flows.text.clean.features import (
    FEATURE_INDEX,
    NON_LATIN_RE,
    NOTICE_GROUPS,
    PROSE_SCORE,
    context_features,
    document_features,
    is_unscored,
)
from flows.text.clean.lines import Line, normalise_line, split_lines, word_count
from flows.text.clean.model import LineModel, group_contributions
from flows.text.clean.phrases import (
    CAROUSEL_RE,
    READ_MORE_TAIL_RE,
    glued_credit,
    phrase_hits,
    share_bar_prefix,
)
from flows.text.language import count_scripts, main_script
from flows.text.records import Removal

GROUP_REASONS = {
    "phrase:cookie_notice": "cookie notice",
    "phrase:paywall": "paywall notice",
    "phrase:support": "support plea",
    "phrase:follow": "follow-us plea",
    "phrase:newsletter": "newsletter plea",
    "phrase:newsletter_noun": "newsletter plea",
    "phrase:copyright": "copyright line",
    "phrase:source_credit": "source credit",
    "phrase:powered_by": "site link",
    "phrase:read_more": "read-more link",
    "phrase:site_link": "site link",
    "phrase:tags": "tags line",
    "phrase:contact": "contact trailer",
    "phrase:timestamp_word": "timestamp",
    "phrase:image": "image credit",
    "phrase:advert": "advertisement",
    "phrase:end_marker": "end marker",
    "phrase:agency": "agency credit",
    "phrase:share": "share-label trailer",
    "phrase:carousel": "carousel label",
    "phrase:share_cue": "share-label trailer",
    "phrase:friend_cue": "share-label trailer",
    "phrase:plea_money": "support plea",
    "phrase:plea_medium": "support plea",
    "phrase:plea_address": "support plea",
    "phrase:reader": "support plea",
    "link": "link line",
    "label": "label line",
    "separator": "separator",
    "breadcrumb": "breadcrumb",
    "bracketed": "agency credit",
    "byline": "byline",
    "dateline": "timestamp",
    "script": "foreign-script edge line",
    "repetition": "repeated boilerplate (source)",
}
GENERIC_SHARE = 0.25  # a named group at least this share of the top (generic) group names the reason
SHORT_EDGE_WORDS = 5
GLUED_TAIL_WORDS = 15
GLUED_TAIL_GROUPS = {
    "agency": "agency credit",
    "source_credit": "source credit",
    "image": "image credit",
    "copyright": "copyright line",
    "read_more": "read-more link",
    "follow": "follow-us plea",
    "newsletter": "newsletter plea",
    "support": "support plea",
}
GLUED_SENTENCE_RE = re.compile(r"(?<=[^\W\d_]{2}[.!?])(?=[«\"“„]?[A-ZÀ-ÖØ-ÞА-ЯЁ])|(?<=[.!?])\s+(?=[(\[])")
LETTER_RE = re.compile(r"[^\W\d_]")
# Datelines open a news story with its place and date ("OSLO 2001-03-14", "LYON, 12 mars"): body.
# Month names of the corpus languages come from CLDR (Babel), wide and abbreviated.
DATELINE_LOCALES = ("en", "fr", "de", "es", "it", "pt", "nl", "pl", "ru")
MONTHS = sorted(
    {
        name.lower().rstrip(".")
        for locale in DATELINE_LOCALES
        for width in ("wide", "abbreviated")
        for context in ("format", "stand-alone")
        for name in get_month_names(width, context, locale).values()
    },
    key=len,
    reverse=True,
)
_MONTH = "(?i:" + "|".join(re.escape(m) for m in MONTHS) + r")\.?"
_DATE = rf"(?:\d{{4}}-\d{{1,2}}-\d{{1,2}}|\d{{1,2}}\.?\s+{_MONTH}(?:\s+\d{{4}})?|{_MONTH}\s+\d{{1,2}}(?:,?\s+\d{{4}})?)"
_PLACE = r"[A-ZÀ-ÖØ-ÞА-ЯЁ][\w'’.-]*(?:\s*,?\s+[A-ZÀ-ÖØ-ÞА-ЯЁ(][\w'’.)-]*){0,3}"
DATELINE_RE = re.compile(rf"^{_PLACE}\s*,?\s+{_DATE}\s*(?:\([^()]{{1,30}}\))?\s*[-–—:]?$")


def body_script_of(lines: Sequence[Line]) -> str:
    """Return the script of the body: that of the longest lines (half the text or more)."""
    ranked = sorted(lines, key=lambda line: len(line.text), reverse=True)
    sample, size = [], 0
    for line in ranked:
        sample.append(line.text[:2000])
        size += len(line.text)
        if size >= 1500:
            break
    joined = " ".join(sample)
    if NON_LATIN_RE.search(joined) is None:
        return "latin" if LETTER_RE.search(joined) else "none"
    counts = count_scripts(joined)
    return main_script(counts) if counts else "none"


def reason_of(groups: dict[str, float], edge: bool, words: int) -> str:
    """Return the removal reason for a line from its contributions by feature group."""
    ranked = sorted(groups.items(), key=lambda item: (-item[1], item[0]))
    named = [(g, v) for g, v in ranked if g in GROUP_REASONS and v > 0]
    top = ranked[0][1] if ranked else 0.0
    if named and named[0][1] >= GENERIC_SHARE * top:
        return GROUP_REASONS[named[0][0]]
    return "short edge line" if edge and words <= SHORT_EDGE_WORDS else "noise line (model)"


SENTENCE_WORD_BINS = [FEATURE_INDEX[n] for n in ("words_le8", "words_le12", "words_le20", "words_le40", "words_gt40")]
NOTICE_OPENINGS = [FEATURE_INDEX[f"{g}_open"] for g in sorted(NOTICE_GROUPS)]
LINK_COLUMNS = [FEATURE_INDEX[n] for n in ("url", "email", "handle")]
REPETITION_COLUMNS = [FEATURE_INDEX[n] for n in ("repeated", "prev_repeated", "next_repeated")]


def plain_sentences(matrix: np.ndarray) -> np.ndarray:
    """Return which rows are plain prose: capital or quote first, no link, no notice phrase opening
    them, and either 6 words or more ending a sentence or 13 or more holding a sentence break (a
    body sentence that only mentions notice words, or one with a credit glued after it)."""
    opens = matrix[:, FEATURE_INDEX["starts_upper"]] + matrix[:, FEATURE_INDEX["starts_quote"]] > 0
    six = matrix[:, SENTENCE_WORD_BINS].sum(axis=1) > 0
    thirteen = matrix[:, SENTENCE_WORD_BINS[2:]].sum(axis=1) > 0
    ends = matrix[:, FEATURE_INDEX["ends_sentence"]] > 0
    inner = matrix[:, FEATURE_INDEX["inner_sentences"]] > 0
    notice = matrix[:, NOTICE_OPENINGS].sum(axis=1) + matrix[:, LINK_COLUMNS].sum(axis=1) > 0
    return opens & ((six & ends) | (thirteen & inner)) & ~notice


def has_sentences(matrix: np.ndarray) -> bool:
    """Return whether a document has a prose line or a line of 6 words or more ending a sentence."""
    ends = matrix[:, FEATURE_INDEX["ends_sentence"]] > 0
    return bool(
        matrix[:, FEATURE_INDEX["body_distance_le0"]].any()
        or (ends & (matrix[:, SENTENCE_WORD_BINS].sum(axis=1) > 0)).any()
    )


def noise_lines(texts: Sequence[str], model: LineModel, body_script: str, learned: frozenset[str]) -> dict[int, str]:
    """Return {line index: reason} for the lines the classifier calls noise."""
    prose = [is_unscored(text) for text in texts]
    if len(texts) < 2:
        return {}
    matrix = document_features(texts, prose, body_script, learned)
    judged = np.array([i for i, p in enumerate(prose) if not p], dtype=np.int64)
    noise = decide_lines(texts, matrix, judged, model)
    chosen = np.flatnonzero(noise)
    if chosen.size == 0:
        return {}
    edge = (matrix[judged, FEATURE_INDEX["before_body"]] + matrix[judged, FEATURE_INDEX["after_body"]]) > 0
    contributions = model.line.contributions(matrix[judged[chosen]])
    found: dict[int, str] = {}
    for row, position in enumerate(chosen):
        index = int(judged[position])
        groups = group_contributions(contributions[row])
        found[index] = reason_of(groups, bool(edge[position]), word_count(texts[index]))
    return found


def decide_lines(texts: Sequence[str], matrix: np.ndarray, judged: np.ndarray, model: LineModel) -> np.ndarray:
    """Return which judged lines are noise: the thresholds, the body-safety rules, noise grown over
    unsure edge lines beside it, and the repetition floor (also used by the build script's checks)."""
    if judged.size == 0 or not has_sentences(matrix):
        return np.zeros(judged.size, dtype=bool)  # no sentence to tell noise from
    scores = judged_scores(model, matrix, judged)
    edge = (matrix[judged, FEATURE_INDEX["before_body"]] + matrix[judged, FEATURE_INDEX["after_body"]]) > 0
    cut = np.where(edge, model.thresholds["edge"], model.thresholds["inner"])
    safe = plain_sentences(matrix[judged]) | datelines(texts, judged)
    noise = (scores > cut) & ~safe
    if "chain" in model.thresholds:
        unsure = edge & ~safe & ~list_items(texts, judged, noise) & (scores > model.thresholds["chain"])
        noise = chained(noise, unsure, judged)
    repeated = matrix[judged, FEATURE_INDEX["repeated"]] > 0
    if (noise & repeated).any():
        unrepeated = matrix.copy()
        unrepeated[:, REPETITION_COLUMNS] = 0.0
        noise &= ~repeated | (judged_scores(model, unrepeated, judged) > model.thresholds["repetition_floor"])
    return noise


def list_items(texts: Sequence[str], judged: np.ndarray, noise: np.ndarray) -> np.ndarray:
    """Return which judged lines open with the same mark (a bullet, a dash) as the line above them,
    that line being no noise: an item of a list the body holds."""
    removed = set(judged[noise].tolist())
    found = np.zeros(judged.size, dtype=bool)
    for position, index in enumerate(judged.tolist()):
        mark = texts[index][:1]
        if index and mark and not mark.isalnum() and texts[index - 1][:1] == mark:
            found[position] = index - 1 not in removed
    return found


def chained(noise: np.ndarray, candidates: np.ndarray, judged: np.ndarray) -> np.ndarray:
    """Return noise grown over the candidates (edge lines that passed the `chain` threshold) next
    to a noise line: in a header or trailer block an unsure line beside noise is noise (a sign-off
    above a copyright line), and a noise line reached this way passes the evidence on."""
    noise = noise.copy()
    grown = True
    while grown:
        removed = np.zeros(int(judged[-1]) + 3, dtype=bool)
        removed[judged[noise] + 1] = True  # shifted by one: the line index -1 stands before the first
        beside = removed[judged] | removed[judged + 2]
        added = candidates & beside & ~noise
        grown = bool(added.any())
        noise |= added
    return noise


def is_dateline(text: str) -> bool:
    """Return whether a line is a story's dateline: a capitalised place and a date, nothing else."""
    return len(text) <= 80 and DATELINE_RE.match(text) is not None


def datelines(texts: Sequence[str], judged: np.ndarray) -> np.ndarray:
    """Return which judged lines are datelines (body, whatever their score)."""
    return np.array([is_dateline(texts[int(i)]) for i in judged], dtype=bool)


def judged_scores(model: LineModel, matrix: np.ndarray, judged: np.ndarray) -> np.ndarray:
    """Return the context ensemble's scores of the judged rows (prose rows stand as PROSE_SCORE)."""
    line_scores = np.full(matrix.shape[0], PROSE_SCORE)
    line_scores[judged] = model.line.scores(matrix[judged])
    return model.context.scores(context_features(matrix, line_scores)[judged])


def glued_tail(text: str) -> tuple[int, str] | None:
    """Return (offset, reason) of a credit, link or plea glued after a line's last sentence, or None."""
    tail_more = READ_MORE_TAIL_RE.search(text, max(0, len(text) - 40))
    if tail_more is not None:
        return tail_more.start(), "read-more link"
    cuts = [m.start() for m in GLUED_SENTENCE_RE.finditer(text, max(0, len(text) - 300))]
    for cut in cuts:
        tail = normalise_line(text[cut:])
        if word_count(tail) > GLUED_TAIL_WORDS or not LETTER_RE.search(tail):
            continue
        opening = phrase_hits(tail).opening
        for group, reason in GLUED_TAIL_GROUPS.items():
            if group in opening:
                return cut, reason
    return None


def partial_removals(lines: Sequence[Line], found: dict[int, str]) -> list[Removal]:
    """Return noise glued to body lines: a share bar before the first, a credit or link after one."""
    kept = [i for i in range(len(lines)) if i not in found]
    removals: list[Removal] = []
    if not kept:
        return removals
    first, last = lines[kept[0]], lines[kept[-1]]
    cut = share_bar_prefix(first.text)
    if cut:
        reason = "carousel label" if CAROUSEL_RE.match(first.text) else "share-label trailer"
        removals.append(Removal(first.start, first.start + cut, first.text[:cut], reason))
    tail = glued_tail(last.text)
    if tail is not None and tail[0] > 0:
        removals.append(Removal(last.start + tail[0], last.end, last.text[tail[0] :], tail[1]))
    for index in kept:
        credit = glued_credit(lines[index].text)
        if credit is not None:
            start = lines[index].start + credit.start(1)
            removals.append(Removal(start, lines[index].end, credit.group(1), "image credit"))
    return removals


def drop_nested(removals: list[Removal]) -> list[Removal]:
    """Return removals sorted by start, without any span inside an earlier one."""
    kept: list[Removal] = []
    for removal in sorted(removals, key=lambda r: (r.start, -r.end)):
        if not kept or removal.end > kept[-1].end:
            kept.append(removal)
    return kept


def find_removals(raw: str, model: LineModel, learned: frozenset[str]) -> list[Removal]:
    """Return every noise span of raw (offsets into raw), sorted by start."""
    lines = split_lines(raw)
    texts = [normalise_line(line.text) for line in lines]
    found = noise_lines(texts, model, body_script_of(lines), learned)
    removals = [Removal(lines[i].start, lines[i].end, lines[i].text, reason) for i, reason in found.items()]
    return drop_nested(removals + partial_removals(lines, found))
