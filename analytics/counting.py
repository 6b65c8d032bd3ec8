"""Counting page views where a page is served to a reader, without a database write.

What counts: a GET of a page's detail in the content API (`/api/v2/pages/<id>/`) answered 200
or 304 — including the answers `content.caching.ResponseCacheMiddleware` gives from the cache
without reaching the view, which is why `PageViewMiddleware` sits above it. The frontend opens a
page through `pages/find/`, whose redirect lands on the detail: one view, counted once there.
What does not: listings, search, navigation, feeds, the admin preview (its own endpoint),
HEAD and prefetches, partners' API-key clients, and user agents that look like robots (the
agent is read for that test only, never kept).

Each process adds views to a dictionary keyed by (page, day); after a response has gone out,
at most every ANALYTICS_PUSH_SECONDS, the dictionary is handed to the shared cache as one
numbered batch. The scheduler's `flush_page_views` moves the batches into `PageViewDay`
(analytics/flushing.py). A cache that is down loses the batch (logged): never a request.
"""

import atexit
import logging
import re
import threading
import time
from datetime import date
from functools import cache as cache_function

from django.conf import settings
from django.core.cache import cache
from django.core.signals import request_finished
from django.urls import reverse
from django.utils import timezone

logger = logging.getLogger(__name__)

DETAIL_VIEW = "wagtailapi:pages:detail"
SEQUENCE_KEY = "analytics:views:seq"
BATCH_PREFIX = "analytics:views:batch:"
# Batches wait this long for the flush (it runs every minute): a stopped scheduler loses
# counts older than this, never the cache's memory.
BATCH_TIMEOUT = 2 * 24 * 60 * 60

# Crawlers, monitors, link previews and scripts announce themselves; a reader's browser does
# not. No agent at all is not a browser either. The family app is a reader: Android's OkHttp
# and iOS's CFNetwork agents count. (Substring tests: a regex alternation over
# the agent costs several times more, on every read.)
ROBOT_MARKERS = (
    "bot", "crawl", "spider", "slurp", "scrap", "archiv", "monitor", "uptime", "pingdom",
    "lighthouse", "headless", "phantom", "preview", "facebookexternalhit", "embedly", "curl",
    "wget", "python", "java/", "go-http", "axios", "node-fetch", "libwww",
    "httpclient", "http_request", "validator", "feed",
)  # fmt: skip

_lock = threading.Lock()
_pending: dict[tuple[int, date], int] = {}
_last_push = time.monotonic()


def looks_like_robot(user_agent: str) -> bool:
    agent = user_agent.lower()
    return not agent.strip() or any(marker in agent for marker in ROBOT_MARKERS)


def counted_page(request, response) -> int | None:
    """The page this response served to a reader, or None when it is not a reader's view."""
    if request.method != "GET" or response.status_code not in (200, 304):
        return None
    match = detail_path().match(request.path_info)
    if match is None:
        return None
    meta = request.META
    if "HTTP_X_API_KEY" in meta:  # a partner's system copying content, not a reader
        return None
    if "prefetch" in (meta.get("HTTP_SEC_PURPOSE", "") + meta.get("HTTP_PURPOSE", "")):
        return None
    if looks_like_robot(meta.get("HTTP_USER_AGENT", "")):
        return None
    return int(match["pk"])


@cache_function
def detail_path() -> re.Pattern:
    """The page detail's path, from the URLconf (once: resolving every request's path through
    the whole URLconf would cost more than everything else here)."""
    example = reverse(DETAIL_VIEW, kwargs={"pk": 0})
    prefix = example[: -len("0/")]
    return re.compile(re.escape(prefix) + r"(?P<pk>[0-9]+)/\Z")


def count_view(page_id: int, day: date | None = None, views: int = 1) -> None:
    """`views` views of `page_id` (today), in this process's memory until the next push."""
    key = (page_id, day or timezone.localdate())
    with _lock:
        _pending[key] = _pending.get(key, 0) + views


def push() -> None:
    """Hand this process's counts to the shared cache as one numbered batch (lost, and
    logged, if the cache is unavailable: counts may be lost, a request may not fail)."""
    global _last_push
    with _lock:
        batch = dict(_pending)
        _pending.clear()
        _last_push = time.monotonic()
    if not batch:
        return
    try:
        cache.set(batch_key(next_number()), batch, timeout=BATCH_TIMEOUT)
    except Exception:  # any backend's outage (redis, database, files): the counts go
        logger.warning("페이지 조회 수 %d건을 캐시에 넘기지 못해 버립니다.", sum(batch.values()))


def next_number() -> int:
    """The next batch number, shared by every process (the sequence starts on first use)."""
    try:
        return cache.incr(SEQUENCE_KEY)
    except ValueError:  # no sequence yet: one process creates it, every one increments it
        cache.add(SEQUENCE_KEY, 0, timeout=None)
        return cache.incr(SEQUENCE_KEY)


def batch_key(number: int) -> str:
    return f"{BATCH_PREFIX}{number}"


def discard() -> None:
    """Drop this process's unpushed counts (a test's views belong to its rolled-back data)."""
    with _lock:
        _pending.clear()


class PageViewMiddleware:
    """Counts pages served to readers; above ResponseCacheMiddleware, so its cached 200s and
    304s are counted as the view's own are. Costs a dictionary update, no query."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        page_id = counted_page(request, response)
        if page_id is not None:
            count_view(page_id)
        return response


def _push_if_due(**kwargs) -> None:
    interval = getattr(settings, "ANALYTICS_PUSH_SECONDS", 10)
    if _pending and time.monotonic() - _last_push >= interval:
        push()


# After the response has gone out: a push never delays a reader.
request_finished.connect(_push_if_due, dispatch_uid="analytics.counting.push")
atexit.register(push)
