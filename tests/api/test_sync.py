"""App sync: a full download, then changes and tombstones since an opaque cursor."""

import time

from django.core import signing
from wagtail.models import PageViewRestriction

from pages.models import SectionKind
from tests.api.conftest import ClockAt, publish
from tests.factories import ArticlePageFactory, NoticePageFactory, ReportEditionPageFactory


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

    # The article links to the renamed page, so it is resent with the new title.
    assert [item["id"] for item in batch["items"]] == sorted(
        [content.article.pk, content.linked.pk, new.pk]
    )
    items = {item["id"]: item for item in batch["items"]}
    assert items[content.linked.pk]["title"] == "양육비 지원 (개정)"
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

    # Only the article that linked to the unpublished page is resent (its link is gone), and
    # the home page, whose pinned notices are a query over every notice (content.computed).
    assert [item["id"] for item in batch["items"]] == [content.portal.home.pk, content.article.pk]
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

    changed = sorted([content.article.pk, content.linked.pk])
    assert [item["id"] for item in first["items"]] == changed
    assert first["has_more"] is False
    # A late-committing change with a smaller id could still appear: the cursor stays put.
    assert [item["id"] for item in again["items"]] == changed


def referencing_page_title(batch: dict, page_id: int, linked_id: int) -> str | None:
    """The title the article's related link shows for the linked page."""
    item = next(item for item in batch["items"] if item["id"] == page_id)
    for block in item["related_links"]:
        page = block["value"]["page"]
        if page and page["id"] == linked_id:
            return page["title"]
    return None


def test_pages_showing_a_retitled_page_are_resent_with_its_new_title(api, content):
    _, cursor = download_everything(api)

    content.linked.title = "양육비 이행 지원"
    publish(content.linked)
    batch = sync(api, cursor)

    assert content.article.pk in [item["id"] for item in batch["items"]]
    assert (
        referencing_page_title(batch, content.article.pk, content.linked.pk) == "양육비 이행 지원"
    )


def test_pages_showing_a_moved_page_are_resent_with_its_new_path(api, content):
    _, cursor = download_everything(api)

    content.linked.move(content.portal.section(SectionKind.NOTICE), pos="last-child")
    batch = sync(api, cursor)

    article = next(item for item in batch["items"] if item["id"] == content.article.pk)
    link = next(b["value"] for b in article["related_links"] if b["value"]["page"])
    assert link["page"]["path"].startswith("/알림마당/")


def test_a_page_made_private_disappears_from_the_pages_that_showed_it(api, content):
    _, cursor = download_everything(api)

    PageViewRestriction.objects.create(
        page=content.linked, restriction_type=PageViewRestriction.LOGIN
    )
    batch = sync(api, cursor)

    assert content.linked.pk in batch["deleted"]
    assert referencing_page_title(batch, content.article.pk, content.linked.pk) is None
    assert "양육비 지원" not in str(batch["items"])


def test_a_page_that_was_never_public_is_never_sent_as_deleted(api, content):
    members_only = ArticlePageFactory(parent=content.portal.section(SectionKind.BLOG), slug="m")
    PageViewRestriction.objects.create(
        page=members_only, restriction_type=PageViewRestriction.LOGIN
    )
    _, cursor = download_everything(api)
    draft_id = content.draft.pk
    private = ArticlePageFactory(parent=members_only, slug="secret")
    private_id = private.pk

    content.draft.delete()
    private.unpublish()
    private.delete()
    batch = sync(api, cursor)

    assert draft_id not in batch["deleted"]
    assert private_id not in batch["deleted"]
    assert batch["deleted"] == []


def test_a_cache_revalidating_sync_sees_changes_settle(api, content, settings):
    _, cursor = download_everything(api)
    settings.API_SYNC_SETTLE_SECONDS = 60
    content.linked.title = "정정된 제목"
    publish(content.linked)
    fresh = api.get("/api/v2/sync/", {"since": cursor})
    assert fresh.json()["next_cursor"] == cursor  # not settled: the cursor waits

    settings.API_SYNC_SETTLE_SECONDS = 0  # the change settles; nothing else changes
    settled = api.get("/api/v2/sync/", {"since": cursor}, HTTP_IF_NONE_MATCH=fresh["ETag"])

    assert settled.status_code == 200
    assert settled.json()["next_cursor"] != cursor
    same = api.get("/api/v2/sync/", {"since": cursor}, HTTP_IF_NONE_MATCH=settled["ETag"])
    assert same.status_code == 304


def test_a_sync_batch_reads_stored_representations_in_constant_queries(
    api, content, django_assert_num_queries
):
    download_everything(api)  # every page's representation is stored now

    with django_assert_num_queries(3) as few:  # version, settled watermark, representations
        small = sync(api, limit=2)
    with django_assert_num_queries(len(few.captured_queries)):
        large = sync(api, limit=100)

    assert len(small["items"]) == 2
    assert len(large["items"]) > 10


def test_sync_items_are_the_detail_representations(api, content):
    items = {item["id"]: item for item in sync(api, limit=100)["items"]}

    for page in [content.article, content.program, content.blog]:
        assert items[page.pk] == api.get(f"/api/v2/pages/{page.pk}/").json()


def test_sync_sends_last_modified_and_answers_if_modified_since(api, content, settings):
    _, cursor = download_everything(api)
    time.sleep(1.1)  # a date within the current second could still see another change
    first = api.get("/api/v2/sync/", {"since": cursor})
    assert first.status_code == 200
    assert first["Last-Modified"]

    unchanged = api.get(
        "/api/v2/sync/", {"since": cursor}, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]
    )
    assert unchanged.status_code == 304

    time.sleep(1.1)  # HTTP dates have whole seconds
    content.linked.title = "다시 바뀐 제목"
    publish(content.linked)
    changed = api.get(
        "/api/v2/sync/", {"since": cursor}, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]
    )
    assert changed.status_code == 200
    assert content.linked.pk in [item["id"] for item in changed.json()["items"]]


def test_a_change_settling_moves_the_sync_last_modified(api, content, settings):
    _, cursor = download_everything(api)
    settings.API_SYNC_SETTLE_SECONDS = 2
    time.sleep(3.1)  # the fixture's changes have settled, in an earlier second
    content.linked.title = "곧 자리 잡을 제목"
    publish(content.linked)
    time.sleep(1.1)
    fresh = api.get("/api/v2/sync/", {"since": cursor})
    assert fresh.json()["next_cursor"] == cursor  # not settled yet

    time.sleep(2.0)
    settled = api.get(
        "/api/v2/sync/", {"since": cursor}, HTTP_IF_MODIFIED_SINCE=fresh["Last-Modified"]
    )

    assert settled.status_code == 200
    assert settled.json()["next_cursor"] != cursor


def test_the_sync_batch_size_is_a_setting(api, content, settings):
    settings.API_SYNC_LIMIT_DEFAULT = 2
    settings.API_SYNC_LIMIT_MAX = 3

    assert len(sync(api)["items"]) == 2
    assert api.get("/api/v2/sync/", {"limit": "4"}).status_code == 400
    assert len(sync(api, limit=3)["items"]) == 3


def home_state(api, home_id: int) -> tuple[str, list[str]]:
    response = api.get(f"/api/v2/pages/{home_id}/")
    return response["ETag"], [notice["title"] for notice in response.json()["pinned_notices"]]


def test_pinned_notices_reach_the_home_page_in_sync_and_its_etag(api, content):
    home = content.portal.home
    _, cursor = download_everything(api)
    etag, _ = home_state(api, home.pk)

    notice = NoticePageFactory(
        parent=content.portal.section(SectionKind.NOTICE), title="고정 공지", pinned=True
    )
    publish(notice)
    published = sync(api, cursor)
    etag_published, titles = home_state(api, home.pk)
    assert home.pk in [item["id"] for item in published["items"]]
    assert titles == ["고정 공지"] and etag_published != etag

    notice.title = "고친 고정 공지"
    publish(notice)
    retitled = sync(api, published["next_cursor"])
    etag_retitled, titles = home_state(api, home.pk)
    home_item = next(item for item in retitled["items"] if item["id"] == home.pk)
    assert [link["title"] for link in home_item["pinned_notices"]] == ["고친 고정 공지"]
    assert titles == ["고친 고정 공지"] and etag_retitled != etag_published

    notice.unpublish()
    unpublished = sync(api, retitled["next_cursor"])
    home_item = next(item for item in unpublished["items"] if item["id"] == home.pk)
    assert home_item["pinned_notices"] == []
    assert home_state(api, home.pk) == (etag, [])


def test_renaming_an_agency_resends_the_editions_it_contributed_to(api, content):
    edition = ReportEditionPageFactory(parent=content.portal.section(SectionKind.REPORT))
    edition.contributing_agencies.add(content.agency)
    publish(edition)
    _, cursor = download_everything(api)
    etag = api.get(f"/api/v2/pages/{edition.pk}/")["ETag"]

    content.agency.name = "서울가족재단"
    content.agency.save()
    batch = sync(api, cursor)

    item = next(item for item in batch["items"] if item["id"] == edition.pk)
    assert [agency["name"] for agency in item["contributing_agencies"]] == ["서울가족재단"]
    assert api.get(f"/api/v2/pages/{edition.pk}/")["ETag"] != etag
