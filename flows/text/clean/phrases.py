"""Phrase lists of `data/clean_phrases.tsv` as line features, and the patterns of partial removals.

The lists are evidence for the line classifier, not decisions: `phrase_hits` reports which lists a
line hits, whether a hit opens the line and whether the phrase is the whole line. All lists are
scanned by one case-insensitive alternation (a named group per list), once per line window.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib.resources import files

_ROWS = tuple(
    tuple(line.split("\t", 1))
    for line in (files("flows.text") / "data" / "clean_phrases.tsv").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
)
# Feature lists in scanning order: at one position the first list that matches wins, so whole
# notices come before the single cue words (you, our, share, friends) that pleas are made of.
PHRASE_GROUPS = (
    "cookie_notice",
    "paywall",
    "support",
    "follow",
    "newsletter",
    "copyright",
    "source_credit",
    "powered_by",
    "read_more",
    "site_link",
    "tags",
    "contact",
    "timestamp_word",
    "image",
    "advert",
    "end_marker",
    "agency",
    "share",
    "carousel",
    "newsletter_noun",
    "share_cue",
    "friend_cue",
    "plea_money",
    "plea_medium",
    "plea_address",
    "reader",
)
PHRASE_WINDOW = 200  # phrases are looked for in the first and last this many characters of a line


def phrase_list(name: str) -> tuple[str, ...]:
    """Return the entries of one list in the package's `clean_phrases.tsv`."""
    return tuple(row[1] for row in _ROWS if row[0] == name)


def phrases(name: str) -> str:
    """Return one list of `clean_phrases.tsv` as a regex alternation."""
    return "|".join(phrase_list(name))


_LEAD_RE = re.compile(r"^(?:\^|\\W\*|\\b)*")
# Tokens a phrase can open with: a run of letters, or one symbol ("©", "(").
_TOKEN_RE = re.compile(r"[^\W\d_]+|[^\w\s]")
TRIGGER_CHARS = 4  # phrases are tried only where a token opens like a phrase's first word


# A phrase stands apart from the words around it: at each end, either the phrase's own character
# there is not a word character ("©2018") or the neighbouring one is not.
_EDGE = "(?:(?<!\\w)|(?!\\w))"


def _group_re(name: str) -> re.Pattern[str]:
    """Return the regex of one list: any of its phrases standing as whole words."""
    return re.compile(f"{_EDGE}(?:{phrases(name)}){_EDGE}", re.IGNORECASE)


def _closing(pattern: str) -> int:
    """Return the index of the parenthesis closing the group that opens pattern."""
    depth = 0
    for index, char in enumerate(pattern):
        if char == "\\":
            continue
        if char == "(" and (index == 0 or pattern[index - 1] != "\\"):
            depth += 1
        elif char == ")" and pattern[index - 1] != "\\":
            depth -= 1
            if depth == 0:
                return index
    return len(pattern)


def _phrase_triggers(phrase: str) -> set[str]:
    """Return the openings of the tokens a phrase can start with (through leading groups)."""
    phrase = phrase[_LEAD_RE.match(phrase).end() :]  # type: ignore[union-attr]
    if phrase.startswith("(?:"):
        end = _closing(phrase)
        inner, rest = phrase[3:end], phrase[end + 1 :]
        found = set().union(*(_phrase_triggers(alt) for alt in inner.split("|")))
        if rest.startswith(("?", "*")):
            found |= _phrase_triggers(rest[1:].lstrip())
        return found
    if phrase.startswith("\\") and len(phrase) > 1 and not phrase[1].isalpha():
        phrase = phrase[1:]
    first = _TOKEN_RE.match(phrase)
    return {first.group()[:TRIGGER_CHARS].casefold()} if first else set()


def _trigger_index() -> dict[str, tuple[str, ...]]:
    """Return, for each token opening, the lists (in scanning order) that may match there."""
    index: dict[str, list[str]] = {}
    for name in PHRASE_GROUPS:
        for trigger in sorted(set().union(*(_phrase_triggers(p) for p in phrase_list(name)))):
            index.setdefault(trigger, []).append(name)
    return {key: tuple(names) for key, names in index.items()}


GROUP_RES = {name: _group_re(name) for name in PHRASE_GROUPS}
TRIGGER_INDEX = _trigger_index()
# Where a phrase may start: a run of letters, or one of the symbols a phrase opens with.
_SCAN_RE = re.compile(
    "[^\\W\\d_]+|[" + "".join(sorted(re.escape(t) for t in TRIGGER_INDEX if not t[0].isalpha())) + "]"
)
_WORD_CHAR_RE = re.compile(r"[^\W_]")
_LAST_WORD_CHAR_RE = re.compile(r"[^\W_][\W_]*$")


@dataclass(frozen=True)
class PhraseHits:
    """How often each list hits a line, and the lists that open it or are the whole line."""

    counts: dict[str, int]
    opening: frozenset[str]
    whole: frozenset[str]


def phrase_hits(text: str) -> PhraseHits:
    """Return which phrase lists hit a line (in its first and last PHRASE_WINDOW characters)."""
    if len(text) > 2 * PHRASE_WINDOW:
        text = text[:PHRASE_WINDOW] + " \n " + text[-PHRASE_WINDOW:]
    first = _WORD_CHAR_RE.search(text)
    opens_at = first.start() if first else len(text)
    last = _LAST_WORD_CHAR_RE.search(text, max(0, len(text) - 40))
    ends_at = last.start() + 1 if last else 0
    counts: dict[str, int] = {}
    opening: set[str] = set()
    whole: set[str] = set()
    for token in _SCAN_RE.finditer(text):
        for name in TRIGGER_INDEX.get(token.group()[:TRIGGER_CHARS].casefold(), ()):
            match = GROUP_RES[name].match(text, token.start())
            if match is None:
                continue
            counts[name] = counts.get(name, 0) + 1
            if match.start() <= opens_at:
                opening.add(name)
                if match.end() >= ends_at:
                    whole.add(name)
    return PhraseHits(counts, frozenset(opening), frozenset(whole))


# Partial removals (rules): a share bar glued before the first body line, a "... more" link or a
# photo credit glued after the last one.
_SHARE_WORDS = phrases("share")
_CAROUSEL_WORDS = phrases("carousel")
SHARE_BAR_PREFIX_RE = re.compile(
    f"^\\s*(?:(?:{_SHARE_WORDS}|{_CAROUSEL_WORDS})(?=\\W|$)[\\s:|•·,/\\-–]*)+", re.IGNORECASE
)
SHARE_BAR_TOKEN_RE = re.compile(f"(?:{_CAROUSEL_WORDS}|{phrases('share_bar_token')})", re.IGNORECASE)
CAROUSEL_RE = re.compile(f"^\\W*(?:{_CAROUSEL_WORDS})\\b", re.IGNORECASE)
READ_MORE_TAIL_RE = re.compile(
    r"(?:(?<!\.)\.{2,}+|…)\s*(?:المزيد|more|plus|mehr|más|altro|więcej|далее|еще|ещё)\s*$",
    re.IGNORECASE,
)
GLUED_CREDIT_RE = re.compile(
    r"(?<=[^\W\d_][.!?])\s*((?:foto|photo|фото|bild|zdjęcie|image|imagen|immagine)\s*:\s*[^.!?]{1,60}\.?)$",
    re.IGNORECASE,
)


def share_bar_prefix(text: str) -> int:
    """Return the length of a leading share bar / carousel label in a line (0 if none)."""
    match = SHARE_BAR_PREFIX_RE.match(text)
    if match is None or len(SHARE_BAR_TOKEN_RE.findall(match.group())) < 2:
        return 0
    return len(match.group().rstrip())


def glued_credit(text: str) -> re.Match[str] | None:
    """Return the match of a photo credit glued after a line's last sentence, if any."""
    if ":" not in text[-80:]:
        return None
    return GLUED_CREDIT_RE.search(text, max(0, len(text) - 80))
