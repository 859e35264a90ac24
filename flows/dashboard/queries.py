"""What the dashboard shows, read from the published warehouse's marts on one read-only connection.

Each query names its grain and columns as a relation in sql/ does; parameters are bound, never pasted.
The values come back as JSON-ready records (dates and times as ISO 8601 text, numbers as floats or ints).
A figure's range follows the casualty reports (sql/reports/casualty_figures.sql): exact -> value..value,
approximate -> its stated value at both ends, "at least" -> lower..open, "up to" -> 0..upper.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb

from warehouse.db import WarehouseError, connect_readonly

Record = dict[str, Any]
TOP_ENTITIES = 10  # entities shown per (language, label)
LATEST_RUNS = 100  # runs shown in the run history

# The span of publication dates (UTC) of documents with a casualty figure.
FIGURE_SPAN_SQL = """
select
    min(d.published_at_utc) as first_at,
    max(d.published_at_utc) as last_at
from main.figures as f
inner join vocab.figure_category as c on f.category = c.code and c.kind = 'casualty'
inner join main.documents as d on f.doc_id = d.doc_id
"""

# grain: one row per (period, category) with a dated casualty figure; period = date_trunc(?, UTC date).
# columns: period_start_date, category, figure_count, document_count, lower_people (sum of lower ends),
#   upper_people (sum of upper ends, a figure without a ceiling counted at its lower end),
#   open_figure_count (figures without a ceiling: the true upper end is higher)
FIGURES_OVER_TIME_SQL = """
with
casualty_figures as (
    select
        f.doc_id,
        f.category,
        coalesce(f.lower, case when f.qualifier = 'approximately' then f.value end, 0) as range_lower,
        coalesce(f.upper, case when f.qualifier in ('exact', 'approximately') then f.value end) as range_upper
    from main.figures as f
    inner join vocab.figure_category as c on f.category = c.code and c.kind = 'casualty'
),

dated as (
    select
        f.*,
        cast(date_trunc(?, timezone('UTC', d.published_at_utc)) as date) as period_start_date
    from casualty_figures as f
    inner join main.documents as d on f.doc_id = d.doc_id
    where d.published_at_utc is not null
),

final as (
    select
        period_start_date,
        cast(category as varchar) as category,
        cast(count(*) as bigint) as figure_count,
        cast(count(distinct doc_id) as bigint) as document_count,
        cast(sum(range_lower) as double) as lower_people,
        cast(sum(coalesce(range_upper, range_lower)) as double) as upper_people,
        cast(count(*) - count(range_upper) as bigint) as open_figure_count
    from dated
    group by period_start_date, category
)

select * from final
order by period_start_date, category
"""

# grain: one row per (language, label, entity) among the top ? of each (language, label).
# columns: language, label, rank_in_group, canonical_name, document_count, mention_count, entity_id
TOP_ENTITIES_SQL = """
with
mentions as (
    select
        m.doc_id,
        m.entity_id,
        m.label,
        d.language
    from main.entity_mentions as m
    inner join vocab.entity_label as l on m.label = l.code and l.kind = 'name'
    inner join main.documents as d on m.doc_id = d.doc_id
),

counted as (
    select
        language,
        label,
        entity_id,
        count(distinct doc_id) as document_count,
        count(*) as mention_count
    from mentions
    group by language, label, entity_id
),

ranked as (
    select
        c.*,
        e.canonical_name,
        row_number() over (
            partition by c.language, c.label
            order by c.document_count desc, c.mention_count desc, e.canonical_name asc
        ) as rank_in_group
    from counted as c
    inner join main.entities as e on c.entity_id = e.entity_id
),

final as (
    select
        cast(language as varchar) as language,
        cast(label as varchar) as label,
        cast(rank_in_group as bigint) as rank_in_group,
        cast(canonical_name as varchar) as canonical_name,
        cast(document_count as bigint) as document_count,
        cast(mention_count as bigint) as mention_count,
        cast(entity_id as varchar) as entity_id
    from ranked
    where rank_in_group <= ?
)

select * from final
order by language, label, rank_in_group
"""

# grain: one row per resolved place (a LOC entity with coordinates).
# columns: entity_id, canonical_name, country_code, feature_type, latitude, longitude (degrees, WGS84),
#   document_count, mention_count, casualty_figure_count (casualty figures placed there),
#   casualties_lower (people: the sum of those figures' lower ends)
PLACES_SQL = """
with
places as (
    select *
    from main.entities
    where label = 'LOC' and latitude is not null and longitude is not null
),

casualties as (
    select
        f.place_entity_id as entity_id,
        count(*) as casualty_figure_count,
        sum(coalesce(f.lower, case when f.qualifier = 'approximately' then f.value end, 0)) as casualties_lower
    from main.figures as f
    inner join vocab.figure_category as c on f.category = c.code and c.kind = 'casualty'
    where f.place_entity_id is not null
    group by f.place_entity_id
),

final as (
    select
        cast(p.entity_id as varchar) as entity_id,
        cast(p.canonical_name as varchar) as canonical_name,
        cast(p.country_code as varchar) as country_code,
        cast(p.feature_type as varchar) as feature_type,
        cast(p.latitude as double) as latitude,
        cast(p.longitude as double) as longitude,
        cast(p.document_count as bigint) as document_count,
        cast(p.mention_count as bigint) as mention_count,
        cast(coalesce(c.casualty_figure_count, 0) as bigint) as casualty_figure_count,
        cast(coalesce(c.casualties_lower, 0) as double) as casualties_lower
    from places as p
    left join casualties as c on p.entity_id = c.entity_id
)

select * from final
order by mention_count desc, canonical_name asc
"""

# grain: one row per run that committed a batch (main.runs), the latest ? of them.
# columns: run_id, status, started_at, finished_at (UTC), duration_s (seconds), batch_count,
#   input_file_count, loaded_document_count, quarantined_count
RUNS_SQL = """
with
latest as (
    select *
    from main.runs
    order by started_at desc
    limit ?
),

final as (
    select
        run_id,
        status,
        started_at,
        finished_at,
        cast(epoch(finished_at) - epoch(started_at) as double) as duration_s,
        batch_count,
        input_file_count,
        loaded_document_count,
        quarantined_count
    from latest
)

select * from final
order by started_at
"""

# grain: the whole warehouse. columns: document_count, language_count, first/last_published_at_utc,
#   figure_count, mention_count, run_count
TOTALS_SQL = """
select
    (select count(*) from main.documents) as document_count,
    (select count(distinct language) from main.documents) as language_count,
    (select min(published_at_utc) from main.documents) as first_published_at_utc,
    (select max(published_at_utc) from main.documents) as last_published_at_utc,
    (select count(*) from main.figures) as figure_count,
    (select count(*) from main.entity_mentions) as mention_count,
    (select count(*) from main.runs) as run_count
"""


@dataclass(frozen=True)
class DashboardData:
    """Every dataset the dashboard draws, as JSON-ready records."""

    totals: Record
    period: str  # the grain of figures_over_time: day, week or month
    figures_over_time: list[Record]
    top_entities: list[Record]
    places: list[Record]
    runs: list[Record]


def period_for_span(first: dt.datetime | None, last: dt.datetime | None) -> str:
    """Return the time grain that keeps a span readable: day up to two months, week up to a year, else month."""
    if first is None or last is None:
        return "day"
    days = (last - first).days
    if days <= 62:
        return "day"
    return "week" if days <= 366 else "month"


def json_value(value: Any) -> Any:
    """Return a value JSON can carry: dates and times as ISO 8601 text, decimals as floats."""
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(dt.UTC)
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    return value


def _records(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any] | None = None) -> list[Record]:
    relation = con.execute(sql, params or [])
    columns = [d[0] for d in relation.description or []]
    return [{c: json_value(v) for c, v in zip(columns, row, strict=True)} for row in relation.fetchall()]


def read_dashboard_data(warehouse_path: Path, top: int = TOP_ENTITIES) -> DashboardData:
    """Read the dashboard's datasets from the published warehouse (read-only); WarehouseError when it cannot."""
    con = connect_readonly(warehouse_path)
    try:
        first, last = con.execute(FIGURE_SPAN_SQL).fetchone() or (None, None)
        period = period_for_span(first, last)
        [totals] = _records(con, TOTALS_SQL)
        return DashboardData(
            totals=totals,
            period=period,
            figures_over_time=_records(con, FIGURES_OVER_TIME_SQL, [period]),
            top_entities=_records(con, TOP_ENTITIES_SQL, [top]),
            places=_records(con, PLACES_SQL),
            runs=_records(con, RUNS_SQL, [LATEST_RUNS]),
        )
    except duckdb.Error as err:
        raise WarehouseError(f"the dashboard's queries failed: {str(err).strip().splitlines()[0]}") from err
    finally:
        con.close()
