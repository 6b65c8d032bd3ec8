"""Subscriptions in the subscriber's language: the request names it (ko when absent), and each
message names the page in that language when its translation is public, the Korean page (saying
so) otherwise."""

import pytest
from django.core import mail
from wagtail.models import PageViewRestriction

from notifications.push import LoopbackAppPushSender
from pages.editorial import setup_portal
from pages.models import SectionKind
from subscriptions.models import ChangeNote, Subscriber
from tests.factories import ArticlePageFactory
from tests.factories.translations import translated

from .helpers import link_in

pytestmark = pytest.mark.django_db


def post(client, path, body):
    return client.post(path, body, content_type="application/json")


def register_app(client, token, **language):
    body = {"channel": "app", "device": {"platform": "fcm", "token": token}, "filters": {}}
    response = post(client, "/api/v2/subscriptions/devices/", {**body, **language})
    assert response.status_code == 201, response.content
    return response.json()


@pytest.fixture
def family_info(db):
    """The portal with its content languages' locales, as `make run` sets it up."""
    _, sections, _ = setup_portal()
    return sections[SectionKind.FAMILY_INFO]


@pytest.fixture
def publish(django_capture_on_commit_callbacks):
    def publish(page):
        with django_capture_on_commit_callbacks(execute=True):
            page.save_revision().publish()
        page.refresh_from_db()
        return page

    return publish


def test_the_request_names_the_language_korean_by_default(portal, client):
    assert register_app(client, "t-ko")["language"] == "ko"
    assert register_app(client, "t-vi", language="vi")["language"] == "vi"
    assert register_app(client, "t-zh", locale="zh-hans")["language"] == "zh-hans"
    assert (
        post(
            client, "/api/v2/subscriptions/email/", {"email": "a@example.com", "language": "en"}
        ).status_code
        == 202
    )
    assert Subscriber.objects.get(channel="email").language == "en"

    bad = post(client, "/api/v2/subscriptions/email/", {"email": "b@example.com", "language": "fr"})
    assert bad.status_code == 400
    assert bad.json()["error"]["code"] == "invalid"
    assert "알 수 없는 언어입니다: 'fr'" in bad.json()["error"]["message"]
    assert not Subscriber.objects.filter(channel="email").exclude(language="en").exists()


def major_change(page, publish, note="신청 기간이 연장되었습니다."):
    ChangeNote.objects.create(page=page, major=True, note=note)
    page.title = f"{page.title.split(' (')[0]} (개정)"
    return publish(page)


def test_each_subscriber_hears_of_the_page_in_their_language(
    family_info, client, publish, django_capture_on_commit_callbacks
):
    page = publish(ArticlePageFactory(parent=family_info, title="양육비 안내", live=False))
    vietnamese = translated(page, "vi")
    register_app(client, "t-ko")
    register_app(client, "t-vi", language="vi")
    register_app(client, "t-en", language="en")  # no English translation
    with django_capture_on_commit_callbacks(execute=True):
        post(client, "/api/v2/subscriptions/email/", {"email": "vi@example.com", "locale": "vi"})
    (confirmation,) = mail.outbox
    assert client.get(link_in(confirmation, "confirm")).status_code == 200
    LoopbackAppPushSender.outbox = []

    major_change(page, publish)

    by_token = {target.token: message for target, message in LoopbackAppPushSender.outbox}
    assert sorted(by_token) == ["t-en", "t-ko", "t-vi"]  # one message each
    assert by_token["t-ko"].title == "양육비 안내 (개정)"
    assert "/vi/" in by_token["t-vi"].url
    assert by_token["t-vi"].title == vietnamese.title == "양육비 안내 (Tiếng Việt)"
    assert by_token["t-vi"].url.endswith(f"/vi/vi-{family_info.pk}/vi-{page.pk}/")
    assert by_token["t-en"].title == "양육비 안내 (개정)"
    assert "/vi/" not in by_token["t-en"].url
    assert by_token["t-en"].body.startswith("(한국어 페이지 · This page is in Korean only.)")

    (alert_mail,) = mail.outbox[1:]
    assert alert_mail.subject == "[서울시 패밀리 포털] 중요한 변경: 양육비 안내 (Tiếng Việt)"
    assert "Tin mới từ Cổng thông tin Gia đình Seoul" in alert_mail.body
    assert by_token["t-vi"].url in alert_mail.body
    assert "신청 기간이 연장되었습니다." in alert_mail.body


def test_a_private_or_unpublished_translation_falls_back_to_the_korean_page(
    family_info, client, publish
):
    page = publish(ArticlePageFactory(parent=family_info, title="돌봄 안내", live=False))
    vietnamese = translated(page, "vi")
    register_app(client, "t-vi", language="vi")
    PageViewRestriction.objects.create(page=vietnamese, restriction_type=PageViewRestriction.LOGIN)
    major_change(page, publish)
    ((_, message),) = LoopbackAppPushSender.outbox
    assert message.title == "돌봄 안내 (개정)"
    assert "/vi/" not in message.url
    assert message.body.startswith("(한국어 페이지 · Trang này chỉ có bằng tiếng Hàn.)")

    PageViewRestriction.objects.all().delete()
    vietnamese.unpublish()
    LoopbackAppPushSender.outbox = []
    major_change(page, publish, note="두 번째 변경")
    ((_, message),) = LoopbackAppPushSender.outbox
    assert message.title == "돌봄 안내 (개정)"
    assert "Trang này chỉ có bằng tiếng Hàn." in message.body
