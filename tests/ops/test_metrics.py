"""GET /metrics: only with the operators' token, and the numbers move when things happen."""

import socket
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.test import override_settings
from django.utils import timezone
from prometheus_client.parser import text_string_to_metric_families

from pages.models import ReportEditionPage, SectionKind
from report_print.builder import build_public_pdf
from search.engines import CITIZEN_BACKEND, engine_settings
from tests.factories import ArticlePageFactory
from tests.report_print.content import build_edition
from tests.search.conftest import DATABASE_BACKENDS
from webhooks.delivery import deliver
from webhooks.models import Delivery, Subscription
from webhooks.tasks import deliver_webhook

TOKEN = "operators-metrics-token"
AUTHORIZED = {"HTTP_AUTHORIZATION": f"Bearer {TOKEN}"}


@pytest.fixture(autouse=True)
def _token_and_fresh_counters(settings):
    settings.METRICS_TOKEN = TOKEN
    cache.clear()  # the shared counters live in the cache
    yield
    cache.clear()


def scrape(client) -> dict[tuple[str, tuple], float]:
    """Every sample of /metrics as {(name, sorted labels): value}."""
    response = client.get("/metrics", **AUTHORIZED)
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"].startswith("text/plain; version=")
    samples = {}
    for family in text_string_to_metric_families(response.content.decode()):
        for sample in family.samples:
            samples[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    return samples


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.django_db
def test_metrics_are_not_served_while_no_token_is_configured(client, settings):
    settings.METRICS_TOKEN = ""

    response = client.get("/metrics", HTTP_AUTHORIZATION="Bearer ")

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


@pytest.mark.django_db
@pytest.mark.parametrize("header", [None, "Bearer wrong-token", TOKEN, f"Basic {TOKEN}"])
def test_metrics_refuse_a_request_without_the_right_token(client, header):
    extra = {"HTTP_AUTHORIZATION": header} if header else {}

    response = client.get("/metrics", **extra)

    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Bearer")
    assert response.json()["error"]["code"] == "unauthorized"
    assert "portal_" not in response.content.decode()


@pytest.mark.django_db
def test_request_latency_is_counted_per_route_name_not_per_path(client, portal):
    page = ArticlePageFactory(parent=portal.section(SectionKind.FAMILY_INFO))
    before = scrape(client)

    client.get(f"/api/v2/pages/{page.pk}/")
    client.get("/api/v2/pages/999999/")
    after = scrape(client)

    views = {
        dict(labels)["view"]: value - before.get((name, labels), 0)
        for (name, labels), value in after.items()
        if name == "portal_http_request_duration_seconds_count"
        and dict(labels)["method"] == "GET"
        and value != before.get((name, labels), 0)
    }
    # Both pages share one route; the /metrics scrape itself is counted under its own name.
    assert views.pop("metrics") == 1
    assert list(views.values()) == [2]
    (route,) = views
    assert str(page.pk) not in route and "999999" not in route


@pytest.mark.django_db
def test_queue_depth_and_oldest_age_count_ready_tasks_but_not_deferred_ones(client):
    queue = (("backend", "background"), ("queue", "default"))
    empty = scrape(client)
    assert empty[("portal_task_queue_depth", queue)] == 0
    assert empty[("portal_task_queue_oldest_age_seconds", queue)] == 0

    waiting = deliver_webhook.using(backend="background").enqueue(1)
    deliver_webhook.using(
        backend="background", run_after=timezone.now() + timedelta(hours=1)
    ).enqueue(2)
    from django_tasks_db.models import DBTaskResult

    DBTaskResult.objects.filter(pk=waiting.id).update(
        enqueued_at=timezone.now() - timedelta(minutes=5)
    )
    samples = scrape(client)

    assert samples[("portal_task_queue_depth", queue)] == 1
    assert 300 <= samples[("portal_task_queue_oldest_age_seconds", queue)] < 360


@pytest.mark.django_db
def test_a_failed_webhook_delivery_is_counted_for_its_target(client):
    failing = Subscription.objects.create(
        url=f"http://127.0.0.1:{closed_port()}/hook", events=["page.published"]
    )
    healthy = Subscription.objects.create(url="http://127.0.0.1:9/other", events=[])
    delivery = Delivery.objects.create(
        subscription=failing, event_id="evt_1", event_type="page.published", payload={}
    )
    before = scrape(client)
    assert before[("portal_webhook_delivery_failures_total", (("target", str(failing.pk)),))] == 0

    assert deliver(delivery.pk) == "failed"
    after = scrape(client)

    assert after[("portal_webhook_delivery_failures_total", (("target", str(failing.pk)),))] == 1
    assert after[("portal_webhook_delivery_failures_total", (("target", str(healthy.pk)),))] == 0


@pytest.mark.django_db
def test_a_search_answered_by_the_database_instead_of_the_engine_is_counted(client, portal):
    fallbacks = ("portal_search_fallbacks_total", ())
    assert scrape(client)[fallbacks] == 0
    engine = engine_settings("opensearch", f"http://127.0.0.1:{closed_port()}", "x_", 1.0)

    with override_settings(WAGTAILSEARCH_BACKENDS={**DATABASE_BACKENDS, CITIZEN_BACKEND: engine}):
        body = client.get("/api/v2/search/", {"q": "한부모"}).json()

    assert body["fallback"] is True
    assert scrape(client)[fallbacks] == 1


@pytest.mark.django_db
def test_print_builds_are_counted_by_outcome(client):
    # A character the print fonts lack (a rare Hanja): the build fails, recorded, not raised.
    edition, _ = build_edition(chapters=1)
    ReportEditionPage.objects.filter(pk=edition.pk).update(foreword="<p>가족 𠀀</p>")
    build_public_pdf(999_999)  # no such edition: its PDF, if any, is withdrawn

    assert build_public_pdf(edition.pk).outcome == "failed"
    samples = scrape(client)

    for outcome, count in [("failed", 1), ("withdrawn", 1), ("built", 0), ("busy", 0)]:
        assert samples[("portal_print_builds_total", (("outcome", outcome),))] == count


@pytest.mark.django_db
def test_a_revalidation_answered_before_routing_counts_under_its_route(client, portal):
    page = ArticlePageFactory(parent=portal.section(SectionKind.FAMILY_INFO))
    etag = client.get(f"/api/v2/pages/{page.pk}/")["ETag"]
    detail = (
        "portal_http_request_duration_seconds_count",
        (("method", "GET"), ("view", "wagtailapi:pages:detail")),
    )
    before = scrape(client)[detail]

    assert client.get(f"/api/v2/pages/{page.pk}/", HTTP_IF_NONE_MATCH=etag).status_code == 304

    assert scrape(client)[detail] == before + 1
