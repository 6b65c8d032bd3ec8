"""Web Push through a real loopback push service that decrypts each message (RFC 8291) and
checks its VAPID signature; app push through the configured sender. Gone endpoints are removed;
busy ones retried with back-off."""

import io
from urllib.parse import unquote

import pytest
from django.utils import timezone

from notifications.push import LoopbackAppPushSender
from subscriptions.models import Delivery, DeliveryStatus, Subscriber

from .helpers import draft_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def publish(django_capture_on_commit_callbacks):
    def publish(page):
        with django_capture_on_commit_callbacks(execute=True):
            page.save_revision().publish()
        return page

    return publish


def register(client, channel: str, device: dict, filters=None):
    response = client.post(
        "/api/v2/subscriptions/devices/",
        {"channel": channel, "device": device, "filters": filters or {}},
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    return response.json()


def test_web_push_arrives_encrypted_signed_and_readable_by_the_browser(
    portal, client, publish, push_service
):
    browser = push_service.browser("alice")
    register(client, "webpush", browser.subscription, {"section": "family-info"})
    page = publish(draft_article(portal, title="새 가족 수당", slug="수당"))

    (message,) = push_service.messages_for("alice")
    assert message["title"] == "새 가족 수당"
    assert unquote(message["url"]).endswith("/가족정보/수당/")
    assert message["body"] == "새 콘텐츠"
    assert Delivery.objects.get().status == DeliveryStatus.SENT
    assert Delivery.objects.get().alert.page_id == page.pk


def test_a_push_service_answering_410_removes_the_subscription(
    portal, client, publish, push_service
):
    gone, kept = push_service.browser("gone"), push_service.browser("kept")
    register(client, "webpush", gone.subscription)
    register(client, "webpush", kept.subscription)
    push_service.answers["gone"] = 410

    publish(draft_article(portal, title="알림"))

    assert len(push_service.messages_for("kept")) == 1
    assert Subscriber.objects.count() == 1
    statuses = sorted(Delivery.objects.values_list("status", flat=True))
    assert statuses == [DeliveryStatus.GONE, DeliveryStatus.SENT]


def test_a_busy_push_service_is_retried_later_with_back_off(
    portal, client, publish, push_service, settings
):
    browser = push_service.browser("busy")
    register(client, "webpush", browser.subscription)
    push_service.answers["busy"] = 503

    publish(draft_article(portal, title="재시도"))

    delivery = Delivery.objects.get()
    assert delivery.status == DeliveryStatus.PENDING
    assert delivery.attempts == 1
    wait = (delivery.next_attempt_at - timezone.now()).total_seconds()
    assert (
        settings.SUBSCRIPTIONS_RETRY_BASE_SECONDS - 5
        < wait
        <= settings.SUBSCRIPTIONS_RETRY_BASE_SECONDS
    )
    assert Subscriber.objects.count() == 1  # busy is not gone


def test_app_push_goes_through_the_configured_sender_and_unregistered_tokens_leave(
    portal, client, publish
):
    register(client, "app", {"platform": "fcm", "token": "token-kept"})
    register(client, "app", {"platform": "apns", "token": "token-gone"})
    LoopbackAppPushSender.gone_tokens = {"token-gone"}

    publish(draft_article(portal, title="앱 알림"))

    ((target, message),) = LoopbackAppPushSender.outbox
    assert (target.platform, target.token, message.title) == ("fcm", "token-kept", "앱 알림")
    assert Subscriber.objects.count() == 1


def test_a_due_retry_is_sent_once_the_push_service_recovers(
    portal, client, publish, push_service, django_capture_on_commit_callbacks
):
    from django.core.management import call_command

    browser = push_service.browser("flaky")
    register(client, "webpush", browser.subscription)
    push_service.answers["flaky"] = 503
    publish(draft_article(portal, title="다시 보내기"))
    Delivery.objects.update(next_attempt_at=timezone.now())  # its back-off has passed

    push_service.answers.pop("flaky")
    with django_capture_on_commit_callbacks(execute=True):
        call_command("requeue_subscription_deliveries", stdout=io.StringIO())

    (message,) = push_service.messages_for("flaky")
    assert message["title"] == "다시 보내기"
    delivery = Delivery.objects.get()
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.SENT, 2)
