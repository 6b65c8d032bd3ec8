"""Each receiver is a target on its own: one request in flight, and a breaker that rests a
failing receiver while its deliveries wait uncounted and the others go on (in-process)."""

import time
from datetime import timedelta

import pytest
from django.utils import timezone

from infra.breaker import TargetGate
from webhooks.delivery import deliver
from webhooks.models import Attempt, Delivery, DeliveryStatus, Subscription, WebhookEvent
from webhooks.targets import target_key

pytestmark = pytest.mark.django_db


def make_delivery(subscription, number: int) -> Delivery:
    return Delivery.objects.create(
        subscription=subscription,
        event_id=f"evt_{number}",
        event_type=WebhookEvent.PAGE_PUBLISHED,
        payload={"id": f"evt_{number}", "type": "page.published", "data": {}},
    )


def due_now(delivery: Delivery) -> None:
    Delivery.objects.filter(pk=delivery.pk).update(next_attempt_at=timezone.now())


def test_a_receiver_busy_with_another_delivery_is_not_sent_a_second(subscription, receiver):
    elsewhere = TargetGate(target_key(subscription.url), lease_seconds=30)
    assert elsewhere.enter()  # another worker is sending to this receiver
    delivery = make_delivery(subscription, 1)

    assert deliver(delivery.pk) == "postponed"

    delivery.refresh_from_db()
    assert receiver.requests == []
    assert not Attempt.objects.exists()
    assert (delivery.status, delivery.attempt_count) == (DeliveryStatus.PENDING, 0)
    assert delivery.next_attempt_at > timezone.now()
    assert delivery.lease_until is None
    elsewhere.leave(succeeded=True)
    due_now(delivery)
    assert deliver(delivery.pk) == "delivered"


def test_a_failing_receiver_rests_and_its_deliveries_wait_uncounted(
    subscription, receiver, receivers, settings
):
    settings.OUTBOUND_BREAKER_FAILURES = 2
    settings.OUTBOUND_BREAKER_SECONDS = 600
    receiver.down_for = 100
    healthy = receivers()
    other = Subscription.objects.create(url=healthy.url, events=WebhookEvent.values)
    healthy.secret = other.secret
    first, second, third = (make_delivery(subscription, number) for number in (1, 2, 3))

    assert [deliver(first.pk), deliver(second.pk)] == ["failed", "failed"]
    assert deliver(third.pk) == "postponed"

    third.refresh_from_db()
    subscription.refresh_from_db()
    assert len(receiver.requests) == 2
    assert third.attempt_count == 0
    assert third.next_attempt_at > timezone.now() + timedelta(seconds=590)
    assert subscription.consecutive_failures == 2 and subscription.is_active
    # Another receiver is not affected.
    assert deliver(make_delivery(other, 4).pk) == "delivered"
    assert list(healthy.events) == ["evt_4"]


def test_after_the_rest_one_delivery_probes_and_a_success_closes_the_breaker(
    subscription, receiver, settings
):
    settings.OUTBOUND_BREAKER_FAILURES = 1
    settings.OUTBOUND_BREAKER_SECONDS = 0.5
    receiver.down_for = 1
    first, second = make_delivery(subscription, 1), make_delivery(subscription, 2)
    assert deliver(first.pk) == "failed"
    assert deliver(second.pk) == "postponed"

    time.sleep(0.6)
    due_now(second)

    assert deliver(second.pk) == "delivered"
    due_now(first)
    assert deliver(first.pk) == "delivered"
    assert len(receiver.requests) == 3
