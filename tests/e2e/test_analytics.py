"""Analytics without tracking people, end to end: a citizen's browser reads a page twice
(the second time from the server's cache), the scheduler's flush counts both, and an editor
finds the page on the dashboard's 이용 통계 panel, the searches that found nothing, the latest
feedback, and marks a stale page "검토 완료" in the stale-content report."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Page, PageLogEntry

from analytics.models import PageViewDay
from analytics.reviews import REVIEW_ACTION
from content.paths import site_path
from feedback.models import PageFeedback
from search.models import SearchQueryLog
from tests.analytics.conftest import BROWSER
from tests.factories import UserFactory

from .browsing import open_frontend

pytestmark = pytest.mark.browser


def _log_in(page) -> None:
    UserFactory(username="analytics-admin", is_staff=True, is_superuser=True)
    page.goto("/admin/login/")
    page.fill("#id_username", "analytics-admin")
    page.fill("#id_password", "test-password")
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url("**/admin/")


def _seed_history(site) -> None:
    """A month of earlier counts, searches and feedback, as the portal would have."""
    today = timezone.localdate()
    for page, ago, views in [
        (site.open_program, 1, 1840),
        (site.chapter, 2, 960),
        (site.chapter, 10, 120),
        (site.notice, 20, 2300),
    ]:
        PageViewDay.objects.create(page=page, day=today - datetime.timedelta(days=ago), views=views)
    for query, ago, hits, results in [
        ("아이돌봄", 1, 412, 18),
        ("출산 축하금", 2, 96, 5),
        ("출산 축하금", 9, 11, 5),
        ("다둥이 카드 분실", 3, 27, 0),
        ("쌍둥이 유모차 대여", 5, 9, 0),
    ]:
        SearchQueryLog.objects.create(
            query=query, day=today - datetime.timedelta(days=ago), hits=hits, result_count=results
        )
    PageFeedback.objects.create(
        page=site.article, helpful=False, comment="신청 서류 목록이 있으면 좋겠어요"
    )
    PageFeedback.objects.create(page=site.open_program, helpful=True)


def test_a_citizens_reads_reach_the_dashboard_and_stale_pages_get_reviewed(
    chromium, frontend, browser_page, e2e_site, screenshot
):
    article = e2e_site.article
    # A citizen's browser (the tests' headless one announces itself, so is not a reader).
    citizen = chromium.new_context(base_url=frontend.url, locale="ko-KR", user_agent=BROWSER)
    reader = citizen.new_page()
    open_frontend(reader, "/frontend" + site_path(article))
    assert reader.get_by_role("heading", level=1).inner_text() == article.title
    with reader.expect_response(f"**/api/v2/pages/{article.pk}/**") as second:
        reader.reload()
    assert second.value.status in (200, 304)  # the browser revalidates: the server's cache
    citizen.close()
    call_command("flush_page_views")
    assert PageViewDay.objects.get(page=article).views == 2
    row = PageViewDay.objects.filter(page=article).values().get()
    assert set(row) == {"id", "page_id", "day", "views"}

    _seed_history(e2e_site)
    old = timezone.now() - datetime.timedelta(days=420)
    Page.objects.filter(pk=e2e_site.resource.pk).update(last_published_at=old)
    PageLogEntry.objects.filter(page=e2e_site.resource).update(timestamp=old)  # its history

    page = browser_page
    _log_in(page)
    panel = page.locator("#portal-analytics-section")
    assert panel.get_by_role("heading", name="이용 통계").count() == 1
    week = panel.locator("#top-pages-week")
    assert week.get_by_role("link", name=article.title).count() == 1
    assert "2회" in week.inner_text()
    assert "다둥이 카드 분실" in panel.locator("#zero-result-searches").inner_text()
    assert "출산 축하금" in panel.locator("#rising-searches").inner_text()
    assert "신청 서류 목록이 있으면 좋겠어요" in panel.locator("#recent-feedback").inner_text()
    for width in (1280, 360):
        # Tall enough for the whole panel: the admin scrolls inside its own layout.
        page.set_viewport_size({"width": width, "height": 2000 if width == 360 else 1300})
        page.reload()  # the admin lays out its sidebar for the width on load
        screenshot(page, f"analytics-dashboard-{width}")

    page.set_viewport_size({"width": 360, "height": 800})
    page.goto("/admin/stale-content/")
    table = page.locator("table.listing")
    assert table.locator("tr", has_text=article.title).count() == 0  # published just now
    screenshot(page, "analytics-stale-360")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.reload()
    stale = table.locator("tr", has_text=e2e_site.resource.title)
    assert stale.count() == 1
    screenshot(page, "analytics-stale-1280")

    stale.get_by_role("button", name="검토 완료").click()
    page.wait_for_load_state("networkidle")
    assert "검토 완료로 기록했습니다" in page.locator(".messages").inner_text()
    assert page.locator("table.listing tr", has_text=e2e_site.resource.title).count() == 0
    entry = PageLogEntry.objects.get(page=e2e_site.resource, action=REVIEW_ACTION)
    assert entry.user.username == "analytics-admin"
