"""The release screens in Chromium: an editor lists, opens, previews and submits a release; a
reviewer approves it; at its minute every page is live. Screenshots at 1280 and 360 px."""

import time
from datetime import timedelta

import pytest
from django.utils import timezone

from releases.models import ReleaseStatus
from releases.publishing import publish_due_releases
from tests.releases.content import build_release

from .browsing import wait_until_ready

pytestmark = pytest.mark.browser


def sign_in(page, username: str) -> None:
    page.context.clear_cookies()
    page.goto("/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", "test-password")
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url("**/admin/")


def both_widths(page, screenshot, name: str) -> None:
    """Screenshots at 1280 and 360 px; the admin lays its sidebar out on load, so the narrow
    one is taken after a reload (the one-time success message is gone by then)."""
    screenshot(page, f"{name}-1280")
    page.set_viewport_size({"width": 360, "height": 800})
    page.reload()
    page.wait_for_load_state("networkidle")
    screenshot(page, f"{name}-360")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.reload()
    page.wait_for_load_state("networkidle")


def preview_frames(page, count: int, timeout: float = 20) -> list:
    # The previews load lazily, as the editor scrolls to each one.
    frames = page.locator("iframe.release-preview__frame")
    for index in range(frames.count()):
        frames.nth(index).scroll_into_view_if_needed()
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        frames = [frame for frame in page.frames if "/frontend/preview" in frame.url]
        if len(frames) == count:
            return frames
        page.wait_for_timeout(200)
    raise AssertionError(f"expected {count} preview frames, got {[f.url for f in page.frames]}")


def test_an_edition_release_from_draft_to_live(browser_page, frontend, screenshot):
    page = browser_page
    go_live_at = (timezone.now() + timedelta(minutes=10)).replace(second=0, microsecond=0)
    content = build_release(go_live_at)
    release = content.release

    sign_in(page, "release-editor")
    page.goto("/admin/releases/")
    row = page.get_by_role("row").filter(has_text=release.title)
    assert "초안" in row.inner_text()
    both_widths(page, screenshot, "releases-list")

    page.get_by_role("link", name=release.title).click()
    page.wait_for_load_state()
    assert page.get_by_role("button", name="승인하고 예약").count() == 0
    page.get_by_role("button", name="승인 요청").click()
    page.wait_for_load_state()
    assert "승인 요청을 보냈습니다" in page.content()
    both_widths(page, screenshot, "releases-submitted")

    page.get_by_role("link", name="모든 페이지 미리보기").click()
    page.wait_for_load_state()
    frames = preview_frames(page, len(content.pages))
    headings = set()
    for frame in frames:
        wait_until_ready(frame)
        headings.add(frame.locator("h1").first.inner_text())
    assert {content.edition.title, *(chapter.title for chapter in content.chapters)} <= headings
    assert "가족보고서 안내 (새 호 발간)" in headings  # the draft, not the live title
    both_widths(page, screenshot, "releases-preview")

    page.goto("/admin/releases/new/")
    assert page.locator("#id_title").count() == 1
    both_widths(page, screenshot, "releases-new")

    sign_in(page, "release-reviewer")
    page.goto(f"/admin/releases/inspect/{release.pk}/")
    page.get_by_role("button", name="승인하고 예약").click()
    page.wait_for_load_state()
    release.refresh_from_db()
    assert release.status == ReleaseStatus.SCHEDULED
    both_widths(page, screenshot, "releases-scheduled")

    assert publish_due_releases(now=go_live_at) == [release]
    page.goto("/admin/releases/")
    assert "게시됨" in page.get_by_role("row").filter(has_text=release.title).inner_text()
    response = page.request.get(f"/api/v2/pages/?child_of={content.edition.pk}")
    titles = {item["title"] for item in response.json()["items"]}
    assert titles == {chapter.title for chapter in content.chapters}
