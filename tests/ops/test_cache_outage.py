"""A Valkey outage under a running portal: a real redis-server of the test's own on a random
port, stopped mid-test. Reads are misses, writes are dropped, the API still answers 200 and the
quotas apply their failure policy (docs/operations.md, "Shared cache outage")."""

import json
import logging
import os
import random
import shutil
import socket
import subprocess
import time

import pytest
from django.test import RequestFactory
from django_ratelimit.core import get_usage

from cms import cache as portal_cache
from cms.cache import PortalRedisCache
from partners.access import count_request

from .conftest import production_env
from .helpers import REPO, fetch, gunicorn

HTTPS = {"X-Forwarded-Proto": "https"}
OUTAGE_LINE = "공유 캐시(Valkey)가 응답하지 않아"


def random_free_port() -> int:
    while True:
        port = random.randint(20000, 60000)  # noqa: S311 - a port, not a secret
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) != 0:
                return port


class RedisServer:
    """`.ci/redis.sh` on a port of this test's own, so stopping it troubles nobody else."""

    def __init__(self) -> None:
        self.port = random_free_port()
        self.url = ""

    def _script(self, *args: str) -> str:
        result = subprocess.run(  # noqa: S603 - the project's own script
            ["bash", str(REPO / ".ci" / "redis.sh"), *args],  # noqa: S607
            env={**os.environ, "REDIS_PORT": str(self.port)},
            capture_output=True,
            text=True,
            check=True,
            timeout=60,
        )
        return result.stdout.strip()

    def start(self) -> None:
        self.url = self._script()

    def stop(self) -> None:
        self._script("stop")
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            with socket.socket() as sock:
                if sock.connect_ex(("127.0.0.1", self.port)) != 0:
                    return
            time.sleep(0.05)
        raise RuntimeError(f"redis-server on {self.port} did not stop")


@pytest.fixture
def redis_server():
    if shutil.which("redis-server") is None:
        if os.environ.get("REQUIRE_REDIS"):
            pytest.fail("REQUIRE_REDIS is set but redis-server is not installed")
        pytest.skip("redis-server is not installed (bash .ci/redis.sh installs it)")
    server = RedisServer()
    server.start()
    yield server
    server.stop()
    shutil.rmtree(REPO / ".run" / f"redis-{server.port}", ignore_errors=True)


@pytest.fixture
def outage_state(monkeypatch):
    """A fresh view of the cache for this process, retried at once after a failure."""
    monkeypatch.setattr(portal_cache, "outage", portal_cache._Outage())
    monkeypatch.setattr(portal_cache, "RETRY_AFTER_FAILURE", 0.0)


def backend(url: str) -> PortalRedisCache:
    options = {"socket_connect_timeout": 0.5, "socket_timeout": 0.5}
    return PortalRedisCache(url, {"KEY_PREFIX": "outage-test", "OPTIONS": options})


def test_a_stopped_cache_reads_as_misses_and_drops_writes(redis_server, outage_state, caplog):
    cache = backend(redis_server.url)
    cache.set("kept", "응답", 60)
    assert cache.get("kept") == "응답"

    redis_server.stop()
    with caplog.at_level(logging.WARNING, logger="cms.cache"):
        started = time.monotonic()
        assert cache.get("kept") is None
        assert cache.get("kept", "없음") == "없음"
        assert cache.get_many(["kept", "other"]) == {}
        assert cache.set("kept", "new", 60) is None
        assert cache.set_many({"a": 1, "b": 2}, 60) == ["a", "b"]
        assert cache.add("claim", 1, 60) is False
        assert cache.incr("counter") is None
        assert cache.delete("kept") is False
        elapsed = time.monotonic() - started
    outage_lines = [r for r in caplog.records if OUTAGE_LINE in r.getMessage()]
    assert len(outage_lines) == 1  # once per outage, not once per call
    assert elapsed < 2

    redis_server.start()
    cache.set("kept", "돌아옴", 60)
    assert cache.get("kept") == "돌아옴"
    assert any("다시 응답합니다" in r.getMessage() for r in caplog.records)


def test_a_cache_just_found_down_is_not_asked_again_at_once(redis_server, monkeypatch):
    monkeypatch.setattr(portal_cache, "outage", portal_cache._Outage())
    cache = backend(redis_server.url)
    redis_server.stop()
    assert cache.get("x") is None
    assert portal_cache.outage.skipping()

    redis_server.start()
    assert cache.get("x") is None  # still the remembered outage: no round trip
    monkeypatch.setattr(portal_cache.outage, "retry_at", 0.0)
    cache.set("x", 1, 60)
    assert cache.get("x") == 1


def test_quotas_apply_their_failure_policy_while_the_cache_is_down(
    redis_server, outage_state, settings
):
    settings.CACHES = {
        "default": {
            "BACKEND": "cms.cache.PortalRedisCache",
            "LOCATION": redis_server.url,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
    request = RequestFactory().get("/api/v2/pages/", REMOTE_ADDR="203.0.113.7")
    redis_server.stop()

    # The public read API stays open (partners.access): nothing secret to guess there.
    assert count_request(request, "anonymous", "ip", "300/m") == (None, False)
    # Every other quota guards a secret or sends a message: django-ratelimit fails closed.
    usage = get_usage(request, group="counseling-lookup", key="ip", rate="5/m", increment=True)
    assert usage["should_limit"] is True


@pytest.mark.django_db
def test_the_api_answers_200_while_valkey_is_down(redis_server, sqlite_copy, tmp_path):
    env = production_env(f"sqlite:///{sqlite_copy}", CACHE_URL=redis_server.url)
    log = tmp_path / "server.log"
    with gunicorn(env, log_path=log) as base:
        url = f"{base}/api/v2/pages/"
        first = fetch(url, headers=HTTPS)
        kept = fetch(url, headers=HTTPS)  # answered from the kept response in Valkey
        assert (first.status, kept.status) == (200, 200)
        assert kept.body == first.body

        redis_server.stop()
        during = [fetch(url, headers=HTTPS) for _ in range(5)]
        revalidated = fetch(url, headers={**HTTPS, "If-None-Match": first.headers["ETag"]})

        assert [answer.status for answer in during] == [200] * 5
        assert all(answer.json() == first.json() for answer in during)
        assert max(answer.seconds for answer in during) < 3
        assert revalidated.status == 304  # the view's own ETag check still works

        redis_server.start()
        time.sleep(portal_cache.RETRY_AFTER_FAILURE + 0.2)
        assert fetch(url, headers=HTTPS).status == 200
    output = log.read_text()
    assert "Traceback" not in output
    messages = [json.loads(line)["message"] for line in output.splitlines() if line[:1] == "{"]
    assert len([m for m in messages if OUTAGE_LINE in m]) == 1  # one worker, one outage
