"""The KWCAG findings of a previewed draft, for the frontend's preview panel: the same
checks the editor's submit runs, keyed by the same signed preview token."""

import json

import pytest

PREVIEW_URL = "/api/v2/page_preview/accessibility/"
VAGUE_LINK = '<p><a href="https://www.bokjiro.go.kr">여기</a>를 보세요</p>'


def preview_token(article, html: str) -> str:
    article.body = json.dumps([{"type": "paragraph", "value": html}])
    draft = article.save_revision().as_object()
    return draft.create_page_preview().token


def test_findings_of_the_draft_not_of_the_live_page(api, content):
    token = preview_token(content.article, VAGUE_LINK)

    response = api.get(PREVIEW_URL, {"content_type": "pages.articlepage", "token": token})

    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    data = response.json()
    assert (data["errors"], data["warnings"]) == (1, 0)
    [finding] = data["findings"]
    assert finding["severity"] == "error"
    assert finding["field"] == "body"
    assert "'여기'" in finding["message"]


def test_a_clean_draft_has_no_findings(api, content):
    token = preview_token(content.article, '<p><a href="https://www.bokjiro.go.kr">복지로</a></p>')

    response = api.get(PREVIEW_URL, {"content_type": "pages.articlepage", "token": token})

    assert response.json() == {"errors": 0, "warnings": 0, "findings": []}


@pytest.mark.parametrize(
    ("params", "status", "code"),
    [
        ({}, 400, "bad_request"),
        ({"content_type": "pages.articlepage", "token": "id=1:forged:sig"}, 400, "invalid_token"),
        ({"content_type": "auth.user", "token": "x"}, 400, "bad_request"),
    ],
)
def test_no_findings_without_a_valid_preview_token(api, content, params, status, code):
    response = api.get(PREVIEW_URL, params)

    assert response.status_code == status
    assert response.json()["error"]["code"] == code
    assert "findings" not in response.json()
