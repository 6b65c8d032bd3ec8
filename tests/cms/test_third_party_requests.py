"""No page of the admin, the API or the frontend makes a browser ask a third party for anything.

The crawl runs over the demo portal (every page type, images, documents, report tables), as
an editor and a citizen would see it: gravatar avatars, CDN scripts or hot-linked images
would each show up as an absolute URL outside the city's own origins.
"""

import io
import re
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import TestCase
from wagtail.models import Page

from content.paths import site_path

FIRST_PARTY_HOSTS = {"testserver", "127.0.0.1", "localhost"}
# Elements whose URL attributes the browser fetches on its own. Plain links (<a href>) are not
# requests: following one is the reader's choice, and the portal links to other public bodies.
FETCHED = {
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "script": ("src",),
    "iframe": ("src",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "input": ("src",),
}
FETCHED_LINK_RELS = {"stylesheet", "icon", "shortcut", "preload", "prefetch", "modulepreload"}
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)")


class FetchedUrls(HTMLParser):
    """Every URL a browser would load by itself while rendering the document."""

    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name in FETCHED.get(tag, ()):
            value = attributes.get(name) or ""
            self.urls += [part.split()[0] for part in value.split(",") if part.strip()]
        rels = set((attributes.get("rel") or "").lower().split())
        if tag == "link" and rels & FETCHED_LINK_RELS:
            self.urls.append(attributes.get("href") or "")
        self.urls += CSS_URL.findall(attributes.get("style") or "")

    def handle_data(self, data):
        self.urls += CSS_URL.findall(data)


def third_party_urls(base: str, html: str) -> list[str]:
    parser = FetchedUrls()
    parser.feed(html)
    found = []
    for url in parser.urls:
        absolute = urljoin(base, url.strip())
        parts = urlsplit(absolute)
        if parts.scheme in {"data", "blob"}:
            continue
        if parts.hostname not in FIRST_PARTY_HOSTS:
            found.append(absolute)
    return found


def admin_paths() -> list[str]:
    pages = Page.objects.filter(depth__gte=2).specific()
    edit_one_of_each = {type(page): f"/admin/pages/{page.pk}/edit/" for page in pages}
    return [
        "/admin/",
        "/admin/pages/",
        *[f"/admin/pages/{page.pk}/" for page in pages.filter(depth__lte=3)],
        *edit_one_of_each.values(),
        "/admin/images/",
        "/admin/documents/",
        "/admin/users/",
        "/admin/account/",
        "/admin/reports/site-history/",
        "/admin/workflows/list/",
    ]


ALLOWED_SOURCES = {"'self'", "'none'", "'unsafe-inline'", "data:", "blob:"}


def sources_outside_the_city(policy: str) -> list[str]:
    return [
        source
        for directive in policy.split(";")
        for source in directive.split()[1:]
        if source not in ALLOWED_SOURCES and urlsplit(source).hostname not in FIRST_PARTY_HOSTS
    ]


class ThirdPartyRequestTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        call_command("load_demo_content", stdout=io.StringIO())
        cls.admin = get_user_model().objects.create_superuser("crawler", "c@example.com", "pw")

    def crawl(self, paths: list[str]) -> dict[str, list[str]]:
        offending = {}
        for path in paths:
            response = self.client.get(path, follow=True)
            self.assertIn(response.status_code, {200, 404}, path)
            found = third_party_urls("http://testserver" + path, response.content.decode())
            if found:
                offending[path] = found
        return offending

    def test_admin_screens_load_nothing_from_third_parties(self):
        self.client.force_login(self.admin)

        self.assertEqual(self.crawl(admin_paths()), {})

    def test_frontend_and_api_docs_load_nothing_from_third_parties(self):
        paths = ["/frontend/", "/frontend/search/", "/frontend/counseling/", "/api/docs/"]
        paths += ["/frontend" + site_path(page) for page in Page.objects.live().filter(depth__gt=1)]

        self.assertEqual(self.crawl(paths), {})

    def test_admin_api_and_frontend_forbid_third_party_origins(self):
        for path in [
            "/admin/login/",
            "/api/v2/pages/",
            "/api/docs/",
            "/frontend/",
            "/frontend/search/",
        ]:
            with self.subTest(path=path):
                policy = self.client.get(path).headers.get("Content-Security-Policy", "")

                self.assertIn("default-src 'self'", policy)
                self.assertIn("object-src 'none'", policy)
                self.assertEqual(sources_outside_the_city(policy), [])
                # A bare scheme ("https:") lets a page load from anywhere.
                self.assertNotRegex(policy, r"\s(https?|wss?):(\s|;|$)")

    def test_editors_have_no_gravatar(self):
        self.client.force_login(self.admin)

        self.assertNotIn("gravatar", self.client.get("/admin/").content.decode())
