"""Sending a delivery: claim it, sign it, POST it, log the attempt, schedule the retry.

A delivery is claimed with a lease (`WEBHOOK_LEASE_SECONDS`, longer than the HTTP timeout), so
two workers never send it at once. A worker killed mid-send leaves the lease to expire; the
scheduler's `requeue_webhooks` then queues it again and the receiver, seeing the same
`webhook-id`, drops the repeat (Standard Webhooks' idempotency).

Requests go through the outbound guard (infra/outbound.py: checked addresses, short connect and
read limits). Each receiver is a target of infra/breaker.py: one request in flight to it, and
after repeated failures a rest during which its deliveries wait without counting as attempts,
so a stalled receiver never holds back the others.
"""

import json
import logging
import time
from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from infra import outbound
from infra.breaker import TargetGate
from infra.metrics import WEBHOOK_FAILURES

from .models import Attempt, Delivery, DeliveryStatus, Subscription
from .signing import signed_headers
from .targets import target_key

logger = logging.getLogger(__name__)

USER_AGENT = "SeoulFamilyPortal-Webhooks/1.0"
# Only the start of a receiver's answer is kept (its status decides; the text helps debugging).
ANSWER_BYTES = 4096
# A receiver busy with another delivery is asked again this much later.
BUSY_RETRY_SECONDS = 2.0


def enqueue(delivery: Delivery, run_after=None) -> None:
    """Queue a delivery on the background task backend (the database worker)."""
    from django_tasks import task_backends

    from .tasks import deliver_webhook

    backend = settings.BACKGROUND_TASK_BACKEND
    if run_after is not None and not task_backends[backend].supports_defer:
        return  # an immediate backend cannot wait: `requeue_webhooks` sends it when due
    Delivery.objects.filter(pk=delivery.pk).update(enqueued_at=timezone.now())
    deliver_webhook.using(backend=backend, run_after=run_after).enqueue(delivery.pk)


def retry_delay(attempt_count: int) -> timedelta:
    """Exponential backoff: base, 2×base, 4×base … capped at WEBHOOK_RETRY_MAX_DELAY_SECONDS."""
    seconds = settings.WEBHOOK_RETRY_BASE_SECONDS * 2 ** max(attempt_count - 1, 0)
    return timedelta(seconds=min(seconds, settings.WEBHOOK_RETRY_MAX_DELAY_SECONDS))


def next_attempt(created_at, now, attempt_count: int):
    """When to try again after `attempt_count` failures, and whether to give up instead: the
    last try falls at the end of the retry window (WEBHOOK_RETRY_WINDOW_SECONDS, over a day)."""
    window_ends = created_at + timedelta(seconds=settings.WEBHOOK_RETRY_WINDOW_SECONDS)
    if now >= window_ends:
        return now, True
    return min(now + retry_delay(attempt_count), window_ends), False


def claim(delivery_id: int) -> Delivery | None:
    """Take the lease on a due, pending delivery of an active subscription, or None."""
    now = timezone.now()
    claimed = (
        Delivery.objects.filter(
            pk=delivery_id,
            status=DeliveryStatus.PENDING,
            subscription__is_active=True,
            next_attempt_at__lte=now,
        )
        .filter(Q(lease_until__isnull=True) | Q(lease_until__lt=now))
        .update(lease_until=now + timedelta(seconds=settings.WEBHOOK_LEASE_SECONDS))
    )
    if not claimed:
        return None
    return Delivery.objects.select_related("subscription").get(pk=delivery_id)


def deliver(delivery_id: int) -> str:
    """Send one due delivery, unless its receiver is busy with another or its breaker is open:
    then it waits (rescheduled, no attempt counted) and the worker moves on to other receivers."""
    delivery = claim(delivery_id)
    if delivery is None:
        return "skipped"
    gate = TargetGate(
        target_key(delivery.subscription.url), lease_seconds=settings.WEBHOOK_LEASE_SECONDS
    )
    if not gate.enter():
        postpone(delivery, gate.closed_for() or BUSY_RETRY_SECONDS)
        return "postponed"
    attempt = None
    try:
        attempt = send(delivery)
    finally:
        gate.leave(succeeded=attempt is not None and attempt.succeeded)
    if attempt.succeeded:
        succeeded(delivery)
        return "delivered"
    failed(delivery, attempt)
    return "failed"


def postpone(delivery: Delivery, seconds: float) -> None:
    """Release the delivery and queue it again later, without counting an attempt."""
    next_at = timezone.now() + timedelta(seconds=seconds)
    Delivery.objects.filter(pk=delivery.pk).update(next_attempt_at=next_at, lease_until=None)
    enqueue(delivery, run_after=next_at)


def limits() -> outbound.Limits:
    return outbound.Limits(
        connect_timeout=settings.OUTBOUND_CONNECT_TIMEOUT_SECONDS,
        read_timeout=settings.OUTBOUND_READ_TIMEOUT_SECONDS,
        total_timeout=settings.WEBHOOK_TIMEOUT_SECONDS,
        max_bytes=ANSWER_BYTES,
    )


def send(delivery: Delivery) -> Attempt:
    """One signed POST through the outbound guard; the attempt records the receiver's answer."""
    subscription = delivery.subscription
    body = json.dumps(delivery.payload, ensure_ascii=False, separators=(",", ":")).encode()
    attempt = Attempt(delivery=delivery, started_at=timezone.now())
    started = time.monotonic()
    headers = signed_headers(subscription.secret, delivery.event_id, int(time.time()), body)
    headers["user-agent"] = USER_AGENT
    try:
        response = outbound.request(
            "POST", subscription.url, limits=limits(), headers=headers, body=body, truncate=True
        )
        attempt.response_status = response.status
        attempt.succeeded = 200 <= response.status < 300
        if not attempt.succeeded:
            answer = response.body[:200].decode(errors="replace")
            attempt.error = f"HTTP {response.status}: {answer}"
    except outbound.OutboundError as error:
        attempt.error = str(error)[:1000]
    attempt.duration_ms = round((time.monotonic() - started) * 1000)
    attempt.save()
    return attempt


def succeeded(delivery: Delivery) -> None:
    with transaction.atomic():
        Delivery.objects.filter(pk=delivery.pk).update(
            status=DeliveryStatus.DELIVERED,
            attempt_count=F("attempt_count") + 1,
            delivered_at=timezone.now(),
            lease_until=None,
        )
        Subscription.objects.filter(pk=delivery.subscription_id).update(consecutive_failures=0)


def failed(delivery: Delivery, attempt: Attempt) -> None:
    """Schedule the next try, or give up once the retry window (over a day) has passed."""
    WEBHOOK_FAILURES.inc(str(delivery.subscription_id))
    attempts = delivery.attempt_count + 1
    now = timezone.now()
    next_at, gives_up = next_attempt(delivery.created_at, now, attempts)
    with transaction.atomic():
        Delivery.objects.filter(pk=delivery.pk).update(
            status=DeliveryStatus.FAILED if gives_up else DeliveryStatus.PENDING,
            attempt_count=attempts,
            next_attempt_at=next_at,
            lease_until=None,
        )
        Subscription.objects.filter(pk=delivery.subscription_id).update(
            consecutive_failures=F("consecutive_failures") + 1
        )
        if not gives_up:
            transaction.on_commit(lambda: enqueue(delivery, run_after=next_at))
    logger.warning(
        "웹훅 %s을(를) %s(으)로 보내지 못했습니다 (%s번째 시도): %s",
        delivery.event_id,
        delivery.subscription.url,
        attempts,
        attempt.error,
    )
    disable_if_failing(delivery.subscription_id)


def disable_if_failing(subscription_id: int) -> None:
    """After WEBHOOK_DISABLE_AFTER_FAILURES failed attempts in a row, stop and tell the owner."""
    disabled = Subscription.objects.filter(
        pk=subscription_id,
        is_active=True,
        consecutive_failures__gte=settings.WEBHOOK_DISABLE_AFTER_FAILURES,
    ).update(is_active=False, disabled_at=timezone.now())
    if not disabled:
        return
    subscription = Subscription.objects.select_related("owner").get(pk=subscription_id)
    logger.error("웹훅 구독 %s을(를) 연속 실패로 중지했습니다", subscription.url)
    if subscription.notify_email:
        send_mail(
            subject="[서울시 패밀리 포털] 웹훅 구독이 중지되었습니다",
            message=(
                f"{subscription.url} 주소로 보낸 웹훅이 "
                f"{subscription.consecutive_failures}번 연속 실패하여 구독을 중지했습니다.\n"
                "받는 쪽을 고친 뒤 관리자 화면(설정 > 웹훅 구독)에서 다시 사용으로 바꾸면 "
                "밀린 이벤트를 다시 보냅니다."
            ),
            from_email=None,
            recipient_list=[subscription.notify_email],
        )


def due_deliveries():
    """Pending deliveries of active subscriptions that are due and not being sent, whose task
    may have been lost (a worker killed mid-send, an immediate backend that cannot wait)."""
    now = timezone.now()
    stale = now - timedelta(seconds=settings.WEBHOOK_LEASE_SECONDS)
    return (
        Delivery.objects.filter(
            status=DeliveryStatus.PENDING, subscription__is_active=True, next_attempt_at__lte=now
        )
        .filter(Q(lease_until__isnull=True) | Q(lease_until__lt=now))
        .filter(Q(enqueued_at__isnull=True) | Q(enqueued_at__lt=stale))
    )


def replay(delivery: Delivery) -> None:
    """Send a delivery again now, whatever became of it (the admin's replay button)."""
    Delivery.objects.filter(pk=delivery.pk).update(
        status=DeliveryStatus.PENDING, next_attempt_at=timezone.now(), lease_until=None
    )
    enqueue(delivery)
