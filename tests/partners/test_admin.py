"""The 협력기관 admin: issuing keys (shown once), revoking them, usage and feed status."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from partners.models import APIKeyUsage, FeedStatus, PartnerAPIKey
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db


def test_an_issued_key_is_shown_once_and_only_its_hash_is_kept(admin_client, partner):
    response = admin_client.post(
        reverse("partnerapikey:add"), {"partner": partner.pk, "name": "유스내비 서버"}
    )

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    key = PartnerAPIKey.objects.get()
    raw_key = response.context["raw_key"]
    assert raw_key.startswith(key.prefix + ".")
    assert raw_key in response.content.decode()
    assert PartnerAPIKey.objects.is_valid(raw_key)
    listing = admin_client.get(reverse("partnerapikey:index")).content.decode()
    assert key.prefix in listing
    assert raw_key not in listing
    edit = admin_client.get(reverse("partnerapikey:edit", args=[key.pk])).content.decode()
    assert raw_key not in edit


def test_a_key_is_revoked_in_the_admin_and_cannot_be_restored(admin_client, api_key):
    key, _ = api_key
    url = reverse("partnerapikey:edit", args=[key.pk])

    admin_client.post(url, {"name": key.name, "revoked": "on"})
    response = admin_client.post(url, {"name": key.name})

    key.refresh_from_db()
    assert key.revoked
    assert response.status_code == 200  # the form again, with the error


def test_administrators_see_usage_per_key_per_day(admin_client, api_key):
    key, _ = api_key
    today = timezone.localdate()
    APIKeyUsage.objects.create(api_key=key, day=today, requests=987, throttled=5)
    APIKeyUsage.objects.create(api_key=key, day=today - datetime.timedelta(days=1), requests=77)

    response = admin_client.get(reverse("partners_api_usage"))

    html = response.content.decode()
    assert response.status_code == 200
    assert "서울시립 청소년미디어센터" in html
    assert "987" in html
    assert "77" in html


def test_usage_exports_as_csv(admin_client, api_key):
    key, _ = api_key
    APIKeyUsage.objects.create(api_key=key, day=datetime.date(2026, 12, 1), requests=42)

    response = admin_client.get(reverse("partners_api_usage") + "?export=csv")

    csv = b"".join(response.streaming_content).decode("utf-8-sig")
    assert csv.splitlines()[0] == "날짜,협력기관,API 키,키 앞부분,요청 수,한도 초과"
    assert f"2026-12-01,서울시립 청소년미디어센터,운영 서버,{key.prefix},42,0" in csv


def test_editors_without_permission_do_not_see_usage(client, api_key):
    editor = UserFactory()
    editor.user_permissions.add(*_admin_access())
    client.force_login(editor)

    response = client.get(reverse("partners_api_usage"))

    assert response.status_code in (302, 403)


def _admin_access():
    from django.contrib.auth.models import Permission

    return Permission.objects.filter(codename="access_admin")


def test_feed_status_is_visible_in_the_feed_listing(admin_client, make_feed):
    feed = make_feed("https://down.example/rss")
    feed.record_failure(FeedStatus.TIMEOUT, "No answer within 20s")

    html = admin_client.get(reverse("partnerfeed:index")).content.decode()

    assert "시간 초과" in html
    assert "No answer within 20s" in html
