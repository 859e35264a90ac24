"""One self-contained HTML page: the charts' Vega-Lite specifications and the Vega JavaScript, all inline.

The JavaScript is vl-convert's bundle of Vega, Vega-Lite and vega-embed (the one Altair's
`chart.save(..., inline=True)` embeds), so the page opens offline from a file: no CDN, no fetch.
Every chart renders as SVG; the export/editor menu is off because it links out.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from flows.dashboard.charts import figures_over_time_chart, places_map, runs_chart, top_entities_chart
from flows.dashboard.queries import LATEST_RUNS, DashboardData

PAGE_NAME = "index.html"


@dataclass(frozen=True)
class Section:
    """A chart on the page: its element id, heading, one-line explanation and Vega-Lite specification.

    A section without a specification has nothing to draw yet and says so instead.
    """

    chart_id: str
    title: str
    note: str
    spec: dict[str, Any] | None


def build_sections(data: DashboardData) -> list[Section]:
    """Return the page's sections in order, each with its chart's specification."""
    return [
        Section(
            "figures-over-time",
            "Casualty figures over time",
            "People reported killed, wounded, displaced, missing, arrested or kidnapped, per "
            f"{data.period} of publication. A band spans the summed lower..upper ends of the figures' "
            "ranges (\u201cat least 20\u201d counts 20 at its lower end); a triangle marks a "
            f"{data.period} where some figure set no ceiling.",
            figures_over_time_chart(data.figures_over_time, data.period).to_dict() if data.figures_over_time else None,
        ),
        Section(
            "top-entities",
            "Top entities per label and language",
            "The most mentioned people, organisations and places in each language's documents.",
            top_entities_chart(data.top_entities).to_dict() if data.top_entities else None,
        ),
        Section(
            "places-map",
            "Places",
            "Every place the gazetteer resolved (a country at its capital), sized by mentions or by "
            "the casualties placed there (the lower ends of their figures). Basemap: Natural Earth "
            "1:110m via world-atlas 2.0.2 (ISC).",
            places_map(data.places).to_dict(),
        ),
        Section(
            "runs",
            "Run history",
            f"The latest {LATEST_RUNS} runs that committed a batch: what each loaded and how long it took.",
            runs_chart(data.runs).to_dict() if data.runs else None,
        ),
    ]


def script_json(value: Any) -> str:
    """Return JSON safe inside a <script> element (no `</script>` or `<!--` can close or comment it)."""
    text = json.dumps(value, ensure_ascii=False, allow_nan=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def javascript_bundle() -> str:
    """Return vl-convert's Vega + Vega-Lite + vega-embed bundle for Altair's Vega-Lite version."""
    import vl_convert
    from altair.vegalite import SCHEMA_VERSION

    # The stub marks `snippet` required; at run time it defaults to one setting window.vegaEmbed (Altair calls it so).
    vl_version = "_".join(SCHEMA_VERSION.split(".")[:2])
    bundle: str = vl_convert.javascript_bundle(vl_version=vl_version)  # type: ignore[call-arg]
    return bundle.replace("</script", "<\\/script")


def render_page(data: DashboardData, source: str, built_at: dt.datetime) -> str:
    """Return the dashboard as one HTML document."""
    sections = build_sections(data)
    totals = data.totals
    facts = [
        ("documents", totals["document_count"]),
        ("languages", totals["language_count"]),
        ("figures", totals["figure_count"]),
        ("entity mentions", totals["mention_count"]),
        ("runs", totals["run_count"]),
        ("published", f"{_day(totals['first_published_at_utc'])} .. {_day(totals['last_published_at_utc'])}"),
    ]
    summary = "".join(f"<div><b>{html.escape(str(v))}</b><span>{html.escape(k)}</span></div>" for k, v in facts)
    body = "\n".join(_section_html(s) for s in sections)
    specs = script_json({s.chart_id: s.spec for s in sections if s.spec is not None})
    return _TEMPLATE.format(
        title="newsetl dashboard",
        source=html.escape(source),
        built_at=built_at.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        summary=summary,
        body=body,
        bundle=javascript_bundle(),
        specs=specs,
    )


def _section_html(section: Section) -> str:
    """Return a section's heading, note and chart container (or a line saying there is nothing to draw)."""
    chart = (
        f'<div class="chart" id="{section.chart_id}"></div>'
        if section.spec is not None
        else f'<p class="empty" id="{section.chart_id}">Nothing to show yet: the warehouse has no rows for it.</p>'
    )
    return f"<section><h2>{html.escape(section.title)}</h2><p>{html.escape(section.note)}</p>{chart}</section>"


def _day(value: Any) -> str:
    return str(value)[:10] if value else "?"


def write_page(output_dir: Path, page: str) -> Path:
    """Write the page as output_dir/index.html through a temporary file and a rename; return its path."""
    output_dir.mkdir(parents=True, exist_ok=True)
    target = output_dir / PAGE_NAME
    partial = output_dir / f".{PAGE_NAME}.tmp"
    partial.write_text(page, encoding="utf-8")
    os.replace(partial, target)
    return target


_TEMPLATE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 1.5rem auto; max-width: 1100px; color: #222; }}
header p {{ color: #555; margin: 0.2rem 0; }}
.summary {{ display: flex; flex-wrap: wrap; gap: 1.5rem; margin: 1rem 0; }}
.summary div {{ display: flex; flex-direction: column; }}
.summary b {{ font-size: 1.4rem; }}
.summary span {{ color: #666; font-size: 0.85rem; }}
section {{ margin: 2rem 0; }}
section p {{ color: #444; max-width: 60rem; }}
.empty {{ font-style: italic; }}
.chart {{ overflow-x: auto; }}
</style>
<script>
{bundle}
</script>
</head>
<body>
<header>
<h1>{title}</h1>
<p>Warehouse: {source}</p>
<p>Built {built_at}</p>
<div class="summary">{summary}</div>
</header>
{body}
<script>
const specs = {specs};
for (const [id, spec] of Object.entries(specs)) {{
  vegaEmbed("#" + id, spec, {{renderer: "svg", actions: false}})
    .then(() => document.getElementById(id).setAttribute("data-drawn", "true"))
    .catch((error) => console.error("chart " + id + ": " + error));
}}
</script>
</body>
</html>
"""
