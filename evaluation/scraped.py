"""Weakly labelled scraper output: lines of real pages marked noise or body, to train and to score cleaning.

Labels come from the answers the shared page sets carry, never from the cleaning dev gold:
- `scrapinghub_aeb`, `newspaper4k_pages`: the naive text of a whole page against its gold article
  body. A page line that is a line of the body, or a long stretch of it, is body; a line that shares
  no word trigram with the body is noise; the rest (partial overlaps, and the few longer lines just
  above the body, where headline, standfirst and byline sit) stay unlabelled.
- `trafilatura_eval`: lines holding a `must_contain` segment are body, lines holding a
  `must_not_contain` segment are noise (the segment must be found in one line, not in both kinds).
- `saudinewsnet_boilerplate`: raw crawler articles picked for their trailers (heuristic tags): the
  short closing lines of an article tagged with a trailer kind are noise, its long sentence lines body.
- `corpus_repeats`: in the news corpora, lines repeated in several articles of one source are noise;
  long sentence lines found once are body. Documents of any gold set are left out.

Every set is split in two by `evaluation.split` with the page's source (URL host, newspaper or corpus
file) as the unit, so no site has pages in both halves: the line classifier trains on the tune half
only, and `newsetl evaluate` scores `extract` on the check half.
"""

from __future__ import annotations

import ast
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from evaluation.cleaning import squash
from evaluation.gold import read_jsonl, run_extract
from evaluation.split import assign_halves

PAGE_SETS = ("scrapinghub_aeb", "newspaper4k_pages", "trafilatura_eval", "saudinewsnet_boilerplate")
DATASETS = (*PAGE_SETS, "corpus_repeats")
NOISE, BODY = "noise", "body"

LONG_BODY_CHARS = 40  # a page line this long found inside the body is body, even if the body joins it to more
ABOVE_BODY_LINES = 3  # longer lines this close above the first body line may be headline or byline: unlabelled
ABOVE_BODY_WORDS = 4
TRAILER_TAGS = frozenset(
    {
        "author_email_trailer",
        "carousel_next_previous",
        "timestamp_trailer",
        "aawsat_more_link",
        "syndication_credit",
        "sms_contact_trailer",
        "contact_writer_label",
        "agency_credit",
        "read_full_link",
    }
)
TRAILER_MAX_LINES = 3
TRAILER_MAX_WORDS = 12
BODY_MIN_WORDS = 15  # an unrepeated line this long ending a sentence counts as body in the corpora and trailers
REPEAT_MIN_DOCS = 3  # a line in this many articles of one source is that source's boilerplate
REPEAT_MIN_CHARS = 3
SENTENCE_END_RE = re.compile(r"[.!?؟…。][\"'”’»)]*$")
WORD_RE = re.compile(r"\w+")


@dataclass(frozen=True)
class WeakLine:
    """One labelled line of a page: offsets into `WeakPage.text` (no line break inside) and its label."""

    start: int
    end: int
    label: str


@dataclass(frozen=True)
class WeakPage:
    """A page or article as a scraper left it, with the lines that have a weak label."""

    dataset: str
    page_id: str
    source: str
    language: str
    url: str | None
    text: str
    lines: tuple[WeakLine, ...]


@dataclass(frozen=True)
class _Line:
    start: int
    end: int
    text: str  # squashed


def _lines(text: str) -> list[_Line]:
    """The non-blank lines of text with their offsets (the stripped extent) and squashed text."""
    found, position = [], 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            start = position + raw.index(stripped[0])
            found.append(_Line(start, start + len(stripped), squash(stripped)))
        position += len(raw) + 1
    return found


def _trigrams(text: str) -> set[tuple[str, ...]]:
    words = WORD_RE.findall(text.lower())
    return {tuple(words[i : i + 3]) for i in range(len(words) - 2)} or ({tuple(words)} if words else set())


def _words(text: str) -> int:
    return len(text.split())


def _host(url: str | None) -> str:
    host = urlsplit(url or "").hostname or ""
    return host.removeprefix("www.")


def label_against_body(text: str, body: str) -> tuple[WeakLine, ...]:
    """Label the lines of a page's text against its article body (see the module docstring)."""
    lines = _lines(text)
    body_text = squash(body)
    body_lines = {squash(line) for line in body.split("\n") if line.strip()}
    body_grams = _trigrams(body_text)
    labels: dict[int, str] = {}
    for index, line in enumerate(lines):
        if line.text in body_lines or (len(line.text) >= LONG_BODY_CHARS and line.text in body_text):
            labels[index] = BODY
        elif line.text not in body_text and not (_trigrams(line.text) & body_grams):
            labels[index] = NOISE
    body_indices = [i for i, label in labels.items() if label == BODY]
    if body_indices:
        first = min(body_indices)
        for index in range(max(0, first - ABOVE_BODY_LINES), first):
            if _words(lines[index].text) >= ABOVE_BODY_WORDS:
                labels.pop(index, None)
    return tuple(WeakLine(lines[i].start, lines[i].end, label) for i, label in sorted(labels.items()))


def label_segments(text: str, keep: Sequence[str], drop: Sequence[str]) -> tuple[WeakLine, ...]:
    """Label the lines holding a must-contain (body) or must-not-contain (noise) segment."""
    labels: dict[int, set[str]] = defaultdict(set)
    lines = _lines(text)
    for label, segments in ((BODY, keep), (NOISE, drop)):
        for segment in (squash(s) for s in segments):
            for index, line in enumerate(lines):
                if segment and segment in line.text:
                    labels[index].add(label)
    single = [(i, kinds.pop()) for i, kinds in sorted(labels.items()) if len(kinds) == 1]
    return tuple(WeakLine(lines[i].start, lines[i].end, label) for i, label in single)


def label_trailer(text: str, tags: Iterable[str]) -> tuple[WeakLine, ...]:
    """Label a tagged article's short closing lines noise and its long sentence lines body."""
    lines = _lines(text)
    labels: dict[int, str] = {}
    if TRAILER_TAGS.intersection(tags):
        for index in range(len(lines) - 1, max(-1, len(lines) - 1 - TRAILER_MAX_LINES), -1):
            if _words(lines[index].text) > TRAILER_MAX_WORDS:
                break
            labels[index] = NOISE
    for index, line in enumerate(lines):
        if index not in labels and _is_body_sentence(line.text):
            labels[index] = BODY
    return tuple(WeakLine(lines[i].start, lines[i].end, label) for i, label in sorted(labels.items()))


def _is_body_sentence(text: str) -> bool:
    return _words(text) >= BODY_MIN_WORDS and SENTENCE_END_RE.search(text) is not None


def label_repeats(texts: Sequence[str]) -> list[tuple[WeakLine, ...]]:
    """Label the lines of one source's articles: repeated in several of them noise, long unique sentences body."""
    per_doc = [_lines(text) for text in texts]
    seen = Counter(text for lines in per_doc for text in {line.text for line in lines})
    labelled = []
    for lines in per_doc:
        labels = []
        for line in lines:
            if seen[line.text] >= REPEAT_MIN_DOCS and len(line.text) >= REPEAT_MIN_CHARS:
                labels.append(WeakLine(line.start, line.end, NOISE))
            elif seen[line.text] == 1 and _is_body_sentence(line.text):
                labels.append(WeakLine(line.start, line.end, BODY))
        labelled.append(tuple(labels))
    return labelled


def _segments(value: Any) -> list[str]:
    """A list of segments, stored as a list or as its Python repr."""
    if isinstance(value, list):
        return [str(v) for v in value]
    parsed = ast.literal_eval(value) if isinstance(value, str) and value.startswith("[") else []
    return [str(v) for v in parsed]


def gold_ids(gold_dir: Path) -> frozenset[str]:
    """Ids of every document of a gold set (and the corpus records they came from): never training data."""
    ids: set[str] = set()
    for path in sorted(gold_dir.rglob("*.jsonl")):
        for row in read_jsonl(path):
            ids.add(str(row.get("id")))
            source = row.get("source")
            if isinstance(source, dict) and source.get("id"):
                ids.add(str(source["id"]))
    return frozenset(ids)


def _page_sets(scraped_dir: Path, excluded: frozenset[str]) -> Iterator[WeakPage]:
    for dataset in PAGE_SETS:
        path = scraped_dir / f"{dataset}.jsonl"
        for row in read_jsonl(path) if path.is_file() else []:
            page_id = str(row["id"])
            if page_id in excluded:
                continue
            url = row.get("url")
            if dataset == "saudinewsnet_boilerplate":
                text = row["raw_text"]
                lines = label_trailer(text, row.get("boilerplate_tags_heuristic") or [])
                source = str(row.get("newspaper") or _host(url))
            elif dataset == "trafilatura_eval":
                text = row["page_text"]
                lines = label_segments(text, _segments(row["must_contain"]), _segments(row["must_not_contain"]))
                source = _host(url) or page_id
            else:
                text = row["page_text"]
                body = row.get("gold_article_body") or row.get("expected_article_text") or ""
                lines = label_against_body(text, body)
                source = _host(url) or page_id
            yield WeakPage(dataset, page_id, source, str(row.get("lang") or ""), url, text, lines)


def _corpus_repeats(corpus_dir: Path, excluded: frozenset[str]) -> Iterator[WeakPage]:
    for path in sorted(corpus_dir.glob("*.jsonl")):
        by_source: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for row in read_jsonl(path):
            if str(row["id"]) not in excluded and row.get("text"):
                source = str(row.get("newspaper") or _host(row.get("url")) or path.stem)
                by_source[f"{path.stem}:{source}"].append(row)
        for source, rows in sorted(by_source.items()):
            for row, lines in zip(rows, label_repeats([r["text"] for r in rows]), strict=True):
                if lines:
                    page_id, language = str(row["id"]), str(row.get("lang") or "")
                    yield WeakPage("corpus_repeats", page_id, source, language, row.get("url"), row["text"], lines)


def all_pages(shared_dir: Path) -> list[WeakPage]:
    """Every weakly labelled page of the shared material, gold documents left out."""
    excluded = gold_ids(shared_dir / "gold")
    corpus = shared_dir / "corpus"
    return [*_page_sets(corpus / "scraped", excluded), *_corpus_repeats(corpus, excluded)]


def weak_pages(shared_dir: Path, half: str | None = "tune") -> list[WeakPage]:
    """The weakly labelled pages of one half ("tune", "check") or of both (None), in a fixed order."""
    pages = all_pages(shared_dir)
    if half is None:
        return pages
    half_of = assign_halves({(page.dataset, f"{page.dataset}/{page.source}") for page in pages})
    return [page for page in pages if half_of[f"{page.dataset}/{page.source}"] == half]


def removed_share(line: WeakLine, removed: Sequence[dict[str, Any]]) -> float:
    """The share of a line's characters inside the removed spans of an `extract` record."""
    covered = sum(max(0, min(line.end, r["end"]) - max(line.start, r["start"])) for r in removed)
    return covered / max(1, line.end - line.start)


def score_pages(pages: Sequence[WeakPage], outputs: Sequence[dict[str, Any]]) -> dict[str, float]:
    """Share of noise lines removed (half or more of the line) and of body lines kept (not a character removed)."""
    removed = kept = n_noise = n_body = 0
    for page, output in zip(pages, outputs, strict=True):
        spans = output.get("removed") or []
        for line in page.lines:
            share = removed_share(line, spans)
            if line.label == NOISE:
                n_noise += 1
                removed += share >= 0.5
            else:
                n_body += 1
                kept += share == 0
    return {
        "noise_removed": round(removed / max(1, n_noise), 4),
        "body_kept": round(kept / max(1, n_body), 4),
        "documents": len(pages),
        "noise_lines": n_noise,
        "body_lines": n_body,
    }


def score_segments(rows: Sequence[dict[str, Any]], outputs: Sequence[dict[str, Any]]) -> dict[str, float]:
    """trafilatura's own measure: must_not_contain segments gone from `clean_text`, must_contain ones still there."""
    gone = there = n_drop = n_keep = 0
    for row, output in zip(rows, outputs, strict=True):
        page, clean = squash(row["text"]), squash(output.get("clean_text") or "")
        for segment in (squash(s) for s in row["must_not_contain"]):
            if segment and segment in page:
                n_drop += 1
                gone += segment not in clean
        for segment in (squash(s) for s in row["must_contain"]):
            if segment and segment in page:
                n_keep += 1
                there += segment in clean
    return {
        "must_not_removed": round(gone / max(1, n_drop), 4),
        "must_kept": round(there / max(1, n_keep), 4),
        "documents": len(rows),
    }


def _user_docs(pages: Sequence[WeakPage]) -> list[dict[str, Any]]:
    """The record a user's file would hold for each page: id, text, and its URL (never its language)."""
    return [{"id": page.page_id, "text": page.text, **({"url": page.url} if page.url else {})} for page in pages]


def evaluate_scraped(gold_dir: Path) -> dict[str, float]:
    """Scores of `extract` on both halves of the scraped page sets (not the corpus repeats, a training aid).

    Keys: `scraped.<half>.noise_removed|body_kept`, the same per set (`scraped_<set>.<half>.*`), and
    trafilatura's segment measure `trafilatura.<half>.must_not_removed|must_kept`.
    """
    shared = gold_dir.parent
    results: dict[str, float] = {}
    for half in ("tune", "check"):
        pages = [page for page in weak_pages(shared, half) if page.dataset in PAGE_SETS]
        outputs = run_extract(_user_docs(pages))
        results.update({f"scraped.{half}.{k}": v for k, v in score_pages(pages, outputs).items()})
        for dataset in PAGE_SETS:
            chosen = [(p, o) for p, o in zip(pages, outputs, strict=True) if p.dataset == dataset]
            scores = score_pages([p for p, _ in chosen], [o for _, o in chosen])
            results.update({f"scraped_{dataset}.{half}.{k}": v for k, v in scores.items()})
        segments = _trafilatura_segments(shared)
        traf = [(p, o) for p, o in zip(pages, outputs, strict=True) if p.dataset == "trafilatura_eval"]
        rows = [{"text": p.text, **segments[p.page_id]} for p, _ in traf]
        results.update({f"trafilatura.{half}.{k}": v for k, v in score_segments(rows, [o for _, o in traf]).items()})
    return results


def _trafilatura_segments(shared: Path) -> dict[str, dict[str, list[str]]]:
    """The must_contain / must_not_contain segments of each trafilatura page, by page id."""
    rows = read_jsonl(shared / "corpus" / "scraped" / "trafilatura_eval.jsonl")
    keys = ("must_contain", "must_not_contain")
    return {str(row["id"]): {key: _segments(row[key]) for key in keys} for row in rows}
