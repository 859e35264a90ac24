"""Write generated data files, or check them: shared by the build scripts of single generated files."""

from __future__ import annotations

import sys
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "flows" / "text" / "data"


def write_or_check(name: str, content: str, argv: list[str] | None = None) -> None:
    """Write flows/text/data/NAME, or with --check exit 1 when the shipped file differs from `content`."""
    path = DATA / name
    if "--check" in (sys.argv if argv is None else argv):
        if not path.exists() or path.read_text(encoding="utf-8") != content:
            sys.exit(f"stale generated data: {name}")
    else:
        path.write_text(content, encoding="utf-8")
