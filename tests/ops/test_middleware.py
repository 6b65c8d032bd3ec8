"""Request ids, JSON log lines, clean 503s while the database is unreachable or busy, and
Korean 413s for oversized bodies."""

import contextlib
import json
import shutil
import socket
import sqlite3
import subprocess
import threading
import time
import urllib.error
import urllib.request

import pytest

from cms.middleware import DATABASE_BUSY_MESSAGE, DATABASE_UNAVAILABLE_MESSAGE
from content.errors import TOO_LARGE_MESSAGE

from .conftest import production_env
from .helpers import PYTHON, REPO, Response, fetch, gunicorn, subprocess_env

HTTPS = {"X-Forwarded-Proto": "https"}


@pytest.mark.django_db
def test_a_request_id_is_made_and_returned(client):
    response = client.get("/healthz")

    assert len(response["X-Request-ID"]) == 32


@pytest.mark.django_db
def test_the_proxy_request_id_is_kept(client):
    response = client.get("/healthz", headers={"X-Request-ID": "nginx-7f3a.42"})

    assert response["X-Request-ID"] == "nginx-7f3a.42"


@pytest.mark.django_db
@pytest.mark.parametrize("unsafe", ["two words", "x" * 200, "id\r\nSet-Cookie: a=b"])
def test_an_unsafe_request_id_is_replaced(client, unsafe):
    response = client.get("/healthz", headers={"X-Request-ID": unsafe})

    assert response["X-Request-ID"] != unsafe
    assert len(response["X-Request-ID"]) == 32


def log_lines(path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines() if line.startswith("{")]


def test_database_outage_answers_503_json_and_recovers_when_the_file_returns(
    migrated_sqlite, tmp_path
):
    """SQLite stand-in for an outage: the database file's directory is missing, then restored."""
    database = tmp_path / "gone" / "portal.sqlite3"
    log = tmp_path / "server.log"
    env = production_env(f"sqlite:///{database}")

    with gunicorn(env, log_path=log) as base:
        assert fetch(f"{base}/healthz").status == 200
        ready = fetch(f"{base}/readyz")
        api = fetch(f"{base}/api/v2/pages/", headers={**HTTPS, "X-Request-ID": "outage-1"})

        assert ready.status == 503
        assert ready.json()["status"] == "unavailable"
        assert ready.json()["database"]["status"] == "error"
        assert api.status == 503
        assert api.seconds < 1
        assert api.headers["Content-Type"] == "application/json"
        assert api.headers["X-Request-ID"] == "outage-1"
        assert api.headers["Retry-After"]
        assert api.json() == {
            "error": {"code": "database_unavailable", "message": DATABASE_UNAVAILABLE_MESSAGE}
        }
        assert b"Traceback" not in api.body

        database.parent.mkdir()
        shutil.copy(migrated_sqlite, database)

        recovered = fetch(f"{base}/api/v2/pages/", headers=HTTPS)
        assert recovered.status == 200
        assert "items" in recovered.json()
        assert fetch(f"{base}/readyz").status == 200

    lines = log_lines(log)
    outage = [line for line in lines if line.get("request_id") == "outage-1"]
    assert outage, log.read_text()[-2000:]
    assert {"level": "ERROR", "logger": "cms.middleware"}.items() <= outage[0].items()
    assert outage[0]["message"].startswith("database unavailable")
    assert all("Traceback" not in line.get("exc_info", "") for line in outage)


def test_plain_http_is_redirected_to_https_but_probes_are_not(sqlite_copy):
    env = production_env(f"sqlite:///{sqlite_copy}")

    with gunicorn(env) as base:
        api = fetch(f"{base}/api/v2/pages/")
        probe = fetch(f"{base}/readyz")
        secure = fetch(f"{base}/api/v2/pages/", headers=HTTPS)

    assert api.status == 301
    assert api.headers["Location"].startswith("https://")
    assert probe.status == 200
    assert secure.status == 200
    assert secure.headers["Strict-Transport-Security"].startswith("max-age=31536000")


def test_log_lines_carry_the_extra_fields_areas_attach(migrated_sqlite):
    """A search-index failure logged with its page id comes out as one JSON line with it."""
    script = (
        "import logging, django; django.setup(); "
        "logging.getLogger('search.signals').error("
        "'search index update failed', extra={'page_id': 42})"
    )
    result = subprocess.run(  # noqa: S603 - fixed interpreter and arguments
        [PYTHON, "-c", script],
        cwd=REPO,
        env=production_env(f"sqlite:///{migrated_sqlite}"),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert result.returncode == 0, result.stderr[-2000:]
    (line,) = [json.loads(text) for text in result.stderr.splitlines() if "page_id" in text]
    assert line["level"] == "ERROR"
    assert line["logger"] == "search.signals"
    assert line["page_id"] == 42
    assert line["message"] == "search index update failed"
    assert "request_id" in line and "time" in line


@pytest.mark.django_db
def test_the_api_answers_without_session_or_csrf_cookies_while_the_admin_sets_them(client):
    api = client.get("/api/v2/pages/")
    login = client.get("/admin/login/")

    assert api.status_code == 200
    assert not api.cookies
    assert "csrftoken" in login.cookies


# --- Oversized bodies (413) and a busy database (503), against a real gunicorn ----------------

SUBMISSION = {
    "category": "parenting",
    "title": "아이가 밤에 잠을 안 자요",
    "question": "다섯 살 아이가 매일 밤 늦게까지 잠들지 않아 걱정입니다.",
    "email": "mom@example.com",
    "consent_personal_data": True,
}


def random_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def post(url: str, body: bytes, content_type: str, headers: dict | None = None) -> Response:
    """POST; HTTP errors are returned, not raised."""
    request = urllib.request.Request(  # noqa: S310 - local test server
        url, data=body, method="POST", headers={"Content-Type": content_type, **(headers or {})}
    )
    started = time.monotonic()
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
            return Response(response.status, response.headers, response.read(), 0.0)
    except urllib.error.HTTPError as error:
        return Response(error.code, error.headers, error.read(), time.monotonic() - started)


def dev_env(database_url: str) -> dict[str, str]:
    """`make run`'s settings (cms.settings.dev, DEBUG on) on a local database."""
    return subprocess_env(
        DJANGO_SETTINGS_MODULE="cms.settings.dev", DATABASE_URL=database_url, DEBUG="true"
    )


@pytest.mark.parametrize("settings_name", ["dev", "production"])
def test_an_oversized_api_body_answers_json_413_in_korean(
    sqlite_copy, collected_static, settings_name
):
    """Over DATA_UPLOAD_MAX_MEMORY_SIZE (2.5 MB): Django answered its HTML 400 (the debug page
    under `make run`); the API answers its JSON envelope, the admin a Korean page."""
    url = f"sqlite:///{sqlite_copy}"
    if settings_name == "dev":
        env = dev_env(url)
    else:
        env = production_env(url, STATIC_ROOT=str(collected_static))
    big = {**SUBMISSION, "question": "가" * 1_000_000}  # 3 MB of UTF-8

    with gunicorn(env, port=random_port()) as base:
        api = post(
            f"{base}/api/v2/counseling/",
            json.dumps(big, ensure_ascii=False).encode(),
            "application/json",
            HTTPS,
        )
        admin = post(
            f"{base}/admin/login/",
            b"username=a&password=" + b"x" * 3_000_000,
            "application/x-www-form-urlencoded",
            HTTPS,
        )

    assert api.status == 413
    assert api.headers["Content-Type"] == "application/json"
    assert api.json()["error"]["code"] == "too_large"
    assert api.json()["error"]["message"] == TOO_LARGE_MESSAGE
    assert admin.status == 413
    assert admin.headers["Content-Type"].startswith("text/html")
    page = admin.body.decode()
    assert "보낸 내용이 너무 큽니다" in page
    assert "Traceback" not in page and "RequestDataTooBig" not in page


def count_cases(database) -> int:
    with sqlite3.connect(database) as reader:
        return reader.execute("SELECT count(*) FROM counseling_counselingcase").fetchone()[0]


@contextlib.contextmanager
def write_lock_held(database, seconds: float | None = None):
    """Hold SQLite's write lock from another connection (for `seconds`, or the whole block)."""
    holder = sqlite3.connect(database, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    release = threading.Timer(seconds, holder.execute, ["ROLLBACK"]) if seconds else None
    if release:
        release.start()
    try:
        yield
    finally:
        if release:
            release.join()
        else:
            holder.execute("ROLLBACK")
        holder.close()


def test_a_busy_database_answers_korean_503_and_stores_nothing_then_retries(sqlite_copy):
    """A counseling submission that finds the write lock taken waits SQLITE_BUSY_TIMEOUT and
    tries again for a bounded time: it is stored and answered 201, or not stored and
    answered 503 — never stored without its answer (the receipt number and access code)."""
    env = production_env(
        f"sqlite:///{sqlite_copy}",
        SQLITE_BUSY_TIMEOUT="1",
        # Rate limits in memory: the submission itself is what meets the lock.
        CACHE_URL="locmemcache://",
    )
    body = json.dumps(SUBMISSION, ensure_ascii=False).encode()

    with gunicorn(env, port=random_port()) as base:
        submit = f"{base}/api/v2/counseling/"
        with write_lock_held(sqlite_copy):
            refused = post(submit, body, "application/json", HTTPS)
        assert count_cases(sqlite_copy) == 0

        with write_lock_held(sqlite_copy, seconds=1.5):
            stored = post(submit, body, "application/json", HTTPS)

    assert refused.status == 503, refused.body.decode()
    assert refused.seconds < 8
    assert refused.headers["Retry-After"]
    assert refused.json() == {"error": {"code": "database_busy", "message": DATABASE_BUSY_MESSAGE}}
    assert stored.status == 201
    assert stored.json()["receipt_number"]
    assert count_cases(sqlite_copy) == 1
