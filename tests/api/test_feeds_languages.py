"""Feeds and the sitemap per language: `?locale=` feeds hold only that tree's live pages and
say their language; the sitemap links every translation with hreflang (x-default: Korean)."""

import json
from xml.etree import ElementTree

import feedparser
import pytest
from django.urls import reverse
from wagtail.models import Page

from content.locales import path_prefix
from content.paths import frontend_url, site_path
from pages.editorial import setup_portal
from pages.models import SectionKind
from tests.factories import ArticlePageFactory
from tests.factories.translations import translated

SITEMAP = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


@pytest.fixture
def trees(db):
    _, sections, _ = setup_portal()
    family_info = sections[SectionKind.FAMILY_INFO]
    pages = {}
    for name in ("interpreting", "untranslated", "draft_only"):
        pages[name] = ArticlePageFactory(parent=family_info, title=f"{name} 한국어", slug=name)
        pages[name].save_revision().publish()
    pages["vi"] = translated(pages["interpreting"], "vi")
    pages["vi_draft"] = translated(pages["draft_only"], "vi", publish=False)
    return pages


def url_of(page) -> str:
    """The frontend address of a page of any language tree (`/vi/…` outside Korean)."""
    return frontend_url(path_prefix(page.locale.language_code) + site_path(page))


def rss(api, query: str = ""):
    response = api.get(reverse("feed-rss") + query)
    assert response.status_code == 200, response.content
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    return feed


def test_a_vietnamese_feed_holds_only_live_vietnamese_pages(api, trees):
    feed = rss(api, "?locale=vi")
    assert feed.feed.language == "vi"
    assert [entry.link for entry in feed.entries] == [url_of(trees["vi"])]
    assert url_of(trees["vi"]).startswith(frontend_url("/vi/"))
    assert feed.feed.link == frontend_url("/vi/")
    # No Korean text labelled Vietnamese: the title is the Vietnamese home page's.
    assert feed.feed.title == vi_home().title != "서울시 패밀리 포털"


def test_the_korean_feed_stays_korean(api, trees):
    feed = rss(api)
    assert feed.feed.language == "ko"
    links = {entry.link for entry in feed.entries}
    assert url_of(trees["interpreting"]) in links
    assert url_of(trees["untranslated"]) in links
    assert not any(link.startswith(frontend_url("/vi/")) for link in links)


def test_atom_and_json_feeds_carry_the_language(api, trees):
    atom = api.get(reverse("feed-atom") + "?locale=vi")
    root = ElementTree.fromstring(atom.content)  # noqa: S314 - our own response
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "vi"
    body = json.loads(api.get(reverse("feed-json") + "?locale=vi").content)
    assert body["language"] == "vi"
    assert [item["url"] for item in body["items"]] == [url_of(trees["vi"])]


def test_a_section_feed_per_language(api, trees):
    feed = rss(api, f"?locale=vi&section={SectionKind.FAMILY_INFO}")
    assert [entry.link for entry in feed.entries] == [url_of(trees["vi"])]
    section = trees["vi"].get_parent()
    assert feed.feed.title == f"{vi_home().title} - {section.title}"


def vi_home() -> Page:
    return Page.objects.get(depth=2, locale__language_code="vi")


@pytest.mark.parametrize("name", ["feed-rss", "feed-atom", "feed-json"])
def test_an_unknown_language_is_a_json_400(api, db, name):
    response = api.get(reverse(name) + "?locale=xx")
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "bad_request"
    assert "알 수 없는 언어" in response.json()["error"]["message"]


def test_cached_feeds_never_mix_languages(api, trees):
    korean = api.get(reverse("feed-rss"))
    vietnamese = api.get(reverse("feed-rss") + "?locale=vi")
    assert korean.content != vietnamese.content
    # The Korean feed's validator does not stand for the Vietnamese one, nor the other way.
    again = api.get(reverse("feed-rss") + "?locale=vi", HTTP_IF_NONE_MATCH=korean["ETag"])
    assert again.status_code == 200
    assert b"<language>vi</language>" in again.content
    assert b"<language>ko</language>" in api.get(reverse("feed-rss")).content


def sitemap_urls(api) -> dict[str, dict[str, str]]:
    """Each location in /sitemap.xml with its alternates (hreflang → href)."""
    response = api.get("/sitemap.xml")
    assert response.status_code == 200
    root = ElementTree.fromstring(response.content)  # noqa: S314 - our own response
    return {
        url.findtext("s:loc", namespaces=SITEMAP): {
            link.get("hreflang"): link.get("href")
            for link in url.findall("x:link[@rel='alternate']", SITEMAP)
        }
        for url in root.findall("s:url", SITEMAP)
    }


def test_the_sitemap_links_translations_with_hreflang(api, trees):
    urls = sitemap_urls(api)
    korean, vietnamese = url_of(trees["interpreting"]), url_of(trees["vi"])
    expected = {"ko": korean, "vi": vietnamese, "x-default": korean}
    assert urls[korean] == expected
    assert urls[vietnamese] == expected  # both versions name each other (and themselves)


def test_the_sitemap_lists_only_live_public_versions(api, trees):
    urls = sitemap_urls(api)
    assert urls[url_of(trees["untranslated"])] == {}  # nothing to point at
    # A translation still in draft is neither listed nor an alternate.
    assert url_of(trees["vi_draft"]) not in urls
    assert urls[url_of(trees["draft_only"])] == {}
    assert frontend_url("/vi/") in urls


def test_the_sitemap_follows_a_translation_being_published(api, trees):
    before = api.get("/sitemap.xml")
    assert url_of(trees["vi_draft"]) not in sitemap_urls(api)
    trees["vi_draft"].save_revision().publish()
    after = api.get("/sitemap.xml", HTTP_IF_NONE_MATCH=before["ETag"])
    assert after.status_code == 200  # not a stale 304
    korean, vietnamese = url_of(trees["draft_only"]), url_of(trees["vi_draft"])
    assert sitemap_urls(api)[korean] == {"ko": korean, "vi": vietnamese, "x-default": korean}
