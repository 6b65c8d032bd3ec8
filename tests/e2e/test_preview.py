"""Headless preview: an editor's draft shows in the frontend while the public page does not
change; a bad or expired preview link gets an explanation."""

import time

import pytest

from tests.factories import UserFactory

from .browsing import open_frontend, wait_until_ready

pytestmark = pytest.mark.browser

DRAFT_INTRO = "초안: 내년부터 아동양육비 지원 금액이 늘어납니다."


def _frontend_preview_frame(page, timeout=15):
    """The frontend frame the admin's preview panel loads (admin preview → headless iframe)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for frame in page.frames:
            if "/frontend/preview/" in frame.url:
                return frame
        page.wait_for_timeout(200)
    raise AssertionError(f"no frontend preview frame among {[f.url for f in page.frames]}")


def test_editor_previews_a_draft_in_the_frontend_while_the_public_page_is_unchanged(
    browser_page, e2e_site, screenshot
):
    page = browser_page
    article = e2e_site.article
    published_intro = article.intro
    UserFactory(username="editor", is_staff=True, is_superuser=True)

    page.goto("/admin/login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "test-password")
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url("**/admin/")

    edit_url = f"/admin/pages/{article.id}/edit/"
    page.goto(edit_url)
    page.fill("#id_intro", DRAFT_INTRO)
    with page.expect_response(
        lambda response: response.request.method == "POST" and response.url.endswith(edit_url)
    ):
        page.locator("button.action-save").first.click()
    page.wait_for_load_state()
    article.refresh_from_db()
    assert article.intro == published_intro, "saving a draft must not change the live page"
    assert article.has_unpublished_changes

    page.locator('[data-side-panel-toggle="preview"]').first.click()
    frame = _frontend_preview_frame(page)
    wait_until_ready(frame)
    assert frame.locator("h1").inner_text() == article.title
    assert DRAFT_INTRO in frame.locator("main").inner_text()
    assert frame.get_by_role("status").filter(has_text="미리보기").is_visible()
    screenshot(page, "preview-admin-panel")

    preview_tab = page.context.new_page()
    open_frontend(preview_tab, frame.url)
    assert DRAFT_INTRO in preview_tab.locator("main").inner_text()
    assert preview_tab.locator('meta[name="robots"]').get_attribute("content").startswith("noindex")
    screenshot(preview_tab, "preview")

    public_tab = page.context.new_page()
    open_frontend(public_tab, "/frontend/가족정보/한부모-아동양육비/")
    public_text = public_tab.locator("main").inner_text()
    assert published_intro in public_text
    assert DRAFT_INTRO not in public_text


@pytest.mark.parametrize(
    "query",
    [
        "?content_type=pages.articlepage&token=id%3D1%3Aforged%3Asignature",
        "?content_type=pages.articlepage",
    ],
    ids=["invalid-token", "missing-token"],
)
def test_bad_preview_link_is_explained(browser_page, e2e_site, screenshot, query):
    page = browser_page
    open_frontend(page, f"/frontend/preview/{query}")

    alert = page.get_by_role("alert")
    assert alert.get_by_role("heading", level=1).inner_text() in {
        "미리보기를 열 수 없습니다",
        "미리보기 주소가 올바르지 않습니다",
    }
    assert "1시간" in alert.inner_text()
    assert alert.get_by_role("link", name="관리자 화면으로 가기").is_visible()
    screenshot(page, "preview-invalid")
