"""Each cache is purged on its own: a purge endpoint that never answers costs one short timeout,
then rests behind its breaker, while another cache gets every purge."""

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.cache import cache

from pages.models import SectionKind
from tests.factories import ArticlePageFactory
from tests.webhooks.conftest import free_port


class PurgeEndpoint:
    """A caching proxy's purge endpoint on 127.0.0.1; `stalled` ones never answer."""

    def __init__(self, stalled: bool):
        self.paths: list[str] = []
        self.release = threading.Event()
        endpoint = self

        class Handler(BaseHTTPRequestHandler):
            def do_PURGE(self):
                endpoint.paths.append(self.path)
                if stalled:
                    endpoint.release.wait(10)
                    return
                self.send_response(200)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", free_port()), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.location = f"http://127.0.0.1:{self.server.server_port}"

    def stop(self) -> None:
        self.release.set()
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def caches(settings):
    cache.clear()  # no breaker state from elsewhere
    stalled, healthy = PurgeEndpoint(stalled=True), PurgeEndpoint(stalled=False)
    backend = "wagtail.contrib.frontend_cache.backends.HTTPBackend"
    settings.WAGTAILFRONTENDCACHE = {
        "stalled": {"BACKEND": backend, "LOCATION": stalled.location},
        "healthy": {"BACKEND": backend, "LOCATION": healthy.location},
    }
    settings.OUTBOUND_ALLOWED_HOSTS = []  # the purge endpoints are allowed as configured caches
    settings.OUTBOUND_READ_TIMEOUT_SECONDS = 0.5
    settings.OUTBOUND_BREAKER_FAILURES = 1
    yield stalled, healthy
    stalled.stop()
    healthy.stop()


def publish(portal, slug: str, django_capture_on_commit_callbacks) -> float:
    started = time.monotonic()
    with django_capture_on_commit_callbacks(execute=True):
        ArticlePageFactory(
            parent=portal.section(SectionKind.FAMILY_INFO), slug=slug, live=False
        ).save_revision().publish()
    return time.monotonic() - started


def test_a_stalled_cache_costs_one_timeout_then_rests(
    portal, caches, django_capture_on_commit_callbacks
):
    stalled, healthy = caches

    first = publish(portal, "첫-글", django_capture_on_commit_callbacks)
    purged = len(healthy.paths)
    second = publish(portal, "둘째-글", django_capture_on_commit_callbacks)

    assert "/api/v2/pages/" in healthy.paths
    assert purged > 5 and len(healthy.paths) == 2 * purged  # every URL, both times
    # One request timed out (not one per URL); then the breaker kept purges away from it.
    assert len(stalled.paths) == 1
    assert first < 3 and second < 2
