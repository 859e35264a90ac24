"""Schedules as code: `news_etl` served on a schedule from a long-running process.

Scheduling needs a persistent Prefect server (`newsetl server`), with PREFECT_API_URL pointing at it;
`newsetl serve` registers the deployment there and runs its scheduled flow runs. Operators can rely on:

- one run at a time: the deployment's concurrency limit is 1 and a run falling due while another is
  still loading is cancelled by the server ("Deployment concurrency limit reached"), never failed;
  the next run picks up whatever is new;
- a run with nothing new returns at once: no lake lock, no warehouse rebuild, no artifact; a run that
  loads writes one artifact (the run summary) and one log line saying what it loaded;
- expected endings are one log line each, not a traceback: a manual `newsetl run` holding the lake
  (the scheduled run is cancelled), failed warehouse checks, a full disk (the run fails).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from prefect import flow, get_run_logger
from prefect.client.schemas.objects import ConcurrencyLimitConfig, ConcurrencyLimitStrategy
from prefect.states import Cancelled, Failed

from flows import progress
from flows.pipeline import ChecksFailed, RunSummary, news_etl
from flows.settings import Settings, load_settings

DEPLOYMENT_NAME = "news-etl-scheduled"
ONE_AT_A_TIME = ConcurrencyLimitConfig(limit=1, collision_strategy=ConcurrencyLimitStrategy.CANCEL_NEW)


class ScheduleError(ValueError):
    """A schedule the user gave cannot be used."""


def check_schedule(cron: str | None, interval_seconds: float | None) -> None:
    """ScheduleError unless exactly one of a valid five-field cron expression and a positive interval is given."""
    if (cron is None) == (interval_seconds is None):
        raise ScheduleError("give either a cron schedule or an interval")
    if cron is None:
        if interval_seconds is not None and interval_seconds <= 0:
            raise ScheduleError(f"the interval must be a positive number of seconds, got {interval_seconds:g}")
        return
    from prefect.client.schemas.schedules import CronSchedule

    try:
        CronSchedule(cron=cron)
    except ValueError:
        raise ScheduleError(
            f"not a cron schedule: {cron!r} (five fields: minute hour day-of-month month day-of-week, "
            "e.g. '0 * * * *' for every hour)"
        ) from None


def build_deployment(settings: Settings, cron: str | None = None, interval_seconds: float | None = None) -> Any:
    """The scheduled deployment of `scheduled_news_etl` with the settings' inputs and data dir, one run at a time."""
    check_schedule(cron, interval_seconds)
    return scheduled_news_etl.to_deployment(
        name=DEPLOYMENT_NAME,
        cron=cron,
        interval=timedelta(seconds=interval_seconds) if interval_seconds is not None else None,
        concurrency_limit=ONE_AT_A_TIME,
        parameters={
            "inputs": [str(p) for p in settings.inputs],
            "data_dir": str(settings.data_dir),
            "batch_docs": settings.batch_docs,
            "workers": settings.workers,
            "metadata_fields": dict(settings.metadata_fields),
        },
        description="Load new articles from the inputs and publish the DuckDB warehouse (one run at a time).",
    )


def serve(settings: Settings, cron: str | None = None, interval_seconds: float | None = None) -> None:
    """Register the deployment and run its scheduled flow runs until interrupted."""
    from prefect import serve as prefect_serve

    prefect_serve(build_deployment(settings, cron, interval_seconds))


def new_input_files(settings: Settings) -> tuple[int, list[str]]:
    """How many input files are not yet committed with all their content (a file loaded in parts counts until its
    parts reach its end), and the input paths that are missing."""
    from flows.io.sources import discover_files
    from flows.tasks import committed_inputs, is_complete

    files, missing = discover_files(settings.inputs)
    whole, parts = committed_inputs(settings.lake_dir)
    waiting = 0
    for file in files:
        key = (str(file.path), file.sha256)
        waiting += key not in whole and not is_complete(parts.get(key, {}))
    return waiting, [str(p) for p in missing]


def describe_run(summary: RunSummary) -> str:
    """The served run's log line: what it loaded, how long it took, whether the checks passed."""
    batches = len(summary.batches)
    return (
        f"loaded {summary.new_files} new file(s) in {batches} batch(es): {summary.documents_loaded} articles "
        f"({summary.total('duplicates')} duplicates, {summary.rejected} quarantined), {summary.total('figures')} "
        f"figures, {summary.total('entity_mentions')} entity mentions in {summary.seconds:.1f} s; checks passed"
    )


@flow(name="news_etl_scheduled", log_prints=False)
def scheduled_news_etl(
    inputs: list[str] | None = None,
    data_dir: str | None = None,
    batch_docs: int | None = None,
    workers: int | None = None,
    metadata_fields: dict[str, str] | None = None,
) -> Any:
    """`news_etl` when there is something new to load (or no warehouse yet), with one log line per run."""
    from flows.lifecycle import operational_failure
    from warehouse.lake import LakeBusy

    logger = get_run_logger()
    settings = load_settings(
        {
            "inputs": inputs,
            "data_dir": data_dir,
            "batch_docs": batch_docs,
            "workers": workers,
            "metadata_fields": metadata_fields,
        }
    )
    waiting, missing = new_input_files(settings)
    if missing:
        return Failed(message=f"input path does not exist: {missing[0]}")
    if not waiting and settings.warehouse_path.is_file():
        logger.info("nothing new in %s; the warehouse is unchanged", ", ".join(map(str, settings.inputs)))
        return None
    try:
        with progress.listening(lambda done: logger.info("%s", done.describe())):
            summary = news_etl.fn(inputs, data_dir, batch_docs, workers, metadata_fields)
    except LakeBusy as err:
        logger.warning("skipped: %s", err)
        return Cancelled(message=f"skipped: {err}")
    except ChecksFailed as err:
        logger.error("warehouse checks failed: %s", err)
        return Failed(message=f"warehouse checks failed: {str(err).splitlines()[0]}")
    except Exception as err:
        failure = operational_failure(err)
        if failure is None:
            raise
        logger.error("%s: %s; batches already committed are kept", failure[1], err)
        return Failed(message=f"{failure[1]}: {err}")
    logger.info("%s", describe_run(summary))
    return summary
