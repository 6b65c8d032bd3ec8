"""A real PostgreSQL outage: stop the server under a running CMS, then start it again.

Stops the cluster the suite runs on, so it runs only when asked, in a step of its own:

    PG_OUTAGE_TEST=1 DATABASE_URL=postgres://… python -m pytest tests/ops/test_pg_outage.py
"""

import os
import shutil
import subprocess
import time

import pytest
from django.conf import settings
from django.db import connections

from cms.middleware import DATABASE_UNAVAILABLE_MESSAGE
from pages.models import SectionKind
from tests.factories import ArticlePageFactory

from .conftest import production_env
from .helpers import fetch, gunicorn, shared_database_url

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        os.environ.get("PG_OUTAGE_TEST") != "1",
        reason="stops PostgreSQL: run alone with PG_OUTAGE_TEST=1",
    ),
]

HTTPS = {"X-Forwarded-Proto": "https"}


def cluster_on_port(port: int) -> tuple[str, str]:
    """The Debian cluster (version, name) listening on `port`."""
    listing = subprocess.run(  # noqa: S603
        [shutil.which("pg_lsclusters"), "-h"], capture_output=True, text=True, check=True
    ).stdout
    for line in listing.splitlines():
        version, name, cluster_port, *_ = line.split()
        if int(cluster_port) == port:
            return version, name
    raise LookupError(f"no Debian PostgreSQL cluster on port {port}:\n{listing}")


def pg_ctlcluster(action: str, version: str, name: str) -> None:
    command = [shutil.which("pg_ctlcluster"), version, name, action]
    if action == "stop":
        command += ["--", "-m", "fast"]
    subprocess.run(command, check=True, capture_output=True, timeout=60)  # noqa: S603


def wait_until_ready(port: int) -> None:
    deadline = time.monotonic() + 30
    while subprocess.run(  # noqa: S603
        [shutil.which("pg_isready"), "-q", "-h", "127.0.0.1", "-p", str(port)], check=False
    ).returncode:
        assert time.monotonic() < deadline, "PostgreSQL did not come back"
        time.sleep(0.3)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_api_answers_503_while_postgresql_is_down_and_recovers_when_it_returns(portal, tmp_path):
    page = ArticlePageFactory(parent=portal.section(SectionKind.FAMILY_INFO), title="보육 지원")
    page.save_revision().publish()
    port = int(settings.DATABASES["default"]["PORT"] or 5432)
    version, name = cluster_on_port(port)
    detail = f"/api/v2/pages/{page.pk}/"

    with gunicorn(production_env(shared_database_url()), log_path=tmp_path / "server.log") as base:
        assert fetch(base + detail, headers=HTTPS).status == 200

        pg_ctlcluster("stop", version, name)
        try:
            down = [fetch(base + detail, headers=HTTPS) for _ in range(3)]
            ready = fetch(f"{base}/readyz")
            alive = fetch(f"{base}/healthz")
        finally:
            pg_ctlcluster("start", version, name)
            wait_until_ready(port)
            connections.close_all()

        back = fetch(base + detail, headers=HTTPS)

    for response in down:
        assert response.status == 503
        assert response.seconds < 1
        assert response.json()["error"] == {
            "code": "database_unavailable",
            "message": DATABASE_UNAVAILABLE_MESSAGE,
        }
        assert b"Traceback" not in response.body
    assert ready.status == 503
    assert ready.json()["database"]["status"] == "error"
    assert alive.status == 200
    assert back.status == 200
    assert back.json()["title"] == "보육 지원"
