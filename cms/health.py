"""Health endpoints for probes and load balancers.

/healthz: the process answers (touches nothing else).
/readyz: `warming` (503) while the Korean analyser loads (cms.warmup); then the database
answers; the search engine answers, or the service is `degraded` (search falls back to the
database) with the reason. Each check is bounded in time.
"""

import time
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpRequest, JsonResponse
from django.urls import path
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from wagtail.search.backends import get_search_backend

from cms.warmup import is_warming

CHECK_TIMEOUT_SECONDS = 2.0

# One worker is enough: a probe runs at most one engine check at a time, and a hung check
# must not pile up threads.
_search_checks = ThreadPoolExecutor(max_workers=1, thread_name_prefix="readyz-search")


def _json(payload: dict, status: int = 200) -> JsonResponse:
    return JsonResponse(payload, status=status, json_dumps_params={"ensure_ascii": False})


def _elapsed_ms(started: float) -> int:
    return round((time.monotonic() - started) * 1000)


def check_database() -> dict:
    started = time.monotonic()
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as error:
        # Drop the broken connection now so the next check reconnects.
        connection.close_if_unusable_or_obsolete()
        return {"status": "error", "reason": _first_line(error), "ms": _elapsed_ms(started)}
    return {"status": "ok", "vendor": connection.vendor, "ms": _elapsed_ms(started)}


def check_search() -> dict:
    """Ping the engine client of every configured search backend that has one."""
    backends = {alias: _check_backend(alias) for alias in settings.WAGTAILSEARCH_BACKENDS}
    failed = [alias for alias, result in backends.items() if result["status"] != "ok"]
    if failed:
        reason = "; ".join(f"{alias}: {backends[alias]['reason']}" for alias in failed)
        return {"status": "error", "reason": reason, "backends": backends}
    return {"status": "ok", "backends": backends}


def _check_backend(alias: str) -> dict:
    started = time.monotonic()
    backend = get_search_backend(alias)
    backend_path = f"{type(backend).__module__}.{type(backend).__qualname__}"
    # Engine backends (Elasticsearch, OpenSearch) keep their client as `es`; the database
    # backend has none and is as ready as the database itself.
    client = getattr(backend, "es", None)
    if client is None:
        return {"status": "ok", "backend": backend_path}
    try:
        reachable = _search_checks.submit(client.ping).result(timeout=CHECK_TIMEOUT_SECONDS)
    except FutureTimeout:
        reason = f"no answer within {CHECK_TIMEOUT_SECONDS:g} s"
    except Exception as error:  # any client or transport failure means "not reachable"
        reason = _first_line(error)
    else:
        reason = "" if reachable else "ping failed"
    result = {"backend": backend_path, "ms": _elapsed_ms(started)}
    if reason:
        return {"status": "error", "reason": reason, **result}
    return {"status": "ok", **result}


def _first_line(error: Exception) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    return _json({"status": "ok"})


@never_cache
@require_GET
def readyz(request: HttpRequest) -> JsonResponse:
    if is_warming():
        return _json({"status": "warming", "reason": "한국어 분석기를 불러오는 중입니다."}, 503)
    database = check_database()
    search = check_search()
    if database["status"] != "ok":
        return _json({"status": "unavailable", "database": database, "search": search}, 503)
    if search["status"] != "ok":
        return _json({"status": "degraded", "database": database, "search": search})
    return _json({"status": "ok", "database": database, "search": search})


urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("readyz", readyz, name="readyz"),
]
