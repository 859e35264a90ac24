"""The scheduled deployment entrypoint builds (no server needed to build it)."""

from __future__ import annotations

from pathlib import Path

from flows.deploy import DEPLOYMENT_NAME, build_deployment
from flows.settings import load_settings


def test_build_deployment_schedules_news_etl_with_the_settings(tmp_path):
    settings = load_settings({"data_dir": str(tmp_path), "inputs": [str(tmp_path / "in")]}, environ={})
    deployment = build_deployment(settings, "15 3 * * *")
    assert deployment.name == DEPLOYMENT_NAME
    assert deployment.parameters["data_dir"] == str(Path(tmp_path).resolve())
    assert deployment.schedules[0].schedule.cron == "15 3 * * *"
