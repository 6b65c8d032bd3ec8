"""Headless preview: signed, hour-long tokens return the draft in the live API's shape."""

import time

import pytest
from django.core import signing

from pages.models import SectionKind
from tests.api.conftest import ClockAt
from tests.factories import ArticlePageFactory

PREVIEW_URL = "/api/v2/page_preview/"


@pytest.fixture
def draft_preview(content):
    """An editor's unpublished edit of a live article, previewed from the admin."""
    article = content.article
    article.title = "한부모 지원 (수정 중)"
    revision = article.save_revision()
    draft = revision.as_object()
    preview = draft.create_page_preview()
    return draft, preview.token


def fetch(api, token, content_type="pages.articlepage"):
    return api.get(PREVIEW_URL, {"content_type": content_type, "token": token})


def test_preview_returns_the_draft_in_the_detail_shape(api, content, draft_preview):
    draft, token = draft_preview

    response = fetch(api, token)

    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    data = response.json()
    assert data["title"] == "한부모 지원 (수정 중)"
    assert data["meta"]["type"] == "pages.ArticlePage"
    assert data["meta"]["path"] == "/가족정보/한부모-지원/"
    assert [crumb["path"] for crumb in data["breadcrumbs"]] == ["/", "/가족정보/"]
    assert "linktype" not in response.content.decode()
    # The live API still shows the published title.
    assert api.get(f"/api/v2/pages/{draft.pk}/").json()["title"] == "한부모 지원"


def test_preview_of_a_never_published_page(api, content):
    page = ArticlePageFactory(
        parent=content.portal.section(SectionKind.FAMILY_INFO), slug="new-draft", live=False
    )
    token = page.create_page_preview().token

    response = fetch(api, token)

    assert response.status_code == 200
    assert response.json()["id"] == page.pk


def test_preview_token_expires_within_an_hour(api, draft_preview, monkeypatch, settings):
    _, token = draft_preview
    assert settings.API_PREVIEW_TOKEN_MAX_AGE <= 60 * 60

    monkeypatch.setattr(signing, "time", ClockAt(time.time() + 59 * 60))
    assert fetch(api, token).status_code == 200

    monkeypatch.setattr(signing, "time", ClockAt(time.time() + 61 * 60))
    response = fetch(api, token)
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "preview_expired"
    assert response["Cache-Control"] == "no-store"


@pytest.mark.parametrize(
    ("params", "status", "code"),
    [
        ({}, 400, "bad_request"),
        ({"content_type": "pages.articlepage"}, 400, "bad_request"),
        ({"content_type": "pages.articlepage", "token": "id=1:forged:sig"}, 400, "invalid_token"),
        ({"content_type": "pages.nothing", "token": "x"}, 400, "bad_request"),
        ({"content_type": "auth.user", "token": "x"}, 400, "bad_request"),
    ],
)
def test_bad_preview_requests_answer_json(api, content, params, status, code):
    response = api.get(PREVIEW_URL, params)

    assert response.status_code == status
    assert response.json()["error"]["code"] == code
    assert response["Cache-Control"] == "no-store"


def test_a_valid_token_for_another_type_finds_nothing(api, draft_preview):
    _, token = draft_preview

    response = fetch(api, token, content_type="pages.noticepage")

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_admin_preview_points_editors_at_the_frontend(content, rf):
    request = rf.get("/admin/")
    token = content.article.create_page_preview().token

    url = content.article.get_preview_url(request, token)

    assert url.startswith("http://127.0.0.1:8000/frontend/preview/?content_type=pages.articlepage")
