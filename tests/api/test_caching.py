"""HTTP caching: ETag/Last-Modified with 304, public for anonymous content, never stale."""

import pytest

from tests.api.conftest import publish

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
    url = url_for(template, content)
    first = api.get(url)

    assert first.status_code == 200
    assert first["Cache-Control"] == "public, max-age=0, must-revalidate"
    assert first["ETag"] and first["Last-Modified"]
    assert api.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    assert api.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 304
    assert api.get(url, HTTP_IF_NONE_MATCH='"stale"').status_code == 200


@pytest.mark.parametrize("template", ENDPOINTS)
def test_publishing_changes_every_response_at_once(api, content, template):
    url = url_for(template, content)
    etag = api.get(url)["ETag"]

    content.article.title = "한부모 지원 (개정)"
    publish(content.article)
    response = api.get(url, HTTP_IF_NONE_MATCH=etag)

    assert response.status_code == 200
    if "navigation" not in url:
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
