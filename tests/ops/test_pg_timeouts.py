"""PostgreSQL's lock_timeout and statement_timeout: a web request waiting on a lock answers a
503 in the error envelope with Retry-After after a few seconds, instead of hanging; commands
(migrations, the worker) get longer limits. Real PostgreSQL, real gunicorn."""

import time

import psycopg2
import pytest
from django.conf import settings

from cms.middleware import DATABASE_BUSY_MESSAGE

from .conftest import production_env
from .helpers import fetch, gunicorn, manage, shared_database_url

pytestmark = pytest.mark.postgres

HTTPS = {"X-Forwarded-Proto": "https"}
SHOW_TIMEOUTS = (
    "from django.db import connection\n"
    "with connection.cursor() as cursor:\n"
    "    cursor.execute('SHOW lock_timeout'); lock = cursor.fetchone()[0]\n"
    "    cursor.execute('SHOW statement_timeout'); statement = cursor.fetchone()[0]\n"
    "print(lock, statement)"
)


def locking_connection():
    database = settings.DATABASES["default"]
    return psycopg2.connect(
        dbname=database["NAME"],
        user=database["USER"],
        password=database["PASSWORD"],
        host=database["HOST"],
        port=database["PORT"],
    )


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_request_waiting_on_a_lock_answers_503_with_retry_after(portal, tmp_path):
    # The quota's counters live in the shared database cache, where earlier tests' requests
    # from this address may still count: this test is about locks, not quotas.
    env = production_env(
        shared_database_url(), DATABASE_LOCK_TIMEOUT="2s", API_ANONYMOUS_RATE="100000/m"
    )
    with gunicorn(env, log_path=tmp_path / "server.log") as base:
        url = f"{base}/api/v2/pages/?fields=title"
        holder = locking_connection()
        try:
            with holder.cursor() as cursor:
                # What a migration altering the page table holds until it commits.
                cursor.execute("LOCK TABLE wagtailcore_page IN ACCESS EXCLUSIVE MODE")
            started = time.monotonic()
            waiting = fetch(url, headers=HTTPS, timeout=25)
            waited = time.monotonic() - started
        finally:
            holder.rollback()
            holder.close()
        after = fetch(url, headers=HTTPS)

    assert waiting.status == 503
    assert waiting.headers["Retry-After"].isdigit()
    assert waiting.json()["error"]["code"] == "database_busy"
    assert waiting.json()["error"]["message"] == DATABASE_BUSY_MESSAGE
    assert 1.5 < waited < 10
    assert after.status == 200
    assert "Traceback" not in (tmp_path / "server.log").read_text()


@pytest.mark.django_db
def test_web_servers_get_short_timeouts_and_commands_longer_ones():
    env = production_env(shared_database_url())

    command = manage("shell", "-c", SHOW_TIMEOUTS, env=env)
    web = manage("shell", "-c", SHOW_TIMEOUTS, env={**env, "PORTAL_PROCESS": "web"})

    assert command.returncode == 0, command.stderr[-2000:]
    assert command.stdout.splitlines()[-1].split() == ["1min", "30min"]
    assert web.stdout.splitlines()[-1].split() == ["3s", "15s"]
