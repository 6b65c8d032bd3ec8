"""HTTP caching: ETag/Last-Modified with 304, public for anonymous content, never stale."""

import datetime

import pytest
from django.utils import timezone
from django.utils.http import http_date
from wagtail.models import CollectionViewRestriction

from content.caching import ConditionalPublicMixin
from content.models import ContentChange
from tests.api.conftest import publish


def age_changes(seconds: int = 10) -> None:
    """Move every recorded change into the past, as if the content had settled."""
    ContentChange.objects.update(created_at=timezone.now() - datetime.timedelta(seconds=seconds))


ENDPOINTS = [
    "/api/v2/pages/?type=pages.ArticlePage&fields=*",
    "/api/v2/pages/{article}/",
    "/api/v2/navigation/",
    "/api/v2/sync/",
]


def url_for(template: str, content) -> str:
    return template.format(article=content.article.pk)


@pytest.mark.parametrize("template", ENDPOINTS)
def test_conditional_requests_get_304(api, content, template):
    age_changes()
    url = url_for(template, content)
    first = api.get(url)

    assert first.status_code == 200
    assert first["Cache-Control"] == "public, max-age=0, must-revalidate"
    assert first["ETag"]
    assert api.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    if "sync" not in url:  # sync depends on the clock as well: its ETag is its body's
        assert api.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 304
    assert api.get(url, HTTP_IF_NONE_MATCH='"stale"').status_code == 200


@pytest.mark.parametrize("template", [url for url in ENDPOINTS if "navigation" not in url])
def test_publishing_changes_the_responses_showing_the_page_at_once(api, content, template):
    url = url_for(template, content)
    etag = api.get(url)["ETag"]

    content.article.title = "한부모 지원 (개정)"
    publish(content.article)
    response = api.get(url, HTTP_IF_NONE_MATCH=etag)

    assert response.status_code == 200
    assert "한부모 지원 (개정)" in response.content.decode()


def test_unpublishing_removes_the_page_at_once(api, content):
    url = f"/api/v2/pages/{content.article.pk}/"
    listing = "/api/v2/pages/?type=pages.ArticlePage"
    assert api.get(url).status_code == 200
    assert content.article.pk in [item["id"] for item in api.get(listing).json()["items"]]

    content.article.unpublish()

    assert api.get(url).status_code == 404
    assert content.article.pk not in [item["id"] for item in api.get(listing).json()["items"]]


def test_error_responses_are_not_cached_publicly(api, content):
    response = api.get("/api/v2/pages/999999/")

    assert response.status_code == 404
    assert "public" not in response.get("Cache-Control", "")


def test_a_second_change_within_the_same_second_answers_if_modified_since(api, content):
    url = f"/api/v2/pages/{content.article.pk}/"
    second = int(timezone.now().timestamp()) + 1
    start = datetime.datetime.fromtimestamp(second, tz=datetime.UTC)
    ContentChange.objects.update(created_at=start + datetime.timedelta(milliseconds=100))
    first = api.get(url)
    # The change's second is not over yet: no date a later change could hide behind.
    assert "Last-Modified" not in first

    seen = ContentChange.objects.order_by("-id").values_list("id", flat=True).first()
    content.article.title = "같은 초에 고친 제목"
    publish(content.article)
    ContentChange.objects.filter(id__gt=seen).update(
        created_at=start + datetime.timedelta(milliseconds=700)
    )
    response = api.get(url, HTTP_IF_MODIFIED_SINCE=http_date(second))

    assert response.status_code == 200
    assert "같은 초에 고친 제목" in response.content.decode()


def test_last_modified_is_sent_once_the_change_second_is_over(api, content):
    age_changes()
    url = f"/api/v2/pages/{content.article.pk}/"
    last_modified = api.get(url)["Last-Modified"]

    assert api.get(url, HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 304


@pytest.mark.parametrize("endpoint", ["images", "documents"])
def test_restricting_a_collection_changes_the_media_listings_at_once(api, content, endpoint):
    url = f"/api/v2/{endpoint}/"
    first = api.get(url)
    assert first.json()["items"]

    media = content.image if endpoint == "images" else content.document
    collection = media.collection
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    response = api.get(url, HTTP_IF_NONE_MATCH=first["ETag"])

    assert response.status_code == 200
    assert response.json()["items"] == []
    restriction.delete()
    assert api.get(url, HTTP_IF_NONE_MATCH=response["ETag"]).json()["items"]


@pytest.mark.parametrize("template", ENDPOINTS[:3])
def test_a_revalidation_is_answered_before_the_view(api, content, template, monkeypatch):
    """The lean path: the 304 comes from the middleware, with the validator it confirms."""
    age_changes()
    url = url_for(template, content)
    etag = api.get(url)["ETag"]

    def view_reached(*args, **kwargs):
        raise AssertionError("the view ran for a revalidation")

    monkeypatch.setattr(ConditionalPublicMixin, "dispatch", view_reached)
    response = api.get(url, HTTP_IF_NONE_MATCH=etag, HTTP_ORIGIN="https://app.example.org")

    assert response.status_code == 304
    assert response["ETag"] == etag
    assert response["Cache-Control"] == "public, max-age=0, must-revalidate"
    assert "origin" in response["Vary"].lower()  # CORS ran, as for the 200
    with pytest.raises(AssertionError, match="the view ran"):
        api.get(url, HTTP_IF_NONE_MATCH='"stale"')


def test_sync_revalidates_against_its_body_not_the_version(api, content, monkeypatch):
    age_changes()
    etag = api.get("/api/v2/sync/")["ETag"]
    reached = []
    original = ConditionalPublicMixin.dispatch

    def counting(self, request, *args, **kwargs):
        reached.append(request.path)
        return original(self, request, *args, **kwargs)

    monkeypatch.setattr(ConditionalPublicMixin, "dispatch", counting)

    assert api.get("/api/v2/sync/", HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert reached == ["/api/v2/sync/"]


# Kept responses ------------------------------------------------------------------------------


def without_date(response) -> dict:
    """Headers but those of the moment (the date, the request's own id)."""
    return {name: value for name, value in response.items() if name not in ("Date", "X-Request-ID")}


@pytest.mark.parametrize("template", [url for url in ENDPOINTS if "sync" not in url])
def test_an_unchanged_url_is_answered_from_the_kept_response_without_the_view(
    api, content, template, django_assert_num_queries, monkeypatch
):
    url = url_for(template, content)
    first = api.get(url)

    def view_reached(*args, **kwargs):
        raise AssertionError("the view ran for an unchanged URL")

    monkeypatch.setattr(ConditionalPublicMixin, "dispatch", view_reached)
    with django_assert_num_queries(0):
        again = api.get(url)

    assert again.status_code == 200
    assert again.content == first.content
    assert without_date(again) == without_date(first)


def test_a_kept_response_is_not_served_after_a_change_it_shows(api, content):
    url = f"/api/v2/pages/{content.article.pk}/"
    api.get(url)
    api.get(url)  # kept

    content.article.title = "한부모 지원 (개정)"
    publish(content.article)

    assert api.get(url).json()["title"] == "한부모 지원 (개정)"


def test_an_unrelated_publish_keeps_the_kept_response(api, content, django_assert_num_queries):
    url = f"/api/v2/pages/{content.article.pk}/"
    first = api.get(url)

    content.blog.title = "주말 나들이 (사진 추가)"
    publish(content.blog)

    with django_assert_num_queries(0):
        assert api.get(url).content == first.content


def test_a_kept_response_serves_only_the_variant_it_was_built_for(api, content, monkeypatch):
    url = f"/api/v2/pages/{content.article.pk}/"
    api.get(url, HTTP_ACCEPT="application/json")

    def view_reached(*args, **kwargs):
        raise AssertionError("reached")

    monkeypatch.setattr(ConditionalPublicMixin, "dispatch", view_reached)
    assert api.get(url, HTTP_ACCEPT="application/json").status_code == 200
    with pytest.raises(AssertionError, match="reached"):
        api.get(url, HTTP_ACCEPT="application/json; indent=4")


def test_a_response_built_while_a_change_was_announced_is_not_kept(api, content, monkeypatch):
    from content import dependencies

    url = f"/api/v2/pages/{content.article.pk}/"
    # Every check after building says a change came in meanwhile.
    monkeypatch.setattr(dependencies, "still_current", lambda recorded: False)
    api.get(url)
    monkeypatch.undo()

    def view_reached(*args, **kwargs):
        raise AssertionError("reached")

    monkeypatch.setattr(ConditionalPublicMixin, "dispatch", view_reached)
    with pytest.raises(AssertionError, match="reached"):
        api.get(url)
