"""The lake on a real S3 server (moto's server mode on 127.0.0.1): object paths, the lock object, committed batches,
and the settings that name a cluster and an object store."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from flows.settings import SettingsError, load_settings
from warehouse import lake
from warehouse.schemas import INPUTS, QUARANTINE, make_row
from warehouse.storage import LakeLockBusy, ObjectLock, ObjectPath, is_url, lake_path

NOW = datetime(2026, 1, 1, tzinfo=UTC)


@pytest.fixture(scope="module")
def bucket() -> Iterator[ObjectPath]:
    """An empty bucket's prefix on a real S3 server on 127.0.0.1."""
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("AWS_ENDPOINT_URL", f"http://{host}:{port}")
        patch.setenv("AWS_ACCESS_KEY_ID", "newsetl-test")
        patch.setenv("AWS_SECRET_ACCESS_KEY", "newsetl-test")
        patch.setenv("AWS_DEFAULT_REGION", "us-east-1")
        root = ObjectPath("s3://storage-test")
        root.fs.mkdir("storage-test")
        try:
            yield root / "prefix"
        finally:
            server.stop()


def _manifest(batch_id: str) -> list[dict]:
    row = make_row(
        INPUTS,
        source_path="/in/a.txt",
        file_sha256="f" * 64,
        size_bytes=3,
        articles_loaded=0,
        articles_duplicate=0,
        rejected=1,
        batch_id=batch_id,
        run_id="r",
        committed_at=NOW,
    )
    return [row]


def _rejects(batch_id: str) -> list[dict]:
    row = make_row(
        QUARANTINE,
        source_path="/in/a.txt",
        line_number=None,
        reason_code="empty",
        reason="empty article (no text)",
        raw_excerpt=None,
        file_sha256=None,
        batch_id=batch_id,
    )
    return [row]


@pytest.mark.parametrize(
    ("location", "url"),
    [
        ("s3://bucket/prefix", True),
        ("gs://bucket", True),
        ("file:///srv/news", False),  # fsspec's local files are a local path
        ("/srv/news", False),
        ("data", False),
    ],
)
def test_is_url_tells_object_stores_from_local_paths(location: str, url: bool) -> None:
    assert is_url(location) is url
    assert isinstance(lake_path(location), ObjectPath if url else Path)


def test_object_paths_join_name_and_pickle_like_paths() -> None:
    import pickle

    path = ObjectPath("s3://bucket/prefix/") / "lake" / "inputs" / "b1.parquet"
    assert str(path) == "s3://bucket/prefix/lake/inputs/b1.parquet"
    assert (path.name, path.stem, str(path.parent)) == ("b1.parquet", "b1", "s3://bucket/prefix/lake/inputs")
    assert pickle.loads(pickle.dumps(path)) == path


def test_a_batch_on_s3_is_committed_by_its_manifest(bucket: ObjectPath) -> None:
    lake_dir = bucket / "commit" / "lake"
    lake.write_parquet(lake.table_dir(lake_dir, QUARANTINE) / "b0.parquet", QUARANTINE, _rejects("b0"))  # no manifest
    lake.write_batch(lake_dir, "b1", {"quarantine": _rejects("b1"), "inputs": _manifest("b1")})
    assert lake.committed_batches(lake_dir) == {"b1"}
    assert [p.name for p in lake.table_files(lake_dir, QUARANTINE)] == ["b1.parquet"]
    assert [p.name for p in lake.discard_uncommitted(lake_dir)] == ["b0.parquet"]
    assert lake.read_column(lake_dir, QUARANTINE, ["batch_id"]).column("batch_id").to_pylist() == ["b1"]


def test_the_lock_object_refuses_a_second_run_until_released(bucket: ObjectPath) -> None:
    lake_dir = bucket / "locked" / "lake"
    with lake.exclusive(lake_dir):
        assert (lake_dir / lake.LOCK_NAME).exists()
        with pytest.raises(lake.LakeBusy, match="another newsetl run"), lake.exclusive(lake_dir):
            pass
    assert not (lake_dir / lake.LOCK_NAME).exists()
    with lake.exclusive(lake_dir):  # free again
        pass


def test_an_expired_lock_object_is_taken_over(bucket: ObjectPath) -> None:
    path = bucket / "expired" / lake.LOCK_NAME
    expired = (datetime.now(UTC) - timedelta(seconds=1)).isoformat()
    path.write_text(json.dumps({"owner": "dead-host:1:x", "expires_at": expired}))
    lock = ObjectLock(path)
    lock.acquire()  # the killed run's lock has expired
    assert lock.owner in path.read_text()
    with pytest.raises(LakeLockBusy, match="held by"):
        ObjectLock(path).acquire()
    lock.release()
    assert not path.exists()


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("tcp://10.0.0.5:8786", "tcp://10.0.0.5:8786"),
        ("10.0.0.5:8786", "tcp://10.0.0.5:8786"),  # the scheme Dask assumes
        ("", None),  # empty: no cluster
    ],
)
def test_dask_address_is_read_as_a_scheduler_address(given: str, expected: str | None) -> None:
    assert load_settings({"dask_address": given}, environ={}).dask_address == expected


def test_a_dask_address_without_port_is_refused() -> None:
    with pytest.raises(SettingsError, match="tcp://HOST:PORT"):
        load_settings({"dask_address": "tcp://scheduler"}, environ={})


def test_a_lake_on_s3_publishes_its_warehouse_locally_and_beside_the_lake(tmp_path: Path) -> None:
    settings = load_settings({"data_dir": "s3://bucket/news"}, environ={})
    assert str(settings.lake_dir) == "s3://bucket/news/lake"
    assert settings.warehouse_path.name == "warehouse.duckdb" and settings.warehouse_path.is_absolute()
    assert str(settings.shared_warehouse) == "s3://bucket/news/warehouse.duckdb"
    local = load_settings({"data_dir": str(tmp_path)}, environ={})
    assert local.warehouse_path == tmp_path / "warehouse.duckdb" and local.shared_warehouse is None


def test_a_document_another_batch_committed_first_becomes_a_duplicate() -> None:
    from flows.batch import BatchRows, BatchStats
    from flows.distributed import without_documents

    rows = {
        "documents": [
            {"doc_id": "d1", "source_path": "/in/a.jsonl", "word_count": 10},
            {"doc_id": "d2", "source_path": "/in/a.jsonl", "word_count": 20},
            {"doc_id": "d3", "source_path": "/in/b.txt", "word_count": 5},
        ],
        "entity_mentions": [{"doc_id": "d1"}, {"doc_id": "d2"}, {"doc_id": "d2"}],
        "figures": [{"doc_id": "d2"}],
        "removed_noise": [{"doc_id": "d3"}],
        "article_versions": [{"doc_id": "d1"}, {"doc_id": "d2"}, {"doc_id": "d3"}],
        "inputs": [
            {"source_path": "/in/a.jsonl", "articles_loaded": 2, "articles_duplicate": 1},
            {"source_path": "/in/b.txt", "articles_loaded": 1, "articles_duplicate": 0},
        ],
    }
    stats = BatchStats("b1", 2, 3, 1, 0, 1, 3, 1, 35)
    batch = without_documents(BatchRows(rows, stats, {"d1", "d2", "d3"}), {"d2"})
    assert [r["doc_id"] for r in batch.rows["documents"]] == ["d1", "d3"]
    assert batch.rows["entity_mentions"] == [{"doc_id": "d1"}] and batch.rows["figures"] == []
    assert len(batch.rows["article_versions"]) == 3  # the version was read; its text is already loaded
    assert [(r["articles_loaded"], r["articles_duplicate"]) for r in batch.rows["inputs"]] == [(1, 2), (1, 0)]
    assert (batch.stats.documents_loaded, batch.stats.duplicates, batch.stats.words) == (2, 2, 15)
    assert batch.doc_ids == {"d1", "d3"}
    assert without_documents(batch, set()) is batch
