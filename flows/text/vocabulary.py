"""Every enumeration the warehouse stores, defined once: each code with its meaning and kind.

The text stages emit these codes; the warehouse publishes each vocabulary as a table
`vocab.<name>(code, kind, meaning)` that checks and reports join instead of repeating literals,
and docs/DATA_DICTIONARY.md lists them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass


@dataclass(frozen=True)
class Term:
    """One code of a vocabulary: the code, a kind that groups codes, and what it means."""

    code: str
    kind: str
    meaning: str


@dataclass(frozen=True)
class Vocabulary:
    """A closed set of codes stored in one column (`table.column`), with what each kind means."""

    name: str
    column: str
    kinds: str
    terms: tuple[Term, ...]

    @property
    def codes(self) -> tuple[str, ...]:
        """The codes in declaration order."""
        return tuple(t.code for t in self.terms)

    def __contains__(self, code: object) -> bool:
        return code in self.codes

    def __iter__(self) -> Iterator[str]:
        return iter(self.codes)

    def of_kind(self, kind: str) -> frozenset[str]:
        """The codes of one kind."""
        return frozenset(t.code for t in self.terms if t.kind == kind)


FIGURE_QUALIFIERS = Vocabulary(
    "figure_qualifier",
    "figures.qualifier",
    "exact (value is the figure), lower (a floor), upper (a cap), range, approximate, vague",
    (
        Term("exact", "exact", "the number as stated; lower = upper = value"),
        Term("approximately", "approximate", "about, around, some, an estimated: value kept, no bounds"),
        Term("at_least", "lower", "at least, no fewer than, or more: lower = value"),
        Term("more_than", "lower", "more than, over, upwards of: lower = value"),
        Term("almost", "upper", "almost, nearly, close to: upper = value"),
        Term("up_to", "upper", "up to, as many as, as high as: upper = value"),
        Term("at_most", "upper", "at most, no more than, or less: upper = value"),
        Term("less_than", "upper", "less than, fewer than, under: upper = value"),
        Term("range", "range", "between two numbers: lower and upper, no value"),
        Term("vague", "vague", "hundreds, thousands, dozens: no value, lower bound by the word"),
    ),
)

FIGURE_CATEGORIES = Vocabulary(
    "figure_category",
    "figures.category",
    "casualty (people harmed, displaced or held by an event), people, measure",
    (
        Term("killed", "casualty", "people reported dead or killed, bodies found"),
        Term("wounded", "casualty", "people injured, wounded, hurt or shot"),
        Term("displaced", "casualty", "refugees, people who fled, were evacuated or made homeless"),
        Term("missing", "casualty", "people missing or unaccounted for"),
        Term("arrested", "casualty", "people arrested, detained, jailed or held"),
        Term("kidnapped", "casualty", "people abducted or taken hostage"),
        Term("people", "people", "any other count of persons"),
        Term("money", "measure", "an amount of currency (unit: ISO code)"),
        Term("percent", "measure", "a percentage"),
        Term("age", "measure", "the age of a person or thing"),
        Term("duration", "measure", "a span of time (unit: year, month, day, ...)"),
        Term("quantity", "measure", "a physical measurement with a unit (km, tonne, degree, ...)"),
        Term("count", "measure", "any other counted thing"),
    ),
)

ENTITY_LABELS = Vocabulary(
    "entity_label",
    "entity_mentions.label",
    "name (people, organisations and places: the ranked entities), other, value (spaCy's OntoNotes tags "
    "for dates, times and numbers, kept as the English model emits them)",
    (
        Term("PERSON", "name", "a person"),
        Term("ORG", "name", "an organisation: company, agency, party, team, institution"),
        Term("LOC", "name", "a place: country, region, city, facility, geographic feature"),
        Term("NORP", "other", "a nationality, religious or political group (Armenian, Shia)"),
        Term("MISC", "other", "another named thing: event, product, law, work, language"),
        Term("DATE", "value", "a date or period (spaCy OntoNotes tag)"),
        Term("TIME", "value", "a time of day (spaCy OntoNotes tag)"),
        Term("PERCENT", "value", "a percentage (spaCy OntoNotes tag)"),
        Term("MONEY", "value", "an amount of money (spaCy OntoNotes tag)"),
        Term("QUANTITY", "value", "a measurement (spaCy OntoNotes tag)"),
        Term("ORDINAL", "value", "an ordinal: first, 2nd (spaCy OntoNotes tag)"),
        Term("CARDINAL", "value", "a number not covered by another tag (spaCy OntoNotes tag)"),
    ),
)

REMOVAL_REASONS = Vocabulary(
    "removal_reason",
    "removed_noise.reason",
    "phrase (a phrase list drove the line classifier), content (links, labels, script, shape), "
    "learned (repeated by the source), model (no single kind of evidence)",
    (
        Term("share-label trailer", "phrase", "share buttons and their labels (Share, مشاركة :)"),
        Term("read-more link", "phrase", "a link to another article (Read more:, Lire aussi)"),
        Term("copyright line", "phrase", "a copyright or rights notice"),
        Term("contact trailer", "phrase", "contact details: e-mail, phone, SMS or address lines"),
        Term("follow-us plea", "phrase", "a plea to follow the site on social media"),
        Term("newsletter plea", "phrase", "a plea to subscribe to a newsletter or alerts"),
        Term("support plea", "phrase", "a plea to donate or support the publisher"),
        Term("agency credit", "phrase", "a news agency credit line (AFP, Reuters, ...)"),
        Term("source credit", "phrase", "a line naming the source of the article"),
        Term("byline", "content", "the author line"),
        Term("image credit", "phrase", "a photo caption or credit"),
        Term("carousel label", "phrase", "a label of a picture carousel or gallery"),
        Term("timestamp", "content", "a publication or update time line"),
        Term("advertisement", "phrase", "an advertisement marker or line"),
        Term("tags line", "phrase", "a list of tags or topics"),
        Term("label line", "content", "a 'Label: tail' line whose tail is a title or fragment"),
        Term("short edge line", "model", "a short line in the header or trailer block, noise by shape and place"),
        Term("separator", "content", "a line of punctuation or symbols only"),
        Term("end marker", "phrase", "an end-of-article mark (END, ###, -30-)"),
        Term("foreign-script edge line", "content", "an edge line in another script than the body"),
        Term("breadcrumb", "content", "a site navigation path (Home > World > ...)"),
        Term("site link", "phrase", "a site menu, legal or imprint link, 'powered by' line"),
        Term("cookie notice", "phrase", "a cookie banner"),
        Term("paywall notice", "phrase", "a subscription or paywall notice"),
        Term("repeated boilerplate (source)", "learned", "a line repeated across documents of the same source"),
        Term("link line", "content", "a line made mostly of links or web addresses"),
        Term("noise line (model)", "model", "a line the classifier calls noise on its shape, place and neighbours"),
    ),
)

LANGUAGE_REASONS = Vocabulary(
    "language_reason",
    "documents.language_reason",
    "und (why the language is undetermined)",
    (
        Term("empty", "und", "the text has no letters"),
        Term("too short", "und", "too few letters to tell"),
        Term("unidentifiable", "und", "unknown script, or no language scores high enough"),
    ),
)

QUARANTINE_REASONS = Vocabulary(
    "quarantine_reason",
    "quarantine.reason_code",
    "file (a whole input file was refused), record (one JSON line), article (a text stage failed)",
    (
        Term("unsupported_type", "file", "not a .txt or .jsonl/.ndjson file (or gzip of one)"),
        Term("unreadable", "file", "the file could not be opened or read"),
        Term("bad_gzip", "file", "a .gz file that is truncated or not gzip"),
        Term("binary", "file", "NUL bytes: binary content, not text"),
        Term("not_utf8", "file", "text that is neither UTF-8 nor BOM-marked UTF-16"),
        Term("empty", "file", "a file or article with no text"),
        Term("too_large", "file", "a file whose content (decompressed) passes its size limit (the detail names it)"),
        Term("bad_bytes", "record", "a JSON line with invalid UTF-8 or a NUL byte (the detail gives the offset)"),
        Term("line_too_long", "record", "a JSON line longer than the record size limit (the detail names it)"),
        Term("not_jsonl", "file", "a .jsonl file with more bad lines than articles, past a thousand: not JSON Lines"),
        Term("blank_line", "record", "a blank line (`extract` answers every line; `run` skips blank ones)"),
        Term("broken_json", "record", "a line that is not valid JSON"),
        Term("not_an_object", "record", "a JSON line that is not an object"),
        Term("no_text", "record", "a JSON object without a string body under `text` (or an alias)"),
        Term("empty_text", "record", "a JSON object whose body is blank"),
        Term("stage_failed", "article", "a text stage raised on this article; the detail names the stage"),
        Term("article_too_large", "article", "an article longer than the per-article limit, refused before analysis"),
        Term("over_time_budget", "article", "an article whose text stages passed the per-article CPU-time budget"),
    ),
)

VOCABULARIES: tuple[Vocabulary, ...] = (
    FIGURE_QUALIFIERS,
    FIGURE_CATEGORIES,
    ENTITY_LABELS,
    REMOVAL_REASONS,
    LANGUAGE_REASONS,
    QUARANTINE_REASONS,
)
