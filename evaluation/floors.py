"""The floors of every gated score: the one place both `tests/eval` and `newsetl evaluate` read.

A key `<set>.<metric>` is checked on the set's CHECK half (`<set>.check.<metric>`), except for
the unsplit seed, checked as is. Each floor sits a little below the measured check score, noted
beside it as `check <value> (tune <value>)`; re-pinning is an edit of this file only. Lower a
floor only on purpose, saying why in the same commit.
"""

from __future__ import annotations

# Sets scored whole: the seed is the product's reference case (it must stay perfect on figures and noise).
# The hand-annotated corpus figure sample is evaluation-only (nothing is fitted to it): scored whole. The corpus
# entity samples are split tune/check like the gold sets (tests/fixtures/entities_corpus/README.md).
UNSPLIT_SETS = frozenset(
    {
        "seed",
        "figures_corpus",
    }
)
# A tune/check gap larger than this is marked in the table and must be explained.
GAP_TOLERANCE = 0.03

# Measured 2026-12-03 through `extract_records(lines, analyser(1))`, after the issue-8 rule clean-up
# (dev-fitted rules and list entries removed) and the capitals-headline language fix.
FLOORS: dict[str, float] = {
    # seed.json: one article, 16 figures, 30 expected entities, 10 expected places
    "seed.figures.f1": 1.0,
    "seed.figures.category_acc": 1.0,
    "seed.figures.qualifier_acc": 1.0,
    "seed.figures.bounds_acc": 1.0,
    "seed.figures.object_acc": 1.0,
    "seed.figures.unit_acc": 1.0,
    "seed.noise_removed": 1.0,
    "seed.noise_recorded": 1.0,
    "seed.language_ok": 1.0,
    "seed.entities_found": 30,
    "seed.places_resolved": 10,
    # figures_dev: 12 / 12 articles, 115 / 149 gold figures
    "figures.f1": 0.94,  # check 0.957 (tune 0.978)
    "figures.precision": 0.935,  # check 0.953 (tune 0.983)
    "figures.recall": 0.945,  # check 0.960 (tune 0.974)
    "figures.category_acc": 0.935,  # check 0.951 (tune 0.973), issue 12: events from the parse; WordNet persons
    "figures.qualifier_acc": 0.985,  # check 1.000 (tune 1.000)
    "figures.bounds_acc": 0.985,  # check 1.000 (tune 1.000)
    "figures.object_acc": 0.93,  # check 0.944 (tune 0.946), fr/es nouns through MultiWordNet
    "figures.unit_acc": 0.97,  # check 0.986 (tune 1.000)
    "figures.language_acc": 1.0,  # check 1.000 (tune 1.000)
    "figures.en.f1": 0.915,  # check 0.936 (tune 0.962), 6 / 6 articles
    "figures.fr.f1": 0.97,  # check 1.000 (tune 1.000), 2 / 2 articles
    "figures.es.f1": 0.97,  # check 1.000 (tune 0.968), 2 / 2 articles
    "figures.ar.f1": 0.925,  # check 0.955 (tune 1.000), 2 / 2 articles
    # cleaning_dev: 30 / 30 documents, 34 / 33 noise strings
    # Lowered on purpose from 0.97 (issue 10): the phrase cascade that scored 1.000 here was fitted to dev
    # wording and removed ~0.1 of noise lines on unseen scraped pages; the learned line classifier never saw
    # this set (trained on weak labels of scraped pages only), so this is now an unseen-text score.
    "cleaning.noise_removed": 0.71,  # check 0.727 (tune 0.765)
    "cleaning.body_kept": 1.0,  # check 1.000 (tune 1.000): a body sentence must never be dropped
    "cleaning.clean_untouched": 1.0,  # check 1.000 (tune 1.000): a clean document comes through as it is
    "cleaning.language_acc": 0.96,  # check 1.000 (tune 1.000)
    # scraped pages (evaluation/scraped.py): weak labels, split by site; the line classifier trains on the tune half
    # Plain body sentences left unscored (speed, dev noise +0.03) cost trafilatura's pages some noise recall:
    # their floors lowered on purpose (line noise check 0.486 -> 0.453, must_not 0.417 -> 0.403).
    "scraped.noise_removed": 0.75,  # check 0.763 (tune 0.784), 17,992 noise lines
    "scraped.body_kept": 0.975,  # check 0.990 (tune 0.998), 3,323 body lines
    "scraped_scrapinghub_aeb.noise_removed": 0.76,  # check 0.774 (tune 0.820)
    "scraped_scrapinghub_aeb.body_kept": 0.98,  # check 0.993 (tune 1.000)
    "scraped_newspaper4k_pages.noise_removed": 0.77,  # check 0.786 (tune 0.699)
    "scraped_newspaper4k_pages.body_kept": 0.98,  # check 0.995 (tune 1.000)
    "scraped_saudinewsnet_boilerplate.noise_removed": 0.90,  # check 0.918 (tune 0.866)
    "scraped_saudinewsnet_boilerplate.body_kept": 0.98,  # check 0.998 (tune 1.000)
    "scraped_trafilatura_eval.noise_removed": 0.435,  # check 0.453 (tune 0.396)
    "scraped_trafilatura_eval.body_kept": 0.955,  # check 0.972 (tune 0.990)
    "trafilatura.must_not_removed": 0.39,  # check 0.403 (tune 0.386)
    "trafilatura.must_kept": 0.965,  # check 0.980 (tune 0.992)
    # CoNLL-2003 testa: 108 / 108 articles; newsetl_ner_en learned from the tune half (tune: in-sample)
    "conll_testa.f1": 0.80,  # check 0.817 (tune 0.953)
    "conll_testa.PERSON.f1": 0.845,  # check 0.859 (tune 0.968)
    "conll_testa.ORG.f1": 0.665,  # check 0.689 (tune 0.911)
    "conll_testa.LOC.f1": 0.85,  # check 0.874 (tune 0.961)
    "conll_testa.language_acc": 0.99,  # check 1.000 (tune 1.000), language by the body (issue 10)
    # WikiANN: 1,500 / 1,500 one-sentence articles per language
    # English/French: newsetl_ner_en/fr learned from the sentences outside the check half (tune: in-sample)
    "wikiann_en.f1": 0.48,  # check 0.501 (tune 0.550)
    "wikiann_fr.f1": 0.625,  # check 0.641 (tune 0.741)
    # German: the trained tagger newsetl_ner_de learned from the sentences outside the check half (tune: in-sample)
    "wikiann_de.f1": 0.61,  # check 0.632 (tune 0.785)
    "wikiann_de.PERSON.f1": 0.68,  # check 0.704
    "wikiann_de.ORG.f1": 0.46,  # check 0.482
    "wikiann_de.LOC.f1": 0.645,  # check 0.669
    # Hand-annotated corpus samples (tests/fixtures/entities_corpus): 18 articles a language, split tune/check by
    # evaluation.split (corpus file as stratum, 9/9 articles); measured 2026-12-03 after the Arabic weak-label,
    # family-name and Polish case-form work (whole sample before -> after: de 0.640 -> 0.649, es 0.677 -> 0.688,
    # it 0.793 -> 0.796, pl 0.609 -> 0.616, ru 0.819 -> 0.821, ar 0.353 -> 0.498). Issue 11's target is F1 >= 0.60 a
    # language (reported, not a floor; check de 0.551 and ar 0.429 are short of it).
    "entities_corpus_de.f1": 0.53,  # check 0.551 (tune 0.732), 59 / 74 mentions
    "entities_corpus_de.PERSON.f1": 0.675,  # check 0.696 (tune 0.828)
    "entities_corpus_de.ORG.f1": 0.415,  # check 0.436 (tune 0.410)
    "entities_corpus_de.LOC.f1": 0.58,  # check 0.600 (tune 0.833)
    "entities_corpus_es.f1": 0.62,  # check 0.640 (tune 0.749), 116 / 91 mentions
    "entities_corpus_es.PERSON.f1": 0.77,  # check 0.791 (tune 0.667)
    "entities_corpus_es.ORG.f1": 0.38,  # check 0.400 (tune 0.704)
    "entities_corpus_es.LOC.f1": 0.675,  # check 0.696 (tune 0.853)
    "entities_corpus_it.f1": 0.76,  # check 0.781 (tune 0.811), 89 / 87 mentions
    "entities_corpus_it.PERSON.f1": 0.75,  # check 0.773 (tune 0.826)
    "entities_corpus_it.ORG.f1": 0.405,  # check 0.424 (tune 0.210)
    "entities_corpus_it.LOC.f1": 0.895,  # check 0.913 (tune 0.909)
    "entities_corpus_pl.f1": 0.58,  # check 0.602 (tune 0.627), 66 / 96 mentions
    "entities_corpus_pl.PERSON.f1": 0.665,  # check 0.684 (tune 0.609)
    "entities_corpus_pl.ORG.f1": 0.515,  # check 0.536 (tune 0.250)
    "entities_corpus_pl.LOC.f1": 0.595,  # check 0.615 (tune 0.748)
    "entities_corpus_ru.f1": 0.85,  # check 0.868 (tune 0.790), 75 / 112 mentions
    "entities_corpus_ru.PERSON.f1": 0.955,  # check 0.977 (tune 0.923)
    "entities_corpus_ru.ORG.f1": 0.645,  # check 0.667 (tune 0.691)
    "entities_corpus_ru.LOC.f1": 0.875,  # check 0.895 (tune 0.800)
    "entities_corpus_ar.f1": 0.41,  # check 0.429 (tune 0.569), 95 / 82 mentions
    "entities_corpus_ar.PERSON.f1": 0.325,  # check 0.348 (tune 0.571)
    "entities_corpus_ar.ORG.f1": 0.255,  # check 0.276 (tune 0.370)
    "entities_corpus_ar.LOC.f1": 0.59,  # check 0.610 (tune 0.667)
    # language: 52 / 52 whole articles; lingua lines, 51 languages
    "langid_long_texts.accuracy": 1.0,  # check 1.000 (tune 1.000)
    "langid_sentences.accuracy": 0.99,  # check 0.992 (tune 0.992), 4,625 / 4,625 lines
    "langid_word_pairs.accuracy": 0.92,  # check 0.928 (tune 0.931), 4,150 / 4,150 lines
    "langid_single_words.accuracy": 0.755,  # check 0.770 (tune 0.761), 4,089 / 4,089 lines
    # Recognizers-Text number specs (component-level: the number parser alone), 125 / 124 cases
    "numbers.pass_rate": 0.96,  # check 0.976 (tune 0.992)
    "numbers.en.pass_rate": 0.98,  # check 1.000 (tune 0.955)
    "numbers.fr.pass_rate": 0.98,  # check 1.000 (tune 1.000)
    "numbers.es.pass_rate": 0.98,  # check 1.000 (tune 1.000)
    "numbers.de.pass_rate": 0.98,  # check 1.000 (tune 1.000)
    "numbers.ar.pass_rate": 0.815,  # check 0.833 (tune 1.000), generated Arabic words: check unchanged
    # the five above plus it, pt, nl (text2num and CLDR spell-out data)
    "numbers.all.pass_rate": 0.97,  # check 0.986 (tune 0.995)
    "numbers.it.pass_rate": 0.98,  # check 1.000 (tune 1.000)
    "numbers.pt.pass_rate": 0.98,  # check 1.000 (tune 1.000)
    "numbers.nl.pass_rate": 0.98,  # check 1.000 (tune 1.000)
    # figures_corpus: 20 + 20 + 20 hand-annotated corpus windows (it, pl, ru), 146 figures, scored whole; measured
    # after the it/pl/ru month names, Polish and Russian ordinals and foreign number words (before: it 0.922,
    # pl 0.841, ru 0.733)
    "figures_corpus.f1": 0.94,  # 0.962
    "figures_corpus.it.f1": 0.94,  # 0.960
    "figures_corpus.pl.f1": 0.945,  # 0.968
    "figures_corpus.ru.f1": 0.935,  # 0.957
}
