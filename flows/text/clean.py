"""Article cleaning: drop scraper noise at the edges (and strong noise anywhere), repair text.

Signals, not just phrases: a line is judged by its place (header block, trailer block, inline),
its shape (few words, no sentence-final punctuation, a label-like colon, all capitals, wholly
bracketed), its script against the body's, its e-mail/URL/phone content, multilingual phrase
lists (`data/clean_phrases.tsv`), and lines learned as repeated across documents of the same source (`boilerplate.py`).
Site chrome at the edges needs no repetition to be seen: legal/imprint links, cookie banners
(the site speaking in the first person about cookies), paywall notices, "powered by" lines,
form-field labels, pleas addressed to the reader (second person + share/send verbs, inbox
nouns); a run of short lines beside such chrome is a menu, so it is not spared as verse.
Edge blocks are peeled line by line from both ends and stop at the first body line, so a body
sentence is never dropped for being near noise. Every removal carries offsets into the raw text.

`boilerplate` is the record learned for the article's own source (`Boilerplate.for_source`).
Removal reasons (the vocabulary): see `REASONS`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from importlib.resources import files

import ftfy

from flows.text.boilerplate import Boilerplate, line_key
from flows.text.language import count_scripts, main_script
from flows.text.records import CleanedText, Removal
from flows.text.vocabulary import REMOVAL_REASONS

REASONS = REMOVAL_REASONS  # the removal reasons this stage records
SHORT_EDGE_WORDS = 5  # trailer lines with at most this many words and no final stop are noise
VERSE_RUN = 3  # this many short edge lines in a row are verse or a list, not noise
SHORT_BODY_WORDS = 8  # a body ending in a line this short may be verse: keep short lines
FOREIGN_EDGE_WORDS = 10  # edge lines in another script than the body, up to this many words
LABEL_MAX_WORDS = 4  # words before the colon of a label line ("Read more:", "Mehr aus:")
PLEA_MAX_WORDS = 45  # lexicon lines (plea, read-more, contact) longer than this are body
TITLE_CASE_SHARE = 0.6  # share of capitalised words that makes a label's tail a title
# A line longer than this is never judged by the phrase and shape rules (every rule that can call
# a line noise caps it at 60 words): it is body, or a separator at an edge when it has no letter
# or digit. The rules' patterns then only ever run over short lines, whatever the input.
RULE_LINE_CHARS = 2000
FTFY_CONFIG = ftfy.TextFixerConfig(
    unescape_html=False,
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    normalization=None,
)
_PHRASE_ROWS = tuple(
    tuple(line.split("\t", 1))
    for line in (files("flows.text") / "data" / "clean_phrases.tsv").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
)


def _phrase_list(name: str) -> tuple[str, ...]:
    """Return the entries of one list in the package's `clean_phrases.tsv`."""
    return tuple(row[1] for row in _PHRASE_ROWS if row[0] == name)


def _phrases(name: str) -> str:
    """Return one list of `clean_phrases.tsv` as a regex alternation."""
    return "|".join(_phrase_list(name))


def _words_re(phrases: str, head: str = r"^\W*", tail: str = r"\b") -> re.Pattern[str]:
    """Return a case-insensitive regex matching any |-separated phrase between head and tail."""
    return re.compile(f"{head}(?:{phrases}){tail}", re.IGNORECASE)


_SHARE_WORDS = _phrases("share")
_CAROUSEL_WORDS = _phrases("carousel")
SHARE_LABEL_RE = _words_re(_SHARE_WORDS, tail=r"(?:\s*(?:this|it|us))?[\s:!.\-–|•]*$")
SHARE_BAR_PREFIX_RE = re.compile(
    f"^\\s*(?:(?:{_SHARE_WORDS}|{_CAROUSEL_WORDS})(?=\\W|$)[\\s:|•·,/\\-–]*)+", re.IGNORECASE
)
SHARE_BAR_TOKEN_RE = re.compile(f"(?:{_CAROUSEL_WORDS}|{_phrases('share_bar_token')})", re.IGNORECASE)
CAROUSEL_RE = _words_re(_CAROUSEL_WORDS, r"^\W*", r"\b")
CAROUSEL_LINE_RE = re.compile(f"^\\W*(?:(?:{_CAROUSEL_WORDS})\\b\\W*){{1,3}}$", re.IGNORECASE)
READ_MORE_RE = _words_re(_phrases("read_more"))
READ_MORE_TAIL_RE = re.compile(
    r"(?:(?<!\.)\.{2,}+|…)\s*(?:المزيد|more|plus|mehr|más|altro|więcej|"
    r"далее|еще|ещё)\s*$",
    re.IGNORECASE,
)
FOLLOW_RE = _words_re(_phrases("follow"), r"\b", r"\b")
NEWSLETTER_RE = _words_re(_phrases("newsletter"), r"\b", r"")
# Literal substrings of FOLLOW_RE/NEWSLETTER_RE phrases: a cheap pre-filter before the regex.
PLEA_HINTS = _phrase_list("plea_hint")
INLINE_PLEA_RE = re.compile(f"(?P<follow>{FOLLOW_RE.pattern})|(?P<newsletter>{NEWSLETTER_RE.pattern})", re.IGNORECASE)
NEWSLETTER_NOUN_RE = _words_re(_phrases("newsletter_noun"), r"\b", r"\b")
SUPPORT_RE = _words_re(_phrases("support"), r"\b", r"")
# Cue groups of a reader-funding plea: who speaks to the reader, about what medium, for what.
PLEA_ADDRESS_RE = _words_re(_phrases("plea_address"), r"\b", r"\b")
PLEA_MEDIUM_RE = _words_re(_phrases("plea_medium"), r"\b", r"\b")
PLEA_MONEY_RE = _words_re(_phrases("plea_money"), r"\b", r"\b")
COPYRIGHT_RE = _words_re(_phrases("copyright"), r"(?:^|\b|(?=©))", r"")
COPYRIGHT_START_RE = _words_re(r"©|copyright\s*(?:©|\(c\)|\d{4}|by\b)|\(c\)\s*\d{4}", r"^\W*", r"")
ADVERT_RE = _words_re(_phrases("advert"), r"^\W*", r"\W*$")
END_MARKER_RE = _words_re(_phrases("end_marker"), r"^[\W_]*", r"[\W_]*$")
SOURCE_CREDIT_RE = _words_re(_phrases("source_credit"), r"^\W*", r"")
AGENCY_RE = _words_re(_phrases("agency"), r"^[\W_]*", r"[\W_]*$")
BYLINE_HEAD_RE = re.compile(
    r"^(?:by|par|von|por|di|od|da|автор|авторы|بقلم|كتب)[:\s]+"
    r"[^\d.!?]{2,60}\.?$",
    re.IGNORECASE,
)
BYLINE_DASH_RE = re.compile(r"^[—–-]{1,2}\s*[^\W\d][^\d.!?]{1,50}$")
IMAGE_RE = _words_re(_phrases("image"), r"^[\[(]?\s*", r"\s*(?:by|via|de|von|:|©|-|–)")
CAPTION_TAIL_RE = re.compile(
    r"^[^.!?]{10,250}[.!?]\s+(?:[^\W\d]+\s+)?(?:фото|photo|foto|"
    r"zdjęcie|صورة)$",
    re.IGNORECASE,
)
GLUED_CREDIT_RE = re.compile(
    r"(?<=[^\W\d_][.!?])\s*((?:foto|photo|фото|bild|zdjęcie|image|"
    r"imagen|immagine)\s*:\s*[^.!?]{1,60}\.?)$",
    re.IGNORECASE,
)
TIMESTAMP_WORD_RE = _words_re(_phrases("timestamp_word"), r"\b", r"")
TIME_RE = re.compile(r"\b\d{1,2}\s?[:h.]\s?\d{2}\b")
DATE_RE = re.compile(
    r"\b\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\b|\b\d{1,2}\.? [^\W\d]{3,12}\.? "
    r"\d{4}\b|\b[^\W\d]{3,12}\.? \d{1,2},? \d{4}\b"
)
# Contact patterns start only where a run of their characters starts and never give back what
# they consumed (possessive), so a long run without "@" or a TLD costs one pass, not one per start.
EMAIL_RE = re.compile(r"(?<![\w.+-])[\w.+-]++@[\w-]++(?:\.[\w-]++)+")
URL_RE = re.compile(
    r"https?://\S+|www\.\S+|(?<![\w-])[\w-]++\.(?:com|net|org|info|co\.uk|de|fr|ru|it|"
    r"pl|es|sa|ae)\b(?:/\S*)?",
    re.IGNORECASE,
)
PHONE_RE = re.compile(r"(?:\+|\b)\d[\d\s().-]{6,}\d\b")
CONTACT_RE = _words_re(_phrases("contact"), r"\b", r"")
TAGS_RE = _words_re(_phrases("tags"), r"^\W*", r"\s*:")
BREADCRUMB_RE = re.compile(r"^[^.!?]*?(?:\s[>»›|/]\s[^.!?]*?){2,}$")
SHARE_CUE_RE = _words_re(_phrases("share_cue"), r"\b", r"\b")
FRIEND_CUE_RE = _words_re(_phrases("friend_cue"), r"\b", r"\b")
# Site chrome at the page's edges: legal/imprint links, cookie banners, "powered by" lines,
# paywall notices (en, fr, de, es, it, pl, ru, ar, pt, nl).
SITE_LINK_RE = _words_re(_phrases("site_link"), r"^\W*", r"\b")
COOKIE_NOTICE_RE = _words_re(_phrases("cookie_notice"), r"\b", r"")
POWERED_BY_RE = _words_re(_phrases("powered_by"), r"\b", r"\b")
PAYWALL_RE = _words_re(_phrases("paywall"), r"\b", r"")
SITE_CHROME_REASONS = frozenset({"site link", "cookie notice", "paywall notice"})
LINK_AFTER_COLON_RE = re.compile(r":\s*([^:.!?]{3,40})$")  # "To find out more, see: Cookie Policy"
# A form field's label: a required-field star, or the reader addressed ("Your e-mail:").
FORM_LABEL_RE = re.compile(
    r":\s*\*\s*$|^\W*(?:your|votre|vos|ihr\w*|dein\w*|wenn du|si vous|tu|"
    r"tus?|su|tuo|tua|twój|twoja|twoje|ваш\w*|твой|твоя)\b[^.!?]{0,60}:\s*$",
    re.IGNORECASE,
)
FORM_LABEL_WORDS = 10
SITE_LINK_WORDS = 6  # a legal/imprint link line has at most this many words
SITE_NOTICE_WORDS = 60  # cookie, licence and paywall notices up to this many words
READER_RE = _words_re(_phrases("reader"), r"\b", r"\b")  # the reader, addressed in the second person
SHARE_PLEA_WORDS = 14  # a trailer line this short asking to pass the article on is a share plea
# A dateline is body even when a whole batch repeats it, so learned boilerplate spares it.
NAME_DASH_PLACE_RE = re.compile(r"^[^\W\d][^\d.!?:]{1,40}\s[–—-]\s*[^\W\d][^\d.!?:]{1,30}$")
DATELINE_WORDS = 12
LABEL_RE = re.compile(r"^\W*([^:\n]{1,40}?)\s*:\s*(.+)$")
SENTENCE_END_RE = re.compile(r"[.!?…。！？؟][\"'”’»“‟)\]]*\s*$")
INNER_SENTENCE_RE = re.compile(r"[.!?؟…][\"'”’»“]*\s+\S")
QUOTE_START_RE = re.compile(r"^\s*[\"'„“”«‹‚]")
LIST_ITEM_RE = re.compile(r"^\s*(?:[-•·▪●]\s|\d|\*NUMBER\*)")  # "* " marks credits, not lists
GLUED_SENTENCE_RE = re.compile(
    r"(?<=[^\W\d_]{2}[.!?])(?=[«\"“„]?[A-ZÀ-ÖØ-ÞА-ЯЁ])|"
    r"(?<=[.!?])\s+(?=[(\[])"
)
CAPITALISED_RE = re.compile(r"^[\W\d]*[A-ZÀ-ÖØ-ÞА-ЯЁ]")
ALL_CAPS_RE = re.compile(r"^[^a-zà-öø-ÿа-яё]*[A-ZÀ-ÖØ-ÞА-ЯЁ]{2}[^a-zà-öø-ÿа-яё]*$")
WHOLLY_BRACKETED_RE = re.compile(r"^\s*[(\[][^()\[\]]{2,160}[)\]]\s*$")
PAREN_CREDIT_RE = re.compile(r"^[^\W\d][^.!?()]{1,40}\(\s*[^\W\d][^()]{0,30}\)\s*$")
LETTER_RE = re.compile(r"[^\W\d_]")
DIGIT_RE = re.compile(r"\d")
WORD_RE = re.compile(r"[^\W\d_]\S*")  # one hit per whitespace-separated token with a letter
LINE_RE = re.compile(r"[^\n]+")
INVISIBLE_RE = re.compile(r"[\u200b\u2060\ufeff]")  # ZWNJ/ZWJ are kept: Persian, Indic
SPACE_VARIANTS_RE = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000\t\f\v]")
CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# A UTF-8 lead byte read as Latin-1/cp1252 followed by a continuation-byte glyph ("Ã©", "â€™").
MOJIBAKE_HINT_RE = re.compile(
    "[\u00c2-\u00c3\u00c5\u00c6\u00ce\u00cf\u00d0\u00d1\u00d8\u00d9"
    "\u00e2][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e"
    "\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]"
)
MULTISPACE_RE = re.compile(r" {2,}")
NOT_NEWLINE_RE = re.compile(r"[^\n]")


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
    """Return a line as rules see it: mojibake fixed, NFC, no invisible or odd spaces."""
    text = SPACE_VARIANTS_RE.sub(" ", INVISIBLE_RE.sub("", fix_mojibake(text)))
    return MULTISPACE_RE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def word_count(text: str) -> int:
    """Return the number of whitespace-separated tokens that contain a letter."""
    return len(WORD_RE.findall(text))


def ends_sentence(text: str) -> bool:
    """Return whether text ends with sentence-final punctuation."""
    return SENTENCE_END_RE.search(text) is not None


def is_title_like(text: str) -> bool:
    """Return whether most words of text start with a capital (a headline, not a sentence)."""
    words = [w for w in text.split() if LETTER_RE.search(w) and len(w) > 3]
    return len(words) >= 3 and sum(bool(CAPITALISED_RE.match(w)) for w in words) >= (TITLE_CASE_SHARE * len(words))


def strong_reason(text: str) -> str | None:
    """Return the reason a line is noise wherever it stands, or None."""
    if len(text) > RULE_LINE_CHARS:
        return None
    words = word_count(text)
    if ADVERT_RE.match(text):
        return "advertisement"
    if SHARE_LABEL_RE.match(text) and words <= 6:
        return "share-label trailer"
    if CAROUSEL_LINE_RE.match(text):
        return "carousel label"
    if READ_MORE_RE.match(text) and words <= 30 and _looks_like_link(text):
        return "read-more link"
    plea = INLINE_PLEA_RE.search(text) if words <= PLEA_MAX_WORDS and _has_plea_hint(text) else None
    if plea is not None and plea.lastgroup == "follow":
        return "follow-us plea"
    if plea is not None and (NEWSLETTER_NOUN_RE.search(text) or (words <= 8 and not ends_sentence(text))):
        return "newsletter plea"
    if COPYRIGHT_START_RE.match(text) and words <= 30:
        return "copyright line"
    if AGENCY_RE.match(text):
        return "agency credit"
    if IMAGE_RE.match(text) and words <= 15 and not ends_sentence(text.rstrip(")]")):
        return "image credit"
    if words <= 40 and CAPTION_TAIL_RE.search(text):
        return "image credit"
    return None


def _has_plea_hint(text: str) -> bool:
    """Return whether a line holds a substring every follow/newsletter plea pattern needs."""
    lowered = text.casefold()
    return any(hint in lowered for hint in PLEA_HINTS)


def _looks_like_link(text: str) -> bool:
    """Return whether a read-more line is a link: a separator, or short with no final stop."""
    head = READ_MORE_RE.match(text)
    rest = text[head.end() :] if head else text
    if rest.lstrip()[:1] in {":", "-", "–", "—", "…", "»", "|", ""}:
        return True
    return word_count(text) <= 15 and not ends_sentence(text)


def edge_reason(text: str, body_script: str, trailer: bool) -> str | None:
    """Return the reason a line in a header/trailer block is noise, or None."""
    words = word_count(text)
    if not LETTER_RE.search(text) and not TIME_RE.search(text):
        return "separator" if not any(ch.isdigit() for ch in text) else None
    if END_MARKER_RE.match(text):
        return "end marker"
    if words <= 30 and COPYRIGHT_RE.search(text):
        return "copyright line"
    if _is_timestamp(text, words):
        return "timestamp"
    if words <= 25 and SOURCE_CREDIT_RE.match(text):
        return "source credit"
    if _is_contact(text, words):
        return "contact trailer"
    if words <= FOREIGN_EDGE_WORDS and not ends_sentence(text) and _script_of_text(text) not in {body_script, "none"}:
        return "foreign-script edge line"
    if BYLINE_HEAD_RE.match(text) and words <= 6 and not trailer:
        return "byline"
    if BREADCRUMB_RE.match(text) and words <= 12:
        return "breadcrumb"
    notice = site_notice_reason(text, words, trailer)
    if notice is not None:
        return notice
    if trailer:
        return trailer_reason(text, words)
    return None


def site_notice_reason(text: str, words: int, trailer: bool) -> str | None:
    """Return the reason an edge line is site chrome (legal link, banner, paywall), or None."""
    if words <= SITE_LINK_WORDS and not ends_sentence(text) and SITE_LINK_RE.match(text):
        return "site link"
    link = LINK_AFTER_COLON_RE.search(text) if words <= 12 else None
    if link is not None and SITE_LINK_RE.match(link.group(1)):
        return "site link"
    if words <= SITE_NOTICE_WORDS and COOKIE_NOTICE_RE.search(text):
        return "cookie notice"
    if words <= SITE_NOTICE_WORDS and PAYWALL_RE.search(text):
        return "paywall notice"
    if not trailer:
        return None
    if words <= 10 and POWERED_BY_RE.search(text):
        return "site link"
    if words <= FORM_LABEL_WORDS and FORM_LABEL_RE.search(text):
        return "label line"
    if words <= SITE_NOTICE_WORDS and COPYRIGHT_START_RE.match(text) and COPYRIGHT_RE.search(text, 1):
        return "copyright line"
    return None


def trailer_reason(text: str, words: int) -> str | None:
    """Return the reason a line in the trailer block is noise (shape rules), or None."""
    if words <= PLEA_MAX_WORDS and (SUPPORT_RE.search(text) or _is_reader_plea(text, words)):
        return "support plea"
    if words <= SHARE_PLEA_WORDS and _is_share_plea(text):
        return "share-label trailer"
    if words <= 3 and READ_MORE_TAIL_RE.search(text):
        return "read-more link"
    if TAGS_RE.match(text) and words <= 40:
        return "tags line"
    if BYLINE_DASH_RE.match(text) and words <= 5:
        return "byline"
    if WHOLLY_BRACKETED_RE.match(text) and words <= 20 and not ends_sentence(text[:-1]):
        return "agency credit"
    if LIST_ITEM_RE.match(text):
        return None
    if (PAREN_CREDIT_RE.match(text) or ALL_CAPS_RE.match(text)) and words <= 6:
        return "agency credit"
    label = _label_reason(text)
    if label is not None:
        return label
    if words <= SHORT_EDGE_WORDS and not ends_sentence(text):
        return "short edge line"
    if words <= 25 and NEWSLETTER_NOUN_RE.search(text) and PLEA_ADDRESS_RE.search(text):
        return "newsletter plea"
    return None


def _is_share_plea(text: str) -> bool:
    """Return whether a line asks the reader to pass the article on to friends."""
    if FRIEND_CUE_RE.search(text) is None:
        return False
    if SHARE_CUE_RE.search(text) is not None or text.rstrip().endswith(("?", "!")):
        return True
    return "?" in text and READER_RE.search(text) is not None  # "Your friends? Send it on."


def _is_reader_plea(text: str, words: int) -> bool:
    """Return whether a trailer line addresses the reader about the medium (and money)."""
    medium = len(PLEA_MEDIUM_RE.findall(text))
    if medium == 0:
        return False
    if words <= 12 and not ends_sentence(text) and medium >= 2:
        return True
    addressed = PLEA_ADDRESS_RE.search(text) is not None
    return addressed and (medium >= 2 or PLEA_MONEY_RE.search(text) is not None)


def _label_reason(text: str) -> str | None:
    """Return a reason for a 'Label: tail' line whose tail is a title or a fragment, or None."""
    match = LABEL_RE.match(text)
    if match is None or word_count(match.group(1)) > LABEL_MAX_WORDS:
        return None
    tail = match.group(2)
    if word_count(tail) > 20 or (ends_sentence(tail) and not is_title_like(tail)):
        return None
    if INNER_SENTENCE_RE.search(tail) or QUOTE_START_RE.match(tail):
        return None
    if READ_MORE_RE.match(text):
        return "read-more link"
    return "tags line" if tail.count(",") >= 2 else "label line"


def _is_timestamp(text: str, words: int) -> bool:
    """Return whether a line is a crawl/publication timestamp rather than prose."""
    if words > 16:
        return False
    has_time = TIME_RE.search(text) is not None
    if TIMESTAMP_WORD_RE.search(text) and (has_time or DATE_RE.search(text) is not None):
        return not ends_sentence(text)
    return has_time and words <= 4 and not ends_sentence(text)


def _is_contact(text: str, words: int) -> bool:
    """Return whether a line is a contact trailer (e-mail, phone, SMS or URL heavy)."""
    if words > PLEA_MAX_WORDS:
        return False
    if EMAIL_RE.search(text):
        return words <= 12 or not ends_sentence(text) or CONTACT_RE.search(text) is not None
    if PHONE_RE.search(text) and CONTACT_RE.search(text):
        return True
    return URL_RE.search(text) is not None and words <= 8 and not ends_sentence(text)


def _script_of_text(text: str) -> str:
    """Return the dominant script of a line's letters ("none" if it has none)."""
    text = text[share_bar_prefix(text) :]
    counts = count_scripts(EMAIL_RE.sub(" ", URL_RE.sub(" ", text)))
    return main_script(counts) if counts else "none"


def line_reason(text: str, place: str, body_script: str, learned: frozenset[str]) -> str | None:
    """Return why a normalised line is noise at its place ("header", "trailer", "inline")."""
    if len(text) > RULE_LINE_CHARS:
        return long_line_reason(text, place)
    reason = strong_reason(text)
    if reason is None and learned and line_key(text) in learned and not is_dateline(text):
        reason = "repeated boilerplate (source)"
    if reason is None and place != "inline":
        reason = edge_reason(text, body_script, trailer=place == "trailer")
    return reason


def long_line_reason(text: str, place: str) -> str | None:
    """Return "separator" for a long edge line without letters or digits, else None (body)."""
    if place == "inline" or LETTER_RE.search(text) or DIGIT_RE.search(text):
        return None
    return "separator"


def is_dateline(text: str) -> bool:
    """Return whether a line reads as a dateline ("Name – City", "City 10 August 2015 Agency")."""
    words = word_count(text)
    if words <= DATELINE_WORDS and NAME_DASH_PLACE_RE.match(text):
        return True
    return words <= DATELINE_WORDS and DATE_RE.search(text) is not None and not ends_sentence(text)


def share_bar_prefix(text: str) -> int:
    """Return the length of a leading share bar / carousel label in a line (0 if none)."""
    match = SHARE_BAR_PREFIX_RE.match(text)
    if match is None or len(SHARE_BAR_TOKEN_RE.findall(match.group())) < 2:
        return 0
    return len(match.group().rstrip())


def glued_tail(text: str, body_script: str, learned: frozenset[str]) -> tuple[int, str] | None:
    """Return (offset, reason) of trailing noise glued onto a body line, or None."""
    cuts = [m.start() for m in GLUED_SENTENCE_RE.finditer(text)]
    tail_more = READ_MORE_TAIL_RE.search(text)
    if tail_more is not None:
        return tail_more.start(), "read-more link"
    found = None
    for cut in reversed(cuts):
        tail = normalise_line(text[cut:])
        reason = line_reason(tail, "trailer", body_script, learned)
        if reason is None or not LETTER_RE.search(tail):
            break
        found = (cut, reason)
    return found


def body_script_of(lines: list[Line]) -> str:
    """Return the script of the body: that of the longest lines (half the text or more)."""
    ranked = sorted(lines, key=lambda line: len(line.text), reverse=True)
    sample, size = [], 0
    for line in ranked:
        sample.append(line.text)
        size += len(line.text)
        if size >= 1500:
            break
    counts = count_scripts(" ".join(sample))
    return main_script(counts) if counts else "none"


def peel_edge(
    lines: list[Line], order: list[int], place: str, body_script: str, learned: frozenset[str]
) -> tuple[dict[int, str], int | None]:
    """Return {line index: reason} for the noise block at one edge, and the first body index."""
    found: dict[int, str] = {}
    longest = max(range(len(lines)), key=lambda i: len(lines[i].text), default=-1)
    for index in order:
        text = normalise_line(lines[index].text)
        reason = line_reason(text, place, body_script, learned)
        if reason is None or (index == longest and strong_reason(text) is None):
            return found, index
        found[index] = reason
    return found, None


def glued_credit(text: str) -> re.Match[str] | None:
    """Return the match of a photo credit glued after a line's last sentence, if any."""
    if ":" not in text[-80:]:
        return None
    return GLUED_CREDIT_RE.search(text, max(0, len(text) - 80))


def spare_verse(found: dict[int, str], lines: list[Line], last_body: int | None) -> dict[int, str]:
    """Return trailer removals without short lines that look like verse or a list."""
    short = sorted(i for i, reason in found.items() if reason == "short edge line")
    body_is_short = last_body is not None and word_count(lines[last_body].text) <= (SHORT_BODY_WORDS)
    runs = [run for run in _runs(short) if not _touches_site_chrome(run, found)]
    spared = {i for run in runs for i in run if body_is_short or len(run) >= VERSE_RUN}
    return {i: reason for i, reason in found.items() if i not in spared}


def _touches_site_chrome(run: list[int], found: dict[int, str]) -> bool:
    """Return whether a run of short lines borders site chrome: a menu, not verse."""
    return any(found.get(i) in SITE_CHROME_REASONS for i in (run[0] - 1, run[-1] + 1))


def _runs(indices: list[int]) -> list[list[int]]:
    """Return runs of consecutive integers in a sorted list."""
    runs: list[list[int]] = []
    for index in indices:
        if runs and runs[-1][-1] == index - 1:
            runs[-1].append(index)
        else:
            runs.append([index])
    return runs


def find_removals(raw: str, learned: frozenset[str]) -> list[Removal]:
    """Return every noise span of raw (offsets into raw), sorted by start."""
    lines = split_lines(raw)
    script = body_script_of(lines)
    indices = list(range(len(lines)))
    trailer, last_body = peel_edge(lines, indices[::-1], "trailer", script, learned)
    trailer = spare_verse(trailer, lines, last_body)
    head_order = [i for i in indices if i not in trailer]
    header, first_body = peel_edge(lines, head_order, "header", script, learned)
    found = {**trailer, **header}
    removals = [Removal(lines[i].start, lines[i].end, lines[i].text, r) for i, r in found.items()]
    for index in indices:
        if index in found:
            continue
        reason = line_reason(normalise_line(lines[index].text), "inline", script, learned)
        if reason is not None:
            removals.append(Removal(lines[index].start, lines[index].end, lines[index].text, reason))
        elif (credit := glued_credit(lines[index].text)) is not None:
            start = lines[index].start + credit.start(1)
            removals.append(Removal(start, lines[index].end, credit.group(1), "image credit"))
    removals += partial_removals(lines, first_body, last_body, script, learned)
    return drop_nested(removals)


def drop_nested(removals: list[Removal]) -> list[Removal]:
    """Return removals sorted by start, without any span inside an earlier one."""
    kept: list[Removal] = []
    for removal in sorted(removals, key=lambda r: (r.start, -r.end)):
        if not kept or removal.end > kept[-1].end:
            kept.append(removal)
    return kept


def partial_removals(
    lines: list[Line], first_body: int | None, last_body: int | None, script: str, learned: frozenset[str]
) -> list[Removal]:
    """Return noise glued inside the first body line (share bar) and last body line (tail)."""
    found: list[Removal] = []
    if first_body is not None:
        line = lines[first_body]
        cut = share_bar_prefix(line.text)
        if cut:
            reason = "carousel label" if CAROUSEL_RE.match(line.text) else "share-label trailer"
            found.append(Removal(line.start, line.start + cut, line.text[:cut], reason))
    if last_body is not None:
        line = lines[last_body]
        tail = glued_tail(line.text, script, learned)
        if tail is not None:
            cut = tail[0]
            found.append(Removal(line.start + cut, line.end, line.text[cut:], tail[1]))
    return found


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


def fix_mojibake(text: str) -> str:
    """Return text with mis-decoded UTF-8 repaired by ftfy (only when a hint of it is seen)."""
    if MOJIBAKE_HINT_RE.search(text) is None or not ftfy.badness.is_bad(text):
        return text
    return ftfy.fix_text(text, FTFY_CONFIG)


def tidy_whitespace(text: str) -> str:
    """Return text without trailing white space at its end.

    Spaces inside the text are left as they are on purpose (and removed noise is blanked, not
    cut): offsets into the clean text stay equal to offsets into the raw text, so figures and
    entities line up with the raw article (and with gold spans written against it).
    """
    return text.rstrip()


def blank_spans(raw: str, removals: list[Removal]) -> str:
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


def clean_article(text: str, boilerplate: Boilerplate | None = None) -> CleanedText:
    """Return the article body without scraper noise, with every removal and repair listed."""
    raw = text or ""
    learned = boilerplate.keys() if boilerplate is not None else frozenset()
    removals = find_removals(raw, learned)
    clean, repairs = repair_text(blank_spans(raw, removals))
    return CleanedText(clean_text=clean, removed=tuple(removals), repairs=repairs)
