"""Every page type has its screen: section listings, programs, resources, blog posts,
notices, and a 404 screen for unknown paths. Screenshots of each go to tests/artifacts/."""

import datetime
from urllib.parse import quote

import pytest

from pages.models import SectionKind
from tests.factories import NoticePageFactory

from .browsing import click_and_wait, open_frontend
from .content import COUNSELING_ALT

pytestmark = pytest.mark.browser


def test_family_school_lists_programs_with_status_and_resources(browser_page, e2e_site, screenshot):
    page = browser_page
    open_frontend(page, "/frontend/서울가족학교/")

    assert page.locator("h1").inner_text() == "서울가족학교"
    programs = page.locator("section", has=page.get_by_role("heading", name="교육 프로그램"))
    open_card = programs.locator(".card", has_text=e2e_site.open_program.title)
    closed_card = programs.locator(".card", has_text=e2e_site.closed_program.title)
    assert open_card.locator(".badge").inner_text() == "모집중"
    assert closed_card.locator(".badge").inner_text() == "마감"
    resources = page.locator("section", has=page.get_by_role("heading", name="교육 자료"))
    assert resources.get_by_role("link", name=e2e_site.resource.title).is_visible()
    screenshot(page, "section-family-school")

    click_and_wait(page, open_card.get_by_role("link"))
    application = page.get_by_role("region", name="신청 안내")
    assert "모집중" in application.inner_text()
    assert application.get_by_role("link", name="신청하기").get_attribute("href") == (
        e2e_site.open_program.application_url
    )
    assert "매주 토요일 10:00~12:00" in application.inner_text()
    screenshot(page, "education-program")


def test_resource_offers_its_files_for_download(browser_page, e2e_site, screenshot):
    page = browser_page
    open_frontend(page, "/frontend/서울가족학교/부모-교육-활동지/")

    downloads = page.locator("section", has=page.get_by_role("heading", name="내려받기"))
    link = downloads.get_by_role("link", name="활동지 내려받기")
    assert link.get_attribute("download") is not None
    assert "PDF" in downloads.inner_text()
    response = page.request.get(link.get_attribute("href"))
    assert response.ok and response.body().startswith(b"%PDF")
    related = page.get_by_role("link", name=e2e_site.open_program.title)
    assert related.is_visible()
    screenshot(page, "education-resource")


def test_blog_post_and_notice_screens(browser_page, e2e_site, screenshot):
    page = browser_page
    open_frontend(page, "/frontend/가족-블로그단/")
    click_and_wait(page, page.get_by_role("link", name=e2e_site.blog_post.title))

    assert page.locator("h1").inner_text() == e2e_site.blog_post.title
    assert "행복한 아빠" in page.locator(".byline").inner_text()
    hero = page.get_by_role("img", name="한강 공원에서 노는 아이들")
    assert "320w" in hero.get_attribute("srcset") and "1280w" in hero.get_attribute("srcset")
    screenshot(page, "blog-post")

    open_frontend(page, "/frontend/알림마당/")
    click_and_wait(page, page.get_by_role("link", name=e2e_site.notice.title))
    assert page.locator("h1").inner_text() == e2e_site.notice.title
    assert page.locator(".badge").inner_text() == "고정"
    screenshot(page, "notice")


def test_every_screen_keeps_one_h1_and_images_have_alt_text(browser_page, e2e_site):
    page = browser_page
    paths = [
        "/frontend/",
        "/frontend/가족정보/한부모-아동양육비/",
        "/frontend/가족보고서/2017/",
        "/frontend/가족보고서/2017/1장/",
        "/frontend/가족-블로그단/한강-나들이/",
        "/frontend/search/?q=가족",
    ]
    for path in paths:
        open_frontend(page, path)
        levels = page.evaluate(
            "[...document.querySelectorAll('main h1, main h2, main h3, main h4')]"
            ".map(h => Number(h.tagName[1]))"
        )
        assert levels.count(1) == 1 and levels[0] == 1, f"{path}: one h1, first ({levels})"
        skips = [b for a, b in zip(levels, levels[1:], strict=False) if b > a + 1]
        assert not skips, f"{path}: heading levels skip ({levels})"
        assert page.locator("main img:not([alt])").count() == 0, f"{path}: image without alt"
        if "아동양육비" in path:
            image = page.get_by_role("img", name=COUNSELING_ALT)
            assert image.get_attribute("sizes") and "640w" in image.get_attribute("srcset")


def test_unknown_path_shows_the_not_found_screen(browser_page, e2e_site, screenshot):
    page = browser_page
    open_frontend(page, "/frontend/가족정보/없는-페이지/")

    assert page.locator("h1").inner_text() == "페이지를 찾을 수 없습니다"
    assert "/가족정보/없는-페이지/" in page.locator("main").inner_text()
    assert page.title().startswith("페이지를 찾을 수 없습니다")
    screenshot(page, "not-found")

    page.get_by_label("찾으시는 내용을 검색해 보세요").fill("한부모")
    page.get_by_label("찾으시는 내용을 검색해 보세요").press("Enter")
    page.wait_for_url(f"**/frontend/search/?q={quote('한부모')}")


def test_long_listings_and_search_results_are_paginated(browser_page, e2e_site, screenshot):
    page = browser_page
    notices = e2e_site.portal.section(SectionKind.NOTICE)
    for number in range(1, 14):
        NoticePageFactory(
            parent=notices,
            title=f"가족 행사 공지 {number:02d}",
            slug=f"행사-{number}",
            date=datetime.date(2017, 1, number),
        )

    open_frontend(page, "/frontend/알림마당/")
    listing = page.locator(".cards")
    assert listing.locator(".card").count() == 12
    pages = page.get_by_role("navigation", name="공지사항 페이지")
    click_and_wait(page, pages.get_by_role("link", name="2", exact=True))
    assert page.url.endswith("?page=2")
    assert listing.locator(".card").count() == 2  # 14 notices, newest first
    assert pages.locator("[aria-current=page]").inner_text() == "2"

    open_frontend(page, "/frontend/search/?q=행사")
    results = page.get_by_role("navigation", name="검색 결과 페이지")
    first_page = page.locator(".result__title").all_inner_texts()
    click_and_wait(page, results.get_by_role("link", name="다음"))
    assert "page=2" in page.url
    second_page = page.locator(".result__title").all_inner_texts()
    assert second_page and not set(first_page) & set(second_page)
    assert page.locator(".result-list").get_attribute("start") == "11"
    screenshot(page, "search-page-2")
