"""Deliveries through a real `db_worker` process to a real receiver on 127.0.0.1."""

import threading
import time

import pytest
from django.core.management import call_command

from content.paths import site_path
from pages.models import SectionKind
from tests.factories import ArticlePageFactory
from webhooks.models import Attempt, Delivery, DeliveryStatus

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def publish_article(portal, title: str):
    page = ArticlePageFactory(
        parent=portal.section(SectionKind.FAMILY_INFO), title=title, slug=title, live=False
    )
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def wait_until_delivered(count: int, timeout: float = 60, tick=None) -> list[Delivery]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        delivered = list(Delivery.objects.filter(status=DeliveryStatus.DELIVERED))
        if len(delivered) >= count:
            return delivered
        if tick is not None:
            tick()
        time.sleep(0.3)
    states = list(Delivery.objects.values_list("event_id", "status", "attempt_count"))
    raise AssertionError(f"not delivered in {timeout}s: {states}")


def test_page_events_arrive_signed_without_page_content(portal, subscription, receiver, worker):
    page = publish_article(portal, "한부모-지원")
    path = site_path(page)
    page.unpublish()

    receiver.wait_for(2)
    assert receiver.bad_signatures == 0
    published, unpublished = sorted(receiver.events.values(), key=lambda event: event["id"])
    assert published["type"] == "page.published"
    assert unpublished["type"] == "page.unpublished"
    assert published["data"] == {
        "page_id": page.pk,
        "page_type": "pages.articlepage",
        "path": path,
        "url": published["data"]["url"],
        "locale": "ko",
        "content_version": published["id"].removeprefix("evt_"),
    }
    assert published["data"]["url"].endswith("/%ED%95%9C%EB%B6%80%EB%AA%A8-%EC%A7%80%EC%9B%90/")
    assert unpublished["data"]["path"] == path
    wait_until_delivered(2)


def test_receiver_down_for_a_while_gets_it_later(portal, subscription, receiver, worker):
    receiver.down_for = 3

    publish_article(portal, "돌봄")

    (delivery,) = wait_until_delivered(1)
    attempts = list(Attempt.objects.filter(delivery=delivery))
    assert [attempt.response_status for attempt in attempts] == [503, 503, 503, 204]
    assert all(attempt.duration_ms >= 0 for attempt in attempts)
    assert delivery.attempt_count == 4
    # Exponential backoff: each wait at least as long as the one before.
    gaps = [b.started_at - a.started_at for a, b in zip(attempts, attempts[1:], strict=False)]
    assert gaps == sorted(gaps)
    assert len(receiver.events) == 1


def test_each_event_once_when_the_worker_is_killed_mid_delivery(
    portal, subscription, receiver, worker, settings
):
    settings.WEBHOOK_LEASE_SECONDS = 2  # as the worker process has it
    receiver.hold = threading.Event()
    first = publish_article(portal, "첫-글")
    assert receiver.received.wait(timeout=60), worker.logs()

    # The receiver has the event; the worker dies before it hears the answer.
    worker.kill()
    receiver.hold.set()
    publish_article(portal, "둘째-글")
    publish_article(portal, "셋째-글")
    assert Delivery.objects.get(payload__data__page_id=first.pk).status == DeliveryStatus.PENDING

    worker.start()
    # The scheduler's sweep queues what the killed worker left once its lease has run out.
    deliveries = wait_until_delivered(3, tick=lambda: call_command("requeue_webhooks", verbosity=0))

    event_ids = {delivery.event_id for delivery in deliveries}
    assert set(receiver.events) == event_ids
    sent = receiver.ids()
    first_id = Delivery.objects.get(payload__data__page_id=first.pk).event_id
    # Sent again after the kill with the same webhook-id, which the receiver dropped.
    assert sent.count(first_id) == 2
    assert all(sent.count(event_id) == 1 for event_id in event_ids - {first_id})
    assert receiver.bad_signatures == 0
