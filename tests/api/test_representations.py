"""Each page is serialised once until it changes: repeats read the stored JSON."""

import pytest

from .test_caching import publish

pytestmark = pytest.mark.django_db


def test_a_repeated_detail_reads_the_cached_representation(
    api, content, django_assert_max_num_queries
):
    url = f"/api/v2/pages/{content.article.pk}/?fields=*"
    first = api.get(url).json()

    # The content version and the stored representation (checked against the change log in
    # the same query): no page, rendition or rich text query.
    with django_assert_max_num_queries(2):
        again = api.get(url).json()

    assert again == first


def test_a_listing_serialises_only_the_pages_missing_from_the_cache(
    api, content, django_assert_max_num_queries
):
    url = "/api/v2/pages/?type=pages.ArticlePage&fields=*&limit=100"
    first = api.get(url).json()

    # The version, the count, the ids and the stored representations.
    with django_assert_max_num_queries(4):
        again = api.get(url).json()

    assert again == first
    assert len(first["items"]) >= 2


def test_a_publish_moves_every_representation_to_the_new_version(api, content):
    url = f"/api/v2/pages/{content.article.pk}/?fields=*"
    api.get(url)
    listing = api.get("/api/v2/pages/?type=pages.ArticlePage&fields=title").json()

    content.article.title = "한부모 지원 (개정)"
    publish(content.article)

    assert api.get(url).json()["title"] == "한부모 지원 (개정)"
    titles = [item["title"] for item in listing["items"]]
    updated = api.get("/api/v2/pages/?type=pages.ArticlePage&fields=title").json()
    assert "한부모 지원 (개정)" in [item["title"] for item in updated["items"]]
    assert "한부모 지원 (개정)" not in titles


@pytest.mark.parametrize(
    "page_type",
    ["pages.ArticlePage", "pages.NoticePage", "pages.EducationProgramPage", "pages.BlogPostPage"],
)
def test_a_listing_of_every_field_reads_the_stored_details_and_shows_what_it_would_build(
    api, content, settings, monkeypatch, page_type
):
    from django.core.cache import cache

    from api import views

    settings.WAGTAIL_I18N_ENABLED = True  # Wagtail's default detail then shows every field
    url = f"/api/v2/pages/?type={page_type}&fields=*"
    from_details = api.get(url)
    assert from_details.status_code == 200
    assert from_details.json()["items"]

    cache.clear()
    monkeypatch.setattr(views, "listing_is_detail", lambda request: False)
    built = api.get(url)

    ours, theirs = from_details.json()["items"], built.json()["items"]
    assert [item["id"] for item in ours] == [item["id"] for item in theirs]
    # The same JSON (the order of keys within `meta` may differ, which JSON does not mean);
    # details stored before i18n was turned on are not read (they have no `locale`).
    for mine, wagtails in zip(ours, theirs, strict=True):
        assert mine == wagtails


def test_the_stored_detail_is_sent_byte_for_byte_as_a_fresh_build_would_render_it(api, content):
    from api.models import StoredRepresentation

    url = f"/api/v2/pages/{content.article.pk}/?fields=*"
    built = api.get(url)  # built now, stored, rendered by DRF
    stored = StoredRepresentation.objects.get(
        page_id=content.article.pk, shape__startswith="detail@"
    )
    assert stored.data.encode() == built.content

    from django.core.cache import cache

    cache.clear()  # no kept response: the view sends the stored text itself
    sent = api.get(url)
    assert sent.content == built.content
    assert sent["ETag"] == built["ETag"]
    assert sent["Content-Type"] == "application/json"


def test_a_stored_detail_is_not_sent_once_a_change_names_its_page(api, content):
    url = f"/api/v2/pages/{content.article.pk}/?fields=*"
    api.get(url)
    content.article.title = "한부모 지원 (새 판)"
    publish(content.article)
    from django.core.cache import cache

    cache.clear()
    assert api.get(url).json()["title"] == "한부모 지원 (새 판)"
