"""`GET /metrics`: Prometheus metrics for operators, with `Authorization: Bearer <METRICS_TOKEN>`.

Per web server: how long requests take, by route name (never the raw path, so the number of
series stays bounded). gunicorn's workers each record into the server's multiprocess directory
(PROMETHEUS_MULTIPROC_DIR, set by cms/gunicorn.conf.py) and a scrape sums them.

For the whole portal, read at scrape time, so every web server answers the same: the task
queues (one query on django-tasks-db's table) and the counters in infra/metrics.py (shared
cache). docs/operations.md ("Metrics") says what each one means.
"""

import hmac
import os
import time
from functools import lru_cache

from django.conf import settings
from django.db.models import Case, Count, F, Min, When
from django.http import HttpRequest, HttpResponse
from django.urls import Resolver404, resolve
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django_tasks_db.models import DBTaskResult, get_date_max
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Histogram, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily
from prometheus_client.multiprocess import MultiProcessCollector

from content.errors import NOT_FOUND_MESSAGE, json_error
from infra.metrics import PRINT_BUILDS, SEARCH_FALLBACKS, WEBHOOK_FAILURES
from report_print.builder import Outcome
from webhooks.models import Subscription

UNAUTHORIZED_MESSAGE = "지표를 보려면 올바른 토큰이 필요합니다 (Authorization: Bearer …)."
MULTIPROCESS_ENV = "PROMETHEUS_MULTIPROC_DIR"

# Methods outside this set (anyone can send any token) are counted as "other".
KNOWN_METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
UNMATCHED_VIEW = "<unmatched>"

REQUEST_SECONDS = Histogram(
    "portal_http_request_duration_seconds",
    "Time from the first middleware to the response, by route name and method.",
    ["view", "method"],
    registry=None,  # rendered per scrape (one process, or the server's multiprocess files)
)


def route_name(request: HttpRequest) -> str:
    """The URL pattern's name (its view's dotted path when unnamed), never the raw path.

    Requests answered before URL resolution (a 304 from the API's revalidation middleware)
    are resolved here, so they are counted under their route too.
    """
    match = request.resolver_match
    if match is None:
        return route_of_path(request.path_info, getattr(request, "urlconf", None))
    return match.view_name or match._func_path


@lru_cache(maxsize=1024)
def route_of_path(path: str, urlconf: str | None) -> str:
    """Resolving walks every URL pattern (~0.1 ms); revalidations repeat the same paths."""
    try:
        match = resolve(path, urlconf)
    except Resolver404:
        return UNMATCHED_VIEW
    return match.view_name or match._func_path


class RequestMetricsMiddleware:
    """Times every request (first in MIDDLEWARE, so the whole stack is measured)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        started = time.perf_counter()
        response = self.get_response(request)
        method = request.method if request.method in KNOWN_METHODS else "other"
        REQUEST_SECONDS.labels(route_name(request), method).observe(time.perf_counter() - started)
        return response


def task_queue_metrics():
    """Tasks waiting to run now, and how long the oldest has waited, per backend and queue."""
    depth = GaugeMetricFamily(
        "portal_task_queue_depth",
        "Tasks ready to run now (not deferred to later), per task backend and queue.",
        labels=["backend", "queue"],
    )
    oldest = GaugeMetricFamily(
        "portal_task_queue_oldest_age_seconds",
        "Seconds the oldest ready task has waited since it became due (0 when none waits).",
        labels=["backend", "queue"],
    )
    # Every database queue is reported, 0 when empty, so an alert sees it before it fills.
    queues = {
        (name, queue): (0, None)
        for name, options in settings.TASKS.items()
        if options["BACKEND"] == "django_tasks_db.DatabaseBackend"
        for queue in options.get("QUEUES", ["default"])
    }
    due_since = Case(When(run_after=get_date_max(), then=F("enqueued_at")), default=F("run_after"))
    rows = (
        DBTaskResult.objects.ready()
        .order_by()
        .values("backend_name", "queue_name")
        .annotate(count=Count("id"), since=Min(due_since))
    )
    for row in rows:
        queues[(row["backend_name"], row["queue_name"])] = (row["count"], row["since"])
    now = timezone.now()
    for (backend, queue), (count, since) in sorted(queues.items()):
        depth.add_metric([backend, queue], count)
        oldest.add_metric([backend, queue], (now - since).total_seconds() if since else 0)
    return [depth, oldest]


def shared_counter_metrics():
    """infra.metrics' counters, for every label value they can have."""
    targets = [str(pk) for pk in Subscription.objects.order_by("pk").values_list("pk", flat=True)]
    families = []
    for counter, values in [
        (WEBHOOK_FAILURES, targets),
        (SEARCH_FALLBACKS, [""]),
        (PRINT_BUILDS, [str(outcome) for outcome in Outcome]),
    ]:
        name = counter.name.removesuffix("_total")
        labels = [counter.label] if counter.label else []
        family = CounterMetricFamily(name, counter.documentation, labels=labels)
        for value, count in counter.read(values).items():
            family.add_metric([value] if labels else [], count)
        families.append(family)
    return families


class PortalCollector:
    """The whole portal's metrics, computed when Prometheus scrapes."""

    def collect(self):
        yield from task_queue_metrics()
        yield from shared_counter_metrics()


def render() -> bytes:
    registry = CollectorRegistry()
    if os.environ.get(MULTIPROCESS_ENV):
        MultiProcessCollector(registry)
    else:
        registry.register(REQUEST_SECONDS)
    registry.register(PortalCollector())
    return generate_latest(registry)


def authorized(request: HttpRequest) -> bool:
    expected = f"Bearer {settings.METRICS_TOKEN}".encode()
    return hmac.compare_digest(request.headers.get("Authorization", "").encode(), expected)


@never_cache
@require_GET
def metrics_view(request: HttpRequest) -> HttpResponse:
    """The metrics in Prometheus' text format; 404 while METRICS_TOKEN is unset."""
    if not settings.METRICS_TOKEN:
        return json_error("not_found", NOT_FOUND_MESSAGE, 404)
    if not authorized(request):
        response = json_error("unauthorized", UNAUTHORIZED_MESSAGE, 401)
        response["WWW-Authenticate"] = 'Bearer realm="metrics"'
        return response
    return HttpResponse(render(), content_type=CONTENT_TYPE_LATEST)
