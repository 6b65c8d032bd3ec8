"""No failed save passes silently: when Wagtail's autosave is refused (400 from
/admin/pages/<id>/edit/, a 170–232 byte JSON answer), the editor reads why, in Korean."""

import pytest

from tests.factories import UserFactory

pytestmark = pytest.mark.browser


def _log_in(page) -> None:
    UserFactory(username="editor-admin", is_staff=True, is_superuser=True)
    page.goto("/admin/login/")
    page.fill("#id_username", "editor-admin")
    page.fill("#id_password", "test-password")
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url("**/admin/")


def test_a_refused_autosave_shows_a_korean_alert(browser_page, e2e_site, screenshot):
    page = browser_page
    _log_in(page)
    page.goto(f"/admin/pages/{e2e_site.article.id}/edit/")
    page.locator("#id_title").wait_for()
    # Wagtail's unsaved-changes watcher takes the form's first state after 2 s; only changes
    # made later start an autosave.
    page.wait_for_timeout(2500)
    # Meanwhile a colleague saves the same page: the tab's next autosave would overwrite it.
    colleague = e2e_site.article.get_latest_revision_as_object()
    colleague.intro = "동료가 고친 요약"
    colleague.save_revision()

    with page.expect_response(
        lambda response: (
            response.url.endswith(f"/admin/pages/{e2e_site.article.id}/edit/")
            and response.request.method == "POST"
        )
    ) as refused:
        page.locator("#id_title").press("End")
        page.keyboard.type(" (개정)")
    assert refused.value.status == 400
    assert refused.value.json()["error_code"] == "invalid_revision"

    alert = page.get_by_role("alert").filter(has_text="저장하지 못했습니다")
    alert.wait_for()
    assert "다른 사람이 더 새 버전을 저장해" in alert.inner_text()
    screenshot(page, "admin-save-refused")
