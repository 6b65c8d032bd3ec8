"""An ETag changes only when the bytes would: a publish leaves unrelated responses (and their
recorded entries) alone, and changes every response that shows what it changed."""

import pytest
from wagtail.models import Page

from api.models import StoredRepresentation
from content.caching import ConditionalPublicMixin
from pages.models import SectionKind
from tests.api.conftest import publish
from tests.factories import ArticlePageFactory


def etag_of(api, url: str) -> str:
    response = api.get(url)
    assert response.status_code == 200, url
    return response["ETag"]


def still_fresh(api, url: str, etag: str) -> bool:
    return api.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304


@pytest.fixture
def view_unreachable(monkeypatch):
    """Fail any request that reaches an API view (a revalidation must be answered before)."""

    def view_reached(*args, **kwargs):
        raise AssertionError("the view ran for a revalidation")

    return lambda: monkeypatch.setattr(ConditionalPublicMixin, "dispatch", view_reached)


def test_an_unrelated_publish_keeps_other_responses_and_their_entries(
    api, content, view_unreachable
):
    school = content.portal.section(SectionKind.FAMILY_SCHOOL)
    urls = [
        f"/api/v2/pages/{content.article.pk}/",
        f"/api/v2/pages/{content.program.pk}/",
        f"/api/v2/pages/?child_of={school.pk}",
        "/api/v2/pages/?type=pages.NoticePage",
    ]
    etags = {url: etag_of(api, url) for url in urls}

    content.blog.title = "주말 나들이 (사진 추가)"
    publish(content.blog)
    view_unreachable()

    # Answered from the recorded entries: the blog post is in none of these responses.
    assert [url for url in urls if not still_fresh(api, url, etags[url])] == []


def test_a_publish_changes_the_etag_of_a_page_that_shows_it(api, content):
    url = f"/api/v2/pages/{content.article.pk}/"
    etag = etag_of(api, url)

    content.linked.title = "양육비 이행 지원"
    publish(content.linked)
    response = api.get(url, HTTP_IF_NONE_MATCH=etag)

    assert response.status_code == 200
    assert "양육비 이행 지원" in response.content.decode()


def test_a_republish_that_changes_nothing_keeps_the_etag(api, content):
    url = f"/api/v2/pages/{content.article.pk}/"
    etag = etag_of(api, url)

    publish(content.article)

    assert still_fresh(api, url, etag)


def family_info_listing(content) -> str:
    section = content.portal.section(SectionKind.FAMILY_INFO)
    return f"/api/v2/pages/?child_of={section.pk}&limit=50"


def ids_in(api, url: str) -> list[int]:
    return [item["id"] for item in api.get(url).json()["items"]]


def test_a_listing_changes_when_a_page_enters_it(api, content):
    url = family_info_listing(content)
    etag = etag_of(api, url)

    page = ArticlePageFactory(
        parent=content.portal.section(SectionKind.FAMILY_INFO), slug="새-글", live=False
    )
    publish(page)

    assert not still_fresh(api, url, etag)
    assert page.pk in ids_in(api, url)


def test_a_listing_changes_when_a_page_leaves_it(api, content):
    url = family_info_listing(content)
    etag = etag_of(api, url)

    content.linked.unpublish()

    assert not still_fresh(api, url, etag)
    assert content.linked.pk not in ids_in(api, url)


def test_a_listing_changes_when_a_page_moves_within_it(api, content):
    url = family_info_listing(content)
    before = ids_in(api, url)
    etag = etag_of(api, url)
    assert before.index(content.linked.pk) < before.index(content.article.pk)

    Page.objects.get(pk=content.linked.pk).move(
        Page.objects.get(pk=content.article.pk), pos="right"
    )

    assert not still_fresh(api, url, etag)
    after = ids_in(api, url)
    assert after.index(content.linked.pk) > after.index(content.article.pk)
    # The move renumbered the siblings' tree paths, private ones included: they stay out.
    assert not {page.pk for page in content.private_pages.values()} & set(after)


def test_a_page_moved_to_another_section_leaves_one_listing_and_enters_the_other(api, content):
    source = family_info_listing(content)
    target_section = content.portal.section(SectionKind.NOTICE)
    target = f"/api/v2/pages/?child_of={target_section.pk}"
    etags = {source: etag_of(api, source), target: etag_of(api, target)}

    Page.objects.get(pk=content.linked.pk).move(target_section, pos="last-child")

    assert not still_fresh(api, source, etags[source])
    assert not still_fresh(api, target, etags[target])
    assert content.linked.pk in ids_in(api, target)


def test_responses_name_what_they_depend_on_for_a_cdn(api, content):
    detail = api.get(f"/api/v2/pages/{content.article.pk}/")
    listing = api.get(family_info_listing(content))

    assert f"page-{content.article.pk}" in detail["Surrogate-Key"].split(" ")
    assert f"page-{content.article.pk}" in detail["Cache-Tag"].split(",")
    section = content.portal.section(SectionKind.FAMILY_INFO)
    listing_keys = listing["Surrogate-Key"].split(" ")
    assert f"pages-child-{section.pk}" in listing_keys
    assert f"page-{content.linked.pk}" in listing_keys
    revalidated = api.get(f"/api/v2/pages/{content.article.pk}/", HTTP_IF_NONE_MATCH=detail["ETag"])
    assert revalidated.status_code == 304
    assert revalidated["Surrogate-Key"] == detail["Surrogate-Key"]


def test_an_evicted_dependency_version_means_stale_not_fresh(api, content, view_unreachable):
    from django.core.cache import cache

    from content.dependencies import TOKEN_PREFIX, page_key

    url = f"/api/v2/pages/{content.article.pk}/"
    etag = etag_of(api, url)
    cache.delete(TOKEN_PREFIX + page_key(content.article.pk))
    view_unreachable()

    with pytest.raises(AssertionError, match="the view ran"):
        api.get(url, HTTP_IF_NONE_MATCH=etag)


# Stored representations ---------------------------------------------------------------------


def test_the_first_read_after_a_publish_uses_the_representation_the_task_stored(
    api, content, django_assert_max_num_queries
):
    from django.core.cache import cache

    content.article.title = "한부모 지원 (개정)"
    publish(content.article)
    stored = StoredRepresentation.objects.get(
        page_id=content.article.pk, shape__startswith="detail@"
    )
    assert stored.revision_id == content.article.live_revision_id
    cache.clear()  # no cache at all: a new Valkey, or every key evicted

    # Wagtail's site root paths (kept in the cache; with a tree per language, the sites and
    # their homes' translations: two queries), the content version and the stored
    # representation: no page, block or rendition query.
    with django_assert_max_num_queries(4):
        response = api.get(f"/api/v2/pages/{content.article.pk}/")

    assert response.json()["title"] == "한부모 지원 (개정)"


@pytest.mark.parametrize("leave", ["unpublish", "restrict"])
def test_a_page_leaving_the_public_drops_its_stored_representation(api, content, leave):
    from wagtail.models import PageViewRestriction

    url = f"/api/v2/pages/{content.article.pk}/"
    first = api.get(url)
    assert StoredRepresentation.objects.filter(page_id=content.article.pk).exists()

    if leave == "unpublish":
        content.article.unpublish()
    else:
        PageViewRestriction.objects.create(
            page=content.article, restriction_type=PageViewRestriction.LOGIN
        )

    assert not StoredRepresentation.objects.filter(page_id=content.article.pk).exists()
    assert api.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 404


def test_a_stored_representation_is_rebuilt_after_its_page_changes_elsewhere(api, content):
    """A change the page did not publish (a linked page renamed) still reaches it."""
    url = f"/api/v2/pages/{content.article.pk}/"
    api.get(url)

    content.linked.title = "양육비 이행 지원"
    publish(content.linked)

    assert "양육비 이행 지원" in api.get(url).content.decode()


def test_listing_queries_stay_constant_as_the_listing_grows(
    api, content, django_assert_num_queries, django_assert_max_num_queries
):
    from django.core.cache import cache

    short, long = "/api/v2/pages/?limit=2", "/api/v2/pages/?limit=50"
    api.get(short)
    api.get(long)  # stored

    cache.clear()  # no kept responses: the view reads the stored representations
    # Wagtail's site root paths and the locales (the cache is empty), the content version, the
    # page index, the ids and the stored JSON.
    with django_assert_max_num_queries(6) as few:
        api.get(short)
    cache.clear()
    with django_assert_num_queries(len(few.captured_queries)):
        assert len(api.get(long).json()["items"]) > 10


def test_a_publish_rebuilds_the_pages_that_show_the_page_in_batches(api, content, monkeypatch):
    from api import tasks

    monkeypatch.setattr(tasks, "BATCH", 1)  # one page per task: the chain must reach them all
    StoredRepresentation.objects.all().delete()

    content.linked.title = "양육비 이행 지원"
    publish(content.linked)

    stored = StoredRepresentation.objects.filter(shape__startswith="detail@")
    assert {content.linked.pk, content.article.pk} <= set(stored.values_list("page_id", flat=True))
    article = stored.get(page_id=content.article.pk).data
    assert "양육비 이행 지원" in str(article)
    assert content.draft.pk not in set(stored.values_list("page_id", flat=True))


def test_a_live_page_saved_without_publishing_is_no_longer_fresh(api, content):
    """A title fixed in the shell or by a bulk import (a save, no publish) reaches clients."""
    url = f"/api/v2/pages/{content.article.pk}/"
    etag = etag_of(api, url)

    page = Page.objects.get(pk=content.article.pk)
    page.title = "한부모가족 지원 (제목 수정)"
    page.save()
    response = api.get(url, HTTP_IF_NONE_MATCH=etag)

    assert response.status_code == 200
    assert response.json()["title"] == "한부모가족 지원 (제목 수정)"
