"""Word lists the entity stage uses as evidence, read once from the package's `data` folder.

Each file names its source in its header: generated from spaCy, pycountry and babel (CLDR) by
`scripts/build_entity_data.py`, or hand-written general vocabulary that no installed package
provides. Lines starting with "#" are comments; `.txt` files hold one entry per line, `.tsv`
files tab-separated rows.
"""

from __future__ import annotations

from importlib.resources import files

_DATA = files("flows.text") / "data"


def read_rows(name: str) -> tuple[tuple[str, ...], ...]:
    """Return the tab-separated rows of a data file, comment and blank lines skipped."""
    text = (_DATA / name).read_text(encoding="utf-8")
    return tuple(tuple(line.split("\t")) for line in text.splitlines() if line.strip() and not line.startswith("#"))


def read_words(*names: str) -> frozenset[str]:
    """Return the entries (one per line) of one or more data files."""
    return frozenset(row[0] for name in names for row in read_rows(name))


PERSON_TITLES = read_words("entities_person_titles.txt")
HONORIFICS = read_words("entities_honorifics.txt")
FIRST_NAMES = read_words("entities_first_names.txt")
PLACE_CUES = read_words("entities_place_cues.txt")
PLACE_FOLLOWERS = read_words("entities_place_followers.txt")
ORG_SUFFIXES = read_words("entities_org_suffixes.txt")
EVENT_WORDS = read_words("entities_event_words.txt")
COMPANY_NOUNS = read_words("entities_company_nouns.txt")
COMPANY_FOLLOWERS = read_words("entities_company_followers.txt")
STOP_WORDS = read_words("entities_stop_words_en.txt")
NON_NAME_ACRONYMS = read_words("entities_abbreviations.txt", "entities_currency_codes.txt")
EXTRA_ACRONYMS = read_words("entities_acronyms.txt")

ORG_ALIASES: tuple[tuple[str, ...], ...] = read_rows("entities_org_aliases.tsv")
COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {row[0]: row[1:] for row in read_rows("places_country_aliases.tsv")}
# (name, country code or None, kind, other names)
REGIONS: tuple[tuple[str, str | None, str, tuple[str, ...]], ...] = tuple(
    (row[0], row[1] or None, row[2], row[3:]) for row in read_rows("places_regions.tsv")
)
# demonym -> country code, or None for a continent, region, former state or people
DEMONYMS: dict[str, str | None] = {
    row[0]: (row[1] if len(row) > 1 else "") or None for row in read_rows("places_demonyms.tsv")
}
# CLDR territory names: (code, language, name); codes are ISO 3166-1 alpha-2 or UN M49 digits
TERRITORY_NAMES: tuple[tuple[str, str, str], ...] = tuple(
    (row[0], row[1], row[2]) for row in read_rows("places_territory_names.tsv")
)
# language -> the countries where it is official (CLDR)
LANGUAGE_TERRITORIES: dict[str, frozenset[str]] = {
    row[0]: frozenset(row[1:]) for row in read_rows("places_language_territories.tsv")
}
