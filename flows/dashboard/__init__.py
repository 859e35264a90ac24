"""The dashboard: one offline HTML page of charts and a map drawn from the published warehouse.

queries.py reads the marts (read-only), charts.py turns the records into Vega-Lite with Altair,
page.py writes the page with Vega's JavaScript inlined. `newsetl dashboard --output DIR` calls
`build_dashboard`.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

__all__ = ["build_dashboard"]


def build_dashboard(warehouse_path: Path, output_dir: Path, built_at: dt.datetime) -> Path:
    """Write output_dir/index.html from the warehouse and return its path; WarehouseError when it cannot be read."""
    from flows.dashboard.page import render_page, write_page
    from flows.dashboard.queries import read_dashboard_data

    data = read_dashboard_data(warehouse_path)
    return write_page(output_dir, render_page(data, str(warehouse_path), built_at))
