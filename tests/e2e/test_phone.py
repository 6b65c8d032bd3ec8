"""A citizen on a 360 px phone: asks a counseling question, reads a chapter's chart and
table without clipped labels, follows a topic chip, and meets a real 404."""

import pytest

from counseling.models import CounselingCase
from tests.factories.pages import ReportChapterPageFactory

from .browsing import click_and_wait, open_frontend

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 740}
BIG_TABLE = {
    "title": "아동양육비 지원 금액과 다문화가족 자녀 수, 서울시 자치구 합계 (연도별 추이)",
    "unit": "천 원",
    "source": "서울시 한부모가족 지원 실적",
    "notes": "",
    "headers": ["연도", "지원 금액", "다문화가족 자녀"],
    "rows": [["2015", 1_250_000, 25_000], ["2016", 1_380_000, 26_600], ["2017", 1_520_000, 28_000]],
    "chart_type": "bar",
    "chart_direction": "columns",
    "chart_series": "",
}


def _no_sideways_scroll(page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"the page scrolls sideways ({width}px)"


def test_citizen_asks_a_question_and_is_shown_the_receipt_once(browser_page, e2e_site, screenshot):
    page = browser_page
    page.set_viewport_size(PHONE)
    open_frontend(page, "/frontend/counseling/ask/")
    form = page.locator("form.counseling-form")

    form.get_by_role("button", name="상담 신청").click()
    page.get_by_role("alert").filter(has_text="입력한 내용을 확인해 주세요.").wait_for()
    assert form.locator("#title-error").inner_text() == "제목을 입력해 주세요."
    assert (
        "동의해야 상담을 신청할 수 있습니다"
        in form.locator("#consent_personal_data-error").inner_text()
    )
    assert form.get_by_label("제목 (필수)").get_attribute("aria-invalid") == "true"
    _no_sideways_scroll(page)
    screenshot(page, "phone-counseling-errors")

    form.get_by_label("상담 분야 (필수)").select_option("자녀양육")
    form.get_by_label("제목 (필수)").fill("아이가 밤에 잠을 안 자요")
    form.get_by_label("상담 내용 (필수)").fill("다섯 살 아이가 매일 밤 늦게까지 잠들지 않아요.")
    form.get_by_label("(필수) 상담을 위한 개인정보").check()
    form.get_by_role("button", name="상담 신청").click()
    contact_error = form.locator("#email-error")
    contact_error.wait_for()
    assert contact_error.inner_text() == (
        "답변 알림을 받을 이메일 또는 연락처 중 하나 이상을 입력해 주세요."
    )
    assert form.locator("#title-error").is_hidden(), "fixed fields lose their error"

    form.get_by_label("연락처", exact=True).fill("010-1234-5678")
    form.get_by_role("button", name="상담 신청").click()

    receipt = page.get_by_role("region", name="상담이 접수되었습니다")
    receipt.wait_for()
    case = CounselingCase.objects.get()
    numbers = receipt.locator("dd").all_inner_texts()
    assert numbers[0] == case.receipt_number
    assert len(numbers[1]) >= 6, "the access code is shown"
    assert "한 번만 보여 드립니다" in receipt.get_by_role("alert").inner_text()
    assert case.category == "parenting"
    _no_sideways_scroll(page)
    screenshot(page, "phone-counseling-receipt")


def test_chart_and_table_fit_a_phone(browser_page, e2e_site, screenshot):
    page = browser_page
    page.set_viewport_size(PHONE)
    chapter = ReportChapterPageFactory(
        parent=e2e_site.edition,
        chapter_number=3,
        slug="3장",
        body=[("statistics_table", BIG_TABLE)],
    )
    open_frontend(page, f"/frontend/가족보고서/2017/{chapter.slug}/")

    chart = page.get_by_role("img", name=f"{BIG_TABLE['title']} (단위: 천 원)")
    chart.scroll_into_view_if_needed()
    box = chart.bounding_box()
    ticks = chart.locator(".chart__tick")
    assert "150만" in ticks.all_text_contents(), "large ticks in Korean units, not 1,500,000"
    for tick in ticks.all():
        tick_box = tick.bounding_box()
        assert tick_box["x"] >= box["x"] - 0.5, f"tick {tick.text_content()} is clipped"

    title = page.locator(".statistics-table__title")
    assert title.inner_text().startswith(BIG_TABLE["title"])
    title_box = title.bounding_box()
    assert title_box["x"] >= 0 and title_box["x"] + title_box["width"] <= PHONE["width"]
    table = page.get_by_role("table", name=BIG_TABLE["title"])
    assert table.locator("tbody td").first.inner_text() == "1,250,000"
    _no_sideways_scroll(page)
    screenshot(page, "phone-report-chart-table")


def test_topic_chip_leads_to_the_topic_listing(browser_page, e2e_site, screenshot):
    page = browser_page
    page.set_viewport_size(PHONE)
    open_frontend(page, "/frontend/가족정보/한부모-아동양육비/")
    click_and_wait(page, page.get_by_role("link", name="가족지원"))

    assert page.url.endswith("topic=family-support")
    results = page.locator(".result-list")
    assert e2e_site.article.title in results.inner_text()
    screenshot(page, "phone-topic-listing")


def test_unknown_path_is_a_real_404(browser_page, e2e_site, screenshot):
    page = browser_page
    page.set_viewport_size(PHONE)
    response = page.goto("/frontend/가족정보/없는-글/")
    assert response.status == 404
    page.wait_for_selector("html[data-ready='true']")
    assert page.locator("h1").inner_text() == "페이지를 찾을 수 없습니다"
    screenshot(page, "phone-not-found")
