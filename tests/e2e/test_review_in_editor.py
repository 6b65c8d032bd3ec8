"""A city editor opens a page nobody has reviewed for over a year: the editor warns in Korean
with the last review, and "검토 완료로 기록" in the header menu records the review and comes
back to the editor. Screenshots tests/artifacts/e2e/review-in-editor-*-{1280,360}.png."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import Page, PageLogEntry

from analytics.reviews import REVIEW_ACTION
from pages.editorial import EDITORS, setup_portal
from pages.models import SectionKind
from tests.factories import ArticlePageFactory, UserFactory

from .test_releases import both_widths, sign_in

pytestmark = pytest.mark.browser


def test_a_city_editor_marks_a_stale_page_reviewed_from_its_editor(
    browser_page, frontend, screenshot
):
    _home, sections, _log = setup_portal()
    editor = UserFactory(username="city-editor", groups=[Group.objects.get(name=EDITORS)])
    article = ArticlePageFactory(parent=sections[SectionKind.FAMILY_INFO], title="한부모 가족 지원")
    old = timezone.now() - datetime.timedelta(days=420)
    Page.objects.filter(pk=article.pk).update(last_published_at=old)
    PageLogEntry.objects.filter(page=article).update(timestamp=old)

    page = browser_page
    sign_in(page, editor.username)
    page.goto(f"/admin/pages/{article.pk}/edit/")
    warning = page.locator(".messages .warning")
    assert "420일 동안 검토되지 않았습니다" in warning.inner_text()
    assert "마지막 검토:" in warning.inner_text()
    both_widths(page, screenshot, "review-in-editor-stale")

    page.locator("#w-slim-header-buttons").get_by_role("button").last.click()
    item = page.get_by_role("button", name="검토 완료로 기록").first
    assert item.is_visible()
    page.wait_for_timeout(400)  # the menu fades in
    screenshot(page, "review-in-editor-menu-1280")
    item.click()
    page.wait_for_url(f"**/admin/pages/{article.pk}/edit/")
    page.wait_for_load_state("networkidle")

    messages = page.locator(".messages").inner_text()
    assert "'한부모 가족 지원' 페이지를 검토 완료로 기록했습니다." in messages
    assert "검토 완료 · city-editor" in messages
    assert "검토되지 않았습니다" not in messages
    entry = PageLogEntry.objects.get(page=article, action=REVIEW_ACTION)
    assert entry.user == editor
    both_widths(page, screenshot, "review-in-editor-reviewed")
