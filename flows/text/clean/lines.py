"""Lines of a raw article with their offsets, and how a line is normalised and measured."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from flows.text.clean.repair import INVISIBLE_RE, SPACE_VARIANTS_RE, fix_mojibake

LINE_RE = re.compile(r"[^\n]+")
MULTISPACE_RE = re.compile(r" {2,}")
WORD_RE = re.compile(r"[^\W\d_]\S*")  # one hit per whitespace-separated token with a letter
# Scripts written without spaces between words (Chinese, Japanese kana and kanji, Thai, Lao, Khmer,
# Myanmar): their words are counted as one per CHARS_PER_WORD letters.
UNSPACED_RE = re.compile(
    r"[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"
)
CHARS_PER_WORD = 2
SENTENCE_END_RE = re.compile(r"[.!?…。！？؟][\"'”’»“‟)\]]*\s*$")


@dataclass(frozen=True)
class Line:
    """A non-empty raw line: offsets of its stripped content in the raw text, and the content."""

    start: int
    end: int
    text: str


def split_lines(raw: str) -> list[Line]:
    """Return the non-blank lines of raw with offsets of their stripped content."""
    lines = []
    for match in LINE_RE.finditer(raw):
        content = match.group()
        stripped = content.strip()
        if stripped and not stripped.isspace():
            start = match.start() + (len(content) - len(content.lstrip()))
            lines.append(Line(start, start + len(stripped), stripped))
    return lines


def normalise_line(text: str) -> str:
    """Return a line as the classifier sees it: mojibake fixed, NFC, no invisible or odd spaces."""
    text = SPACE_VARIANTS_RE.sub(" ", INVISIBLE_RE.sub("", fix_mojibake(text)))
    return MULTISPACE_RE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def word_count(text: str) -> int:
    """Return the number of words: whitespace-separated tokens with a letter, or for scripts written
    without spaces, their letters / CHARS_PER_WORD when that is more."""
    tokens = len(WORD_RE.findall(text))
    if text.isascii():
        return tokens
    return max(tokens, len(UNSPACED_RE.findall(text)) // CHARS_PER_WORD)


def ends_sentence(text: str) -> bool:
    """Return whether text ends with sentence-final punctuation."""
    return SENTENCE_END_RE.search(text) is not None
