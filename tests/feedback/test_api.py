"""POST /api/v2/feedback/: "이 정보가 도움이 되었나요?" — stored without personal data, refused in
Korean JSON when wrong, limited per client, deaf to bots that fill the hidden field."""

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from feedback.models import PageFeedback
from pages.models import SectionKind
from tests.factories import ArticlePageFactory

URL = "/api/v2/feedback/"


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def article(portal):
    return ArticlePageFactory(parent=portal.sections[SectionKind.FAMILY_INFO], title="양육비 지원")


@pytest.fixture
def api():
    return APIClient(REMOTE_ADDR="203.0.113.7")


def test_answer_with_comment_is_stored_without_personal_data(api, article):
    response = api.post(
        URL,
        {"page": article.pk, "helpful": False, "comment": "  신청 서류 목록이 필요해요 "},
        format="json",
    )

    assert response.status_code == 201
    assert response.json()["message"].startswith("의견 고맙습니다")
    assert "no-store" in response["Cache-Control"]
    assert "Set-Cookie" not in response
    stored = PageFeedback.objects.get()
    assert (stored.page_id, stored.helpful, stored.comment) == (
        article.pk,
        False,
        "신청 서류 목록이 필요해요",
    )
    stored_values = " ".join(str(value) for value in PageFeedback.objects.values().get().values())
    assert "203.0.113.7" not in stored_values


@pytest.mark.parametrize(
    ("body", "field", "message"),
    [
        ({"helpful": True}, "page", "필수"),
        ({"page": 999999, "helpful": True}, "page", "공개 페이지가 아닙니다"),
        ({"page": "열둘", "helpful": True}, "page", "페이지 번호가 올바르지 않습니다"),
        ({"helpful": "글쎄요"}, "helpful", "예 또는 아니요"),
        ({"helpful": True, "comment": "가" * 501}, "comment", "500자까지"),
    ],
)
def test_wrong_input_is_refused_in_korean_json(api, article, body, field, message):
    body = {"page": article.pk, **body} if "page" not in body and field != "page" else body
    response = api.post(URL, body, format="json")

    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "invalid"
    assert message in " ".join(error["fields"][field])
    assert not PageFeedback.objects.exists()


def test_unpublished_page_takes_no_feedback(api, article):
    article.unpublish()
    response = api.post(URL, {"page": article.pk, "helpful": True}, format="json")

    assert response.status_code == 400
    assert not PageFeedback.objects.exists()


def test_bots_filling_the_hidden_field_are_refused(api, article):
    response = api.post(
        URL, {"page": article.pk, "helpful": True, "website": "http://spam.example"}, format="json"
    )

    assert response.status_code == 400
    assert response.json()["error"]["code"] == "rejected"
    assert not PageFeedback.objects.exists()


def test_one_client_is_limited_others_are_not(api, article, settings):
    settings.FEEDBACK_RATE = "3/h"
    answers = [
        api.post(URL, {"page": article.pk, "helpful": True}, format="json").status_code
        for _ in range(4)
    ]
    other = APIClient(REMOTE_ADDR="198.51.100.9")

    assert answers == [201, 201, 201, 429]
    limited_response = api.post(URL, {"page": article.pk, "helpful": True}, format="json")
    limited = limited_response.json()
    assert "잠시 후" in limited["error"]["message"]
    assert 0 < int(limited_response["Retry-After"]) <= 3600
    assert other.post(URL, {"page": article.pk, "helpful": True}, format="json").status_code == 201
    assert PageFeedback.objects.count() == 4


def test_broken_json_gets_the_error_envelope(api, article):
    response = api.generic("POST", URL, "{not json", content_type="application/json")

    assert response.status_code == 400
    assert response.json()["error"]["code"] == "malformed"


def test_endpoint_is_in_the_openapi_schema(api):
    schema = api.get("/api/schema/?format=json").json()

    operation = schema["paths"]["/api/v2/feedback/"]["post"]
    assert operation["operationId"] == "feedback_submit"
    assert {"201", "400", "429"} <= set(operation["responses"])


def test_request_without_a_client_address_is_still_answered(article):
    response = APIClient(REMOTE_ADDR="").post(
        URL, {"page": article.pk, "helpful": True}, format="json"
    )

    assert response.status_code == 201
