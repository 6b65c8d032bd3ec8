"""Citizens' search queries, counted outside the read path.

A search only reads. Its query is buffered in this process and written to `SearchQueryLog`
after a response has gone out, at most every `SEARCH_QUERY_LOG_FLUSH_SECONDS`, in one short
transaction: a burst of searches costs one write, and no search waits for the write lock.
"""

import atexit
import logging
import threading
import time
from datetime import date

from django.conf import settings
from django.core.signals import request_finished
from django.db import DatabaseError, transaction
from django.utils import timezone

from search.models import SearchQueryLog

logger = logging.getLogger(__name__)

_lock = threading.Lock()
# (query, day) -> [asks, result count of the last ask]
_pending: dict[tuple[str, date], list[int]] = {}
_last_flush = time.monotonic()


def log_query(text: str, result_count: int) -> None:
    """Count one ask of `text` today; written with the next flush."""
    key = (SearchQueryLog.normalise(text), timezone.localdate())
    with _lock:
        entry = _pending.setdefault(key, [0, 0])
        entry[0] += 1
        entry[1] = result_count


def flush() -> None:
    """Write every buffered count now (a failed write keeps them for the next flush)."""
    global _last_flush
    with _lock:
        batch = dict(_pending)
        _pending.clear()
        _last_flush = time.monotonic()
    if not batch:
        return
    try:
        with transaction.atomic():
            for (query, day), (asks, result_count) in batch.items():
                SearchQueryLog.record(query, result_count, hits=asks, day=day)
    except DatabaseError:
        logger.warning("search query log not written; kept for the next flush", exc_info=True)
        with _lock:
            for key, (asks, result_count) in batch.items():
                entry = _pending.setdefault(key, [0, result_count])
                entry[0] += asks


def discard() -> None:
    """Drop the buffered counts unwritten (a test's queries belong to its rolled-back data)."""
    with _lock:
        _pending.clear()


def _flush_if_due(**kwargs) -> None:
    interval = getattr(settings, "SEARCH_QUERY_LOG_FLUSH_SECONDS", 10)
    if _pending and time.monotonic() - _last_flush >= interval:
        flush()


request_finished.connect(_flush_if_due, dispatch_uid="search.querylog.flush")
atexit.register(flush)
