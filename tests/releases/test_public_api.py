"""While a release waits for its minute nothing of it is public anywhere a client can look
(detail, listing, find, sync, search, feeds, sitemap, navigation); when it publishes, one sync
step from the client's cursor brings every page of it (all or none)."""

from datetime import timedelta
from urllib.parse import unquote

import pytest
from django.utils import timezone
from rest_framework.test import APIClient
from wagtail.models import Page

from content.paths import site_path
from releases.publishing import approve, publish_due_releases, submit

from .content import build_release

pytestmark = pytest.mark.django_db

NEW_NOTICE_TITLE = "가족보고서 안내 (새 호 발간)"  # the live notice's draft title (content.py)


@pytest.fixture
def go_live_at():
    return (timezone.now() + timedelta(minutes=5)).replace(second=0, microsecond=0)


@pytest.fixture
def content(go_live_at):
    content = build_release(go_live_at)
    # In the menu (its row and its draft), so navigation has something to leak.
    Page.objects.filter(pk=content.edition.pk).update(show_in_menus=True)
    content.edition.show_in_menus = True
    content.edition.save_revision(user=content.editor)
    submit(content.release, content.editor)
    approve(content.release, content.reviewer)
    return content


def get(address: str, **params) -> str:
    response = APIClient().get(address, params)
    assert response.status_code in (200, 302, 400, 404), (address, response.status_code)
    body = response.content.decode() if response.status_code != 302 else ""
    return unquote(body)


def public_answers(content) -> dict[str, str]:
    """What every public endpoint answers, decoded (sitemaps and feeds quote Korean paths)."""
    answers = {
        "listing": get("/api/v2/pages/", limit=100),
        "listing_of_the_edition": get("/api/v2/pages/", child_of=content.edition.pk),
        "reports": get("/api/v2/pages/", type="pages.ReportEditionPage"),
        "notices": get("/api/v2/pages/", type="pages.NoticePage", limit=100),
        "search": get("/api/v2/search/", q="희망서울"),
        "search_notices": get("/api/v2/search/", q="발간"),
        "suggest": get("/api/v2/search/suggest/", q="희망서울"),
        "rss": get("/api/v2/feeds/rss/"),
        "atom": get("/api/v2/feeds/atom/"),
        "json_feed": get("/api/v2/feeds/json/"),
        "sitemap": get("/sitemap.xml"),
        "navigation": get("/api/v2/navigation/"),
        "sync": get("/api/v2/sync/", limit=100),
    }
    for page in content.pages:
        answers[f"detail {page.pk}"] = get(f"/api/v2/pages/{page.pk}/")
        find = APIClient().get("/api/v2/pages/find/", {"html_path": site_path(page)})
        answers[f"find {page.pk}"] = str(find.status_code)
    return answers


def leaks(content, answers: dict[str, str]) -> list[str]:
    """Where a page of the release shows, by its title or its path."""
    found = []
    new_pages = [content.edition, *content.chapters, content.notice]
    for name, body in answers.items():
        for page in new_pages:
            if page.title in body or f"{site_path(page)}" in body:
                found.append(f"{page.title} in {name}")
            if name == f"find {page.pk}" and body != "404":
                found.append(f"{page.title} found ({body})")
        if NEW_NOTICE_TITLE in body:
            found.append(f"the notice's new title in {name}")
    return found


def test_nothing_of_a_scheduled_release_is_public_until_its_minute(content, go_live_at):
    assert publish_due_releases(now=go_live_at - timedelta(seconds=1)) == []

    assert leaks(content, public_answers(content)) == []

    assert publish_due_releases(now=go_live_at) == [content.release]

    # The same probes now see it: they would have shown a leak.
    answers = public_answers(content)
    for name in ("listing", "listing_of_the_edition", "search", "rss", "sitemap", "navigation"):
        assert (
            content.edition.title in answers[name] or site_path(content.edition) in (answers[name])
        ), name
    assert NEW_NOTICE_TITLE in answers[f"detail {content.changed_notice.pk}"]
    for page in content.pages:
        assert answers[f"find {page.pk}"] == "302", page.title


def test_one_sync_step_brings_every_page_of_the_release(content, go_live_at):
    before = APIClient().get("/api/v2/sync/", {"limit": 100}).json()
    assert not before["has_more"]
    cursor = before["next_cursor"]

    assert publish_due_releases(now=go_live_at) == [content.release]

    step = APIClient().get("/api/v2/sync/", {"since": cursor}).json()
    assert {item["id"] for item in step["items"]} >= {page.pk for page in content.pages}
    assert not step["has_more"]


def test_small_sync_steps_do_not_split_a_release(content, go_live_at, settings):
    """A client syncing a few changes at a time gets the release in one step, whole."""
    settings.API_SYNC_SETTLE_SECONDS = 0  # the cursor passes the setup's changes at once
    cursor = APIClient().get("/api/v2/sync/", {"limit": 100}).json()["next_cursor"]
    assert publish_due_releases(now=go_live_at) == [content.release]

    step = APIClient().get("/api/v2/sync/", {"since": cursor, "limit": 2}).json()

    assert {item["id"] for item in step["items"]} >= {page.pk for page in content.pages}
    # And the step after it does not start inside the release either.
    rest = APIClient().get("/api/v2/sync/", {"since": step["next_cursor"], "limit": 2}).json()
    assert rest["items"] == []
