"""The family report: from the menu to an edition's contents to a chapter's table and chart."""

import pytest

from .browsing import click_and_wait, open_frontend
from .content import CHART, TABLE

pytestmark = pytest.mark.browser


def test_report_chapter_shows_its_statistics_table_and_chart(browser_page, e2e_site, screenshot):
    page = browser_page
    open_frontend(page)
    menu = page.get_by_role("navigation", name="주 메뉴")
    click_and_wait(page, menu.get_by_role("link", name="가족보고서"))
    click_and_wait(page, page.get_by_role("link", name=e2e_site.edition.title))

    contents = page.locator("section", has=page.get_by_role("heading", name="목차"))
    assert contents.get_by_role("link").all_inner_texts() == [
        "제1장 서울 가족의 모습",
        "제2장 돌봄과 일",
    ]
    screenshot(page, "report-edition")
    click_and_wait(page, contents.get_by_role("link", name=e2e_site.chapter.title))

    assert page.locator("h1").inner_text() == e2e_site.chapter.title
    crumbs = page.get_by_role("navigation", name="현재 위치")
    trail = crumbs.get_by_role("link").all_inner_texts()
    assert trail[-2:] == ["가족보고서", e2e_site.edition.title]

    table = page.get_by_role("table", name=TABLE["title"])
    assert table.locator("thead th").all_inner_texts() == TABLE["headers"]
    row_headers = table.locator("tbody th[scope=row]").all_inner_texts()
    assert row_headers == [row[0] for row in TABLE["rows"]]
    assert table.locator("tbody tr").nth(1).locator("td").all_inner_texts() == [
        "1,116",
        "1,155",
        "1,183",
    ]
    figure = page.locator(".statistics-table").first.inner_text()
    assert "통계청 인구주택총조사" in figure
    assert "가구 수는 천 가구 단위로 반올림했습니다." in figure

    chart = page.get_by_role("img", name=f"{CHART['title']} (단위: %)")
    assert chart.evaluate("node => node.tagName") == "svg"
    bars = chart.locator("rect.chart__bar")
    assert bars.count() == len(CHART["rows"]) * (len(CHART["headers"]) - 1)
    assert "2017: 서울 44.6 %, 전국 46.3 %" in chart.locator("desc").text_content()
    assert bars.first.locator("title").text_content() == "2015 서울: 41.2 %"
    heights = [float(bar.get_attribute("height")) for bar in bars.all()[:3]]
    assert heights == sorted(heights), "taller bars for larger values (41.2 < 42.5 < 44.6)"
    screenshot(page, "report-chapter")

    click_and_wait(page, page.get_by_role("link", name="제2장 돌봄과 일", exact=True))
    line_chart = page.get_by_role("img", name="돌봄 시간 (단위: %)")
    assert line_chart.locator("polyline").count() == len(CHART["headers"]) - 1
