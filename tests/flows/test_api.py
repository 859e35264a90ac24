"""The Python API: `newsetl.connect` is read-only, and each report is a function returning an Arrow table."""

from __future__ import annotations

import importlib.util
from datetime import date

import duckdb
import pyarrow as pa
import pytest

import newsetl


def test_connect_opens_the_warehouse_read_only(seeded):
    data_dir, summary = seeded
    con = newsetl.connect(data_dir)
    try:
        assert con.execute("select count(*) from documents").fetchone() == (summary.documents_loaded,)
        with pytest.raises(duckdb.Error, match="read-only"):
            con.execute("create table t as select 1")
    finally:
        con.close()


def test_every_report_is_a_function_returning_an_arrow_table(seeded):
    data_dir, _ = seeded
    names = newsetl.report_names()
    assert {"language_mix", "top_entities", "casualty_figures"} <= set(names)
    for name in names:
        table = getattr(newsetl, name)(data_dir)
        assert isinstance(table, pa.Table) and table.num_columns > 0, name
        assert name in dir(newsetl)
    mix = newsetl.language_mix(data_dir)
    assert dict(zip(mix.column("language").to_pylist(), mix.column("document_count").to_pylist(), strict=True)) == {
        "en": 21,
        "fr": 10,
    }
    assert newsetl.report("top_entities", data_dir, limit=2).num_rows == 2


def test_report_parameters_are_keyword_arguments_bound_as_values(seeded):
    data_dir, _ = seeded
    every = newsetl.casualty_figures(data_dir)
    french = newsetl.casualty_figures(data_dir, language="fr")
    assert 0 < french.num_rows < every.num_rows
    assert set(french.column("language").to_pylist()) == {"fr"}
    assert newsetl.language_mix(data_dir, since=date(2999, 1, 1)).num_rows == 0
    assert newsetl.report("casualty_figures", data_dir, language="fr' or '1'='1").num_rows == 0
    with pytest.raises(ValueError, match="no parameter 'colour'"):
        newsetl.language_mix(data_dir, colour="red")
    with pytest.raises(ValueError, match="date"):
        newsetl.language_mix(data_dir, since="yesterday")


def test_dataframes_need_pandas_and_say_so(seeded):
    data_dir, _ = seeded
    if importlib.util.find_spec("pandas") is None:
        with pytest.raises(ImportError, match="pip install pandas"):
            newsetl.language_mix(data_dir, dataframe=True)
    else:
        assert len(newsetl.language_mix(data_dir, dataframe=True)) == 2


def test_unknown_reports_and_missing_warehouses_are_clear_errors(tmp_path):
    with pytest.raises(ValueError, match="unknown report 'no_such_report'"):
        newsetl.report("no_such_report", tmp_path)
    with pytest.raises(AttributeError):
        newsetl.no_such_report  # noqa: B018
    with pytest.raises(newsetl.WarehouseMissing, match="run `newsetl run` first"):
        newsetl.connect(tmp_path)
