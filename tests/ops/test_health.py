"""/healthz and /readyz: what probes and load balancers see."""

import socket
import threading
import time

import pytest
from django.test import override_settings

from search.engines import DATABASE_BACKEND

from .helpers import free_port


def test_healthz_answers_without_touching_the_database(client):
    # No database fixture: pytest-django makes any query here an error.
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_readyz_reports_database_and_search_ready(client):
    response = client.get("/readyz")

    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["database"]["status"] == "ok"
    assert body["search"]["status"] == "ok"
    assert "default" in body["search"]["backends"]


def engine_backends(port: int, timeout: float = 1.0) -> dict:
    return {
        "default": {"BACKEND": DATABASE_BACKEND},
        "citizen": {
            "BACKEND": "wagtail.search.backends.elasticsearch8",
            "URLS": [f"http://127.0.0.1:{port}"],
            "TIMEOUT": timeout,
            "OPTIONS": {"max_retries": 0},
            "AUTO_UPDATE": False,
        },
    }


@pytest.mark.django_db
def test_readyz_is_degraded_with_a_reason_when_the_engine_is_down(client):
    port = free_port()  # nothing listens there
    with override_settings(WAGTAILSEARCH_BACKENDS=engine_backends(port)):
        response = client.get("/readyz")

    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "degraded"
    assert body["database"]["status"] == "ok"
    assert body["search"]["backends"]["citizen"]["status"] == "error"
    assert body["search"]["reason"].startswith("citizen: ")


@pytest.fixture
def silent_engine():
    """A port that accepts connections and never answers, like a hung engine."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))  # any free port: the area's fixed ones may be in TIME_WAIT
    server.listen()
    accepted = []
    stop = threading.Event()

    def accept():
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                accepted.append(server.accept()[0])
            except TimeoutError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield server.getsockname()[1]
    stop.set()
    thread.join()
    for connection in accepted:
        connection.close()
    server.close()


@pytest.mark.django_db
def test_readyz_gives_up_on_a_hung_engine_within_its_bound(client, silent_engine):
    with override_settings(WAGTAILSEARCH_BACKENDS=engine_backends(silent_engine, timeout=30)):
        started = time.monotonic()
        response = client.get("/readyz")
        elapsed = time.monotonic() - started

    assert response.status_code == 200
    assert response.json()["status"] == "degraded"
    assert "no answer within" in response.json()["search"]["reason"]
    assert elapsed < 4
