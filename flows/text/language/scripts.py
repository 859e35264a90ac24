"""Writing systems: the script of each letter, letter counts per script, the dominant script."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from functools import lru_cache

NON_LATIN_MIN_SHARE = 0.3  # a non-Latin script with this share of letters outranks Latin
# (Latin runs in such texts are names, URLs and markup)

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


def main_script(counts: Mapping[str, int]) -> str:
    """Return the dominant script; kana outweighs Han, a large non-Latin share outweighs Latin."""
    if counts.get("kana", 0) and counts.get("kana", 0) * 5 >= counts.get("han", 0):
        return "kana"
    ranked = sorted(counts.items(), key=lambda item: -item[1])
    if ranked[0][0] == "latin" and len(ranked) > 1:
        runner_up, letters = ranked[1]
        if runner_up != "other" and letters >= NON_LATIN_MIN_SHARE * sum(counts.values()):
            return runner_up
    return ranked[0][0]


def script_text(text: str, script: str, limit: int) -> str:
    """Return up to limit characters of text made of words in the given script."""
    words = _script_word_re(script).findall(text[: limit * 3])
    return " ".join(words)[:limit]


@lru_cache(maxsize=64)
def _script_word_re(script: str) -> re.Pattern[str]:
    """Return a regex for whitespace-separated words holding a letter of the given script."""
    ranges = "".join(f"{chr(low)}-{chr(high)}" for low, high, name in _SCRIPT_RANGES if name == script)
    return re.compile(f"\\S*[{ranges}]\\S*" if ranges else r"(?!x)x")
