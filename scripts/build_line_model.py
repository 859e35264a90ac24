"""Build flows/text/data/line_model.json, the cleaner's line classifier, from ../shared.

Training data (never the cleaning dev gold): the weakly labelled pages of the tune half
(`evaluation.scraped.weak_pages`: scraped pages against their article bodies, trafilatura's
must/must-not segments, SaudiNewsNet trailers, lines a corpus source repeats), plus documents made
by injecting noise lines sampled from the tune pages around (and now and then inside) runs of their
body lines, headed by a corpus article's title, so that position features see both kinds at every
place. The features are those the cleaner computes at run time (`flows.text.clean.features`).

The model is scikit-learn's HistGradientBoostingClassifier (fixed seed, one thread), exported as
padded tree arrays with rounded floats and sorted keys: the file is rebuilt byte for byte.

    uv run python scripts/build_line_model.py            # rebuild, and validate leave-one-dataset-out
    uv run python scripts/build_line_model.py --check    # exit 1 if the shipped file differs
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier
from threadpoolctl import threadpool_limits

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from evaluation.scraped import DATASETS, NOISE, WeakPage, weak_pages  # noqa: E402
from flows.text.boilerplate import learn_boilerplate  # noqa: E402
from flows.text.clean.features import FEATURE_NAMES, document_features, is_prose  # noqa: E402
from flows.text.clean.lines import normalise_line, split_lines  # noqa: E402
from flows.text.clean.model import LineModel, model_from_dict  # noqa: E402
from flows.text.clean.phrases import phrase_list  # noqa: E402
from flows.text.clean.removals import body_script_of  # noqa: E402

SHARED = ROOT.parent / "shared"
OUTPUT = ROOT / "flows" / "text" / "data" / "line_model.json"
SEED = 2026
INJECTED_DOCS = 4000
BODY_RUN = (2, 12)  # body lines per injected document
HEADER_NOISE = (0, 0, 1, 2, 3, 5, 8)
TRAILER_NOISE = (0, 1, 1, 2, 3, 4, 6, 10)
MIDDLE_NOISE_P = 0.15
INVENTORY_MAX_WORDS = 60
BODY_WEIGHT = 3.0  # a body line lost costs more than a noise line kept
PARAMS = {
    "learning_rate": 0.1,
    "max_iter": 250,
    "max_depth": 5,
    "max_leaf_nodes": 24,
    "min_samples_leaf": 30,
    "l2_regularization": 1.0,
    "early_stopping": False,
    "random_state": SEED,
}
# Decision thresholds (log-odds of noise), chosen on the leave-one-dataset-out figures this script
# prints for high precision: lines in the header/trailer blocks, lines between body lines, and the
# score a repeated line needs without its repetition evidence.
THRESHOLDS = {"edge": 2.0, "inner": 4.0, "repetition_floor": 1.0}
DIGITS = 6


@dataclass
class Examples:
    """Feature rows, labels (1 = noise) and weights, with the dataset each row came from."""

    rows: list[np.ndarray]
    labels: list[int]
    datasets: list[str]

    def add(self, matrix: np.ndarray, labels: Sequence[int], dataset: str) -> None:
        self.rows.append(matrix)
        self.labels.extend(labels)
        self.datasets.extend([dataset] * len(labels))


def labelled_document(texts: list[str], labels: dict[int, int], learned: frozenset[str], script: str):
    """Return the feature rows and labels of the labelled, non-prose lines of one document."""
    prose = [is_prose(t) for t in texts]
    chosen = [i for i in sorted(labels) if not prose[i]]
    if len(texts) < 2 or not chosen:
        return None
    matrix = document_features(texts, prose, script, learned)
    return matrix[chosen], [labels[i] for i in chosen]


def page_examples(pages: Sequence[WeakPage], examples: Examples) -> None:
    """Add the labelled lines of real pages, with boilerplate learned per dataset and source."""
    by_source: dict[tuple[str, str], list[WeakPage]] = defaultdict(list)
    for page in pages:
        by_source[(page.dataset, page.source)].append(page)
    for (dataset, source), group in sorted(by_source.items()):
        learned = learn_boilerplate([(source, p.text) for p in group]).keys()
        for page in group:
            lines = split_lines(page.text)
            at = {line.start: index for index, line in enumerate(lines)}
            labels = {at[w.start]: int(w.label == NOISE) for w in page.lines if w.start in at}
            texts = [normalise_line(line.text) for line in lines]
            found = labelled_document(texts, labels, learned, body_script_of(lines))
            if found is not None:
                examples.add(found[0], found[1], dataset)


def inventory(pages: Sequence[WeakPage]) -> tuple[list[list[str]], list[list[str]]]:
    """Return runs of noise lines and runs of body lines (consecutive labelled lines) per page."""
    noise_runs, body_runs = [], []
    for page in pages:
        run: list[str] = []
        kind = None
        for line in page.lines:
            text = page.text[line.start : line.end]
            if line.label != kind and run:
                (noise_runs if kind == NOISE else body_runs).append(run)
                run = []
            kind = line.label
            if line.label != NOISE or len(text.split()) <= INVENTORY_MAX_WORDS:
                run.append(text)
        if run:
            (noise_runs if kind == NOISE else body_runs).append(run)
    return noise_runs, [r for r in body_runs if len(r) >= BODY_RUN[0]]


def corpus_titles(pages: Sequence[WeakPage]) -> list[str]:
    """Return the titles of the corpus articles among the pages (headlines above injected bodies)."""
    wanted = {p.page_id for p in pages if p.dataset == "corpus_repeats"}
    titles = []
    for path in sorted((SHARED / "corpus").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            if row.get("id") in wanted and row.get("title"):
                titles.append(str(row["title"]).strip())
    return [t for t in titles if t and "\n" not in t]


PHRASE_NOISE_P = 0.35  # share of injected noise lines rendered from the phrase lists
# Phrase lists that name a kind of noise, and how a line of that kind is written around the phrase.
PHRASE_TEMPLATES = {
    "cookie_notice": ("sentence",),
    "paywall": ("sentence", "alone"),
    "support": ("sentence", "alone"),
    "follow": ("sentence", "alone", "tail"),
    "newsletter": ("sentence", "alone"),
    "copyright": ("copyright",),
    "source_credit": ("tail",),
    "powered_by": ("tail",),
    "read_more": ("tail", "alone"),
    "site_link": ("alone",),
    "tags": ("list",),
    "contact": ("contact",),
    "timestamp_word": ("date",),
    "image": ("tail",),
    "advert": ("alone",),
    "end_marker": ("alone",),
    "agency": ("agency",),
    "share": ("alone", "bar"),
    "carousel": ("bar",),
}
_GROUP_RE = re.compile(r"\(\?:([^()]*)\)(\?)?")
_TITLE_WORD_RE = re.compile(r"[^\W\d_]{3,}")


def render_phrase(pattern: str, rng: random.Random) -> str | None:
    """Return one concrete text a phrase regex matches (None for a pattern too intricate to render)."""
    text = re.sub(r"^(?:\^|\\W\*)+|(?:\$|\\b)+$", "", pattern)
    while (group := _GROUP_RE.search(text)) is not None:
        chosen = rng.choice(group.group(1).split("|"))
        text = text[: group.start()] + ("" if group.group(2) and rng.random() < 0.5 else chosen) + text[group.end() :]
    text = re.sub(r"\\[wS][*+]", "", text)
    text = re.sub(r"\\s[*?+]?", " ", text).replace("\\d{4}", "2024")
    text = re.sub(r"([^\\])\?", lambda m: m.group(1) if rng.random() < 0.5 else "", text)
    text = re.sub(r"\\([.()+\-])", r"\1", text)
    if re.search(r"[\\\[\]{}*+?|()^$]", text):
        return None
    return re.sub(r" {2,}", " ", text).strip()


def _capitalised(text: str, rng: random.Random) -> str:
    if rng.random() < 0.15:
        return text.upper()
    return text[:1].upper() + text[1:] if rng.random() < 0.8 else text


def phrase_noise(rng: random.Random, titles: Sequence[str]) -> str:
    """Return one noise line written around a phrase of a noise list, in that list's manner."""
    group = rng.choice(sorted(PHRASE_TEMPLATES))
    phrase = None
    while not phrase:
        phrase = render_phrase(rng.choice(phrase_list(group)), rng)
    phrase = _capitalised(phrase, rng)
    title = rng.choice(titles) if titles else "Example"
    words = _TITLE_WORD_RE.findall(title) or ["Example"]
    name = " ".join(w.capitalize() for w in rng.sample(words, min(len(words), rng.randint(1, 3))))
    kind = rng.choice(PHRASE_TEMPLATES[group])
    if kind == "sentence":
        tail = " ".join(w.lower() for w in words[: rng.randint(2, 8)])
        return f"{phrase} {tail}{rng.choice('.!.')}"
    if kind == "tail":
        return f"{phrase}{rng.choice([': ', ' ', ' - ', ' | '])}{rng.choice([title, name])}"
    if kind == "list":
        return f"{phrase}: " + ", ".join(rng.sample(words, min(len(words), rng.randint(2, 5))))
    if kind == "contact":
        address = f"{words[0].lower()}@{words[-1].lower()}.{rng.choice(['com', 'org', 'de', 'fr'])}"
        return f"{phrase} {rng.choice([address, '+1 202 555 0147', name + ' ' + address])}"
    if kind == "date":
        day, month, year = rng.randint(1, 28), rng.randint(1, 12), rng.randint(2010, 2024)
        return f"{phrase}: {day}.{month:02d}.{year} {rng.randint(0, 23)}:{rng.randint(0, 59):02d}"
    if kind == "copyright":
        return f"© 20{rng.randint(10, 24)} {name}. {phrase}" if phrase != "©" else f"© {name}"
    if kind == "agency":
        return rng.choice([phrase.upper(), f"({phrase.upper()})", f"{name} ({phrase.upper()})", f"— {phrase.upper()}"])
    if kind == "bar":
        other = render_phrase(rng.choice(phrase_list(rng.choice(["share", "carousel"]))), rng) or ""
        return f"{phrase} {_capitalised(other, rng)}".strip()
    return phrase + rng.choice(["", "", ":", " »"])


def sample_noise(rng: random.Random, runs: list[list[str]], titles: Sequence[str], count: int) -> list[str]:
    """Return count noise lines: a stretch of one page's noise run, single lines of several, or phrase lines."""
    if count == 0:
        return []
    if rng.random() < PHRASE_NOISE_P:
        return [phrase_noise(rng, titles) for _ in range(count)]
    if rng.random() < 0.5:
        run = rng.choice(runs)
        start = rng.randrange(max(1, len(run) - count + 1))
        picked = run[start : start + count]
        if len(picked) == count:
            return picked
    return [rng.choice(rng.choice(runs)) for _ in range(count)]


def body_extras(rng: random.Random, titles: Sequence[str], body: list[str]) -> list[str]:
    """Return body with what real bodies hold besides prose: a sub-heading, a results table, a
    dateline line, an e-mail address quoted in a sentence (each now and then)."""
    body = list(body)
    title = rng.choice(titles) if titles else "Example"
    words = [w.capitalize() for w in _TITLE_WORD_RE.findall(title)] or ["Example"]
    if len(body) >= 3 and rng.random() < 0.2:
        body.insert(rng.randrange(1, len(body) - 1), rng.choice(titles) if titles else title)
    if len(body) >= 2 and rng.random() < 0.1:
        rows = [
            f"{rng.choice(words)} {rng.choice(words)} {rng.randint(0, 30)} {rng.randint(0, 30)} {rng.randint(0, 99)}"
            for _ in range(rng.randint(3, 6))
        ]
        at = rng.randrange(1, len(body))
        body[at:at] = rows
    if rng.random() < 0.1:
        body.insert(0, f"{rng.choice(words)} – {rng.choice(words)}")
    if body and rng.random() < 0.05:
        address = f"{words[0].lower()}@{words[-1].lower()}.org"
        at = rng.randrange(len(body))
        body[at] = body[at].rstrip(".!?") + f", {rng.choice(['she', 'he', 'they'])} wrote to {address}."
    return body


def injected_examples(pages: Sequence[WeakPage], examples: Examples, docs: int, seed: int) -> None:
    """Add documents made of body runs with noise lines injected at their edges and inside."""
    rng = random.Random(seed)
    noise_runs, body_runs = inventory(pages)
    titles = corpus_titles(pages)
    if not noise_runs or not body_runs:
        return
    for _ in range(docs):
        body = rng.choice(body_runs)
        start = rng.randrange(max(1, len(body) - BODY_RUN[0] + 1))
        body = body_extras(rng, titles, body[start : start + rng.randint(*BODY_RUN)])
        head = ([rng.choice(titles)] if titles and rng.random() < 0.5 else []) + body
        lines = [(t, 1) for t in sample_noise(rng, noise_runs, titles, rng.choice(HEADER_NOISE))]
        lines += [(t, 0) for t in head]
        if len(head) >= 3 and rng.random() < MIDDLE_NOISE_P:
            at = len(lines) - rng.randrange(1, len(head) - 1)
            lines[at:at] = [(t, 1) for t in sample_noise(rng, noise_runs, titles, 1)]
        lines += [(t, 1) for t in sample_noise(rng, noise_runs, titles, rng.choice(TRAILER_NOISE))]
        raw = "\n".join(t for t, _ in lines)
        split = split_lines(raw)
        if len(split) != len(lines):
            continue
        texts = [normalise_line(line.text) for line in split]
        found = labelled_document(
            texts, dict(enumerate(label for _, label in lines)), frozenset(), body_script_of(split)
        )
        if found is not None:
            examples.add(found[0], found[1], "injected")


def build_examples(pages: Sequence[WeakPage], seed: int = SEED) -> Examples:
    """Return the training rows of the pages and of noise injected into their bodies."""
    examples = Examples([], [], [])
    page_examples(pages, examples)
    injected_examples(pages, examples, INJECTED_DOCS, seed)
    return examples


def fit(examples: Examples) -> HistGradientBoostingClassifier:
    """Return the classifier fitted on the examples (one thread: sums in a fixed order)."""
    matrix = np.vstack(examples.rows)
    labels = np.array(examples.labels)
    weights = np.where(labels == 0, BODY_WEIGHT, 1.0)
    with threadpool_limits(1):
        return HistGradientBoostingClassifier(**PARAMS).fit(matrix, labels, sample_weight=weights)


def _rounded(value: float) -> float:
    return float(f"{value:.{DIGITS}g}")


def export(classifier: HistGradientBoostingClassifier) -> dict:
    """Return the JSON form of the classifier: padded trees with node means (for contributions)."""
    trees = [predictors[0].nodes for predictors in classifier._predictors]
    width = max(len(nodes) for nodes in trees)
    arrays: dict[str, list[list]] = {k: [] for k in ("feature", "threshold", "left", "right", "value")}
    depth = 0
    for nodes in trees:
        means = _node_means(nodes)
        depth = max(depth, int(nodes["depth"].max()))
        feature, threshold, left, right, value = [], [], [], [], []
        for index in range(width):
            if index < len(nodes) and not nodes["is_leaf"][index]:
                feature.append(int(nodes["feature_idx"][index]))
                threshold.append(_rounded(float(nodes["num_threshold"][index])))
                left.append(int(nodes["left"][index]))
                right.append(int(nodes["right"][index]))
            else:
                feature.append(0)
                threshold.append(1e30)
                left.append(index)
                right.append(index)
            value.append(_rounded(means[index]) if index < len(nodes) else 0.0)
        for key, column in zip(arrays, (feature, threshold, left, right, value), strict=True):
            arrays[key].append(column)
    return {
        "about": "newsetl line classifier, built by scripts/build_line_model.py from ../shared (tune half)",
        "baseline": _rounded(float(np.ravel(classifier._baseline_prediction)[0])),
        "depth": depth,
        "features": list(FEATURE_NAMES),
        "thresholds": THRESHOLDS,
        "trees": arrays,
    }


def _node_means(nodes: np.ndarray) -> list[float]:
    """Return each node's value: its leaf value, or the sample-weighted mean of its leaves."""
    means = [0.0] * len(nodes)
    counts = [0.0] * len(nodes)
    for index in sorted(range(len(nodes)), key=lambda i: -int(nodes["depth"][i])):
        if nodes["is_leaf"][index]:
            means[index], counts[index] = float(nodes["value"][index]), float(nodes["count"][index])
        else:
            left, right = int(nodes["left"][index]), int(nodes["right"][index])
            counts[index] = counts[left] + counts[right]
            means[index] = (means[left] * counts[left] + means[right] * counts[right]) / max(counts[index], 1.0)
    return means


def render(model: dict) -> str:
    """Return the model file's text (sorted keys, one tree array per line)."""
    return json.dumps(model, sort_keys=True, separators=(",", ":")) + "\n"


def validate(pages: Sequence[WeakPage]) -> None:
    """Print noise removed / body kept per dataset held out of training (leave-one-dataset-out)."""
    print(f"{'held out':26} {'noise':>7} {'removed':>8} {'body':>7} {'kept':>8}")
    for held in DATASETS:
        train = [p for p in pages if p.dataset != held]
        test = Examples([], [], [])
        page_examples([p for p in pages if p.dataset == held], test)
        if not test.rows:
            continue
        model = model_from_dict(export(fit(build_examples(train))))
        _report(held, model, test)


def _report(name: str, model: LineModel, test: Examples) -> None:
    matrix = np.vstack(test.rows)
    labels = np.array(test.labels)
    scores = model.scores(matrix)
    edge = (matrix[:, FEATURE_NAMES.index("before_body")] + matrix[:, FEATURE_NAMES.index("after_body")]) > 0
    noise = scores > np.where(edge, model.thresholds["edge"], model.thresholds["inner"])
    removed = noise[labels == 1].mean() if (labels == 1).any() else float("nan")
    kept = 1 - noise[labels == 0].mean() if (labels == 0).any() else float("nan")
    print(f"{name:26} {(labels == 1).sum():7d} {removed:8.3f} {(labels == 0).sum():7d} {kept:8.4f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the shipped model differs from a rebuild")
    parser.add_argument("--no-validate", action="store_true", help="skip the leave-one-dataset-out figures")
    args = parser.parse_args(argv)
    pages = weak_pages(SHARED, "tune")
    text = render(export(fit(build_examples(pages))))
    if args.check:
        same = OUTPUT.is_file() and OUTPUT.read_text(encoding="utf-8") == text
        print("line model is up to date" if same else f"{OUTPUT} differs from a rebuild", file=sys.stderr)
        return 0 if same else 1
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUTPUT} ({len(text):,} bytes)")
    if not args.no_validate:
        validate(pages)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
