"""newsetl's Python API: the published warehouse, read-only, and its reports as Arrow tables.

    import newsetl

    con = newsetl.connect("data")                 # read-only DuckDB connection to data/warehouse.duckdb
    con.sql("select language, count(*) from documents group by 1").fetchall()
    newsetl.report_names()                        # ['casualties_by_place', 'casualty_figures', ...]
    table = newsetl.language_mix("data")          # pyarrow.Table, one function per report
    frame = newsetl.language_mix("data", dataframe=True)   # pandas.DataFrame (needs pandas installed)
    newsetl.report("top_entities", "data", limit=20)       # the same by name
    newsetl.casualty_figures("data", since="2012-05-01", language="en", category="killed")  # its parameters

`data_dir` defaults as for `newsetl run` (`--data-dir`, NEWSETL_DATA_DIR, [tool.newsetl], ./data of a checkout).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import duckdb
    import pyarrow as pa

__all__ = ["WarehouseMissing", "connect", "report", "report_names", "warehouse_path"]

_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
DataDir = str | PathLike[str] | None


class WarehouseMissing(FileNotFoundError):
    """No published warehouse in the data folder (nothing has been loaded there yet)."""


def warehouse_path(data_dir: DataDir = None) -> Path:
    """The warehouse file of a data folder (the settings' default folder when None)."""
    from flows.settings import load_settings

    return load_settings({"data_dir": None if data_dir is None else str(data_dir)}).warehouse_path


def connect(data_dir: DataDir = None) -> duckdb.DuckDBPyConnection:
    """A read-only DuckDB connection to the published warehouse.

    Opening waits out a publish that is updating the file in place (a moment); a run never waits on an
    open connection: while one is open it publishes a new file instead, which the next `connect` sees.
    """
    from warehouse.db import connect_readonly

    path = warehouse_path(data_dir)
    if not path.is_file():
        raise WarehouseMissing(f"no warehouse at {path}: run `newsetl run` first")
    con = connect_readonly(path, lockdown=False)
    con.execute("set TimeZone = 'UTC'")  # timestamps come back in UTC whatever the machine's zone
    return con


def report_names() -> list[str]:
    """Names of the reports (sql/reports), each also a function of this module."""
    from flows.settings import load_settings
    from warehouse.db import report_names as names

    return names(load_settings().sql_dir)


def report(
    name: str, data_dir: DataDir = None, *, limit: int | None = None, dataframe: bool = False, **params: Any
) -> Any:
    """One report's rows: a pyarrow.Table, or a pandas.DataFrame with `dataframe=True`.

    `params` are the report's declared parameters (`newsetl report` lists them), e.g. `since="2024-01-01"`
    or `since=datetime.date(2024, 1, 1)`, `language="en"`; each is bound as a value. An unknown parameter
    or a value of the wrong type raises ValueError.
    """
    from flows.settings import load_settings
    from warehouse.report_params import call, read_report

    known = report_names()
    if not _NAME.match(name) or name not in known:
        raise ValueError(f"unknown report {name!r}; reports: {', '.join(known)}")
    if limit is not None and limit < 0:
        raise ValueError("limit must not be negative")
    spec = read_report(load_settings().sql_dir / "reports" / f"{name}.sql")
    sql, bound = call("reports", spec, params, limit)
    con = connect(data_dir)
    try:
        table = con.execute(sql, bound).to_arrow_table()
    finally:
        con.close()
    return _as_dataframe(table) if dataframe else table


def _as_dataframe(table: pa.Table) -> Any:
    """The table as a pandas DataFrame; a clear ImportError when pandas is not installed."""
    from importlib.util import find_spec

    if find_spec("pandas") is None:
        raise ImportError("dataframe=True needs pandas, which newsetl does not install: pip install pandas")
    return table.to_pandas()


def _report_function(name: str) -> Callable[..., Any]:
    def read(data_dir: DataDir = None, *, limit: int | None = None, dataframe: bool = False, **params: Any) -> Any:
        return report(name, data_dir, limit=limit, dataframe=dataframe, **params)

    read.__name__ = read.__qualname__ = name
    read.__doc__ = (
        f"The `{name}` report: a pyarrow.Table, or a pandas.DataFrame with `dataframe=True`; "
        "keyword arguments are its parameters (`newsetl report` lists them)."
    )
    return read


def __getattr__(name: str) -> Any:
    """`newsetl.<report name>(data_dir)`: one function per report."""
    if _NAME.match(name) and name in report_names():
        return _report_function(name)
    raise AttributeError(f"module 'newsetl' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *report_names()})
