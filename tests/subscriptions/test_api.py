"""The app's subscription operations: register, list, change, leave — JSON errors in Korean."""

import pytest

from subscriptions.models import Subscriber
from tests.factories import DistrictFactory, TopicFactory

pytestmark = pytest.mark.django_db

DEVICE = {"platform": "fcm", "token": "device-token-1"}


def post(client, path, body, **headers):
    return client.post(path, body, content_type="application/json", headers=headers)


def register(client, filters=None):
    response = post(
        client,
        "/api/v2/subscriptions/devices/",
        {"channel": "app", "device": DEVICE, "filters": filters},
    )
    assert response.status_code == 201, response.content
    return response.json()


def test_a_device_registers_lists_changes_and_leaves(portal, client):
    TopicFactory(slug="parenting", name="육아")
    DistrictFactory(slug="jongno-gu", name="종로구")
    state = register(client, {"topic": "육아", "district": "jongno"})
    token = state["token"]
    (subscribed,) = state["subscriptions"]
    assert subscribed["criteria"] == {"topic": ["parenting"], "district": ["jongno-gu"]}

    added = post(
        client,
        "/api/v2/subscriptions/devices/me/lists/",
        {"filters": {"section": "notice"}},
        X_Subscription_Token=token,
    )
    assert added.status_code == 201
    read = client.get("/api/v2/subscriptions/devices/me/", headers={"X-Subscription-Token": token})
    assert [s["title"] for s in read.json()["subscriptions"]] == [
        subscribed["title"],
        "섹션: 알림마당",
    ]

    removed = client.delete(
        f"/api/v2/subscriptions/devices/me/lists/{subscribed['id']}/",
        headers={"X-Subscription-Token": token},
    )
    assert removed.status_code == 200
    left = client.delete(
        "/api/v2/subscriptions/devices/me/", headers={"X-Subscription-Token": token}
    )
    assert left.json() == {"message": "구독을 모두 해지했습니다."}
    assert not Subscriber.objects.exists()
    again = client.get("/api/v2/subscriptions/devices/me/", headers={"X-Subscription-Token": token})
    assert again.status_code == 404
    assert again.json()["error"]["code"] == "not_found"


def test_registering_the_same_device_twice_keeps_one_subscriber(portal, client):
    first = register(client, {"section": "notice"})
    second = register(client, {"section": "family-info"})
    assert Subscriber.objects.count() == 1
    assert len(second["subscriptions"]) == 2
    assert first["token"] == second["token"]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"channel": "app", "device": DEVICE, "filters": {"topic": "없는주제"}}, "알 수 없는 주제"),
        ({"channel": "app", "device": DEVICE, "filters": {"colour": "red"}}, "입력한 내용을 확인"),
        ({"channel": "fax", "device": DEVICE}, "입력한 내용을 확인"),
        ({"channel": "app", "device": {"platform": "fcm"}}, "앱 기기 토큰"),
        ({"channel": "webpush", "device": {"endpoint": "https://push.example/x"}}, "keys.p256dh"),
        (["not", "an", "object"], "요청 본문을 읽을 수 없습니다"),
    ],
)
def test_bad_registrations_answer_400_in_the_error_envelope(portal, client, body, message):
    response = post(client, "/api/v2/subscriptions/devices/", body)
    assert response.status_code == 400
    assert message in response.json()["error"]["message"] + str(response.json()["error"])
    assert not Subscriber.objects.exists()


def test_email_subscription_answers_the_same_for_known_and_new_addresses(portal, client):
    body = {"email": "family@example.com", "filters": {"section": "notice"}}
    first = post(client, "/api/v2/subscriptions/email/", body)
    second = post(client, "/api/v2/subscriptions/email/", body)
    assert first.status_code == second.status_code == 202
    assert first.json() == second.json()
    bad = post(client, "/api/v2/subscriptions/email/", {"email": "not-an-address"})
    assert bad.status_code == 400
    assert bad.json()["error"]["message"] == "이메일 주소 형식이 올바르지 않습니다."


def test_subscribing_is_rate_limited_per_client_address(portal, client, settings):
    settings.SUBSCRIPTIONS_SUBSCRIBE_RATE = "2/h"
    bodies = [{"email": f"a{n}@example.com"} for n in range(3)]
    statuses = [post(client, "/api/v2/subscriptions/email/", body).status_code for body in bodies]
    assert statuses == [202, 202, 429]
    limited = post(client, "/api/v2/subscriptions/email/", bodies[0])
    assert limited.json()["error"]["code"] == "rate_limited"
    assert 0 < int(limited["Retry-After"]) <= 3600
    assert limited["RateLimit-Policy"] == '"subscriptions";q=2;w=3600'


def test_browser_push_is_refused_while_no_vapid_key_is_configured(portal, client, settings):
    settings.WEBPUSH_VAPID_PRIVATE_KEY = ""
    device = {"endpoint": "https://push.example/abc", "keys": {"p256dh": "BNc", "auth": "tBH"}}
    response = post(
        client, "/api/v2/subscriptions/devices/", {"channel": "webpush", "device": device}
    )
    assert response.status_code == 400
    assert response.json()["error"]["message"] == "이 포털은 아직 브라우저 알림을 보낼 수 없습니다."


def test_push_keys_that_cannot_encrypt_are_refused_at_registration(portal, client):
    device = {"endpoint": "https://push.example/abc", "keys": {"p256dh": "BNc", "auth": "tBH"}}
    response = post(
        client, "/api/v2/subscriptions/devices/", {"channel": "webpush", "device": device}
    )
    assert response.status_code == 400
    assert "keys.p256dh 또는 keys.auth" in response.json()["error"]["message"]


def test_confirmation_mails_are_limited_per_address_whatever_the_ip(
    portal, client, settings, django_capture_on_commit_callbacks
):
    from django.core import mail

    settings.SUBSCRIPTIONS_ADDRESS_RATE = "2/h"
    settings.SUBSCRIPTIONS_SUBSCRIBE_RATE = "100/h"
    statuses = []
    for n, email in enumerate(["Target@Example.com", "target@example.COM", "TARGET@example.com"]):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                "/api/v2/subscriptions/email/",
                {"email": email, "filters": {"section": "notice"}},
                content_type="application/json",
                REMOTE_ADDR=f"198.51.100.{n + 1}",
            )
        statuses.append(response.status_code)
    assert statuses == [202, 202, 429]
    assert response.json()["error"]["code"] == "rate_limited"
    assert "이 주소로 확인 메일을 이미 여러 번 보냈습니다" in response.json()["error"]["message"]
    assert 0 < int(response["Retry-After"]) <= 3600
    assert response["RateLimit-Policy"] == '"subscribe-address";q=2;w=3600'
    assert len(mail.outbox) == 2
    other = post(client, "/api/v2/subscriptions/email/", {"email": "other@example.com"})
    assert other.status_code == 202
