"""Searching in Korean: suggestions while typing, highlighted results, facets, and help when
nothing is found."""

from urllib.parse import unquote

import pytest

from .browsing import click_and_wait, open_frontend, wait_until_ready

pytestmark = pytest.mark.browser


def test_korean_search_suggests_highlights_and_follows_a_result(browser_page, e2e_site, screenshot):
    page = browser_page
    open_frontend(page, "/frontend/search/")
    box = page.get_by_role("combobox", name="검색어")

    box.press_sequentially("한부", delay=50)
    suggestions = page.get_by_role("listbox", name="추천 검색어")
    suggestions.wait_for()
    assert e2e_site.article.title in suggestions.get_by_role("option").all_inner_texts()
    screenshot(page, "search-suggestions")

    box.press_sequentially("모")
    box.press("Escape")
    assert suggestions.is_hidden()
    assert box.input_value() == "한부모", "Esc closes the suggestions but keeps the query"
    box.press("Enter")
    wait_until_ready(page)
    assert "q=" in page.url
    results = page.locator(".result")
    assert results.count() >= 1
    first = results.filter(has=page.get_by_role("link", name=e2e_site.article.title))
    assert first.count() == 1
    assert first.locator("mark").count() >= 1, "matched terms are highlighted"
    facets = page.get_by_role("complementary", name="결과 좁히기")
    assert facets.get_by_role("heading", name="유형").is_visible()
    screenshot(page, "search-results")

    click_and_wait(page, first.get_by_role("link", name=e2e_site.article.title))
    assert page.locator("h1").inner_text() == e2e_site.article.title
    assert unquote(page.url).endswith("/frontend/가족정보/한부모-아동양육비/")


def test_search_facet_narrows_results_to_one_type(browser_page, e2e_site):
    page = browser_page
    open_frontend(page, "/frontend/search/?q=가족")
    facets = page.get_by_role("complementary", name="결과 좁히기")
    type_facets = facets.locator("section", has=page.get_by_role("heading", name="유형"))
    click_and_wait(page, type_facets.get_by_role("link", name="교육 프로그램"))

    types = set(page.locator(".result__type").all_inner_texts())
    assert types == {"교육 프로그램"}
    assert "type=" in page.url
    assert type_facets.get_by_role("link", name="해제").is_visible()


def test_search_without_results_explains_and_suggests(browser_page, e2e_site, screenshot):
    page = browser_page
    open_frontend(page, "/frontend/search/?q=우주정거장")

    assert page.get_by_role("heading", name="검색 결과가 없습니다").is_visible()
    assert "‘우주정거장’에 맞는 페이지를 찾지 못했습니다." in page.inner_text("main")
    assert "띄어쓰기를 바꿔 보세요" in page.inner_text("main")
    popular = page.locator(".term-list").get_by_role("link")
    assert popular.count() >= 3
    screenshot(page, "search-no-results")

    term = popular.first.inner_text()
    click_and_wait(page, popular.first)
    assert "q=" in page.url
    assert page.get_by_role("combobox", name="검색어").input_value() == term


def test_suggestions_work_from_the_keyboard(browser_page, e2e_site):
    page = browser_page
    open_frontend(page)
    box = page.get_by_role("combobox", name="포털 검색")

    box.press_sequentially("아빠와", delay=50)
    option = page.get_by_role("option", name=e2e_site.open_program.title)
    option.wait_for()
    box.press("ArrowDown")
    assert box.get_attribute("aria-activedescendant") == option.get_attribute("id")
    assert option.get_attribute("aria-selected") == "true"
    box.press("Enter")
    wait_until_ready(page)

    assert page.locator("h1").inner_text() == e2e_site.open_program.title
