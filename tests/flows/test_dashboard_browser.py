"""`newsetl dashboard` on the seeded warehouse, rendered offline in a real headless Chromium.

The browser is Debian's `chromium`; when it is missing and the tests run as root (as CI does), the
session fixture installs it with apt-get. Chromium loads the page from a file with every host name
unresolvable, runs its scripts under a virtual-time budget (so rendering finishes before the DOM is
dumped) and logs every console message to stderr: the page must log none, and each chart must have
drawn SVG marks.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from flows.cli import main
from flows.dashboard.page import PAGE_NAME, render_page, write_page
from flows.dashboard.queries import DashboardData

BROWSERS = ("chromium", "chromium-browser")
CHART_IDS = ("figures-over-time", "top-entities", "places-map", "runs")
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
    "--host-resolver-rules=MAP * ~NOTFOUND",  # offline: any fetch from the page fails and logs
    "--enable-logging=stderr",
    "--v=0",
    "--virtual-time-budget=30000",
)
# Chromium's own log lines for the page's console (any level): `...:INFO:CONSOLE(12)] "message", source: ...`
CONSOLE_LINE = re.compile(r":CONSOLE[:(]")
SVG_PATH = re.compile(r'<path[^>]* d="M')


def _find_chromium() -> str | None:
    return next((path for name in BROWSERS if (path := shutil.which(name))), None)


@pytest.fixture(scope="session")
def chromium() -> str:
    """The path of a headless-capable Chromium, installed from Debian's packages when missing and we are root."""
    found = _find_chromium()
    if found:
        return found
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        pytest.skip("no chromium on PATH, and installing it needs root and apt-get (apt-get install chromium)")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for command in (["apt-get", "update", "-q"], ["apt-get", "install", "-y", "-q", "chromium"]):
        done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=900, check=False)
        assert done.returncode == 0, f"{' '.join(command)} failed:\n{done.stderr[-2000:]}"
    found = _find_chromium()
    assert found, "apt-get installed chromium but no chromium is on PATH"
    return found


def _render(chromium: str, page: Path, profile: Path) -> tuple[str, str]:
    """The DOM after the page's scripts ran, and Chromium's stderr."""
    command = [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--dump-dom", page.as_uri()]
    done = subprocess.run(command, capture_output=True, text=True, timeout=180, check=False)
    assert done.returncode == 0, f"chromium exited {done.returncode}:\n{done.stderr[-2000:]}"
    return done.stdout, done.stderr


class _Links(HTMLParser):
    """Every src/href attribute of the page's elements (script text is data to the parser, never tags)."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.links += [f"<{tag} {name}={value}>" for name, value in attrs if name in ("src", "href")]


def _chart_markup(dom: str, chart_id: str) -> str:
    """The markup of one chart's container (up to the end of its section)."""
    start = dom.index(f'id="{chart_id}"')
    return dom[start : dom.index("</section>", start)]


def test_dashboard_draws_every_chart_offline_in_headless_chromium(seeded, chromium, tmp_path, capsys):
    data_dir, _ = seeded
    out = tmp_path / "dashboard"
    assert main(["dashboard", "--data-dir", str(data_dir), "--output", str(out)]) == 0
    page = out / PAGE_NAME
    assert capsys.readouterr().out.strip() == str(page)
    html = page.read_text(encoding="utf-8")
    links = _Links()
    links.feed(html)
    assert links.links == [], "the page must load nothing from elsewhere"

    dom, log = _render(chromium, page, tmp_path / "profile")

    console = [line for line in log.splitlines() if CONSOLE_LINE.search(line)]
    assert console == [], "the page logged to the console:\n" + "\n".join(console)
    for chart_id in CHART_IDS:
        markup = _chart_markup(dom, chart_id)
        assert 'data-drawn="true"' in markup, f"{chart_id}: vegaEmbed did not finish"
        assert "<svg" in markup, f"{chart_id}: no SVG"
        assert SVG_PATH.search(markup), f"{chart_id}: the SVG has no drawn mark"
    world = _chart_markup(dom, "places-map")
    assert len(SVG_PATH.findall(world)) > 170, "the basemap's countries were not drawn"
    assert 'aria-roledescription="circle"' in world or "mark-symbol" in world, "no place was drawn"


def test_an_empty_warehouse_draws_the_basemap_says_what_is_missing_and_logs_nothing(chromium, tmp_path):
    totals = {"document_count": 0, "language_count": 0, "figure_count": 0, "mention_count": 0, "run_count": 0}
    empty = DashboardData(
        {**totals, "first_published_at_utc": None, "last_published_at_utc": None}, "day", [], [], [], []
    )
    page = write_page(tmp_path / "dashboard", render_page(empty, "warehouse.duckdb", dt.datetime.now(dt.UTC)))

    dom, log = _render(chromium, page, tmp_path / "profile")

    assert [line for line in log.splitlines() if CONSOLE_LINE.search(line)] == []
    for chart_id in ("figures-over-time", "top-entities", "runs"):
        assert "Nothing to show yet" in _chart_markup(dom, chart_id)
    assert len(SVG_PATH.findall(_chart_markup(dom, "places-map"))) > 170
