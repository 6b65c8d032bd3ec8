"""What a subscriber receives: an e-mail (immediate or a digest) or a push notification.

Every e-mail carries RFC 8058 one-click unsubscribe headers and the same links in its text.
"""

import json

from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string

from notifications.push import AppPushTarget, PushMessage, WebPushSubscription

from .models import Alert, Subscriber
from .services import manage_url, unsubscribe_url


def unsubscribe_headers(subscriber: Subscriber) -> dict[str, str]:
    return {
        "List-Unsubscribe": f"<{unsubscribe_url(subscriber)}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def email_for(subscriber: Subscriber, alerts: list[Alert], *, digest: bool = False):
    context = {
        "alerts": alerts,
        "digest": digest,
        "manage_url": manage_url(subscriber),
        "unsubscribe_url": unsubscribe_url(subscriber),
    }
    if digest:
        subject = f"[서울시 패밀리 포털] 구독 소식 {len(alerts)}건"
    else:
        alert = alerts[0]
        subject = f"[서울시 패밀리 포털] {alert.get_kind_display()}: {alert.title}"
    return EmailMultiAlternatives(
        subject=subject,
        body=render_to_string("subscriptions/email/alert.txt", context),
        to=[subscriber.address],
        headers=unsubscribe_headers(subscriber),
    )


def push_message_for(alert: Alert) -> PushMessage:
    body = alert.note or alert.get_kind_display()
    return PushMessage(title=alert.title, body=body[:200], url=alert.url, tag=f"alert-{alert.pk}")


def web_push_subscription(subscriber: Subscriber) -> WebPushSubscription:
    data = json.loads(subscriber.address)
    return WebPushSubscription(endpoint=data["endpoint"], p256dh=data["p256dh"], auth=data["auth"])


def app_target(subscriber: Subscriber) -> AppPushTarget:
    data = json.loads(subscriber.address)
    return AppPushTarget(platform=data["platform"], token=data["token"])
