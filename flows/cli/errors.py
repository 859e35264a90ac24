"""Exit statuses and the errors the commands report in a line or two instead of a traceback."""

from __future__ import annotations

import signal

from flows.lifecycle import EXIT_DISK_FULL, EXIT_LAKE_BUSY, EXIT_NO_PERMISSION

EXIT_OK = 0
EXIT_FAILED = 1  # warehouse checks failed (run), floors missed (evaluate)
EXIT_USAGE = 2  # a user mistake: bad flag, missing path, bad SQL, unknown report, bad cron, no server
EXIT_INTERRUPTED = 128 + signal.SIGINT  # 130
EXIT_BROKEN_PIPE = 128 + signal.SIGPIPE  # 141: the reader went away (`newsetl query ... | head`)

__all__ = [
    "EXIT_BROKEN_PIPE",
    "EXIT_DISK_FULL",
    "EXIT_FAILED",
    "EXIT_INTERRUPTED",
    "EXIT_LAKE_BUSY",
    "EXIT_NO_PERMISSION",
    "EXIT_OK",
    "EXIT_USAGE",
    "SqlError",
    "UsageError",
]


class UsageError(Exception):
    """A user mistake: reported in one line, exit status 2."""


class SqlError(UsageError):
    """DuckDB refused the SQL: its whole message is shown, hints ("Did you mean ...") and caret line included."""
