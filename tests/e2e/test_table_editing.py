"""The report team's daily work: paste a table copied from a spreadsheet into a chapter's
grid, choose a chart, and see it drawn as citizens will see it before saving."""

import pytest

from pages.models import ReportChapterPage
from tests.factories import UserFactory

pytestmark = pytest.mark.browser

# What Excel puts on the clipboard: tab-separated cells, Korean number forms included.
SPREADSHEET = (
    "연도\t지원 가구\t상담 건수\n2015\t1만2,960\t3.5천\n2016\t1만3,520\t4,120\n2017\t1만4천80\t－\n"
)

PASTE = """([selector, text]) => {
  const cell = document.querySelector(selector);
  cell.focus();
  const data = new DataTransfer();
  data.setData("text/plain", text);
  const init = { clipboardData: data, bubbles: true, cancelable: true };
  cell.dispatchEvent(new ClipboardEvent("paste", init));
}"""


def _log_in(page) -> None:
    UserFactory(username="tf", is_staff=True, is_superuser=True)
    page.goto("/admin/login/")
    page.fill("#id_username", "tf")
    page.fill("#id_password", "test-password")
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url("**/admin/")


def test_editor_pastes_a_spreadsheet_and_sees_the_chart_in_the_preview(
    browser_page, e2e_site, screenshot
):
    page = browser_page
    chapter = e2e_site.chapter
    _log_in(page)
    edit_url = f"/admin/pages/{chapter.id}/edit/"
    page.goto(edit_url)

    grid = page.locator(".table-grid").first
    grid.wait_for()
    chart_type = page.locator("select[name$='-chart_type']").first
    chart_type.select_option("bar")
    page.evaluate(PASTE, [".table-grid .table-grid__cell", SPREADSHEET])

    assert grid.get_by_role("status").inner_text() == "4행 3열을 붙여 넣었습니다."
    assert grid.get_by_label("3행 2열").input_value() == "1만4천80"
    preview = grid.get_by_role("region", name="미리보기")
    chart = preview.get_by_role("img", name="서울시 가구 유형별 가구 수 (단위: 천 가구)")
    chart.wait_for()
    bars = chart.locator("rect.chart__bar")
    assert bars.count() == 5, "two series over three years, the '－' cell left as a gap"
    assert bars.first.locator("title").text_content() == "2015 지원 가구: 12,960 천 가구"
    assert preview.get_by_role("table").locator("tbody tr").first.locator(
        "td"
    ).all_inner_texts() == [
        "12,960",
        "3,500",
    ]
    grid.scroll_into_view_if_needed()
    screenshot(page, "admin-table-paste-preview")
    # Styled as the frontend draws it: ruled cells, legend in the series' colours.
    cell = preview.get_by_role("table").locator("td").first
    assert cell.evaluate("td => getComputedStyle(td).borderTopWidth") == "1px"
    swatch = preview.locator(".chart__swatch").first
    assert swatch.evaluate("s => getComputedStyle(s).backgroundColor") == "rgb(0, 114, 178)"
    # A pie draws one series: the editor is told which one is left out.
    chart_type.select_option("pie")
    warning = grid.locator(".table-grid__status--error")
    warning.wait_for()
    assert "빠지는 계열: '상담 건수'" in warning.inner_text()
    chart_type.select_option("bar")
    warning.wait_for(state="detached")

    grid.get_by_label("2행 3열").fill("4천1백이십개")
    expect_error = grid.locator(".table-grid__status--error")
    expect_error.wait_for()
    assert expect_error.inner_text().startswith(
        "2번째 행 '상담 건수' 열: '4천1백이십개'을(를) 숫자로"
    )
    grid.get_by_label("2행 3열").fill("4,120")

    with page.expect_response(
        lambda response: response.request.method == "POST" and response.url.endswith(edit_url)
    ):
        page.locator("button.action-save").first.click()
    page.wait_for_load_state()
    draft = ReportChapterPage.objects.get(pk=chapter.pk).get_latest_revision_as_object()
    table = next(block.value for block in draft.body if block.block_type == "statistics_table")
    assert table.headers == ["연도", "지원 가구", "상담 건수"]
    assert table.rows == [["2015", 12960, 3500], ["2016", 13520, 4120], ["2017", 14080, "-"]]
    assert table["chart_type"] == "bar"
