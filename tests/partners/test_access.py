"""Partner API keys and request quotas on every /api/ path."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from partners.models import APIKeyUsage, PartnerAPIKey, PartnerStatus

from .conftest import issue_key

pytestmark = pytest.mark.django_db

API_PATHS = [
    "/api/v2/pages/",
    "/api/v2/images/",
    "/api/v2/documents/",
    "/api/v2/navigation/",
    "/api/v2/redirects/",
    "/api/v2/sync/",
    "/api/v2/search/?q=가족",
    "/api/v2/partner-items/",
    "/api/schema/",
    "/api/no-such-endpoint/",
]


def get(client, path, key=None, ip="203.0.113.7", **headers):
    if key is not None:
        headers["HTTP_X_API_KEY"] = key
    return client.get(path, REMOTE_ADDR=ip, **headers)


def test_keyless_clients_keep_working(client, portal):
    response = get(client, "/api/v2/pages/")

    assert response.status_code == 200


def test_keyless_client_over_its_quota_gets_429_with_retry_after(client, portal, settings):
    settings.API_ANONYMOUS_RATE = "3/m"
    for _ in range(3):
        assert get(client, "/api/v2/navigation/").status_code == 200

    response = get(client, "/api/v2/navigation/")

    assert response.status_code == 429
    retry_after = int(response["Retry-After"])
    assert 1 <= retry_after <= 60
    assert response["Cache-Control"] == "no-store"
    error = response.json()["error"]
    assert error["code"] == "rate_limited"
    assert error["retry_after"] == retry_after
    assert "요청 한도" in error["message"]


def test_every_counted_answer_tells_its_quota_in_ratelimit_fields(client, portal, settings):
    settings.API_ANONYMOUS_RATE = "3/m"
    answers = [get(client, "/api/v2/navigation/") for _ in range(4)]

    assert [answer["RateLimit-Policy"] for answer in answers] == ['"anonymous";q=3;w=60'] * 4
    standings = [answer["RateLimit"] for answer in answers]
    remaining = [int(standing.split(";r=")[1].split(";")[0]) for standing in standings]
    assert remaining == [2, 1, 0, 0]
    reset = int(standings[-1].rsplit(";t=", 1)[1])
    assert reset == int(answers[-1]["Retry-After"])
    assert answers[-1].status_code == 429


def test_a_304_and_a_keyed_answer_tell_their_quota_too(client, portal, settings, api_key):
    settings.API_ANONYMOUS_RATE = "10/m"
    settings.API_KEY_RATE = "20/m"
    _, raw_key = api_key
    first = get(client, "/api/v2/navigation/")
    revalidated = get(client, "/api/v2/navigation/", HTTP_IF_NONE_MATCH=first["ETag"])
    keyed = get(client, "/api/v2/navigation/", key=raw_key)

    assert revalidated.status_code == 304
    assert revalidated["RateLimit"].startswith('"anonymous";r=8;t=')
    assert keyed["RateLimit-Policy"] == '"partner";q=20;w=60'
    assert keyed["RateLimit"].startswith('"partner";r=19;t=')


def test_the_keyless_quota_is_per_ip(client, portal, settings):
    settings.API_ANONYMOUS_RATE = "1/m"
    assert get(client, "/api/v2/navigation/", ip="203.0.113.7").status_code == 200
    assert get(client, "/api/v2/navigation/", ip="203.0.113.7").status_code == 429

    assert get(client, "/api/v2/navigation/", ip="198.51.100.2").status_code == 200


def test_a_key_has_its_own_higher_quota(client, portal, settings, api_key):
    settings.API_ANONYMOUS_RATE = "1/m"
    settings.API_KEY_RATE = "5/m"
    _, raw_key = api_key
    get(client, "/api/v2/navigation/")
    assert get(client, "/api/v2/navigation/").status_code == 429

    statuses = [get(client, "/api/v2/navigation/", key=raw_key).status_code for _ in range(6)]

    assert statuses == [200] * 5 + [429]


def test_usage_is_counted_per_key_per_day(client, portal, settings, api_key):
    settings.API_KEY_RATE = "2/m"
    key, raw_key = api_key
    for _ in range(3):
        get(client, "/api/v2/navigation/", key=raw_key)

    usage = APIKeyUsage.objects.get(api_key=key)
    assert (usage.requests, usage.throttled) == (3, 1)


@pytest.mark.parametrize("path", API_PATHS)
def test_an_invalid_key_is_refused_on_every_api_path(client, portal, path):
    response = get(client, path, key="abcdefgh.not-the-secret")

    assert response.status_code == 401
    assert response.json()["error"]["code"] == "invalid_api_key"
    assert response["WWW-Authenticate"].startswith("ApiKey")


@pytest.mark.parametrize("value", ["", "garbage", "a.b.c", "../../etc"])
def test_a_malformed_key_is_refused_not_treated_as_anonymous(client, portal, value):
    response = get(client, "/api/v2/pages/", key=value)

    assert response.status_code == 401
    assert response.json()["error"]["code"] == "invalid_api_key"


def test_a_key_with_the_wrong_secret_is_refused(client, portal, api_key):
    key, _ = api_key

    response = get(client, "/api/v2/pages/", key=f"{key.prefix}.wrongsecretwrongsecretwrongsecre")

    assert response.status_code == 401


def test_a_valid_key_is_served(client, portal, api_key):
    _, raw_key = api_key

    assert get(client, "/api/v2/pages/", key=raw_key).status_code == 200


def test_a_revoked_key_is_refused_at_once_even_when_its_check_was_cached(client, portal, api_key):
    key, raw_key = api_key
    assert get(client, "/api/v2/pages/", key=raw_key).status_code == 200

    key.revoked = True
    key.save()
    response = get(client, "/api/v2/pages/", key=raw_key)

    assert response.status_code == 401
    assert response.json()["error"]["code"] == "api_key_revoked"


def test_an_expired_key_is_refused(client, portal, expired_key):
    _, raw_key = expired_key

    response = get(client, "/api/v2/pages/", key=raw_key)

    assert response.status_code == 401
    assert response.json()["error"]["code"] == "api_key_expired"


def test_keys_of_a_suspended_partner_are_refused(client, portal, partner, api_key):
    _, raw_key = api_key
    assert get(client, "/api/v2/pages/", key=raw_key).status_code == 200

    partner.status = PartnerStatus.SUSPENDED
    partner.save()

    assert get(client, "/api/v2/pages/", key=raw_key).json()["error"]["code"] == (
        "partner_suspended"
    )


def test_only_a_hash_of_the_key_is_stored(partner):
    key, raw_key = issue_key(partner)

    stored = PartnerAPIKey.objects.filter(pk=key.pk).values().get()
    assert all(raw_key.split(".")[1] not in str(value) for value in stored.values())
    assert stored["hashed_key"].startswith("sha512$$")


def test_a_revoked_key_cannot_be_restored(api_key):
    key, _ = api_key
    key.revoked = True
    key.save()

    key = PartnerAPIKey.objects.get(pk=key.pk)
    key.revoked = False
    with pytest.raises(Exception, match="revoked"):
        key.save()


def test_the_quota_costs_no_database_query_on_a_keyless_304(client, portal, settings):
    first = get(client, "/api/v2/navigation/")
    etag = first["ETag"]

    def queries_for_304() -> int:
        with CaptureQueriesContext(connection) as queries:
            response = get(client, "/api/v2/navigation/", HTTP_IF_NONE_MATCH=etag)
        assert response.status_code == 304
        return len(queries)

    settings.API_ANONYMOUS_RATE = ""
    without_quota = queries_for_304()
    settings.API_ANONYMOUS_RATE = "1000/m"

    assert queries_for_304() == without_quota


def test_a_keyed_304_reads_the_key_from_the_cache(client, portal, api_key):
    _, raw_key = api_key
    etag = get(client, "/api/v2/navigation/", key=raw_key)["ETag"]

    with CaptureQueriesContext(connection) as queries:
        response = get(client, "/api/v2/navigation/", key=raw_key, HTTP_IF_NONE_MATCH=etag)

    assert response.status_code == 304
    assert not any("partners_partnerapikey" in query["sql"] for query in queries)


def test_pages_outside_the_api_are_not_counted(client, portal, settings):
    settings.API_ANONYMOUS_RATE = "1/m"

    statuses = [get(client, "/frontend/").status_code for _ in range(3)]

    assert statuses == [200, 200, 200]


def test_browsers_may_send_the_key_across_origins(client):
    response = client.options(
        "/api/v2/pages/",
        HTTP_ORIGIN="https://app.family.seoul.test",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="x-api-key",
    )

    assert "x-api-key" in response["Access-Control-Allow-Headers"]


def test_behind_the_proxy_clients_are_counted_by_the_address_it_forwards(client, portal, settings):
    settings.API_ANONYMOUS_RATE = "1/m"
    settings.CLIENT_ADDRESS_HEADER = "HTTP_X_REAL_IP"
    proxy = "172.18.0.5"
    assert (
        get(client, "/api/v2/navigation/", ip=proxy, HTTP_X_REAL_IP="203.0.113.7").status_code
        == 200
    )

    assert (
        get(client, "/api/v2/navigation/", ip=proxy, HTTP_X_REAL_IP="203.0.113.7").status_code
        == 429
    )
    assert (
        get(client, "/api/v2/navigation/", ip=proxy, HTTP_X_REAL_IP="198.51.100.2").status_code
        == 200
    )


def test_browsers_may_revalidate_and_read_validators_and_quota(client, portal, settings):
    settings.API_ANONYMOUS_RATE = "10/m"
    origin = "https://app.family.seoul.test"
    preflight = client.options(
        "/api/v2/pages/",
        HTTP_ORIGIN=origin,
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="if-none-match,if-modified-since",
    )
    answer = get(client, "/api/v2/pages/", HTTP_ORIGIN=origin)

    allowed = preflight["Access-Control-Allow-Headers"].lower()
    assert "if-none-match" in allowed
    assert "if-modified-since" in allowed
    exposed = {name.strip().lower() for name in answer["Access-Control-Expose-Headers"].split(",")}
    assert {"etag", "last-modified", "ratelimit", "ratelimit-policy", "retry-after"} <= exposed
    assert answer["ETag"]
    assert answer["RateLimit"]


def test_a_refused_key_is_answered_in_readable_utf8(client, portal):
    response = get(client, "/api/v2/pages/", key="abc.def")

    assert response.status_code == 401
    assert "API 키가 올바르지 않습니다.".encode() in response.content
    assert b"\\u" not in response.content
