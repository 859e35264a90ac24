"""Every code the text stages emit on seeds/ is in its vocabulary (flows/text/vocabulary.py)."""

from __future__ import annotations

import duckdb

from flows.text.vocabulary import VOCABULARIES


def test_every_code_emitted_on_the_seeds_is_in_its_vocabulary(seeded):
    data_dir, _ = seeded
    con = duckdb.connect(str(data_dir / "warehouse.duckdb"), read_only=True)
    try:
        emitted = {}
        for vocabulary in VOCABULARIES:
            table, column = vocabulary.column.split(".")
            sql = f'select distinct "{column}" from main.{table} where "{column}" is not null'
            emitted[vocabulary.name] = {row[0] for row in con.execute(sql).fetchall()}
    finally:
        con.close()
    unknown = {name: codes - set(v.codes) for v, (name, codes) in zip(VOCABULARIES, emitted.items(), strict=True)}
    assert {name: codes for name, codes in unknown.items() if codes} == {}
    assert emitted["figure_qualifier"] and emitted["figure_category"] and emitted["entity_label"]
    assert emitted["removal_reason"]
