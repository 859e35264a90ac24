"""Report parameters: declared once in a report's SQL header, bound as values, never spliced into SQL.

A report (sql/reports/NAME.sql) declares each parameter on a header line of its own:

    -- param since (date, default null): documents published on or after this day (UTC)

name (lowercase, `[a-z][a-z0-9_]*`), type (`date`, `varchar`, `bigint` or `double`), default (`null`, a
number or a single-quoted string) and a one-line description. The warehouse holds each report twice
over one body: a table macro `reports.NAME(p_since := null, ...)`, and the view `reports.NAME`
(`select * from reports.NAME()`, every default) for analysts who `select * from reports.NAME`.
`newsetl report NAME --since 2024-01-01` and `newsetl.report(NAME, since=...)` call the macro with each
value as a prepared parameter (`p_since := cast(? as date)`), so text such as `x' or 1=1 --` is only
ever a value.

The body reads a parameter as `p_<name>` (MACRO_PREFIX). Inside a DuckDB table macro a bare identifier
named like a macro parameter is the parameter, even where a column of the body, or of a view the body
reads, has that name; the prefix keeps parameters apart from every column name (no relation of the
warehouse has a `p_` column: tests/sql/test_report_params.py checks it).

A shared table macro (sql/macros/NAME.sql, e.g. `main.documents_in_range`, the documents the date and
language parameters keep) declares its parameters the same way and is created after the marts and before
the reports, as a macro only; a report passes its own parameters on: `main.documents_in_range(p_since :=
p_since, ...)`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

MACRO_PREFIX = "p_"
TYPES = ("date", "varchar", "bigint", "double")
NAME = re.compile(r"^[a-z][a-z0-9_]*$")
PARAM_LINE = re.compile(
    r"^-- param (?P<name>[a-z][a-z0-9_]*) \((?P<type>[a-z]+), default (?P<default>null|-?\d+(?:\.\d+)?|'[^']*')\):"
    r" (?P<description>\S.*)$"
)
# A sentence ends at a period after a letter, digit or bracket ("displaced, ... where" runs on).
_SENTENCE_END = re.compile(r"(?<=[A-Za-z0-9)\]'\"])\.(?=\s|$)")


class ParamError(ValueError):
    """An unknown report, an unknown parameter, a value of the wrong type, or a malformed header."""


@dataclass(frozen=True)
class ReportParam:
    """One declared parameter: name, DuckDB type, default as a SQL literal, one-line description."""

    name: str
    type: str
    default_sql: str
    description: str

    @property
    def macro_name(self) -> str:
        """The macro's parameter: `p_since`."""
        return MACRO_PREFIX + self.name

    @property
    def flag(self) -> str:
        """The command-line option: `--since`, `--min-documents`."""
        return "--" + self.name.replace("_", "-")

    def convert(self, value: Any) -> Any:
        """A given value (text from the command line, or a Python value) as the parameter's type."""
        if value is None:
            return None
        try:
            if self.type == "date":
                return value if isinstance(value, date) else date.fromisoformat(str(value))
            if self.type == "bigint":
                if isinstance(value, bool) or (isinstance(value, float) and not value.is_integer()):
                    raise ValueError(value)
                return int(value)
            if self.type == "double":
                return float(value)
        except ValueError:
            raise ParamError(f"{self.flag} takes a {_KIND[self.type]}, not {str(value)!r}") from None
        return str(value)


_KIND = {"date": "date (YYYY-MM-DD)", "bigint": "whole number", "double": "number", "varchar": "text"}


@dataclass(frozen=True)
class ReportSpec:
    """A report: its name, one-line description and declared parameters."""

    name: str
    description: str
    params: tuple[ReportParam, ...]

    def param(self, name: str) -> ReportParam:
        """The declared parameter `name` (a flag's dashes read as underscores); ParamError otherwise."""
        key = name.lstrip("-").replace("-", "_")
        for param in self.params:
            if param.name == key:
                return param
        known = ", ".join(p.flag for p in self.params) or "none"
        raise ParamError(f"report {self.name} has no parameter {name!r} (its parameters: {known})")


def header_lines(text: str) -> list[str]:
    """The leading comment lines of a SQL file, comment marks kept."""
    lines = []
    for line in text.splitlines():
        if not line.startswith("--"):
            break
        lines.append(line)
    return lines


def parse_report(name: str, text: str) -> ReportSpec:
    """A report's description and parameters from its SQL text; ParamError for a malformed `-- param` line."""
    lines = header_lines(text)
    params: list[ReportParam] = []
    prose: list[str] = []
    for line in lines:
        if line.startswith("-- param"):
            match = PARAM_LINE.match(line)
            if match is None or match["type"] not in TYPES:
                raise ParamError(f"{name}.sql: malformed parameter line {line!r} (see warehouse/report_params.py)")
            params.append(ReportParam(match["name"], match["type"], match["default"], match["description"]))
        elif not params and not re.match(r"^-- (grain|depends on|columns):", line):
            prose.append(line[2:].strip())
        else:
            prose.append("")  # prose stops at the first structured line
    names = [p.name for p in params]
    if len(set(names)) != len(names):
        raise ParamError(f"{name}.sql: a parameter is declared twice")
    first = " ".join(_first_block(prose)).removeprefix(f"{name}:").strip()
    end = _SENTENCE_END.search(first)
    return ReportSpec(name, first[: end.start() + 1] if end else first, tuple(params))


def _first_block(prose: Sequence[str]) -> list[str]:
    block: list[str] = []
    for line in prose:
        if not line:
            break
        block.append(line)
    return block


def read_report(path: Path) -> ReportSpec:
    """The spec of sql/reports/NAME.sql."""
    return parse_report(path.stem, path.read_text(encoding="utf-8"))


def create_statements(schema: str, spec: ReportSpec, body: str, view: bool = True) -> list[str]:
    """The table macro `schema.NAME(p_param := default, ...)` over the body, then (view) the view of its defaults."""
    signature = ", ".join(f"{p.macro_name} := cast({p.default_sql} as {p.type})" for p in spec.params)
    macro = f"create or replace macro {schema}.{spec.name}({signature}) as table\n{body}"
    if not view:
        return [macro]
    return [macro, f"create or replace view {schema}.{spec.name} as select * from {schema}.{spec.name}()"]


def call(schema: str, spec: ReportSpec, values: Mapping[str, Any], limit: int | None = None) -> tuple[str, list[Any]]:
    """The SELECT calling a report's macro with the given values bound (None = the default), and its parameters."""
    if limit is not None and limit < 0:
        raise ParamError("--limit must not be negative")
    args: list[str] = []
    bound: list[Any] = []
    for key, value in values.items():
        param = spec.param(key)
        if value is None:
            continue
        args.append(f"{param.macro_name} := cast(? as {param.type})")
        bound.append(param.convert(value))
    sql = f"select * from {schema}.{spec.name}({', '.join(args)})"
    if limit is not None:
        sql += " limit ?"
        bound.append(limit)
    return sql, bound


def usage(spec: ReportSpec) -> str:
    """A report's listing: name, description, then one line per parameter."""
    lines = [f"{spec.name}: {spec.description}"]
    for p in spec.params:
        lines.append(f"    {p.flag} {p.type.upper()} (default {p.default_sql}): {p.description}")
    return "\n".join(lines)
