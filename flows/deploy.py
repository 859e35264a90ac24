"""Schedules as code: serve `news_etl` on a cron schedule from a long-running process.

Scheduling needs a persistent Prefect server (the embedded one lives only as long as a run):
start `uv run prefect server start`, point PREFECT_API_URL at it, then `newsetl serve`.
"""

from __future__ import annotations

from typing import Any

from flows.pipeline import news_etl
from flows.settings import Settings

DEPLOYMENT_NAME = "news-etl-scheduled"


def build_deployment(settings: Settings, cron: str) -> Any:
    """The scheduled deployment of `news_etl` with the settings' inputs and data dir."""
    return news_etl.to_deployment(
        name=DEPLOYMENT_NAME,
        cron=cron,
        parameters={
            "inputs": [str(p) for p in settings.inputs],
            "data_dir": str(settings.data_dir),
            "batch_docs": settings.batch_docs,
            "workers": settings.workers,
            "metadata_fields": dict(settings.metadata_fields),
        },
        description="Load new articles from the inputs and publish the DuckDB warehouse.",
    )


def serve(settings: Settings, cron: str) -> None:
    """Register the deployment and run its scheduled flow runs until interrupted."""
    from prefect import serve as prefect_serve

    prefect_serve(build_deployment(settings, cron))
