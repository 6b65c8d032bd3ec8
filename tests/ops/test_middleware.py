"""Request ids, JSON log lines, and clean 503s while the database is unreachable."""

import json
import shutil
import subprocess

import pytest

from cms.middleware import DATABASE_UNAVAILABLE_MESSAGE

from .conftest import production_env
from .helpers import PYTHON, REPO, fetch, gunicorn

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
