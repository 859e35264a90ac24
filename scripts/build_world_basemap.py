"""Rebuild the dashboard's world basemap, flows/dashboard/data/countries-110m.json, from the npm package world-atlas.

Run from the project root: `uv run python scripts/build_world_basemap.py` (needs `npm`, which fetches the
package tarball from the npm registry). The tarball is checked against the registry's pinned sha512
integrity before its file is copied byte for byte; tests/unit/test_dashboard_basemap.py checks that the
committed file still has the checksum below, so the map never needs the network.

Source: world-atlas 2.0.2 (ISC licence, Copyright 2013-2019 Michael Bostock), Natural Earth 4.1.0
Admin 0 countries at 1:110m (public domain) as TopoJSON in degrees; its LICENSE is copied beside the file.
"""

from __future__ import annotations

import base64
import hashlib
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

PACKAGE = "world-atlas@2.0.2"
INTEGRITY = "sha512-IXfV0qwlKXpckz1FhwXVwKRjiIhOnWttOskm5CtxMsjgE/MXAYRHWJqgXOpM8IkcPBoXnyTU5lFHcYa5ChG0LQ=="
BASEMAP_SHA256 = "2516c915867c7baf18ddec727aec46c315541a07cfb3d79a6559b05d5e94eee8"
DATA = Path(__file__).resolve().parent.parent / "flows" / "dashboard" / "data"
FILES = {"package/countries-110m.json": "countries-110m.json", "package/LICENSE": "world-atlas-LICENSE"}


def tarball_integrity(data: bytes) -> str:
    """Return npm's Subresource Integrity string (sha512, base64) of a tarball."""
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode("ascii")


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["npm", "pack", PACKAGE, "--pack-destination", tmp], check=True, capture_output=True)
        [tarball] = Path(tmp).glob("*.tgz")
        data = tarball.read_bytes()
        if tarball_integrity(data) != INTEGRITY:
            print(f"{PACKAGE}: the tarball does not match the pinned integrity", file=sys.stderr)
            return 1
        with tarfile.open(tarball) as archive:
            for member, name in FILES.items():
                extracted = archive.extractfile(member)
                if extracted is None:
                    raise FileNotFoundError(member)
                (DATA / name).write_bytes(extracted.read())
    digest = hashlib.sha256((DATA / "countries-110m.json").read_bytes()).hexdigest()
    if digest != BASEMAP_SHA256:
        print(f"countries-110m.json: sha256 {digest}, expected {BASEMAP_SHA256}", file=sys.stderr)
        return 1
    print(f"wrote {DATA / 'countries-110m.json'} from {PACKAGE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
