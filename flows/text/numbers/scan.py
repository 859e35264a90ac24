"""The scanner: every number atom of a text (masks, digits, words, compounds, Chinese/Korean numerals) in order."""

from __future__ import annotations

import re

from flows.text.figure_lexicon import CJK_NUMERALS
from flows.text.numbers.atoms import Atom, without_overlaps
from flows.text.numbers.cjk import CJK_RUN_RE, cjk_atom
from flows.text.numbers.digits import DIGITS_NOSPACE_RE, DIGITS_SPACE_RE, SPACE_GROUP_LANGUAGES, valid_digit_groups
from flows.text.numbers.words import (
    ARABIC_WORD_RE,
    DE_COMPOUND_END_RE,
    DE_TIME_ADJECTIVE_RE,
    GLUED_END_RE,
    WORD_RE,
    german_adjective_number,
    german_compound,
    glued_compound,
    word_atom,
)

MASK_RE = re.compile(r"\*number\*")


def scan_atoms(text: str, language: str) -> list[Atom]:
    """Return number atoms (masks, digits, number words) of lowercase `text` in reading order."""
    atoms = [Atom(m.start(), m.end(), "mask", 0.0) for m in MASK_RE.finditer(text)]
    digits = DIGITS_SPACE_RE if language in SPACE_GROUP_LANGUAGES else DIGITS_NOSPACE_RE
    match = digits.search(text)
    while match is not None:
        raw = valid_digit_groups(match.group())
        start = match.start()
        # a token cut short ("129,656 129,196") is scanned again after the cut
        match = digits.search(text, start + len(raw) if raw and len(raw) < len(match.group()) else match.end())
        if (
            start
            and text[start - 1] in ".,"
            and (start < 2 or text[start - 2] in " (\n")
            and "." not in raw
            and "," not in raw
        ):
            start, raw = start - 1, "0" + text[start - 1] + raw
        if raw:
            atoms.append(Atom(start, start + len(raw) - raw.startswith("0" + text[start]), "digits", 0.0, raw))
    for match in (ARABIC_WORD_RE if language == "ar" else WORD_RE).finditer(text):
        atom = word_atom(match, language)
        if atom is not None:
            atoms.append(atom)
    if language in GLUED_END_RE:
        atoms.extend(a for m in GLUED_END_RE[language].finditer(text) if (a := glued_compound(m, text, language)))
    if any(c in CJK_NUMERALS for c in text):
        atoms.extend(a for m in CJK_RUN_RE.finditer(text) if (a := cjk_atom(m)) is not None)
    if language in ("de", "und"):
        atoms.extend(a for m in DE_COMPOUND_END_RE.finditer(text) if (a := german_compound(m, text)) is not None)
        atoms.extend(
            a for m in DE_TIME_ADJECTIVE_RE.finditer(text) if (a := german_adjective_number(m, text)) is not None
        )
    atoms.sort(key=lambda a: a.start)
    return without_overlaps(atoms)
