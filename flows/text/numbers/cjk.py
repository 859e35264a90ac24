"""Chinese and Korean numerals quoted in a text ("3万", "一百二十", "1억2천만", "数千")."""

from __future__ import annotations

import re

from flows.text.figure_lexicon import CJK_NUMERALS, NUMBER_CONTEXT_WORDS
from flows.text.numbers.atoms import Atom

CJK_CHARS = "".join(CJK_NUMERALS)
# Digits or Chinese/Korean numerals with a glued scale ("3万", "1억2천만", "三千"), or "a few" + scale ("数千").
_CJK_DIGITS = r"[0-9]+(?:\.[0-9]+)?"
CJK_RUN_RE = re.compile(
    rf"[{NUMBER_CONTEXT_WORDS['cjk_several'].replace('|', '')}]?(?:{_CJK_DIGITS})?[{CJK_CHARS}]+"
    rf"(?:{_CJK_DIGITS}[{CJK_CHARS}]+)*"
)
CJK_TOKEN_RE = re.compile(rf"{_CJK_DIGITS}|.")
CJK_SEVERAL = frozenset(NUMBER_CONTEXT_WORDS["cjk_several"].split("|"))


def _is_cjk_numeral_run(run: str) -> bool:
    """Return whether a run of Chinese/Korean numerals alone is a number: it opens with a digit or
    ten and holds a scale ("三千", "十五", "십오만"; not "万一", "이사")."""
    values = [CJK_NUMERALS[c] for c in run]
    return len(run) > 1 and 0 < values[0] <= 10 and max(values) >= 10


def cjk_atom(match: re.Match[str]) -> Atom | None:
    """Return the atom of a Chinese or Korean number ("3万" 30000, "一百二十" 120, "数千" vague 1000)."""
    raw, start = match.group(), match.start()
    if start and "\uac00" <= match.string[start - 1] <= "\ud7a3":
        return None  # inside a Korean word
    if raw[0] in CJK_SEVERAL:
        if not all(CJK_NUMERALS.get(c, 0) >= 10 for c in raw[1:]):
            return None
        lower = 1.0
        for char in raw[1:]:
            lower *= CJK_NUMERALS[char]
        return Atom(start, match.end(), "vague", lower, raw)
    tokens = CJK_TOKEN_RE.findall(raw)
    if not tokens[0][0].isdigit() and not _is_cjk_numeral_run(raw):
        return None
    value = _cjk_value(tokens)
    return Atom(start, match.end(), "cjk", value, raw) if value else None


def _cjk_value(tokens: list[str]) -> float:
    """Return the value of digit numbers and Chinese/Korean numerals (grouped by myriads)."""
    total, section, current = 0.0, 0.0, 0.0
    for token in tokens:
        value = float(token) if token[0].isdigit() else CJK_NUMERALS[token]
        if value < 10 or token[0].isdigit():
            current = value
        elif value < 1e4:
            section += (current or 1.0) * value
            current = 0.0
        else:
            total += ((section + current) or 1.0) * value
            section, current = 0.0, 0.0
    return total + section + current
