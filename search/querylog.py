"""Citizens' search queries, counted outside the read path.

A search only reads. Its query is buffered in this process and written to `SearchQueryLog`
after a response has gone out, at most every `SEARCH_QUERY_LOG_FLUSH_SECONDS`, in one short
transaction: a burst of searches costs one write, and no search waits for the write lock.

The buffer holds at most MAX_PENDING_QUERIES distinct queries: a client sending a new query
each time, or a database that refuses the write for a long while (the counts are kept for the
next flush), cannot grow a process's memory without bound. Past it, new queries are not
counted (asks of those already held still are) and the flush says how many were dropped.
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
MAX_PENDING_QUERIES = 5000
_dropped = 0


def log_query(text: str, result_count: int) -> None:
    """Count one ask of `text` today; written with the next flush."""
    global _dropped
    key = (SearchQueryLog.normalise(text), timezone.localdate())
    with _lock:
        if key not in _pending and len(_pending) >= MAX_PENDING_QUERIES:
            _dropped += 1
            return
        entry = _pending.setdefault(key, [0, 0])
        entry[0] += 1
        entry[1] = result_count


def flush() -> None:
    """Write every buffered count now (a failed write keeps them for the next flush)."""
    global _last_flush, _dropped
    with _lock:
        batch = dict(_pending)
        _pending.clear()
        _last_flush = time.monotonic()
        dropped, _dropped = _dropped, 0
    if dropped:
        logger.warning(
            "검색어 기록이 가득 차 새 검색어 %d건을 세지 않았습니다 (프로세스당 %d개까지).",
            dropped,
            MAX_PENDING_QUERIES,
        )
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
                if key not in _pending and len(_pending) >= MAX_PENDING_QUERIES:
                    _dropped += asks
                    continue
                entry = _pending.setdefault(key, [0, result_count])
                entry[0] += asks


def discard() -> None:
    """Drop the buffered counts unwritten (a test's queries belong to its rolled-back data)."""
    global _dropped
    with _lock:
        _pending.clear()
        _dropped = 0


def _flush_if_due(**kwargs) -> None:
    interval = getattr(settings, "SEARCH_QUERY_LOG_FLUSH_SECONDS", 10)
    if _pending and time.monotonic() - _last_flush >= interval:
        flush()


request_finished.connect(_flush_if_due, dispatch_uid="search.querylog.flush")
atexit.register(flush)
