"""Retries, giving up, disabling a failing subscription and telling its owner (in-process)."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from tests.factories import UserFactory
from webhooks.delivery import deliver, next_attempt
from webhooks.models import Attempt, Delivery, DeliveryStatus, WebhookEvent

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_waiting(settings):
    settings.WEBHOOK_RETRY_BASE_SECONDS = 0  # every retry is due at once


def make_delivery(subscription, number: int = 1) -> Delivery:
    return Delivery.objects.create(
        subscription=subscription,
        event_id=f"evt_{number}",
        event_type=WebhookEvent.PAGE_PUBLISHED,
        payload={"id": f"evt_{number}", "type": "page.published", "data": {}},
    )


def test_retries_last_more_than_a_day_with_growing_waits(settings):
    settings.WEBHOOK_RETRY_BASE_SECONDS = 30
    created = now = timezone.now()
    tries = [now]
    for failures in range(1, 100):
        now, gives_up = next_attempt(created, now, failures)
        if gives_up:
            break
        tries.append(now)
    waits = [later - earlier for earlier, later in zip(tries, tries[1:], strict=False)]
    assert waits[:-1] == sorted(waits[:-1])  # the last one is cut to the window's end
    assert waits[1] == 2 * waits[0]
    assert tries[-1] - created >= timedelta(hours=24)
    assert len(tries) < 30


def test_gives_up_after_the_retry_window(subscription, receiver, settings):
    receiver.down_for = 10
    settings.WEBHOOK_RETRY_WINDOW_SECONDS = 3600
    delivery = make_delivery(subscription)
    Delivery.objects.filter(pk=delivery.pk).update(created_at=timezone.now() - timedelta(hours=2))

    assert deliver(delivery.pk) == "failed"
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.FAILED
    assert deliver(delivery.pk) == "skipped"


def test_failing_subscription_is_disabled_and_its_owner_told(subscription, receiver, settings):
    settings.WEBHOOK_DISABLE_AFTER_FAILURES = 3
    subscription.owner = UserFactory(email="partner@youthnavi.example")
    subscription.save()
    receiver.down_for = 10
    delivery = make_delivery(subscription)

    for _ in range(3):
        assert deliver(delivery.pk) == "failed"

    subscription.refresh_from_db()
    assert not subscription.is_active
    assert [message.to for message in mail.outbox] == [["partner@youthnavi.example"]]
    assert "중지" in mail.outbox[0].subject
    assert deliver(delivery.pk) == "skipped"  # nothing more goes to a disabled subscription
    assert Attempt.objects.count() == 3


def test_success_resets_the_failure_count(subscription, receiver):
    receiver.down_for = 1
    delivery = make_delivery(subscription)
    assert deliver(delivery.pk) == "failed"
    assert deliver(delivery.pk) == "delivered"
    subscription.refresh_from_db()
    assert subscription.consecutive_failures == 0
