"""E-mail subscriptions: double opt-in, encryption at rest, digests, leaving in one click."""

from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection
from django.utils import timezone

from subscriptions.delivery import send_digests
from subscriptions.models import Delivery, DeliveryStatus, Subscriber, Subscription
from subscriptions.services import purge_unconfirmed, subscribe_email

from .helpers import confirmed_email, draft_article, link_in

pytestmark = pytest.mark.django_db(transaction=False)


def publish(page, capture):
    with capture(execute=True):
        page.save_revision().publish()


def test_nothing_is_sent_before_the_address_is_confirmed(
    portal, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        subscribe_email("Family@Example.COM", {"section": "family-info"})
    (confirmation,) = mail.outbox
    assert confirmation.to == ["Family@example.com"]
    assert "구독 신청을 확인해 주세요" in confirmation.subject

    publish(draft_article(portal, title="확인 전 글"), django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1  # still only the confirmation

    assert client.get(link_in(confirmation, "confirm")).status_code == 200
    publish(draft_article(portal, title="확인 뒤 글"), django_capture_on_commit_callbacks)
    assert [message.subject for message in mail.outbox[1:]] == [
        "[서울시 패밀리 포털] 새 콘텐츠: 확인 뒤 글"
    ]


def test_an_expired_confirmation_link_confirms_nothing(
    portal, client, settings, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        subscribe_email("late@example.com", {})
    settings.SUBSCRIPTIONS_CONFIRM_DAYS = 0
    response = client.get(link_in(mail.outbox[0], "confirm"))
    assert response.status_code == 404
    assert "기한이 지났습니다" in response.content.decode()
    assert not Subscription.objects.filter(confirmed_at__isnull=False).exists()


def test_addresses_are_encrypted_at_rest_and_found_by_keyed_hash(
    portal, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        subscribe_email("secret.family@example.com", {})
        subscribe_email("SECRET.family@EXAMPLE.com", {"section": "notice"})
    assert Subscriber.objects.count() == 1  # the same address, found again by its hash
    with connection.cursor() as cursor:
        cursor.execute("SELECT address, address_hash FROM subscriptions_subscriber")
        stored, stored_hash = cursor.fetchone()
    assert "secret" not in stored and "example" not in stored
    assert "secret" not in stored_hash
    assert Subscriber.objects.get().address == "secret.family@example.com"


def test_unconfirmed_subscriptions_are_deleted_after_seven_days(
    portal, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        subscribe_email("never@example.com", {})
        subscribe_email("kept@example.com", {})
    client.get(link_in(mail.outbox[1], "confirm"))

    purge_unconfirmed(now=timezone.now() + timedelta(days=6))
    assert Subscriber.objects.count() == 2
    purge_unconfirmed(now=timezone.now() + timedelta(days=8))
    assert [s.address for s in Subscriber.objects.all()] == ["kept@example.com"]


def test_every_message_has_one_click_unsubscribe_and_it_works(
    portal, client, django_capture_on_commit_callbacks
):
    confirmed_email(client, "leaver@example.com", {})
    publish(draft_article(portal, title="새 글"), django_capture_on_commit_callbacks)
    alert_mail = mail.outbox[-1]
    assert alert_mail.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    url = alert_mail.extra_headers["List-Unsubscribe"].strip("<>")
    assert url.split("/", 3)[3] in link_in(alert_mail, "unsubscribe").lstrip("/")
    path = "/" + url.split("/", 3)[3]

    # A mail scanner following the link (GET) unsubscribes nobody.
    assert client.get(path).status_code == 200
    assert Subscriber.objects.count() == 1
    # The mail provider's one-click POST (RFC 8058), without any session or CSRF token.
    response = client.post(path, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert not Subscriber.objects.exists()
    assert client.post(path).status_code == 404  # the link is revoked with the subscriber


def test_the_manage_link_removes_one_list_and_changes_frequency(
    portal, client, django_capture_on_commit_callbacks
):
    confirmed_email(client, "manager@example.com", {"section": "notice"})
    confirmed_email(client, "manager@example.com", {"section": "family-info"})
    manage = link_in(mail.outbox[-1], "confirm")
    response = client.get(manage)
    manage_path = response.context["manage_token"]
    page = client.get(f"/subscriptions/manage/{manage_path}/")
    notice = next(
        s
        for s in page.context["subscriptions"]
        if s.subscriber_list.criteria["section"] == "notice"
    )
    client.post(
        f"/subscriptions/manage/{manage_path}/", {"remove": [notice.pk], "frequency": "weekly"}
    )
    subscriber = Subscriber.objects.get()
    assert subscriber.frequency == "weekly"
    assert [s.subscriber_list.criteria for s in subscriber.subscriptions.all()] == [
        {"section": "family-info"}
    ]


def test_daily_digest_collects_alerts_into_one_mail(
    portal, client, django_capture_on_commit_callbacks
):
    confirmed_email(client, "digest@example.com", {}, frequency="daily")
    before = len(mail.outbox)
    publish(draft_article(portal, title="첫째 소식"), django_capture_on_commit_callbacks)
    publish(draft_article(portal, title="둘째 소식"), django_capture_on_commit_callbacks)
    assert len(mail.outbox) == before  # held for the digest
    assert Delivery.objects.filter(status=DeliveryStatus.DIGEST).count() == 2

    assert send_digests() == 1
    digest = mail.outbox[-1]
    assert digest.subject == "[서울시 패밀리 포털] 구독 소식 2건"
    assert "첫째 소식" in digest.body and "둘째 소식" in digest.body
    assert digest.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert send_digests() == 0  # nothing waits, and a day has not passed

    publish(draft_article(portal, title="셋째 소식"), django_capture_on_commit_callbacks)
    assert send_digests() == 0  # the next digest waits for its day
    assert send_digests(now=timezone.now() + timedelta(days=1, minutes=1)) == 1
