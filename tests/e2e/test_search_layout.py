"""Search on a phone: results first, the 28 filter links folded away; names that screen
readers announce match what is shown (axe-core: label-content-name-mismatch,
landmark-unique)."""

import datetime

import pytest

from pages.models import SectionKind
from tests.factories import NoticePageFactory

from .browsing import open_frontend

pytestmark = pytest.mark.browser


def test_results_first_on_a_phone_and_names_match_what_is_shown(browser_page, e2e_site, screenshot):
    notices = e2e_site.portal.section(SectionKind.NOTICE)
    for number in range(1, 14):
        NoticePageFactory(
            parent=notices,
            title=f"가족 행사 공지 {number:02d}",
            slug=f"행사-{number}",
            date=datetime.date(2017, 1, number),
        )
    page = browser_page
    page.set_viewport_size({"width": 360, "height": 800})
    open_frontend(page, "/frontend/search/?q=행사")

    first_result = page.locator(".result").first.bounding_box()
    facets = page.get_by_role("complementary", name="결과 좁히기")
    assert first_result["y"] < facets.bounding_box()["y"]
    assert first_result["y"] < 600, "the first result shows without scrolling"
    assert not facets.get_by_role("heading", name="유형").is_visible()
    screenshot(page, "search-360")
    facets.locator("summary").click()
    assert facets.get_by_role("heading", name="유형").is_visible()

    # Each page-number link is announced as what it shows.
    links = page.get_by_role("navigation", name="검색 결과 페이지").get_by_role("link")
    for link in links.all():
        label = link.get_attribute("aria-label")
        assert label is None or label == link.inner_text(), label
    assert (
        page.get_by_role("navigation", name="검색 결과 페이지")
        .get_by_role("link", name="2", exact=True)
        .is_visible()
    )
    # Two search forms, two distinct landmark names.
    assert page.get_by_role("search").count() == 2
    assert page.get_by_role("search", name="포털 검색").count() == 1
    assert page.get_by_role("search", name="검색어 바꾸기").count() == 1

    page.set_viewport_size({"width": 1280, "height": 900})
    open_frontend(page, "/frontend/search/?q=행사")
    facets = page.get_by_role("complementary", name="결과 좁히기")
    assert facets.get_by_role("heading", name="유형").is_visible()
    assert facets.bounding_box()["x"] < page.locator(".result").first.bounding_box()["x"]
