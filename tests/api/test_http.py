"""HTTP surface of the API: CORS, OpenAPI, JSON errors, and page URLs sent to the frontend."""

from urllib.parse import unquote

import pytest
from django.test import Client
from django.urls import path

from content.errors import server_error

ALLOWED_ORIGIN = "https://app.family.seoul.test"


def test_cors_allows_configured_origins_only(api, content, settings):
    assert ALLOWED_ORIGIN in settings.CORS_ALLOWED_ORIGINS

    allowed = api.get("/api/v2/pages/", HTTP_ORIGIN=ALLOWED_ORIGIN)
    other = api.get("/api/v2/pages/", HTTP_ORIGIN="https://evil.example.com")

    assert allowed["Access-Control-Allow-Origin"] == ALLOWED_ORIGIN
    assert "Access-Control-Allow-Origin" not in other


def test_cors_preflight_for_an_allowed_origin(api, content):
    response = api.options(
        "/api/v2/pages/",
        HTTP_ORIGIN=ALLOWED_ORIGIN,
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
    )

    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == ALLOWED_ORIGIN


def test_unknown_api_urls_answer_json_404(api, db):
    for url in ["/api/v2/nothing/", "/api/v3/pages/", "/api/"]:
        response = api.get(url)
        assert response.status_code == 404, url
        assert response.json()["error"]["code"] == "not_found"


def test_endpoints_without_trailing_slash_redirect(api, db):
    response = api.get("/api/v2/navigation?x=1")

    assert response.status_code == 301
    assert response["Location"] == "/api/v2/navigation/?x=1"


def test_find_without_a_usable_key_is_400(api, content):
    for query in ["", "?id=abc"]:
        response = api.get(f"/api/v2/pages/find/{query}")
        assert response.status_code == 400
        assert response.json()["error"]["code"] == "bad_request"


def broken_view(request):
    raise RuntimeError("boom")


urlpatterns = [path("api/v2/broken/", broken_view)]
handler500 = server_error


@pytest.mark.urls(__name__)
def test_server_errors_under_api_answer_json_without_traceback(db, settings):
    settings.DEBUG = False
    client = Client(raise_request_exception=False)

    response = client.get("/api/v2/broken/")

    assert response.status_code == 500
    assert response["Content-Type"] == "application/json"
    assert response.json()["error"]["code"] == "server_error"
    assert b"Traceback" not in response.content and b"boom" not in response.content


def test_a_crash_in_a_real_endpoint_answers_the_json_envelope(content, settings, monkeypatch):
    """Through the project's own URLconf and handlers, not a test URLconf."""
    settings.DEBUG = False

    def crash(self, request):
        raise RuntimeError("boom")

    monkeypatch.setattr("api.views.NavigationAPIView.get", crash)
    response = Client(raise_request_exception=False).get("/api/v2/navigation/")

    assert response.status_code == 500
    assert response.json()["error"]["code"] == "server_error"
    assert b"boom" not in response.content


def test_page_urls_redirect_to_the_frontend(content):
    response = Client().get("/가족정보/한부모-지원/")

    assert response.status_code == 302
    assert unquote(response["Location"]) == "http://127.0.0.1:8000/frontend/가족정보/한부모-지원/"
