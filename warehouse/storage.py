"""Where the lake lives: a local folder (a `Path`) or an fsspec URL such as `s3://bucket/prefix` (an `ObjectPath`).

`ObjectPath` offers the few `pathlib.Path` operations the lake uses (join, list, read, write, delete,
stat), so the lake's code is the same for both. What differs is how a write becomes visible and how
a run holds the lake:

- On a local disk a file is written under a temporary name, flushed and renamed into place
  (`warehouse.lake`). An object store has no rename, but a PUT is atomic: an object is seen whole or
  not at all, so an object is written once, in place. A batch is still committed by its manifest,
  written last.
- A run holds a local lake with `flock`; an object store has no locks, so `ObjectLock` writes a lock
  object with a conditional PUT (`If-None-Match: *`: it fails when the object exists), holding its
  owner and an expiry that a thread renews while the run lasts. A lock whose expiry has passed
  (its run was killed) is removed and taken again by the next run.

Listings are never cached (another process, a Dask worker, may have written since), and credentials
and the endpoint come from the usual places of the filesystem's library (for S3: the `AWS_*`
environment variables such as `AWS_ENDPOINT_URL`, or `~/.aws`).
"""

from __future__ import annotations

import fnmatch
import json
import os
import socket
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cached_property
from pathlib import Path, PurePosixPath
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:  # fsspec (and s3fs) load with the first object path used, never for a local lake
    from fsspec.spec import AbstractFileSystem  # type: ignore[import-untyped]

LOCK_SECONDS = 600  # a lock object not renewed for this long belongs to a dead run
RENEW_SECONDS = LOCK_SECONDS / 5


def is_url(text: str) -> bool:
    """Whether a data location names an fsspec filesystem (`s3://...`) rather than a local path."""
    protocol, sep, _ = text.partition("://")
    return bool(sep) and protocol not in ("", "file")


@dataclass(frozen=True)
class ObjectStat:
    """What a lake stamp needs of an object: its size and a token that changes when it is rewritten."""

    st_size: int
    st_mtime_ns: int
    version: str


class ObjectPath:
    """An object or prefix on an fsspec filesystem, with the `pathlib.Path` operations the lake uses."""

    def __init__(self, url: str, listed: dict[str, Any] | None = None) -> None:
        protocol, _, rest = url.partition("://")
        self.protocol = protocol
        self.key = str(PurePosixPath("/" + rest.strip("/")))[1:]  # bucket/prefix/name, no trailing slash
        self._listed = (
            listed  # what the listing that found this object said of it (size, ETag): stat() needs no request
        )

    @cached_property
    def fs(self) -> AbstractFileSystem:
        """The filesystem (one instance per process and protocol, listings never cached)."""
        import fsspec  # type: ignore[import-untyped]

        options: dict[str, Any] = {"use_listings_cache": False} if self.protocol in ("s3", "s3a", "gs", "gcs") else {}
        if self.protocol in ("s3", "s3a"):  # fsspec caches instances by arguments: a new endpoint, a new instance
            options["endpoint_url"] = os.environ.get("AWS_ENDPOINT_URL")
        return fsspec.filesystem(self.protocol, **options)

    def __getstate__(self) -> dict[str, str]:
        return {"protocol": self.protocol, "key": self.key}  # the filesystem is made again where it is unpickled

    def __setstate__(self, state: dict[str, str]) -> None:
        self.protocol, self.key, self._listed = state["protocol"], state["key"], None

    def __str__(self) -> str:
        return f"{self.protocol}://{self.key}"

    def __repr__(self) -> str:
        return f"ObjectPath({str(self)!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ObjectPath) and str(self) == str(other)

    def __hash__(self) -> int:
        return hash(str(self))

    def __truediv__(self, name: str) -> ObjectPath:
        return ObjectPath(f"{self}/{name}")

    @property
    def name(self) -> str:
        return PurePosixPath(self.key).name

    @property
    def stem(self) -> str:
        return PurePosixPath(self.key).stem

    @property
    def parent(self) -> ObjectPath:
        return ObjectPath(f"{self.protocol}://{PurePosixPath(self.key).parent}")

    def with_name(self, name: str) -> ObjectPath:
        return self.parent / name

    def glob(self, pattern: str) -> Iterator[ObjectPath]:
        """Objects directly under this prefix whose names match the pattern."""
        try:
            entries = self.fs.ls(self.key, detail=True, refresh=True)
        except FileNotFoundError:
            return iter(())
        found = {PurePosixPath(e["name"]).name: e for e in entries if e.get("type") != "directory"}
        return iter([ObjectPath(f"{self}/{n}", found[n]) for n in sorted(found) if fnmatch.fnmatchcase(n, pattern)])

    def exists(self) -> bool:
        return bool(self.fs.exists(self.key))

    def is_file(self) -> bool:
        return bool(self.fs.isfile(self.key))

    def is_dir(self) -> bool:
        return bool(self.fs.isdir(self.key))

    def mkdir(self, parents: bool = False, exist_ok: bool = False) -> None:
        """Nothing to do on an object store: a prefix exists once an object is under it."""

    def unlink(self, missing_ok: bool = False) -> None:
        try:
            self.fs.rm_file(self.key)
        except FileNotFoundError:
            if not missing_ok:
                raise

    def stat(self) -> ObjectStat:
        """Size and version of the object: from the listing that found it, else one request."""
        info = self._listed or self.fs.info(self.key)
        version = str(info.get("ETag") or info.get("etag") or info.get("mtime") or info.get("LastModified") or "")
        modified = info.get("LastModified") or info.get("mtime") or info.get("created")
        when = modified.timestamp() if isinstance(modified, datetime) else float(modified or 0)
        return ObjectStat(int(info["size"]), int(when * 1e9), version)

    def open(self, mode: str = "rb") -> IO[Any]:
        return self.fs.open(self.key, mode)

    def read_bytes(self) -> bytes:
        return bytes(self.fs.cat_file(self.key))

    def read_text(self, encoding: str = "utf-8") -> str:
        return self.read_bytes().decode(encoding)

    def write_bytes(self, data: bytes) -> None:
        """Put the object (atomic: readers see the old object or the new one, never part of it)."""
        self.fs.pipe_file(self.key, data)

    def write_text(self, text: str, encoding: str = "utf-8") -> None:
        self.write_bytes(text.encode(encoding))

    def create_exclusive(self, data: bytes) -> bool:
        """Put the object only when none exists (a conditional PUT); False when one does."""
        try:
            self.fs.pipe_file(self.key, data, mode="create")
        except FileExistsError:
            return False
        except OSError as err:  # a store that reports the failed precondition in other words
            if "precondition" in str(err).lower() or "412" in str(err):
                return False
            raise
        return True


LakePath = Path | ObjectPath


def lake_path(location: str | Path | ObjectPath) -> LakePath:
    """A data location as a local absolute path or an ObjectPath for an fsspec URL."""
    if isinstance(location, Path | ObjectPath):
        return location
    if is_url(location):
        return ObjectPath(location)
    if location.startswith("file://"):
        location = location[len("file://") :]
    return Path(location).expanduser().resolve()


def source_for(path: LakePath) -> str | IO[Any]:
    """What pyarrow reads a lake file from: a local path, or an open object."""
    return str(path) if isinstance(path, Path) else path.open("rb")


class LakeLockBusy(RuntimeError):
    """Another run holds the lock object."""


@dataclass
class ObjectLock:
    """A lock object held by one run: created with a conditional PUT, renewed while held, taken over once expired."""

    path: ObjectPath
    seconds: float = LOCK_SECONDS

    def __post_init__(self) -> None:
        self.owner = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:12]}"
        self._stop = threading.Event()

    def _body(self) -> bytes:
        expires = datetime.now(UTC) + timedelta(seconds=self.seconds)
        return json.dumps({"owner": self.owner, "expires_at": expires.isoformat()}).encode()

    def _holder(self) -> dict[str, Any] | None:
        try:
            held = json.loads(self.path.read_text())
        except FileNotFoundError:
            return None
        except ValueError:
            return {"owner": "?", "expires_at": datetime.min.replace(tzinfo=UTC).isoformat()}
        return held if isinstance(held, dict) else None

    def acquire(self) -> None:
        """Take the lock, or LakeLockBusy naming the run that holds it."""
        if self.path.create_exclusive(self._body()):
            return
        holder = self._holder()
        if holder is not None and datetime.fromisoformat(holder["expires_at"]) > datetime.now(UTC):
            raise LakeLockBusy(f"held by {holder['owner']} until {holder['expires_at']}")
        if holder is not None:
            self.path.unlink(missing_ok=True)  # expired: its run died without releasing it
        if not self.path.create_exclusive(self._body()):
            raise LakeLockBusy("taken by another run at the same moment")

    def _renew(self) -> None:
        while not self._stop.wait(min(RENEW_SECONDS, self.seconds / 5)):
            holder = self._holder()
            if holder is None or holder.get("owner") != self.owner:
                return  # lost (expired and taken over): the run's commits stay safe, its manifests decide
            self.path.write_bytes(self._body())

    def release(self) -> None:
        """Stop renewing and delete the lock object when this run still holds it."""
        self._stop.set()
        holder = self._holder()
        if holder is not None and holder.get("owner") == self.owner:
            self.path.unlink(missing_ok=True)

    def wait_for(self, seconds: float) -> None:
        """Take the lock, polling while another holds it; LakeLockBusy when it is still held after `seconds`."""
        deadline = time.monotonic() + seconds
        pause = 0.05
        while True:
            try:
                self.acquire()
                return
            except LakeLockBusy:
                if time.monotonic() > deadline:
                    raise
                time.sleep(pause)
                pause = min(pause * 2, 1.0)

    @contextmanager
    def held(self, wait_seconds: float = 0) -> Iterator[None]:
        """Hold the lock for the block (waiting up to `wait_seconds` for it), renewing it in a daemon thread."""
        self.wait_for(wait_seconds) if wait_seconds else self.acquire()
        renewer = threading.Thread(target=self._renew, name="newsetl-lake-lock", daemon=True)
        renewer.start()
        try:
            yield
        finally:
            self.release()
