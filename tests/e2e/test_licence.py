"""Citizens see each page's 공공누리 licence: the official mark (served by the portal) and text."""

import pytest

from .browsing import click_and_wait, open_frontend

pytestmark = pytest.mark.browser


def test_chapter_shows_its_kogl_mark_and_licence(browser_page, e2e_site):
    page = browser_page
    open_frontend(page)
    click_and_wait(
        page, page.get_by_role("navigation", name="주 메뉴").get_by_role("link", name="가족보고서")
    )
    click_and_wait(page, page.get_by_role("link", name=e2e_site.edition.title))

    notice = page.locator("aside.licence")
    mark = notice.get_by_role("img", name="공공누리 제1유형: 출처표시")
    mark.wait_for()
    assert mark.evaluate("image => image.complete && image.naturalWidth > 0")
    assert "/static/kogl/kogl-type1.svg" in mark.get_attribute("src")
    link = notice.get_by_role("link")
    assert link.get_attribute("href") == "https://www.kogl.or.kr/info/licenseType1.do"
    assert "공공누리 제1유형: 출처표시" in notice.inner_text()
