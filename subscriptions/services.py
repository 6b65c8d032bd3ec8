"""Joining, confirming, managing and leaving: what the API and the signed-link pages call.

Addresses are found by a keyed hash (HMAC-SHA256 with SECRET_KEY) of their normalised form,
so looking one up never decrypts anyone else's. Links carry a signed `[subscriber id,
manage key]`: no account is needed, and deleting the subscriber revokes every link.
"""

import base64
import binascii
import json
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives
from django.core.validators import validate_email
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import salted_hmac
from wagtail.api.v2.utils import BadRequestError

from content.locales import check_language, default_language

from .lists import list_for
from .models import Channel, Frequency, Subscriber, SubscriberList, Subscription

ADDRESS_SALT = "subscriptions.address"
CONFIRM_SALT = "subscriptions.confirm"
MANAGE_SALT = "subscriptions.manage"


class SubscriptionError(ValueError):
    """Input a person or client got wrong; the message is Korean."""


def address_hash(channel: str, normalized: str) -> str:
    return salted_hmac(ADDRESS_SALT, f"{channel}:{normalized}", algorithm="sha256").hexdigest()


def normalize_email(email: str) -> str:
    email = (email or "").strip()
    try:
        validate_email(email)
    except ValidationError as error:
        raise SubscriptionError("이메일 주소 형식이 올바르지 않습니다.") from error
    local, _, domain = email.rpartition("@")
    return f"{local}@{domain.lower()}"


def email_address_hash(email: str) -> str:
    """The keyed hash that finds an e-mail subscriber (and counts its confirmation mails)."""
    return address_hash(Channel.EMAIL, normalize_email(email).lower())


def subscriber_language(value) -> str | None:
    """A content language code from a request's `language`/`locale` (None when absent), or
    a Korean error naming the languages that exist."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise SubscriptionError("언어(language)는 문자열이어야 합니다. 예: ko, vi")
    try:
        return check_language(value)
    except BadRequestError as error:
        raise SubscriptionError(str(error)) from error


def site_url(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


# Signed links -------------------------------------------------------------------------------


def manage_token(subscriber: Subscriber) -> str:
    return signing.dumps([subscriber.pk, subscriber.manage_key], salt=MANAGE_SALT)


def subscriber_for_token(token: str) -> Subscriber | None:
    try:
        pk, key = signing.loads(token, salt=MANAGE_SALT)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    return Subscriber.objects.filter(pk=pk, manage_key=key).first()


def manage_url(subscriber: Subscriber) -> str:
    return site_url(reverse("subscriptions:manage", args=[manage_token(subscriber)]))


def unsubscribe_url(subscriber: Subscriber) -> str:
    return site_url(reverse("subscriptions:unsubscribe", args=[manage_token(subscriber)]))


def confirm_token(subscription: Subscription) -> str:
    return signing.dumps(subscription.pk, salt=CONFIRM_SALT)


def confirm(token: str) -> Subscription | None:
    """Confirm the subscription (and its address) a link names, unless it expired."""
    max_age = timedelta(days=settings.SUBSCRIPTIONS_CONFIRM_DAYS)
    try:
        pk = signing.loads(token, salt=CONFIRM_SALT, max_age=max_age)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    subscription = Subscription.objects.select_related("subscriber").filter(pk=pk).first()
    if subscription is None:
        return None
    now = timezone.now()
    with transaction.atomic():
        Subscription.objects.filter(pk=pk, confirmed_at__isnull=True).update(confirmed_at=now)
        Subscriber.objects.filter(pk=subscription.subscriber_id, confirmed_at__isnull=True).update(
            confirmed_at=now
        )
    subscription.refresh_from_db()
    return subscription


# Joining ------------------------------------------------------------------------------------


def subscribe_email(
    email: str, filters: dict, frequency: str = Frequency.IMMEDIATE, language: str | None = None
) -> None:
    """Add a pending subscription and e-mail its confirmation link (double opt-in); messages
    come in `language` (a content language, Korean when None).

    The answer is the same whether or not the address was known, so the API tells nobody who
    subscribes to what.
    """
    normalized = normalize_email(email)
    if frequency not in Frequency.values:
        raise SubscriptionError("받는 방식은 immediate, daily, weekly 중 하나여야 합니다.")
    language = subscriber_language(language) or default_language()
    subscriber_list = list_for(filters)
    with transaction.atomic():
        subscriber, created = Subscriber.objects.get_or_create(
            channel=Channel.EMAIL,
            address_hash=email_address_hash(normalized),
            defaults={"address": normalized, "frequency": frequency, "language": language},
        )
        if not created and subscriber.language != language:
            Subscriber.objects.filter(pk=subscriber.pk).update(language=language)
        subscription, _ = Subscription.objects.get_or_create(
            subscriber=subscriber, subscriber_list=subscriber_list
        )
        if subscription.confirmed_at is not None:
            return
        if subscriber.confirmed_at is None:
            Subscriber.objects.filter(pk=subscriber.pk).update(frequency=frequency)
        transaction.on_commit(lambda: send_confirmation(subscriber, subscription))


def send_confirmation(subscriber: Subscriber, subscription: Subscription) -> None:
    context = {
        "list_title": subscription.subscriber_list.title,
        "confirm_url": site_url(
            reverse("subscriptions:confirm", args=[confirm_token(subscription)])
        ),
        "days": settings.SUBSCRIPTIONS_CONFIRM_DAYS,
    }
    message = EmailMultiAlternatives(
        subject="[서울시 패밀리 포털] 구독 신청을 확인해 주세요",
        body=render_to_string("subscriptions/email/confirm.txt", context),
        to=[subscriber.address],
    )
    message.send()


def register_device(
    channel: str, device: object, filters: dict | None, language: str | None = None
) -> Subscriber:
    """Register a browser push subscription or an app token (no opt-in: the device asked);
    `language` (Korean when None) is the one its messages come in."""
    language = subscriber_language(language) or default_language()
    normalized = normalized_device(channel, device)
    identity = normalized["endpoint"] if channel == Channel.WEB_PUSH else normalized["token"]
    now = timezone.now()
    with transaction.atomic():
        subscriber, created = Subscriber.objects.get_or_create(
            channel=channel,
            address_hash=address_hash(channel, identity),
            defaults={
                "address": json.dumps(normalized),
                "confirmed_at": now,
                "language": language,
            },
        )
        if not created:
            # Keys change when a browser renews its subscription at the same endpoint.
            subscriber.address = json.dumps(normalized)
            subscriber.language = language
            subscriber.save(update_fields=["address", "language"])
        if filters is not None:
            add_list(subscriber, list_for(filters))
    return subscriber


def normalized_device(channel: str, device: object) -> dict:
    """`device` as sent by the client (any JSON value), checked and reduced to what is kept."""
    if not isinstance(device, dict):
        raise SubscriptionError("기기 정보는 JSON 객체여야 합니다.")
    if channel == Channel.WEB_PUSH:
        if not settings.WEBPUSH_VAPID_PRIVATE_KEY:
            raise SubscriptionError("이 포털은 아직 브라우저 알림을 보낼 수 없습니다.")
        endpoint = str(device.get("endpoint", "")).strip()
        keys = device.get("keys")
        if not isinstance(keys, dict):
            keys = {}
        p256dh, auth = str(keys.get("p256dh", "")).strip(), str(keys.get("auth", "")).strip()
        if not endpoint.startswith("https://") and not settings.WEBPUSH_ALLOW_HTTP_ENDPOINTS:
            raise SubscriptionError("푸시 구독 주소(endpoint)는 https 주소여야 합니다.")
        if not endpoint or not p256dh or not auth or len(endpoint) > 1000:
            raise SubscriptionError("푸시 구독에 endpoint, keys.p256dh, keys.auth가 필요합니다.")
        if not (is_key(p256dh, 65, first=0x04) and is_key(auth, 16)):
            raise SubscriptionError("푸시 구독의 keys.p256dh 또는 keys.auth가 올바르지 않습니다.")
        return {"endpoint": endpoint, "p256dh": p256dh, "auth": auth}
    if channel == Channel.APP:
        platform = str(device.get("platform", "")).strip().lower()
        token = str(device.get("token", "")).strip()
        if platform not in ("fcm", "apns"):
            raise SubscriptionError("앱 플랫폼(platform)은 fcm 또는 apns여야 합니다.")
        if not token or len(token) > 4096:
            raise SubscriptionError("앱 기기 토큰(token)이 필요합니다.")
        return {"platform": platform, "token": token}
    raise SubscriptionError("채널은 webpush 또는 app이어야 합니다.")


def is_key(value: str, length: int, first: int | None = None) -> bool:
    """A base64url key of `length` bytes (P-256 public keys start with 0x04, uncompressed)."""
    try:
        raw = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4))
    except (ValueError, binascii.Error):
        return False
    return len(raw) == length and (first is None or raw[0] == first)


def add_list(subscriber: Subscriber, subscriber_list: SubscriberList) -> Subscription:
    """Put a confirmed subscriber (a device, an address already confirmed) on a list."""
    subscription, _ = Subscription.objects.get_or_create(
        subscriber=subscriber,
        subscriber_list=subscriber_list,
        defaults={"confirmed_at": timezone.now()},
    )
    return subscription


# Leaving ------------------------------------------------------------------------------------


def unsubscribe(subscriber: Subscriber) -> None:
    """Leave everything: the address, its subscriptions and its links are gone."""
    subscriber.delete()


def purge_unconfirmed(now=None) -> tuple[int, int]:
    """Delete subscriptions and addresses left unconfirmed for SUBSCRIPTIONS_CONFIRM_DAYS."""
    cutoff = (now or timezone.now()) - timedelta(days=settings.SUBSCRIPTIONS_CONFIRM_DAYS)
    subscribers, _ = Subscriber.objects.filter(
        confirmed_at__isnull=True, created_at__lt=cutoff
    ).delete()
    subscriptions, _ = Subscription.objects.filter(
        confirmed_at__isnull=True, created_at__lt=cutoff
    ).delete()
    return subscribers, subscriptions
