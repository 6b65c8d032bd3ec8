"""What a subscriber receives: an e-mail (immediate or a digest) or a push notification.

Every e-mail carries RFC 8058 one-click unsubscribe headers and the same links in its text.
A message names the page in the subscriber's language when that translation is live and public,
and otherwise the Korean page, saying so. The texts stay Korean; subscribers in another
language get one fixed line in theirs.
"""

import json
from dataclasses import dataclass

from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from wagtail.models import Page

from content.locales import default_language, path_prefix
from content.paths import frontend_url, site_path
from content.visibility import is_public
from notifications.push import AppPushTarget, PushMessage, WebPushSubscription

from .models import Alert, Subscriber
from .services import manage_url, unsubscribe_url

# Fixed lines for subscribers of the other content languages (the rest of a message is Korean).
GREETING = {
    "en": "News from the Seoul Family Portal that you subscribed to.",
    "vi": "Tin mới từ Cổng thông tin Gia đình Seoul mà bạn đã đăng ký.",
    "zh-hans": "您订阅的首尔家庭门户网站新消息。",
}
ONLY_IN_KOREAN = {
    "ko": "한국어 페이지",
    "en": "This page is in Korean only.",
    "vi": "Trang này chỉ có bằng tiếng Hàn.",
    "zh-hans": "此页面仅有韩文版。",
}


@dataclass(frozen=True)
class AlertText:
    """An alert as one subscriber reads it: the page's title and address in their language,
    or the Korean ones with `in_korean` set."""

    alert: Alert
    title: str
    url: str
    in_korean: bool
    korean_notice: str

    @property
    def kind(self) -> str:
        return self.alert.get_kind_display()

    @property
    def note(self) -> str:
        return self.alert.note


class AlertTexts:
    """Each alert's text per language, looked up once per batch (one query per language)."""

    def __init__(self):
        self._texts: dict[tuple[int, str], AlertText] = {}

    def get(self, alert: Alert, language: str) -> AlertText:
        key = (alert.pk, language)
        if key not in self._texts:
            self._texts[key] = self._text(alert, language)
        return self._texts[key]

    def _text(self, alert: Alert, language: str) -> AlertText:
        if language == default_language() or alert.page_id is None:
            return AlertText(alert, alert.title, alert.url, False, "")
        translation = Page.objects.filter(
            translation_key__in=Page.objects.filter(pk=alert.page_id).values("translation_key"),
            locale__language_code=language,
        ).first()
        if translation is not None and is_public(translation):
            # site_path is relative to the language's home; its tree is served under `/vi`.
            path = path_prefix(language) + site_path(translation)
            return AlertText(alert, translation.title, frontend_url(path), False, "")
        notice = ONLY_IN_KOREAN["ko"]
        if language in ONLY_IN_KOREAN:
            notice = f"{notice} · {ONLY_IN_KOREAN[language]}"
        return AlertText(alert, alert.title, alert.url, True, notice)


def unsubscribe_headers(subscriber: Subscriber) -> dict[str, str]:
    return {
        "List-Unsubscribe": f"<{unsubscribe_url(subscriber)}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def email_for(
    subscriber: Subscriber,
    alerts: list[Alert],
    *,
    digest: bool = False,
    texts: AlertTexts | None = None,
):
    texts = texts or AlertTexts()
    items = [texts.get(alert, subscriber.language) for alert in alerts]
    context = {
        "alerts": items,
        "greeting": GREETING.get(subscriber.language, ""),
        "digest": digest,
        "manage_url": manage_url(subscriber),
        "unsubscribe_url": unsubscribe_url(subscriber),
    }
    if digest:
        subject = f"[서울시 패밀리 포털] 구독 소식 {len(alerts)}건"
    else:
        item = items[0]
        subject = f"[서울시 패밀리 포털] {item.kind}: {item.title}"
    return EmailMultiAlternatives(
        subject=subject,
        body=render_to_string("subscriptions/email/alert.txt", context),
        to=[subscriber.address],
        headers=unsubscribe_headers(subscriber),
    )


def push_message_for(alert: Alert, language: str, texts: AlertTexts | None = None) -> PushMessage:
    text = (texts or AlertTexts()).get(alert, language)
    body = alert.note or alert.get_kind_display()
    if text.in_korean:
        body = f"({text.korean_notice}) {body}"
    return PushMessage(title=text.title, body=body[:200], url=text.url, tag=f"alert-{alert.pk}")


def web_push_subscription(subscriber: Subscriber) -> WebPushSubscription:
    data = json.loads(subscriber.address)
    return WebPushSubscription(endpoint=data["endpoint"], p256dh=data["p256dh"], auth=data["auth"])


def app_target(subscriber: Subscriber) -> AppPushTarget:
    data = json.loads(subscriber.address)
    return AppPushTarget(platform=data["platform"], token=data["token"])
