"""Fan-out and delivery through the task queue.

An alert is fanned out by one task: it records one `Delivery` per distinct confirmed subscriber
of the matching lists (unique per alert and subscriber, so overlapping lists send once) in
batches of SUBSCRIPTIONS_BATCH_SIZE, and queues one delivery task per batch. A batch task
claims its deliveries with a lease, then per subscriber: holds e-mail for a digest, stops at
the daily cap, or sends. Push services answering 404/410 (and unregistered app tokens) remove
the subscriber; a busy or unreachable service is retried with exponential back-off.
"""

import functools
import logging
from collections import defaultdict
from datetime import timedelta

from django.conf import settings
from django.core.mail import get_connection
from django.db import transaction
from django.db.models import Count, F
from django.utils import timezone

from content.visibility import is_public
from notifications.push import PushOutcome, get_app_push_sender, send_web_push

from .lists import subscribers_of
from .messages import (
    AlertTexts,
    app_target,
    email_for,
    push_message_for,
    web_push_subscription,
)
from .models import Alert, Channel, Delivery, DeliveryStatus, Frequency, Subscriber

logger = logging.getLogger(__name__)

LEASE = timedelta(minutes=5)


def enqueue(task, *args, run_after=None) -> None:
    from django_tasks import task_backends

    backend = settings.BACKGROUND_TASK_BACKEND
    if run_after is not None and not task_backends[backend].supports_defer:
        return  # an immediate backend cannot wait: `requeue_subscription_deliveries` sends it
    task.using(backend=backend, run_after=run_after).enqueue(*args)


def start(alert: Alert) -> None:
    """Fan the alert out once the transaction that made it commits."""
    from .tasks import fan_out_alert

    transaction.on_commit(lambda: enqueue(fan_out_alert, alert.pk))


def fan_out(alert_id: int) -> int:
    """Record the alert's deliveries and queue them in batches; returns how many were made."""
    from .tasks import deliver_batch

    alert = Alert.objects.select_related("page").filter(pk=alert_id).first()
    if alert is None or alert.fanned_out_at is not None:
        return 0
    if alert.page is None or not is_public(alert.page):
        # Unpublished or made private since: never tell anyone about it.
        Alert.objects.filter(pk=alert_id).update(fanned_out_at=timezone.now())
        return 0
    size = settings.SUBSCRIPTIONS_BATCH_SIZE
    subscriber_ids = list(subscribers_of(alert.list_ids))
    for start_at in range(0, len(subscriber_ids), size):
        batch = subscriber_ids[start_at : start_at + size]
        Delivery.objects.bulk_create(
            [Delivery(alert_id=alert_id, subscriber_id=pk) for pk in batch],
            ignore_conflicts=True,
        )
        ids = list(
            Delivery.objects.filter(alert_id=alert_id, subscriber_id__in=batch).values_list(
                "pk", flat=True
            )
        )
        transaction.on_commit(functools.partial(enqueue, deliver_batch, alert_id, ids))
    Alert.objects.filter(pk=alert_id).update(fanned_out_at=timezone.now())
    logger.info("구독 알림 %s: 구독자 %s명에게 보냅니다", alert_id, len(subscriber_ids))
    return len(subscriber_ids)


def claim(delivery_ids: list[int]) -> list[Delivery]:
    """Take a lease on the due, pending deliveries among `delivery_ids`."""
    now = timezone.now()
    lease_until = now + LEASE
    Delivery.objects.filter(
        pk__in=delivery_ids, status=DeliveryStatus.PENDING, next_attempt_at__lte=now
    ).update(next_attempt_at=lease_until)
    return list(
        Delivery.objects.filter(
            pk__in=delivery_ids, status=DeliveryStatus.PENDING, next_attempt_at=lease_until
        ).select_related("subscriber", "alert")
    )


def sent_today(subscriber_ids: list[int]) -> dict[int, int]:
    since = timezone.now() - timedelta(days=1)
    rows = (
        Delivery.objects.filter(
            subscriber_id__in=subscriber_ids, status=DeliveryStatus.SENT, sent_at__gte=since
        )
        .values("subscriber_id")
        .annotate(count=Count("pk"))
    )
    return {row["subscriber_id"]: row["count"] for row in rows}


def deliver(delivery_ids: list[int]) -> dict[str, int]:
    """Send one batch; returns how many deliveries ended in each status."""
    deliveries = claim(delivery_ids)
    counts = sent_today([d.subscriber_id for d in deliveries if d.subscriber_id])
    results: dict[str, list[Delivery]] = defaultdict(list)
    texts = AlertTexts()
    connection = None
    for delivery in deliveries:
        subscriber, alert = delivery.subscriber, delivery.alert
        if subscriber is None:
            results[DeliveryStatus.CANCELLED].append(delivery)
        elif (
            subscriber.channel == Channel.EMAIL
            and subscriber.frequency != Frequency.IMMEDIATE
            and not alert.bypasses_digest
        ):
            results[DeliveryStatus.DIGEST].append(delivery)
        elif counts.get(subscriber.pk, 0) >= settings.SUBSCRIPTIONS_DAILY_CAP:
            results[DeliveryStatus.CAPPED].append(delivery)
        else:
            if subscriber.channel == Channel.EMAIL and connection is None:
                connection = get_connection()
            outcome = send(subscriber, alert, connection, texts)
            results[outcome].append(delivery)
            if outcome == PushOutcome.SENT:
                counts[subscriber.pk] = counts.get(subscriber.pk, 0) + 1
    record(results)
    return {str(status): len(items) for status, items in results.items()}


def send(subscriber: Subscriber, alert: Alert, connection, texts: AlertTexts) -> PushOutcome:
    if subscriber.channel == Channel.EMAIL:
        message = email_for(subscriber, [alert], texts=texts)
        message.connection = connection
        try:
            message.send()
        except OSError:
            return PushOutcome.RETRY
        return PushOutcome.SENT
    if subscriber.channel == Channel.WEB_PUSH:
        message = push_message_for(alert, subscriber.language, texts)
        return send_web_push(web_push_subscription(subscriber), message)
    message = push_message_for(alert, subscriber.language, texts)
    return get_app_push_sender().send(app_target(subscriber), message)


def retry_delay(attempts: int) -> timedelta:
    seconds = settings.SUBSCRIPTIONS_RETRY_BASE_SECONDS * 2 ** max(attempts - 1, 0)
    return timedelta(seconds=min(seconds, 6 * 3600))


def record(results: dict[str, list[Delivery]]) -> None:
    """Write each delivery's outcome; remove gone subscribers; schedule retries."""
    from .tasks import deliver_batch

    now = timezone.now()

    def ids(status) -> list[int]:
        return [delivery.pk for delivery in results.get(status, [])]

    with transaction.atomic():
        Delivery.objects.filter(pk__in=ids(PushOutcome.SENT)).update(
            status=DeliveryStatus.SENT, sent_at=now, attempts=F("attempts") + 1
        )
        for status in (DeliveryStatus.DIGEST, DeliveryStatus.CAPPED, DeliveryStatus.CANCELLED):
            Delivery.objects.filter(pk__in=ids(status)).update(status=status)
        Delivery.objects.filter(pk__in=ids(PushOutcome.FAILED)).update(
            status=DeliveryStatus.FAILED, attempts=F("attempts") + 1
        )
        gone = results.get(PushOutcome.GONE, [])
        Delivery.objects.filter(pk__in=ids(PushOutcome.GONE)).update(
            status=DeliveryStatus.GONE, attempts=F("attempts") + 1
        )
        Subscriber.objects.filter(pk__in=[d.subscriber_id for d in gone]).delete()
        by_time: dict = defaultdict(list)
        for delivery in results.get(PushOutcome.RETRY, []):
            attempts = delivery.attempts + 1
            if attempts >= settings.SUBSCRIPTIONS_MAX_ATTEMPTS:
                Delivery.objects.filter(pk=delivery.pk).update(
                    status=DeliveryStatus.FAILED, attempts=attempts
                )
                continue
            next_at = now + retry_delay(attempts)
            Delivery.objects.filter(pk=delivery.pk).update(
                attempts=attempts, next_attempt_at=next_at
            )
            by_time[(delivery.alert_id, next_at)].append(delivery.pk)
        for (alert_id, next_at), retry_ids in by_time.items():
            transaction.on_commit(
                functools.partial(enqueue, deliver_batch, alert_id, retry_ids, run_after=next_at)
            )
    if gone:
        logger.info("응답이 404/410인 푸시 구독 %s개를 지웠습니다", len(gone))


def due_deliveries():
    """Pending deliveries whose time has come but whose task is lost or could not wait."""
    return Delivery.objects.filter(
        status=DeliveryStatus.PENDING, next_attempt_at__lte=timezone.now()
    )


# Digests ------------------------------------------------------------------------------------

DIGEST_PERIODS: dict[str, timedelta] = {
    Frequency.DAILY: timedelta(days=1),
    Frequency.WEEKLY: timedelta(days=7),
}


def send_digests(now=None) -> int:
    """One e-mail per subscriber whose digest period has passed, listing what waited."""
    now = now or timezone.now()
    sent = 0
    waiting = (
        Delivery.objects.filter(status=DeliveryStatus.DIGEST, subscriber__isnull=False)
        .values_list("subscriber_id", flat=True)
        .distinct()
    )
    connection = get_connection()
    texts = AlertTexts()
    for subscriber in Subscriber.objects.filter(pk__in=list(waiting)):
        period = DIGEST_PERIODS.get(subscriber.frequency)
        if period is None or (
            subscriber.last_digest_at and now - subscriber.last_digest_at < period
        ):
            continue
        deliveries = list(
            Delivery.objects.filter(subscriber=subscriber, status=DeliveryStatus.DIGEST)
            .select_related("alert")
            .order_by("alert__created_at")
        )
        message = email_for(subscriber, [d.alert for d in deliveries], digest=True, texts=texts)
        message.connection = connection
        message.send()
        with transaction.atomic():
            Delivery.objects.filter(pk__in=[d.pk for d in deliveries]).update(
                status=DeliveryStatus.SENT, sent_at=now, attempts=F("attempts") + 1
            )
            Subscriber.objects.filter(pk=subscriber.pk).update(last_digest_at=now)
        sent += 1
    return sent
