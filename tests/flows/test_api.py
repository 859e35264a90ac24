"""The Python API: `newsetl.connect` is read-only, and each report is a function returning an Arrow table."""

from __future__ import annotations

import importlib.util

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
    assert dict(zip(mix.column("language").to_pylist(), mix.column("documents").to_pylist(), strict=True)) == {
        "en": 21,
        "fr": 10,
    }
    assert newsetl.report("top_entities", data_dir, limit=2).num_rows == 2


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
