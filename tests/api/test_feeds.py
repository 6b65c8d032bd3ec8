"""Outbound feeds and the sitemap, read back with a real feed parser (feedparser)."""

import json
from types import SimpleNamespace
from xml.etree import ElementTree

import feedparser
import pytest
from django.urls import reverse

from content.paths import frontend_url, site_path
from pages.models import SectionKind
from tests.api.conftest import publish

FEEDS = ["feed-rss", "feed-atom", "feed-json"]


def parsed(api, name: str, query: str = ""):
    response = api.get(reverse(name) + query)
    assert response.status_code == 200, response.content
    if name == "feed-json":
        return json_feed(response.content)
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    return feed


def json_feed(body: bytes) -> SimpleNamespace:
    """A JSON Feed 1.1 checked against the spec's required members (feedparser 6.0 reads only
    XML), in feedparser's shape."""
    feed = json.loads(body)
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert feed["title"]
    for item in feed["items"]:
        assert isinstance(item["id"], str)
        assert item.get("content_text") or item.get("content_html")
    entries = [SimpleNamespace(link=item["url"], title=item["title"]) for item in feed["items"]]
    return SimpleNamespace(entries=entries, version="json11")


def test_feeds_list_public_pages_newest_first_with_frontend_links(api, content):
    publish(content.old_notice)
    publish(content.notice)
    for name in FEEDS:
        assert_lists_public_pages(parsed(api, name), content)


def assert_lists_public_pages(feed, content):

    links = [entry.link for entry in feed.entries]
    assert frontend_url(site_path(content.article)) in links
    assert frontend_url(site_path(content.notice)) in links
    assert links.index(frontend_url(site_path(content.notice))) == 0
    assert links.index(frontend_url(site_path(content.old_notice))) == 1
    titles = {entry.title for entry in feed.entries}
    assert content.draft.title not in titles
    assert not titles & {page.title for page in content.private_pages.values()}
    # Sections and the home page are navigation, not news.
    assert "가족정보" not in titles


def test_feeds_filter_with_the_api_vocabulary(api, content):
    for name in FEEDS:
        feed = parsed(api, name, f"?section={SectionKind.NOTICE}")
        assert {entry.title for entry in feed.entries} == {"새 공지", "옛 공지"}

        feed = parsed(api, name, f"?audience={content.audience.slug}")
        assert [entry.link for entry in feed.entries] == [frontend_url(site_path(content.article))]


@pytest.mark.parametrize("name", FEEDS)
def test_bad_filter_answers_json_error(api, db, name):
    response = api.get(reverse(name) + "?section=nowhere")
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "bad_request"
    assert "섹션" in response.json()["error"]["message"]


def test_feed_formats(api, content):
    assert parsed(api, "feed-rss").version == "rss20"
    assert parsed(api, "feed-atom").version == "atom10"
    assert parsed(api, "feed-json").version == "json11"
    body = json.loads(api.get(reverse("feed-json")).content)
    assert all(item["id"].startswith("urn:family-portal:page:") for item in body["items"])


def test_feeds_answer_304_until_content_changes(api, content):
    first = {name: api.get(reverse(name))["ETag"] for name in FEEDS}
    for name in FEEDS:
        assert api.get(reverse(name), HTTP_IF_NONE_MATCH=first[name]).status_code == 304

    content.notice.title = "바뀐 공지"
    content.notice.save_revision().publish()
    for name in FEEDS:
        assert api.get(reverse(name), HTTP_IF_NONE_MATCH=first[name]).status_code == 200
        assert "바뀐 공지" in {entry.title for entry in parsed(api, name).entries}


def test_sitemap_lists_every_public_page_and_nothing_else(api, content):
    response = api.get("/sitemap.xml")
    assert response.status_code == 200
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    root = ElementTree.fromstring(response.content)  # noqa: S314 - our own response
    locations = {loc.text for loc in root.findall("s:url/s:loc", namespace)}

    assert frontend_url("/") in locations
    assert frontend_url(site_path(content.article)) in locations
    assert frontend_url(site_path(content.portal.section(SectionKind.BLOG))) in locations
    assert frontend_url(site_path(content.draft)) not in locations
    for page in content.private_pages.values():
        assert frontend_url(site_path(page)) not in locations
