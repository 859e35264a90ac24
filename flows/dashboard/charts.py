"""The dashboard's charts as Vega-Lite specifications, built with Altair from the records of queries.py.

Every chart carries its data inline (no URL to fetch) and the map's basemap is the packaged world-atlas
TopoJSON (data/countries-110m.json, Natural Earth 1:110m; see scripts/build_world_basemap.py).
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import altair as alt

from flows.dashboard.queries import Record

BASEMAP_PATH = Path(__file__).resolve().parent / "data" / "countries-110m.json"
RUN_STATUSES = ("succeeded", "checks_failed", "failed", "interrupted", "incomplete", "running")
RUN_COLOURS = ("#4c78a8", "#e45756", "#b22222", "#f58518", "#9d755d", "#bab0ac")
WIDTH = 760


@cache
def world_topology() -> dict[str, Any]:
    """Return the packaged TopoJSON of the world's countries (degrees, Natural Earth 1:110m)."""
    topology: dict[str, Any] = json.loads(BASEMAP_PATH.read_text(encoding="utf-8"))
    return topology


def figures_over_time_chart(records: list[Record], period: str) -> alt.TopLevelMixin:
    """Casualty figures per period and category: the band spans the summed lower..upper ends of their ranges.

    A rule marks each period's range (visible even for a single period), the line follows the lower
    ends, and a triangle marks a period where some figure set no ceiling (the true upper end is higher).
    """
    base = alt.Chart(alt.Data(values=records)).encode(
        x=alt.X("period_start_date:T", title=f"published ({period}, UTC)", scale=alt.Scale(type="utc")),
        color=alt.Color("category:N", title="category"),
        tooltip=[
            alt.Tooltip("period_start_date:N", title=f"{period} from"),
            alt.Tooltip("category:N"),
            alt.Tooltip("figure_count:Q", title="figures"),
            alt.Tooltip("document_count:Q", title="documents"),
            alt.Tooltip("lower_people:Q", title="people, at least", format=","),
            alt.Tooltip("upper_people:Q", title="people, at most (known ceilings)", format=","),
            alt.Tooltip("open_figure_count:Q", title="figures without a ceiling"),
        ],
    )
    people = alt.Scale(type="symlog")
    band = base.mark_area(opacity=0.25).encode(
        y=alt.Y("lower_people:Q", title="people (lower .. upper bound)", scale=people), y2="upper_people:Q"
    )
    ranges = base.mark_rule(strokeWidth=6, opacity=0.5, strokeCap="round").encode(
        y=alt.Y("lower_people:Q", scale=people), y2="upper_people:Q"
    )
    lower = base.mark_line(point=alt.OverlayMarkDef(size=60)).encode(y=alt.Y("lower_people:Q", scale=people))
    open_top = (
        base.transform_filter("datum.open_figure_count > 0")
        .mark_point(shape="triangle-up", filled=True, size=90, yOffset=-11)
        .encode(y=alt.Y("upper_people:Q", scale=people))
    )
    return alt.layer(band, ranges, lower, open_top).properties(width=WIDTH, height=320)


def top_entities_chart(records: list[Record]) -> alt.TopLevelMixin:
    """Bars of the most mentioned people, organisations and places, one panel per (language, label)."""
    bars = (
        alt.Chart(alt.Data(values=records))
        .mark_bar()
        .encode(
            x=alt.X("mention_count:Q", title="mentions"),
            y=alt.Y("canonical_name:N", title=None, sort=alt.EncodingSortField("rank_in_group", order="ascending")),
            color=alt.Color("label:N", legend=None),
            tooltip=[
                alt.Tooltip("canonical_name:N", title="name"),
                alt.Tooltip("label:N"),
                alt.Tooltip("language:N"),
                alt.Tooltip("mention_count:Q", title="mentions"),
                alt.Tooltip("document_count:Q", title="documents"),
            ],
        )
        .properties(width=200, height=alt.Step(14))
    )
    return bars.facet(
        row=alt.Row("language:N", title="language"), column=alt.Column("label:N", title=None)
    ).resolve_scale(y="independent", x="independent")


def places_map(records: list[Record]) -> alt.TopLevelMixin:
    """Resolved places on a world map (Equal Earth), circles sized by mentions or by casualties (a radio button).

    Without places the map is the basemap alone.
    """
    size_by = alt.param(
        name="size_by",
        value="mentions",
        bind=alt.binding_radio(options=["mentions", "casualties"], name="circle size: "),
    )
    countries = alt.Data(values=world_topology(), format=alt.DataFormat(type="topojson", feature="countries"))
    sphere = alt.Chart(alt.sphere()).mark_geoshape(fill="#eef3f8", stroke="#c8d2dc")
    graticule = alt.Chart(alt.graticule(step=[30, 30])).mark_geoshape(stroke="#d5dde5", strokeWidth=0.5, fill=None)
    land = alt.Chart(countries).mark_geoshape(fill="#dcdcd5", stroke="#ffffff", strokeWidth=0.5)
    points = (
        alt.Chart(alt.Data(values=records))
        .transform_calculate(size_value="size_by == 'casualties' ? datum.casualties_lower : datum.mention_count")
        .mark_circle(opacity=0.65, stroke="#333333", strokeWidth=0.5)
        .encode(
            longitude="longitude:Q",
            latitude="latitude:Q",
            size=alt.Size("size_value:Q", title="mentions or casualties", scale=alt.Scale(range=[8, 1600])),
            color=alt.value("#c0392b"),
            tooltip=[
                alt.Tooltip("canonical_name:N", title="name"),
                alt.Tooltip("country_code:N", title="country"),
                alt.Tooltip("mention_count:Q", title="mentions"),
                alt.Tooltip("document_count:Q", title="documents"),
                alt.Tooltip("casualty_figure_count:Q", title="casualty figures placed here"),
                alt.Tooltip("casualties_lower:Q", title="casualties, at least", format=","),
            ],
        )
        .add_params(size_by)
    )
    layers = [sphere, graticule, land, points] if records else [sphere, graticule, land]
    return alt.layer(*layers).project(type="equalEarth").properties(width=WIDTH, height=400)


def runs_chart(records: list[Record]) -> alt.TopLevelMixin:
    """The run history: documents each run loaded and how long it took, coloured by how it ended."""
    base = alt.Chart(alt.Data(values=records)).encode(
        x=alt.X(
            "started_at:O",
            title="run started (UTC)",
            sort="ascending",
            axis=alt.Axis(labelAngle=-40, labelExpr="utcFormat(toDate(datum.value), '%Y-%m-%d %H:%M')"),
        ),
        color=alt.Color("status:N", scale=alt.Scale(domain=list(RUN_STATUSES), range=list(RUN_COLOURS))),
        tooltip=[
            alt.Tooltip("run_id:N"),
            alt.Tooltip("status:N"),
            alt.Tooltip("started_at:N", title="started (UTC)"),
            alt.Tooltip("duration_s:Q", title="seconds", format=".1f"),
            alt.Tooltip("loaded_document_count:Q", title="documents loaded"),
            alt.Tooltip("input_file_count:Q", title="input files"),
            alt.Tooltip("quarantined_count:Q", title="quarantined"),
            alt.Tooltip("batch_count:Q", title="batches"),
        ],
    )
    loaded = base.mark_bar().encode(y=alt.Y("loaded_document_count:Q", title="documents loaded"))
    took = base.mark_bar().encode(y=alt.Y("duration_s:Q", title="duration (s)"))
    size = {"width": alt.Step(40), "height": 220}
    return alt.hconcat(loaded.properties(**size), took.properties(**size))
