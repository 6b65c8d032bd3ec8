"""Headless Chromium (Debian's package, driven by Playwright) against a live test server.

The tests skip when /usr/bin/chromium is missing, unless REQUIRE_CHROMIUM is set (as in
CI), where a missing browser is an error (tests/programs.py). Playwright never downloads a
browser here.
"""

import http.client
import logging
import os
import socket
from pathlib import Path
from unittest import mock
from urllib.parse import urlsplit

import pytest

from tests.programs import CHROMIUM

logger = logging.getLogger(__name__)
ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts" / "e2e"
# This area's port range (E2E_PORTS=first-last moves it); the first free one is used.
PORTS = range(*map(int, os.environ.get("E2E_PORTS", "8150-8160").split("-")))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

# Playwright's sync API keeps an event loop in the test thread; the ORM calls the tests
# make between browser steps are still plain synchronous code.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def _free_port() -> int:
    for port in PORTS:
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue  # in use, or still in TIME_WAIT from a previous run
            return port
    raise RuntimeError(f"no free port for the live server in {PORTS.start}-{PORTS.stop - 1}")


@pytest.fixture(scope="session")
def live_server():
    """pytest-django's live server, on 127.0.0.1 in this area's ports, answering one request
    at a time: it shares the test's in-memory SQLite connection, and parallel requests on
    one connection fail with "cannot start a transaction within a transaction"."""
    from django.core.servers.basehttp import WSGIServer
    from django.test.testcases import LiveServerThread
    from pytest_django.live_server_helper import LiveServer

    class SerialWSGIServer(WSGIServer):
        def __init__(self, *args, connections_override=None, **kwargs):
            # The server thread itself handles requests; it already uses the shared connection.
            super().__init__(*args, **kwargs)

    class SerialLiveServerThread(LiveServerThread):
        server_class = SerialWSGIServer

    with mock.patch("django.test.testcases.LiveServerThread", SerialLiveServerThread):
        server = LiveServer(f"127.0.0.1:{_free_port()}")
    yield server
    server.stop()


@pytest.fixture(scope="session")
def chromium(django_db_setup):
    executable = CHROMIUM.require()
    from django.db import connections
    from playwright.sync_api import sync_playwright

    test_thread_connections = {alias: connections[alias] for alias in connections}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        _keep_connections(test_thread_connections)
        yield browser
        browser.close()


def _keep_connections(wrappers: dict) -> None:
    """Give Django back the test thread's own database wrappers once Playwright runs.

    Playwright's sync API marks its event loop as running in this thread between calls, and
    `django.db.connections` (asgiref's thread-critical Local) then keeps wrappers per context:
    it handed out a fresh one without `_test_serialized_contents`. This fixture is session
    scoped, so it starts before the first browser test's database setup, and on that fresh
    wrapper serialized rollback restored nothing. The next test's setup was then the run's first
    restore into a flushed database, with ContentType's cache cold: Wagtail's Task.__init__
    created a content type ahead of the restored ones ("UNIQUE constraint failed:
    django_content_type"). The whole suite passed only because earlier serialized tests had
    filled that cache. With one wrapper per alias, every test restores as elsewhere in tests/.
    """
    from django.db import connections

    for alias, wrapper in wrappers.items():
        connections[alias] = wrapper


@pytest.fixture
def frontend(django_db_serialized_rollback, settings, live_server):
    """The live server, with media served and previews pointed at its frontend.

    A live server needs a transactional database, whose flush would also drop the rows
    migrations create (root page, locale, groups); serialized rollback restores them.
    """
    settings.ROOT_URLCONF = "tests.e2e.urls"
    settings.WAGTAIL_HEADLESS_PREVIEW = {
        **settings.WAGTAIL_HEADLESS_PREVIEW,
        "CLIENT_URLS": {"default": f"{live_server.url}/frontend/preview"},
        "SERVE_BASE_URL": f"{live_server.url}/frontend",
    }
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    # Absolute URLs the API builds (find's redirect, file URLs) must name this server.
    settings.WAGTAILAPI_BASE_URL = live_server.url
    return live_server


@pytest.fixture
def browser_page(chromium, frontend):
    """A fresh Korean-locale tab; fails the test if the client throws a JavaScript error."""
    context = chromium.new_context(
        base_url=frontend.url, locale="ko-KR", viewport={"width": 1280, "height": 900}
    )
    context.set_default_timeout(15_000)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    # Printed with the test's output when it fails: which API calls went wrong.
    page.on(
        "response",
        lambda response: (
            response.status >= 400
            and logger.warning(
                "HTTP %s %s %s", response.status, response.request.method, response.url
            )
        ),
    )
    yield page
    context.close()
    _wait_until_idle(frontend.url)
    assert not errors, f"JavaScript errors in the frontend: {errors}"


def _wait_until_idle(base_url: str) -> None:
    """The server answers one request at a time, in order: once this one is answered, no
    request the closed tab left behind still touches the database the test now flushes."""
    address = urlsplit(base_url)
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=30)
    try:
        connection.request("GET", "/frontend/assets/styles.css")
        connection.getresponse().read()
    finally:
        connection.close()


@pytest.fixture
def screenshot():
    """Save a full-page screenshot under tests/artifacts/e2e/ (kept out of git)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)

    def save(page, name: str) -> Path:
        path = ARTIFACTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return save


@pytest.fixture
def e2e_site(frontend, portal):
    """The test portal: one page of every type (see tests/e2e/content.py)."""
    from .content import build_e2e_site

    return build_e2e_site(portal)
