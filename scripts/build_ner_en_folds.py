"""Out-of-fold scores of the stacked English tagger on the tune half of CoNLL testa (honest tune figures).

The shipped tagger (`scripts/build_ner_en.py`) learns from the tune half of CoNLL testa, so its tune
score is in-sample. Here the tune articles are dealt into FOLDS folds (by their place in the tune
half); for each fold a tagger is trained as the build script trains it (same sources, features,
lexicon and parameters) without that fold's articles, and the fold's articles go through the
`extract` path (`evaluation.gold.run_extract`) with that tagger. The scores are those of
`evaluation.entities`; `--errors FILE` writes each article's missed and spurious mentions (tune
half only) as JSON Lines for error analysis.

    uv run python scripts/build_ner_en_folds.py [--folds 4] [--errors /tmp/oof_errors.jsonl]
"""

from __future__ import annotations

import argparse
import json
import lzma
import pickle
import sys
import tempfile
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import build_ner_en as build  # noqa: E402

import flows.io.models as models  # noqa: E402
from evaluation.entities import mention_pairs, read_conll_docs, score_documents  # noqa: E402
from evaluation.gold import run_extract  # noqa: E402
from evaluation.split import split_halves  # noqa: E402
from flows.text.entities.ner_features import NerLexicon, parse_lexicon  # noqa: E402

FOLDS = 4


def tune_docs() -> list[dict[str, Any]]:
    """Return the tune half of CoNLL testa as `evaluation.entities` reads it (the build script's order)."""
    docs = read_conll_docs(build.SHARED / "gold" / "ner" / build.CONLL_FILE)
    return split_halves(docs, lambda _: "conll", lambda d: str(d["id"]))["tune"]


def fold_tagger(
    sources: dict[str, list[build.Labelled]], other_names: Sequence[str], out: Path
) -> tuple[bytes, NerLexicon]:
    """Return a stacked English CRF and its lexicon trained on `sources` as the build script trains one."""
    names = [*build.person_names(sources), *other_names]
    lexicon = parse_lexicon(build.render_lexicon(build.lexicon_classes(names)))
    sentences = []
    for name, docs in sources.items():
        limit = build.MAX_SILVER_SENTENCES if name == "silver" else None
        sentences.extend(build.sentences_of(docs, lexicon, "en", limit, alone=name in build.ALONE_SOURCES))
    path = out / "model.crfsuite.xz"
    build.train(sentences, path)
    return lzma.decompress(path.read_bytes()), lexicon


def with_tagger(model: bytes, lexicon: NerLexicon, docs: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Return the `extract` output of the documents with this English tagger in place of the shipped one."""
    saved = models.stacked_ner_model, models.load_stacked_lexicon
    models.stacked_ner_model = lambda _language: model  # type: ignore[assignment]
    models.load_stacked_lexicon = lambda: lexicon  # type: ignore[assignment]
    models._load_ner_models.cache_clear()
    try:
        return run_extract(docs)
    finally:
        models.stacked_ner_model, models.load_stacked_lexicon = saved  # type: ignore[assignment]
        models._load_ner_models.cache_clear()


def errors(doc: dict[str, Any], output: dict[str, Any]) -> dict[str, Any]:
    """Return an article's missed (gold, not predicted) and spurious (predicted, not gold) mentions."""
    gold: Counter[tuple[str, str]] = doc["gold"]
    predicted = mention_pairs(output.get("entities", []))
    labels = {e["text"]: e["label"] for e in output.get("entities", [])}
    missed = [[text, label, labels.get(text, "-")] for (text, label), n in (gold - predicted).items() for _ in range(n)]
    spurious = [[text, label] for (text, label), n in (predicted - gold).items() for _ in range(n)]
    return {"id": doc["id"], "missed": missed, "spurious": spurious}


def labelled_sources(cache: Path | None) -> tuple[dict[str, list[build.Labelled]], list[str]]:
    """Return the English training sources and the French person names (from `cache` when it exists)."""
    if cache is not None and cache.exists():
        with cache.open("rb") as handle:
            return pickle.load(handle)  # type: ignore[no-any-return]
    sources = build.training_documents("en", models.load_spacy("en"))
    french = build.person_names(
        {"fr": [d for docs in build.training_documents("fr", models.load_spacy("fr")).values() for d in docs]}
    )
    if cache is not None:
        with cache.open("wb") as handle:
            pickle.dump((sources, french), handle)
    return sources, french


def cached_tagger(
    folder: Path | None, fold: int, sources: dict[str, list[build.Labelled]], other_names: Sequence[str]
) -> tuple[bytes, NerLexicon]:
    """Return a fold's tagger, kept in `folder` (reused as it is when there: stale after feature changes)."""
    if folder is not None and (folder / f"fold{fold}.tsv").exists():
        text = (folder / f"fold{fold}.tsv").read_text(encoding="utf-8")
        return lzma.decompress((folder / f"fold{fold}.crfsuite.xz").read_bytes()), parse_lexicon(text)
    with tempfile.TemporaryDirectory() as tmp:
        model, lexicon = fold_tagger(sources, other_names, Path(tmp))
        if folder is not None:
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"fold{fold}.crfsuite.xz").write_bytes(lzma.compress(model))
            (folder / f"fold{fold}.tsv").write_text(lexicon_text(lexicon), encoding="utf-8")
    return model, lexicon


def lexicon_text(lexicon: NerLexicon) -> str:
    """Return a lexicon as `word<TAB>classes` rows."""
    return "".join(f"{word}\t{','.join(sorted(kinds))}\n" for word, kinds in sorted(lexicon.classes.items()))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=FOLDS)
    parser.add_argument("--errors", type=Path, help="write each tune article's errors here (JSON Lines)")
    parser.add_argument("--models", type=Path, help="keep (and reuse) the fold taggers in this folder")
    parser.add_argument("--cache", type=Path, help="keep the labelled sources in this file (stale after stage changes)")
    args = parser.parse_args(argv)
    docs = tune_docs()
    sources, french = labelled_sources(args.cache)
    assert len(sources["conll"]) == len(docs), "the build script reads another tune half"
    outputs: list[dict[str, Any]] = [{} for _ in docs]
    for fold in range(args.folds):
        held = [i for i in range(len(docs)) if i % args.folds == fold]
        train_sources = {**sources, "conll": [d for i, d in enumerate(sources["conll"]) if i % args.folds != fold]}
        model, lexicon = cached_tagger(args.models, fold, train_sources, french)
        for i, output in zip(held, with_tagger(model, lexicon, [docs[i] for i in held]), strict=True):
            outputs[i] = output
        print(f"fold {fold + 1}/{args.folds} done", file=sys.stderr)
    scores = score_documents([d["gold"] for d in docs], [mention_pairs(o.get("entities", [])) for o in outputs])
    print(json.dumps({f"conll_testa.tune_oof.{k}": v for k, v in scores.items()}, indent=1))
    if args.errors:
        rows = (json.dumps(errors(d, o), ensure_ascii=False) for d, o in zip(docs, outputs, strict=True))
        args.errors.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
