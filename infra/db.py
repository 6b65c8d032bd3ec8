"""The database under contention: telling "busy" from "gone", and retrying a short write.

Requests run in autocommit; every write is its own short transaction (on SQLite one that
takes the write lock when it begins, `transaction_mode=IMMEDIATE`, and waits up to
`SQLITE_BUSY_TIMEOUT` seconds for it). A write that still finds the database busy failed
before it stored anything, so it may be tried again for a bounded time.
"""

import time
from collections.abc import Callable
from typing import TypeVar

from django.db import DatabaseError, OperationalError

# PostgreSQL: lock_not_available (lock_timeout), deadlock_detected, serialization_failure,
# query_canceled (statement_timeout: the statement was stopped and stored nothing).
BUSY_SQLSTATES = {"55P03", "40P01", "40001", "57014"}
# SQLite: "database is locked", "database table is locked", "database is busy".
BUSY_WORDS = ("is locked", "is busy")

T = TypeVar("T")


def is_busy(error: BaseException) -> bool:
    """Whether `error` says another transaction held a lock too long (not that the database
    is unreachable): the write did not happen and may be tried again."""
    if not isinstance(error, OperationalError):
        return False
    cause = error.__cause__
    if getattr(cause, "pgcode", None) in BUSY_SQLSTATES:
        return True
    return any(words in str(error) for words in BUSY_WORDS)


def retry_when_busy(write: Callable[[], T], *, seconds: float, pause: float = 0.05) -> T:
    """Run `write` (one whole transaction) again while the database is busy, for at most
    `seconds` after the first try began; then let the busy error through (a 503)."""
    deadline = time.monotonic() + seconds
    attempt = 0
    while True:
        try:
            return write()
        except DatabaseError as error:
            attempt += 1
            if not is_busy(error) or time.monotonic() + pause * attempt > deadline:
                raise
            time.sleep(pause * attempt)
