"""The production cache on a real Valkey/Redis server (`bash .ci/redis.sh`): Django's backend
with the portal's one-round-trip counter, as the API quotas use it."""

import threading

import pytest
from django.test import RequestFactory
from django_ratelimit.core import get_usage

from cms.cache import PortalRedisCache


@pytest.fixture
def cache(redis_url):
    backend = PortalRedisCache(redis_url, {"KEY_PREFIX": "portal-test"})
    backend.clear()
    yield backend
    backend.clear()


def test_incr_counts_an_existing_key_and_refuses_a_missing_one(cache):
    cache.set("quota", 1, 60)

    assert cache.incr("quota") == 2
    assert cache.incr("quota", 5) == 7
    assert cache.get("quota") == 7
    with pytest.raises(ValueError, match="not found"):
        cache.incr("never-set")
    assert cache.get("never-set") is None  # refusing did not create it


def test_concurrent_requests_are_each_counted_once(cache):
    cache.add("window", 0, 60)
    threads = [
        threading.Thread(target=lambda: [cache.incr("window") for _ in range(50)]) for _ in range(8)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert cache.get("window") == 400


def test_the_api_quota_counts_through_it(cache, settings):
    settings.CACHES = {
        "default": {"BACKEND": "cms.cache.PortalRedisCache", "LOCATION": cache._servers[0]}
    }
    request = RequestFactory().get("/api/v2/pages/", REMOTE_ADDR="203.0.113.9")

    usages = [
        get_usage(request, group="api-test", key="ip", rate="3/m", increment=True) for _ in range(4)
    ]

    assert [usage["count"] for usage in usages] == [1, 2, 3, 4]
    assert [usage["should_limit"] for usage in usages] == [False, False, False, True]


def test_commands_reuse_one_client_per_connection_pool(cache):
    """Django builds a redis-py client per command (~0.2 ms of response-callback tables): the
    portal keeps one per pool, shared by the threads of a worker."""
    client = cache._cache.get_client("a")
    cache.set("a", 1)
    cache.get_many(["a", "b"])

    assert cache._cache.get_client("b") is client
    seen = []
    thread = threading.Thread(target=lambda: seen.append(cache._cache.get_client("c")))
    thread.start()
    thread.join()
    assert seen == [client]
    assert cache.get("a") == 1
