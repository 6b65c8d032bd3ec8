"""Production state lives in the shared cache: one rate-limit window and one run of each
scheduled job, however many worker processes serve the portal."""

import json
import subprocess
import urllib.error
import urllib.request

import pytest

from cms import warmup

from .conftest import production_env
from .helpers import PYTHON, REPO, gunicorn

SUBMISSION = {
    "category": "parenting",
    "title": "아이가 밤에 잠을 안 자요",
    "question": "다섯 살 아이가 매일 밤 늦게까지 잠들지 않아 걱정입니다.",
    "nickname": "행복맘",
    "email": "mom@example.com",
    "consent_personal_data": True,
    "consent_publication": False,
}


@pytest.fixture(params=["database cache", "valkey"])
def shared_cache_env(request, sqlite_copy):
    """Production settings on a migrated SQLite copy, with either shared cache production
    may run: the database's (no CACHE_URL) or Valkey/Redis (CACHE_URL, as docker-compose)."""
    cache = {}
    if request.param == "valkey":
        url = request.getfixturevalue("redis_url")
        subprocess.run(["redis-cli", "-u", url, "flushdb"], check=True, capture_output=True)  # noqa: S603, S607
        cache = {"CACHE_URL": url}
    return production_env(
        f"sqlite:///{sqlite_copy}",
        SECURE_SSL_REDIRECT="false",
        COUNSELING_SUBMIT_RATE="3/h",
        **cache,
    )


def submit(base: str) -> int:
    request = urllib.request.Request(  # noqa: S310 - loopback test server
        f"{base}/api/v2/counseling/",
        data=json.dumps(SUBMISSION).encode(),
        headers={"Content-Type": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_two_worker_processes_share_one_rate_limit_window(shared_cache_env):
    with (
        gunicorn(shared_cache_env, port=18721) as first,
        gunicorn(shared_cache_env, port=18722) as second,
    ):
        statuses = [submit(base) for base in [first, second] * 4]

    # 3 per hour for this address in all: per-process counters would let 6 through.
    assert statuses.count(201) == 3, statuses
    assert statuses.count(429) == 5, statuses


SCHEDULER_SCRIPT = (
    "import django; django.setup(); "
    "from django.conf import settings; from django.core.management import call_command; "
    "settings.SCHEDULED_COMMANDS = [('check', 600)]; "
    "call_command('run_scheduler', '--once')"
)


def test_two_schedulers_run_each_job_once(shared_cache_env):
    runs = [
        subprocess.Popen(  # noqa: S603 - fixed interpreter and arguments
            [PYTHON, "-c", SCHEDULER_SCRIPT],
            cwd=REPO,
            env=shared_cache_env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    outputs = [run.communicate(timeout=120) for run in runs]

    assert [run.returncode for run in runs] == [0, 0], outputs
    stdout = "".join(out for out, _ in outputs)
    assert stdout.count("System check identified no issues") == 1, outputs
    assert stdout.count("건너뜀") == 1, outputs


@pytest.mark.django_db
def test_readyz_says_warming_until_the_korean_analyser_is_loaded(client, monkeypatch):
    started, done = type(warmup._started)(), type(warmup._done)()
    monkeypatch.setattr(warmup, "_started", started)
    monkeypatch.setattr(warmup, "_done", done)
    started.set()

    warming = client.get("/readyz")
    done.set()
    ready = client.get("/readyz")

    assert warming.status_code == 503
    assert warming.json()["status"] == "warming"
    assert ready.json()["status"] != "warming"
