"""`newsetl serve` and `newsetl server` refuse mistakes in one line; the deployment runs one at a time."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from flows.cli import main
from flows.cli.scheduling import server_environment
from flows.deploy import ScheduleError, build_deployment, check_schedule, new_input_files
from flows.settings import load_settings


def _one_line(capsys) -> str:
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and "Traceback" not in err, err
    return err


def _closed_port() -> int:
    """A local port nothing listens on (bound, then released)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.parametrize(
    "cron",
    [
        "61 * * * *",  # no 61st minute
        "every hour",  # words are no schedule
        "*/5 * * *",  # four fields
    ],
)
def test_a_bad_cron_is_one_line_and_status_2(monkeypatch, capsys, tmp_path, cron):
    monkeypatch.setenv("PREFECT_API_URL", f"http://127.0.0.1:{_closed_port()}/api")
    assert main(["serve", "--cron", cron, "--input", str(tmp_path), "--data-dir", str(tmp_path)]) == 2
    assert "not a cron schedule" in _one_line(capsys)


def test_an_unreachable_server_is_one_line_and_status_2(monkeypatch, capsys, tmp_path):
    monkeypatch.setenv("PREFECT_API_URL", f"http://127.0.0.1:{_closed_port()}/api")
    assert main(["serve", "--interval", "60", "--input", str(tmp_path), "--data-dir", str(tmp_path)]) == 2
    err = _one_line(capsys)
    assert "no Prefect server answers at http://127.0.0.1:" in err and "newsetl server" in err


def test_serve_without_a_server_address_says_how_to_get_one(monkeypatch, capsys, tmp_path):
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    assert main(["serve", "--input", str(tmp_path)]) == 2
    assert "newsetl server" in _one_line(capsys)


def test_server_refuses_a_taken_port_in_one_line(capsys):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["server", "--port", str(port)]) == 2
    assert f"port {port} on 127.0.0.1 is taken" in _one_line(capsys)


def test_the_server_and_its_ui_are_told_the_api_address_of_their_own_port():
    env = server_environment("127.0.0.1", 4300, {"PATH": "/bin"})
    assert env["PREFECT_API_URL"] == env["PREFECT_UI_API_URL"] == "http://127.0.0.1:4300/api"
    assert env["PREFECT_SERVER_API_PORT"] == "4300" and env["PATH"] == "/bin"


@pytest.mark.parametrize(
    ("cron", "interval"),
    [
        (None, None),  # neither
        ("0 * * * *", 60.0),  # both
        (None, 0.0),  # a zero interval never waits
    ],
)
def test_a_schedule_is_one_cron_or_one_positive_interval(cron, interval):
    with pytest.raises(ScheduleError):
        check_schedule(cron, interval)


def test_the_deployment_runs_one_at_a_time_and_cancels_an_overlapping_run(tmp_path):
    settings = load_settings({"data_dir": str(tmp_path), "inputs": [str(tmp_path)]}, environ={})
    deployment = build_deployment(settings, interval_seconds=30)
    assert deployment.concurrency_limit == 1
    assert deployment.concurrency_options.collision_strategy.value == "CANCEL_NEW"
    assert deployment.schedules[0].schedule.interval.total_seconds() == 30


def test_new_input_files_counts_what_no_batch_has_committed(tmp_path: Path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a.txt").write_text("An invented article about a harbour.", encoding="utf-8")
    settings = load_settings({"data_dir": str(tmp_path / "data"), "inputs": [str(inputs)]}, environ={})
    assert new_input_files(settings) == (1, [])
    gone = load_settings({"data_dir": str(tmp_path / "data"), "inputs": [str(tmp_path / "gone")]}, environ={})
    assert new_input_files(gone) == (0, [str(tmp_path / "gone")])
