"""Production behind compose's nginx (RATELIMIT_IP_META_KEY=HTTP_X_REAL_IP) under real gunicorn:
a request that reaches gunicorn without the header, or with garbage in it, is counted by its
connection's address instead of answering 500 (infra/clients.py)."""

import pytest

from .conftest import production_env
from .helpers import fetch, gunicorn

HTTPS = {"X-Forwarded-Proto": "https"}


@pytest.mark.django_db
def test_a_direct_hit_on_gunicorn_is_answered_and_counted(sqlite_copy, tmp_path):
    env = production_env(
        f"sqlite:///{sqlite_copy}", RATELIMIT_IP_META_KEY="HTTP_X_REAL_IP", API_ANONYMOUS_RATE="3/m"
    )
    log = tmp_path / "server.log"
    with gunicorn(env, log_path=log) as base:
        url = f"{base}/api/v2/pages/"
        answers = [
            fetch(url, headers={**HTTPS, **extra})
            for extra in ({}, {"X-Real-IP": "not-an-address"}, {}, {})
        ]
        forwarded = fetch(url, headers={**HTTPS, "X-Real-IP": "203.0.113.7"})

    # The first three count against 127.0.0.1, the connection's own address; the fourth is over.
    assert [answer.status for answer in answers] == [200, 200, 200, 429]
    assert answers[3].json()["error"]["code"] == "rate_limited"
    assert forwarded.status == 200  # a client the proxy names has a quota of its own
    assert "Traceback" not in log.read_text()
