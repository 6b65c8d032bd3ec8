"""App sync: a full download, then changes and tombstones since an opaque cursor."""

import time

from django.core import signing
from wagtail.models import PageViewRestriction

from pages.models import SectionKind
from tests.api.conftest import ClockAt, publish
from tests.factories import ArticlePageFactory


def sync(api, since: str | None = None, **params) -> dict:
    if since is not None:
        params["since"] = since
    response = api.get("/api/v2/sync/", params)
    assert response.status_code == 200, response.content
    return response.json()


def download_everything(api) -> tuple[dict[int, dict], str]:
    """Follow the cursor through the paginated full download, as the app does."""
    pages, cursor = {}, None
    while True:
        batch = sync(api, cursor, limit=5)
        pages.update({item["id"]: item for item in batch["items"]})
        cursor = batch["next_cursor"]
        if not batch["has_more"]:
            return pages, cursor


def test_full_download_is_paginated_and_complete(api, content):
    pages, cursor = download_everything(api)
    listing = api.get("/api/v2/pages/?limit=100").json()

    assert set(pages) == {item["id"] for item in listing["items"]}
    article = pages[content.article.pk]
    assert article["meta"]["path"] == "/가족정보/한부모-지원/"
    assert article["body"], "items carry the full detail representation"
    assert sync(api, cursor) == {
        "items": [],
        "deleted": [],
        "next_cursor": cursor,
        "has_more": False,
    }


def test_changed_pages_come_in_full_since_the_cursor(api, content):
    _, cursor = download_everything(api)

    content.linked.title = "양육비 지원 (개정)"
    publish(content.linked)
    new = ArticlePageFactory(parent=content.portal.section(SectionKind.FAMILY_INFO), slug="new")
    batch = sync(api, cursor)

    assert [item["id"] for item in batch["items"]] == [content.linked.pk, new.pk]
    assert batch["items"][0]["title"] == "양육비 지원 (개정)"
    assert batch["deleted"] == []
    assert sync(api, batch["next_cursor"])["items"] == []


def test_unpublished_deleted_and_private_pages_become_tombstones(api, content):
    _, cursor = download_everything(api)
    content.linked.unpublish()
    deleted_id = content.notice.pk
    content.notice.delete()
    PageViewRestriction.objects.create(
        page=content.portal.section(SectionKind.BLOG), restriction_type=PageViewRestriction.LOGIN
    )

    batch = sync(api, cursor)

    assert batch["items"] == []
    assert set(batch["deleted"]) == {
        content.linked.pk,
        deleted_id,
        content.portal.section(SectionKind.BLOG).pk,
        content.blog.pk,
    }


def test_lifting_a_restriction_sends_the_pages_again(api, content):
    restriction = PageViewRestriction.objects.create(
        page=content.blog, restriction_type=PageViewRestriction.LOGIN
    )
    _, cursor = download_everything(api)

    restriction.delete()

    assert [item["id"] for item in sync(api, cursor)["items"]] == [content.blog.pk]


def test_an_up_to_date_app_gets_back_the_cursor_it_sent_whenever_it_asks(api, content, monkeypatch):
    _, cursor = download_everything(api)
    monkeypatch.setattr(signing, "time", ClockAt(time.time() + 3600))

    assert sync(api, cursor)["next_cursor"] == cursor


def test_forged_or_broken_cursors_answer_400(api, content):
    _, cursor = download_everything(api)

    for bad in ["abc", cursor[:-2] + "xx", "eyJjIjo5OTl9:1abc:def"]:
        response = api.get("/api/v2/sync/", {"since": bad})
        assert response.status_code == 400
        assert response.json()["error"]["code"] == "bad_request"
    assert api.get("/api/v2/sync/", {"limit": "0"}).status_code == 400


def test_fresh_changes_are_sent_but_the_cursor_waits_for_them_to_settle(api, content, settings):
    _, cursor = download_everything(api)
    settings.API_SYNC_SETTLE_SECONDS = 60

    content.linked.title = "방금 바뀐 글"
    publish(content.linked)
    first = sync(api, cursor)
    again = sync(api, first["next_cursor"])

    assert [item["id"] for item in first["items"]] == [content.linked.pk]
    assert first["has_more"] is False
    # A late-committing change with a smaller id could still appear: the cursor stays put.
    assert [item["id"] for item in again["items"]] == [content.linked.pk]
