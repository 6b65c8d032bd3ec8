"""infra.ratelimit.client_address: the one answer to "which client is this", for every
per-address quota (django-ratelimit reads it through RATELIMIT_IP_META_KEY) and stored address."""

import pytest
from django.core.cache import cache
from django.test import RequestFactory

from infra.clients import NO_ADDRESS, client_address

PROXY = "172.18.0.5"


@pytest.fixture(autouse=True)
def _fresh_counters():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def behind_proxy(settings):
    settings.CLIENT_ADDRESS_HEADER = "HTTP_X_REAL_IP"
    settings.API_ANONYMOUS_RATE = "2/m"


def request_with(**meta):
    return RequestFactory().get("/api/v2/pages/", **meta)


@pytest.mark.parametrize(
    ("meta", "expected"),
    [
        ({"REMOTE_ADDR": PROXY, "HTTP_X_REAL_IP": "203.0.113.7"}, "203.0.113.7"),
        ({"REMOTE_ADDR": PROXY, "HTTP_X_REAL_IP": " 2001:db8::1 "}, "2001:db8::1"),
        ({"REMOTE_ADDR": PROXY}, PROXY),  # a health check or a direct hit on gunicorn
        ({"REMOTE_ADDR": PROXY, "HTTP_X_REAL_IP": ""}, PROXY),
        ({"REMOTE_ADDR": PROXY, "HTTP_X_REAL_IP": "not-an-address"}, PROXY),
        ({"REMOTE_ADDR": PROXY, "HTTP_X_REAL_IP": "203.0.113.7, 10.0.0.1"}, PROXY),
        ({"REMOTE_ADDR": PROXY, "HTTP_X_REAL_IP": "203.0.113.7/8"}, PROXY),
        ({"REMOTE_ADDR": ""}, NO_ADDRESS),  # a Unix socket
        ({"REMOTE_ADDR": "garbage"}, NO_ADDRESS),
    ],
)
def test_the_proxys_header_else_the_connection_else_one_shared_bucket(behind_proxy, meta, expected):
    assert client_address(request_with(**meta)) == expected


def test_without_a_configured_header_a_forged_one_is_ignored(settings):
    settings.CLIENT_ADDRESS_HEADER = ""
    request = request_with(REMOTE_ADDR="198.51.100.4", HTTP_X_REAL_IP="203.0.113.7")

    assert client_address(request) == "198.51.100.4"


@pytest.mark.django_db
def test_requests_without_the_header_are_counted_not_answered_500(client, portal, behind_proxy):
    answers = [
        client.get("/api/v2/navigation/", REMOTE_ADDR=PROXY, **extra).status_code
        for extra in ({}, {"HTTP_X_REAL_IP": "<script>"}, {})
    ]

    # Both kinds counted by the connection's address: the third request is over the quota.
    assert answers == [200, 200, 429]
    assert (
        client.get(
            "/api/v2/navigation/", REMOTE_ADDR=PROXY, HTTP_X_REAL_IP="203.0.113.7"
        ).status_code
        == 200
    )


@pytest.mark.django_db
def test_every_anonymous_form_answers_a_request_without_the_header(
    client, portal, behind_proxy, settings
):
    settings.FEEDBACK_RATE = "5/m"
    settings.COUNSELING_LOOKUP_RATE = "5/m"
    settings.APPLICATIONS_LOOKUP_RATE = "5/m"
    settings.SUBSCRIPTIONS_SUBSCRIBE_RATE = "5/m"
    for method, path in (
        ("post", "/api/v2/feedback/"),
        ("get", "/api/v2/counseling/C-20260101-ABCDEF/"),
        ("get", "/api/v2/applications/A-20260101-ABCDEF/"),
        ("post", "/api/v2/subscriptions/email/"),
    ):
        if method == "get":
            response = client.get(path, REMOTE_ADDR=PROXY)
        else:
            response = client.post(path, "{}", content_type="application/json", REMOTE_ADDR=PROXY)
        assert response.status_code < 500, (path, response.status_code)
        assert response.json()["error"]["code"]
