"""The real Prefect engine on a temporary database, and a warehouse loaded once from seeds/."""

from __future__ import annotations

from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture(scope="session")
def prefect_harness():
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture(scope="session")
def seeded(prefect_harness, tmp_path_factory):
    """(data_dir, run summary) of one real flow run over seeds/."""
    from flows.pipeline import news_etl

    data_dir = tmp_path_factory.mktemp("seeded")
    summary = news_etl(inputs=[str(SEEDS)], data_dir=str(data_dir))
    return data_dir, summary
