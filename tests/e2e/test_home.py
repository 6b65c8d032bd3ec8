"""The home screen and the frame around every screen: menu, skip link, phone layout."""

from urllib.parse import unquote

import pytest
from playwright.sync_api import expect

from .browsing import click_and_wait, open_frontend

pytestmark = pytest.mark.browser


def test_home_shows_sections_featured_content_and_pinned_notices(
    browser_page, e2e_site, screenshot
):
    page = browser_page
    open_frontend(page)

    assert page.locator("html").get_attribute("lang") == "ko"
    assert page.locator("h1").all_inner_texts() == [e2e_site.portal.home.hero_title]
    menu = page.get_by_role("navigation", name="주 메뉴")
    for title in ["가족정보", "서울가족학교", "가족보고서", "알림마당"]:
        assert menu.get_by_role("link", name=title, exact=True).count() == 1
    notices = page.locator("section", has=page.get_by_role("heading", name="공지사항"))
    assert notices.get_by_role("link", name=e2e_site.notice.title).is_visible()
    featured = page.locator("section", has=page.get_by_role("heading", name="추천 콘텐츠"))
    assert featured.get_by_role("link", name=e2e_site.article.title).is_visible()
    screenshot(page, "home")

    click_and_wait(page, featured.get_by_role("link", name=e2e_site.article.title))
    assert page.locator("h1").inner_text() == e2e_site.article.title
    assert page.evaluate("document.activeElement.tagName") == "H1", "focus moves to the new screen"
    assert unquote(page.url).endswith("/frontend/가족정보/한부모-아동양육비/")

    page.go_back()
    expect(page.locator("h1")).to_have_text([e2e_site.portal.home.hero_title])


def test_keyboard_users_can_skip_to_the_content(browser_page, e2e_site):
    page = browser_page
    open_frontend(page)

    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused == "본문 바로가기"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", "the focused skip link must show a focus outline"
    page.keyboard.press("Enter")
    page.wait_for_function("location.hash === '#main'")
    assert page.evaluate("document.documentElement.dataset.ready") == "true", (
        "following the skip link must not draw the screen again (that moves focus to the heading)"
    )
    assert page.evaluate("document.activeElement.id") == "main"


def test_phone_width_layout_does_not_scroll_sideways(browser_page, e2e_site, screenshot):
    page = browser_page
    page.set_viewport_size({"width": 360, "height": 740})
    open_frontend(page, "/frontend/가족보고서/2017/1장/")

    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    menu_button = page.get_by_role("button", name="메뉴")
    assert menu_button.get_attribute("aria-expanded") == "false"
    menu = page.get_by_role("navigation", name="주 메뉴")
    assert not menu.get_by_role("link", name="가족보고서").is_visible()
    menu_button.click()
    assert menu_button.get_attribute("aria-expanded") == "true"
    assert menu.get_by_role("link", name="가족보고서").is_visible()
    screenshot(page, "chapter-phone")
