"""Number spans (the result) and atoms (one scanned token each) of the number scanner."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class NumberSpan:
    """One number expression: exact (`value`), vague (`lower` only) or approximate noun."""

    start: int
    end: int
    value: float | None
    lower: float | None
    kind: str  # "exact", "vague", "approx", "article", "mask"
    has_digits: bool
    scale: float | None = None


@dataclass(frozen=True)
class Atom:
    """One scanned token: digits, a number word, a vague word or a masked number."""

    start: int
    end: int
    kind: str
    value: float
    word: str = ""


def without_overlaps(atoms: list[Atom]) -> list[Atom]:
    """Return atoms with those inside an earlier, longer atom removed."""
    kept: list[Atom] = []
    for atom in atoms:
        if kept and atom.start < kept[-1].end:
            if atom.end - atom.start > kept[-1].end - kept[-1].start:
                kept[-1] = atom
            continue
        kept.append(atom)
    return kept
