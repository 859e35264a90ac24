"""Text repair after cleaning: encoding, invisible and control characters, white space; blanking.

Removed noise is blanked, not cut (`blank_spans`), and spaces inside the text are kept, so an
offset into the clean text is the same offset into the raw text; only the rare repairs that change
length (mojibake, control and zero-width characters, CRLF, NFC) move offsets.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence

import ftfy

from flows.text.records import Removal

FTFY_CONFIG = ftfy.TextFixerConfig(
    unescape_html=False,
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    normalization=None,
)
INVISIBLE_RE = re.compile(r"[\u200b\u2060\ufeff]")  # ZWNJ/ZWJ are kept: Persian, Indic
SPACE_VARIANTS_RE = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000\t\f\v]")
CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# A UTF-8 lead byte read as Latin-1/cp1252 followed by a continuation-byte glyph ("Ã©", "â€™").
MOJIBAKE_HINT_RE = re.compile(
    "[\u00c2-\u00c3\u00c5\u00c6\u00ce\u00cf\u00d0\u00d1\u00d8\u00d9"
    "\u00e2][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e"
    "\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]"
)
NOT_NEWLINE_RE = re.compile(r"[^\n]")


def fix_mojibake(text: str) -> str:
    """Return text with mis-decoded UTF-8 repaired by ftfy (only when a hint of it is seen)."""
    if MOJIBAKE_HINT_RE.search(text) is None or not ftfy.badness.is_bad(text):
        return text
    return ftfy.fix_text(text, FTFY_CONFIG)


def tidy_whitespace(text: str) -> str:
    """Return text without trailing white space at its end (inner spacing keeps offsets)."""
    return text.rstrip()


def repair_text(text: str) -> tuple[str, tuple[str, ...]]:
    """Return text with encoding and whitespace repaired, and the names of the repairs made."""
    repairs: list[str] = []
    steps: tuple[tuple[str, Callable[[str], str]], ...] = (
        ("line-endings", lambda t: t.replace("\r\n", "\n").replace("\r", "\n")),
        ("mojibake", fix_mojibake),
        ("control-chars", lambda t: CONTROL_RE.sub("", t)),
        ("zero-width", lambda t: INVISIBLE_RE.sub("", t)),
        ("non-breaking-space", lambda t: SPACE_VARIANTS_RE.sub(" ", t)),
        ("nfc", lambda t: unicodedata.normalize("NFC", t)),
        ("whitespace", tidy_whitespace),
    )
    for name, step in steps:
        fixed = step(text)
        if fixed != text:
            repairs.append(name)
            text = fixed
    return text, tuple(repairs)


def blank_spans(raw: str, removals: Sequence[Removal]) -> str:
    """Return raw with every removed span blanked: its characters become spaces, its line breaks
    stay, so every offset into the result is the same offset into the raw text."""
    pieces, position = [], 0
    for removal in removals:
        start = max(removal.start, position)
        pieces.append(raw[position:start])
        pieces.append(NOT_NEWLINE_RE.sub(" ", raw[start : removal.end]))
        position = max(position, removal.end)
    pieces.append(raw[position:])
    return "".join(pieces)
