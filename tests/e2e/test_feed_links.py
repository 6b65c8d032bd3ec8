"""Feed readers find the feeds: every screen links the portal's, a section screen its own."""

import pytest

from .browsing import open_frontend

pytestmark = pytest.mark.browser

SECTION_FEEDS = 'link[rel="alternate"][data-section-feed]'


def test_section_screen_links_its_feeds_and_they_answer(browser_page, e2e_site):
    page = browser_page
    open_frontend(page, "/frontend/서울가족학교/")

    links = page.locator(SECTION_FEEDS)
    hrefs = [links.nth(index).get_attribute("href") for index in range(links.count())]
    assert hrefs == [
        "/api/v2/feeds/rss/?section=family-school",
        "/api/v2/feeds/atom/?section=family-school",
        "/api/v2/feeds/json/?section=family-school",
    ]
    feed = page.request.get(hrefs[0])
    assert feed.ok
    assert e2e_site.open_program.title in feed.text()

    open_frontend(page, "/frontend/")
    assert page.locator(SECTION_FEEDS).count() == 0
    assert page.locator('link[rel="alternate"][href="/api/v2/feeds/rss/"]').count() == 1
