"""Content changes purge the API and frontend URLs they affect, through Wagtail's HTTP purge
backend, from a real purge endpoint on 127.0.0.1 that records what it is sent."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import unquote

import environ
import pytest

from cdn.settings import frontend_cache_from_env
from content.paths import site_path
from pages.models import SectionKind
from tests.factories import ArticlePageFactory
from tests.webhooks.conftest import free_port


@pytest.fixture
def purges(settings):
    """A caching proxy's purge endpoint: records (Host, path) of every PURGE."""
    received: list[tuple[str, str]] = []

    class Handler(BaseHTTPRequestHandler):
        def do_PURGE(self):
            received.append((self.headers["Host"], unquote(self.path)))
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", free_port()), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    settings.WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_port}",
        }
    }
    settings.WAGTAILAPI_BASE_URL = "https://api.family.seoul.test"
    settings.FRONTEND_BASE_URL = "https://family.seoul.test"
    yield received
    server.shutdown()
    server.server_close()


def test_publishing_purges_the_page_its_listings_and_its_frontend_url(
    portal, purges, django_capture_on_commit_callbacks
):
    page = ArticlePageFactory(
        parent=portal.section(SectionKind.FAMILY_INFO), slug="한부모-지원", live=False
    )
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()

    api = "api.family.seoul.test"
    assert (api, f"/api/v2/pages/{page.pk}/") in purges
    assert (api, "/api/v2/pages/") in purges
    assert (api, "/api/v2/navigation/") in purges
    assert (api, "/api/v2/feeds/rss/") in purges
    assert (api, "/sitemap.xml") in purges
    assert ("family.seoul.test", "/가족정보/한부모-지원/") in purges
    # Pages the change does not affect stay cached.
    assert (api, f"/api/v2/pages/{portal.home.pk}/") not in purges


def test_unpublishing_purges_the_address_the_page_had(
    portal, purges, django_capture_on_commit_callbacks
):
    page = ArticlePageFactory(parent=portal.section(SectionKind.FAMILY_INFO), slug="옛-글")
    path = site_path(page)
    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    assert ("family.seoul.test", path) in purges
    assert ("api.family.seoul.test", f"/api/v2/pages/{page.pk}/") in purges


def test_nothing_is_purged_without_a_configured_cache(
    portal, purges, settings, django_capture_on_commit_callbacks
):
    settings.WAGTAILFRONTENDCACHE = {}
    with django_capture_on_commit_callbacks(execute=True):
        ArticlePageFactory(
            parent=portal.section(SectionKind.NOTICE), live=False
        ).save_revision().publish()
    assert purges == []


def test_backends_come_from_the_environment(monkeypatch):
    monkeypatch.setenv("FRONTEND_CACHE_PURGE_URL", "http://frontend")
    monkeypatch.setenv("CLOUDFLARE_API_TOKEN", "token")
    monkeypatch.setenv("CLOUDFLARE_ZONE_ID", "zone")
    monkeypatch.delenv("CLOUDFRONT_DISTRIBUTION_ID", raising=False)
    backends = frontend_cache_from_env(environ.Env())
    assert backends["proxy"]["LOCATION"] == "http://frontend"
    assert backends["cloudflare"]["ZONEID"] == "zone"
    assert "cloudfront" not in backends


def test_a_publish_purges_the_listings_recorded_under_its_keys_and_no_other(
    portal, purges, django_capture_on_commit_callbacks
):
    from django.core.cache import cache
    from rest_framework.test import APIClient

    cache.clear()
    family_info = portal.section(SectionKind.FAMILY_INFO)
    notices = portal.section(SectionKind.NOTICE)
    page = ArticlePageFactory(parent=family_info, slug="한부모-지원")
    client = APIClient()
    related = f"/api/v2/pages/?child_of={family_info.pk}&limit=5"
    unrelated = f"/api/v2/pages/?child_of={notices.pk}&limit=5"
    assert f"pages-child-{family_info.pk}" in client.get(related)["Surrogate-Key"].split(" ")
    client.get(unrelated)

    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()

    api = "api.family.seoul.test"
    assert (api, related) in purges
    assert (api, unrelated) not in purges
