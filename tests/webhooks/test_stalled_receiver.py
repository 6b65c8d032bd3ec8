"""A receiver that takes requests and never answers, beside a healthy one, through a real
`db_worker` process: the healthy receiver gets every event promptly."""

import threading
import time

import pytest

from webhooks.models import Attempt, Delivery, DeliveryStatus, Subscription, WebhookEvent

from .conftest import Worker
from .test_delivery import publish_article

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

EVENTS = 9


def subscribe(receiver) -> Subscription:
    subscription = Subscription.objects.create(url=receiver.url, events=WebhookEvent.values)
    receiver.secret = subscription.secret
    return subscription


def test_a_stalled_receiver_does_not_delay_a_healthy_one(portal, receivers, settings, tmp_path):
    stalled, healthy = receivers(), receivers()
    stalled.hold = threading.Event()  # reads each request and never answers
    stalled_subscription = subscribe(stalled)
    subscribe(healthy)
    settings.BACKGROUND_TASK_BACKEND = "background"
    # The default limits are 3 s to connect and 5 s between reads; 1 s keeps the test short.
    worker = Worker(tmp_path, OUTBOUND_READ_TIMEOUT_SECONDS="1", OUTBOUND_BREAKER_SECONDS="60")
    worker.start()
    try:
        started = time.monotonic()
        for number in range(EVENTS):
            publish_article(portal, f"소식-{number}")
        published = time.monotonic() - started
        healthy.wait_for(EVENTS, timeout=30)
        elapsed = time.monotonic() - started
    finally:
        worker.kill()

    # The stalled receiver cost the worker one read timeout per failure until its breaker
    # opened (OUTBOUND_BREAKER_FAILURES, 3): its other deliveries wait, uncounted.
    # (5 s on top for the worker process to start and poll.)
    assert elapsed < published + 3 * 1 + 5, f"published in {published:.1f}s, all in {elapsed:.1f}s"
    assert len(stalled.requests) <= 3
    waiting = Delivery.objects.filter(subscription=stalled_subscription)
    assert set(waiting.values_list("status", flat=True)) == {DeliveryStatus.PENDING}
    assert Attempt.objects.filter(delivery__subscription=stalled_subscription).count() <= 3
    assert healthy.bad_signatures == 0
