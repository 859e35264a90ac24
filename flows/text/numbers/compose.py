"""Atoms grouped into number expressions and their values (scales nested, text2num where it reads the language)."""

from __future__ import annotations

import re

from text_to_num import text2num

from flows.text.figure_lexicon import DOZEN_PLURALS, DUAL_SCALES, NUMBER_CONTEXT_WORDS, PLURAL_SCALES
from flows.text.numbers.atoms import Atom, NumberSpan
from flows.text.numbers.digits import parse_digits

DOZEN = 12.0
# Languages that write large counts by sections of digits and scale words ("116 tysięcy 290").
SECTION_LANGUAGES = frozenset({"pl", "ru"})
TEXT2NUM_LANGUAGES = frozenset({"en", "fr", "es", "de", "it", "pt", "nl"})
# "por ciento" after a masked number is the percent word, not the number 100.
PERCENT_CIENTO_RE = re.compile(r"(?<!\w)(?:por|pour)\s+$")
# "several hundred", "a few thousand": a vague quantity with the scale as lower bound.
SEVERAL_BEFORE_RE = re.compile(rf"(?<!\w)(?:{NUMBER_CONTEXT_WORDS['several']})\s+$")
ARTICLE_BEFORE_RE = re.compile(r"(?<!\w)(?:one|un|une|uno|una|ein|eine|einer|a|an)\s+$")
PAREN_GAP_RE = re.compile(r"\) ?")
DUTCH_AND_RE = re.compile(r"\s+en\s+")
JOIN_GAP_RE = re.compile(r"[ \u00a0\u202f\u2009]+|\s*-\s*|\s+(?:and|y|et|und|e)\s+|\s+و\s*|\s+de\s+")


def _can_join(group: list[Atom], atom: Atom, gap: str) -> bool:
    """Return whether `atom` continues the number expression in `group` across `gap`."""
    last = group[-1]
    if last.kind in ("mask", "cjk") or atom.kind in ("mask", "digits", "vague", "approx", "cjk"):
        return False
    if JOIN_GAP_RE.fullmatch(gap) is None:
        if last.kind == "digits" and atom.kind == "scale" and len(group) == 1 and PAREN_GAP_RE.fullmatch(gap):
            return True
        return gap == "" and last.kind == "digits" and atom.kind in ("scale", "hundred")
    conj = gap.strip(" -\u00a0") != ""
    if last.kind == "digits":
        return atom.kind in ("scale", "hundred") and not conj
    if gap.strip() == "de":
        return last.kind == "scale" and atom.kind == "scale" and atom.value > last.value
    if atom.kind in ("scale", "hundred"):
        if conj and gap.strip(" -\u00a0") == "و":
            # Arabic links every part with "و", a hundred or a smaller scale too ("ألف ومائة", "مليون وألف")
            return atom.value < min((a.value for a in group if a.kind == "scale"), default=0.0)
        return not conj and (last.kind != "half" or len(group) > 1)
    if atom.kind == "half":
        return conj
    return _joins_smaller(last, atom, conj)


def _continues_sections(group: list[Atom], atom: Atom, gap: str, language: str) -> bool:
    """Whether digits after a scale continue a Polish or Russian count written by sections
    ("6 milionów 6 tysięcy 298", "116 тысяч 290"): smaller than that scale, plain digits."""
    last = group[-1]
    return (
        language in SECTION_LANGUAGES
        and group[0].kind == "digits"
        and last.kind == "scale"
        and atom.kind == "digits"
        and atom.word.isdigit()
        and int(atom.word) < min(last.value, 1000)
        and gap.strip() == ""
        and "\n" not in gap
    )


def _magnitude(value: float) -> float:
    """Return the largest power of ten dividing an integer value (300 -> 100, 7 -> 1)."""
    magnitude = 1.0
    while value and value % (magnitude * 10) == 0:
        magnitude *= 10
    return magnitude


def _joins_smaller(last: Atom, atom: Atom, conj: bool) -> bool:
    """Return whether a unit word adds to the group ("hundred and five", "خمسة وعشرين")."""
    if last.kind in ("scale", "hundred"):
        return atom.value < last.value
    if last.kind in ("unit", "article") and atom.value < _magnitude(last.value):
        return True
    if last.kind == "unit" and last.value in (60, 80) and 10 <= atom.value < 20:
        return True
    if last.value < 10 and atom.value == 10 and not conj:
        return True
    return conj and last.value < 10 and 20 <= atom.value < 100 and atom.value % 10 == 0


def group_atoms(atoms: list[Atom], text: str, language: str = "und") -> list[list[Atom]]:
    """Return atoms grouped into maximal number expressions."""
    groups: list[list[Atom]] = []
    for atom in atoms:
        gap = text[groups[-1][-1].end : atom.start] if groups else ""
        if language == "nl" and DUTCH_AND_RE.fullmatch(gap):
            gap = " and "  # Dutch "en" joins like "and" ("tweeduizend en zestien"); in fr/es it is a preposition
        if groups and (_can_join(groups[-1], atom, gap) or _continues_sections(groups[-1], atom, gap, language)):
            groups[-1].append(atom)
        else:
            groups.append([atom])
    return groups


def compose_words(values: list[tuple[str, float]]) -> float:
    """Return the value of a sequence of (kind, value) number words, scales nested."""
    total, partial, current, last_scale, last_unit = 0.0, 0.0, 0.0, 0.0, 0.0
    for kind, value in values:
        if kind in ("unit", "article", "half"):
            current += value
            last_unit = value
        elif kind == "hundred" and value == DOZEN and current > last_unit:
            # a dozen multiplies the word before it: "three hundred and two dozen" is 300 + 2 * 12
            current += last_unit * (value - 1)
        elif kind == "hundred":
            current = (current or 1.0) * value
        elif partial and value > last_scale:
            partial, last_scale, current = (partial + current) * value, value, 0.0
        else:
            total, partial, last_scale, current = total + partial, (current or 1.0) * value, value, 0.0
    return total + partial + current


def _digit_sections_value(group: list[Atom], language: str) -> float | None:
    """Return the value of digits with scales, one section per digit string ("2,5 milioni" 2.5e6,
    "116 tysięcy 290" 116290)."""
    total, current = 0.0, 0.0
    for index, atom in enumerate(group):
        if atom.kind == "digits":
            scale_word = next((a.word for a in group[index + 1 : index + 2] if a.kind == "scale"), "")
            value = parse_digits(atom.word, language, scale_word)
            if value is None:
                return None
            total, current = total + current, value
        else:
            current *= atom.value
    return total + current


def _group_value(group: list[Atom], text: str, language: str) -> tuple[float | None, float | None]:
    """Return (value, scale) of a grouped number expression."""
    scales = [a for a in group if a.kind == "scale"]
    scale = None
    for atom in scales:
        scale = atom.value if scale is None or atom.value > scale else scale * atom.value
    if group[0].kind == "digits":
        return _digit_sections_value(group, language), scale
    words = text[group[0].start : group[-1].end]
    if language in TEXT2NUM_LANGUAGES and len(group) > 1:
        try:
            return float(text2num(words.lower(), language)), scale
        except ValueError:
            pass
    return compose_words(_word_values(group)), scale


def _word_values(group: list[Atom]) -> list[tuple[str, float]]:
    """Return the (kind, value) words of a group; an Arabic dual of a scale is two of it ("مليونان"),
    unless it follows a number: then its "-ا" form is the scale's accusative ("عشرون ألفا")."""
    values: list[tuple[str, float]] = []
    for index, atom in enumerate(group):
        if atom.word in DUAL_SCALES and (index == 0 or group[index - 1].kind not in ("unit", "hundred")):
            values.append(("unit", 2.0))
        values.append((atom.kind, atom.value))
    return values


def span_from_group(group: list[Atom], text: str, language: str) -> NumberSpan | None:
    """Return the NumberSpan for one group of atoms."""
    first, last = group[0], group[-1]
    if first.kind == "mask":
        return NumberSpan(first.start, first.end, None, None, "mask", False)
    if first.kind == "cjk":
        return NumberSpan(first.start, first.end, first.value, first.value, "exact", True, None)
    if len(group) == 1 and first.kind in ("vague", "approx"):
        kind = "vague" if first.kind == "vague" else "approx"
        value = first.value if kind == "approx" else None
        return NumberSpan(first.start, first.end, value, first.value if kind == "vague" else None, kind, False)
    if len(group) == 1 and first.kind == "scale" and first.word in PLURAL_SCALES:
        return NumberSpan(first.start, first.end, None, first.value, "vague", False)
    if len(group) == 1 and first.kind == "half":
        return None
    if (
        len(group) == 1
        and first.word in ("ciento", "cent")
        and PERCENT_CIENTO_RE.search(text, max(0, first.start - 6), first.start)
    ):
        return None
    if (
        first.kind in ("scale", "hundred")
        and len(group) == 1
        and first.value >= 100
        and SEVERAL_BEFORE_RE.search(text, max(0, first.start - 14), first.start)
    ):
        return NumberSpan(first.start, first.end, None, first.value, "vague", False)
    if len(group) == 1 and first.kind == "hundred" and first.value == 12:
        plural = first.word in DOZEN_PLURALS
        return NumberSpan(
            first.start,
            first.end,
            None if plural else 12.0,
            24.0 if plural else None,
            "vague" if plural else "approx",
            False,
        )
    value, scale = _group_value(group, text, language)
    if value is None:
        return None
    kind = "article" if len(group) == 1 and first.kind == "article" else "exact"
    start = first.start
    if first.kind in ("scale", "hundred") and (article := ARTICLE_BEFORE_RE.search(text, max(0, start - 6), start)):
        start = article.start()
    return NumberSpan(start, last.end, value, value, kind, first.kind == "digits", scale)
