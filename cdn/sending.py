"""Sending purges: each cache on its own, never holding the worker on a stalled one.

A caching proxy (`HTTPBackend`) is sent `PURGE` requests through the outbound guard
(infra/outbound.py) with short timeouts; its host is allowed although it is usually on the
private network, since the operator named it (FRONTEND_CACHE_PURGE_URL). Cloudflare and
CloudFront are asked through Wagtail's backends (their clients call the providers' fixed APIs).
Each cache is a target of infra/breaker.py: one batch at a time, and one that keeps failing is
left alone for a while; what it could not purge is queued again for later (purging is
idempotent), up to MAX_PURGE_ATTEMPTS times.
"""

import logging
from datetime import timedelta
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.utils import timezone
from django_tasks import task, task_backends
from wagtail.contrib.frontend_cache.backends import HTTPBackend
from wagtail.contrib.frontend_cache.utils import get_backends

from infra import outbound
from infra.breaker import TargetGate

logger = logging.getLogger(__name__)

USER_AGENT = "SeoulFamilyPortal-CDN-Purge/1.0"
RETRY_SECONDS = 30.0
BUSY_RETRY_SECONDS = 5.0
MAX_PURGE_ATTEMPTS = 10


@task()
def purge_urls_task(urls: list[str], backend_names: list[str] | None = None, attempt: int = 1):
    """Purge `urls` from every configured cache that serves their host (or only the named)."""
    backends = get_backends(settings.WAGTAILFRONTENDCACHE or {}, backend_names)
    for name, backend in backends.items():
        served = [url for url in urls if backend.invalidates_hostname(urlsplit(url).netloc)]
        if served:
            purge_from(name, backend, served, attempt)


def limits() -> outbound.Limits:
    connect, read = (
        settings.OUTBOUND_CONNECT_TIMEOUT_SECONDS,
        settings.OUTBOUND_READ_TIMEOUT_SECONDS,
    )
    return outbound.Limits(
        connect_timeout=connect, read_timeout=read, total_timeout=connect + read, max_bytes=4096
    )


def purge_from(name: str, backend, urls: list[str], attempt: int) -> None:
    per_url = limits().total_timeout
    gate = TargetGate(f"cdn:{name}", lease_seconds=len(urls) * per_url + 10)
    if not gate.enter():
        # Busy with another batch or resting after failures: later, and not counted.
        purge_later(name, urls, attempt, gate.closed_for() or BUSY_RETRY_SECONDS)
        return
    left = urls
    try:
        left = purge_batch(name, backend, urls)
    finally:
        gate.leave(succeeded=not left)
    if left:
        purge_later(name, left, attempt + 1, max(gate.closed_for(), RETRY_SECONDS))


def purge_batch(name: str, backend, urls: list[str]) -> list[str]:
    """Purge `urls` from one cache; the URLs left when it failed (none when all went)."""
    if not isinstance(backend, HTTPBackend):
        backend.purge_batch(urls)  # Wagtail's clients log their own failures
        return []
    for index, url in enumerate(urls):
        try:
            purge_from_proxy(backend, url)
        except outbound.OutboundError as error:
            logger.warning("CDN 캐시 %s에서 %s을(를) 비우지 못했습니다: %s", name, url, error)
            return urls[index:]
    return []


def purge_from_proxy(backend: HTTPBackend, url: str) -> None:
    """`PURGE <path>` to the proxy, with the purged site's host in the Host header."""
    parts = urlsplit(url)
    location = urlunsplit((backend.cache_scheme, backend.cache_netloc, parts.path, parts.query, ""))
    response = outbound.request(
        "PURGE",
        location,
        limits=limits(),
        headers={"User-Agent": USER_AGENT},
        also_allow=[backend.cache_netloc],
        truncate=True,
        virtual_host=parts.netloc,
    )
    if response.status >= 500:
        raise outbound.Unreachable(f"CDN 캐시가 HTTP {response.status}(으)로 답했습니다.")


def purge_later(name: str, urls: list[str], attempt: int, seconds: float) -> None:
    if attempt > MAX_PURGE_ATTEMPTS:
        logger.error(
            "CDN 캐시 %s: %s번 시도해도 비우지 못해 %s개 주소를 포기합니다",
            name,
            attempt - 1,
            len(urls),
        )
        return
    backend = settings.BACKGROUND_TASK_BACKEND
    if not task_backends[backend].supports_defer:
        logger.warning(
            "CDN 캐시 %s: 나중에 다시 비울 수 없는 작업 백엔드라 %s개 주소를 건너뜁니다",
            name,
            len(urls),
        )
        return
    run_after = timezone.now() + timedelta(seconds=seconds)
    purge_urls_task.using(backend=backend, run_after=run_after).enqueue(urls, [name], attempt)
