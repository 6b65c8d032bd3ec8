"""From the shared cache to `PageViewDay`, in bounded batches, off the request path.

`flush_page_views` (every minute from the scheduler) takes the batches pushed since the last
flush (analytics/counting.py), at most ANALYTICS_FLUSH_MAX_BATCHES per run, adds them up and
writes them ANALYTICS_FLUSH_ROWS rows per short transaction. Batches are removed from the
cache before they are written; rows a failed write could not take are handed back as a new
batch. `purge_page_views` deletes days past ANALYTICS_RETENTION_DAYS, in chunks too.
"""

import logging
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import islice

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, transaction
from django.utils import timezone
from wagtail.models import Page

from analytics import counting
from analytics.models import PageViewDay
from infra.tasks import leased

logger = logging.getLogger(__name__)

CURSOR_KEY = "analytics:views:flushed"
FLUSH_LEASE = "analytics-flush-page-views"
CACHE_CHUNK = 100  # batch keys per cache round trip


@dataclass
class FlushResult:
    batches: int = 0
    views: int = 0
    rows: int = 0
    busy: bool = False


def flush(max_batches: int | None = None, rows_per_transaction: int | None = None) -> FlushResult:
    """Move pushed batches into the daily counters; `busy` when another flush holds the lease."""
    max_batches = max_batches or settings.ANALYTICS_FLUSH_MAX_BATCHES
    rows_per_transaction = rows_per_transaction or settings.ANALYTICS_FLUSH_ROWS
    with leased(FLUSH_LEASE) as held:
        if not held:
            return FlushResult(busy=True)
        batches, totals = take_batches(max_batches)
        result = FlushResult(batches=batches, views=sum(totals.values()))
        result.rows = write(totals, rows_per_transaction)
        return result


def take_batches(max_batches: int) -> tuple[int, Counter]:
    """Up to `max_batches` of the batches pushed since the last flush, added up and removed."""
    last = cache.get(counting.SEQUENCE_KEY, 0)
    cursor = cache.get(CURSOR_KEY, 0)
    if cursor > last:  # the sequence started again (the cache was emptied)
        cursor = 0
    end = min(last, cursor + max_batches)
    totals: Counter = Counter()
    taken = 0
    for start in range(cursor + 1, end + 1, CACHE_CHUNK):
        keys = [counting.batch_key(n) for n in range(start, min(start + CACHE_CHUNK, end + 1))]
        # A number whose batch is missing was evicted or expired: its counts are lost.
        for batch in cache.get_many(keys).values():
            totals.update(batch)
            taken += 1
        cache.delete_many(keys)
    cache.set(CURSOR_KEY, end, timeout=None)
    return taken, totals


def write(totals: Counter, rows_per_transaction: int) -> int:
    """Add `totals` ((page id, day) -> views) to the counters; returns the rows written."""
    live_ids = set(
        Page.objects.filter(pk__in={page_id for page_id, _ in totals}).values_list("pk", flat=True)
    )
    items = iter([(key, views) for key, views in totals.items() if key[0] in live_ids])
    written = 0
    while chunk := dict(islice(items, rows_per_transaction)):
        try:
            written += add_views(chunk)
        except DatabaseError:
            logger.warning("페이지 조회 수 %d행을 쓰지 못해 다음 번에 다시 씁니다.", len(chunk))
            give_back(chunk)
    return written


@transaction.atomic
def add_views(chunk: dict[tuple[int, date], int]) -> int:
    """One short transaction: existing rows get the views added, missing ones are created.
    One flush runs at a time (the lease), so no other writer races this read."""
    existing = PageViewDay.objects.filter(
        page_id__in={page_id for page_id, _ in chunk}, day__in={day for _, day in chunk}
    )
    rows = {(row.page_id, row.day): row for row in existing}
    updated = []
    for key, views in chunk.items():
        row = rows.get(key)
        if row is not None:
            row.views += views
            updated.append(row)
    PageViewDay.objects.bulk_update(updated, ["views"])
    created = [
        PageViewDay(page_id=page_id, day=day, views=views)
        for (page_id, day), views in chunk.items()
        if (page_id, day) not in rows
    ]
    PageViewDay.objects.bulk_create(created)
    return len(updated) + len(created)


def give_back(chunk: dict[tuple[int, date], int]) -> None:
    for (page_id, day), views in chunk.items():
        counting.count_view(page_id, day, views)
    counting.push()


def purge(chunk_size: int = 5000) -> int:
    """Delete the days past ANALYTICS_RETENTION_DAYS; returns how many rows went."""
    cutoff = timezone.localdate() - timedelta(days=settings.ANALYTICS_RETENTION_DAYS)
    deleted = 0
    while True:
        ids = list(
            PageViewDay.objects.filter(day__lt=cutoff).values_list("pk", flat=True)[:chunk_size]
        )
        if not ids:
            return deleted
        deleted += PageViewDay.objects.filter(pk__in=ids).delete()[0]
