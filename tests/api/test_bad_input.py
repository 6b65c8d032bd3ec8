"""Whatever a client sends, the API answers with the JSON envelope, never a 500 or HTML."""

import json
import unicodedata
from urllib.parse import quote

import pytest


def assert_json_error(response, status: int, code: str | None = None) -> dict:
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"].startswith("application/json")
    error = response.json()["error"]
    assert error["message"]
    if code:
        assert error["code"] == code
    return error


@pytest.mark.parametrize("endpoint", ["images", "documents"])
def test_media_listings_search_by_title(api, content, endpoint):
    response = api.get(f"/api/v2/{endpoint}/", {"search": "x"})

    assert response.status_code == 200, response.content[:300]
    assert response.json()["items"] == []


def test_images_search_finds_a_used_image(api, content):
    items = api.get("/api/v2/images/", {"search": content.image.title}).json()["items"]

    assert [item["id"] for item in items] == [content.image.pk]


@pytest.mark.parametrize("offset", [str(2**63), str(2**64 + 5), "99999999999999999999999"])
@pytest.mark.parametrize("endpoint", ["pages", "images", "documents"])
def test_an_offset_past_the_end_is_an_empty_page(api, content, endpoint, offset):
    response = api.get(f"/api/v2/{endpoint}/", {"offset": offset})

    assert response.status_code == 200, response.content[:300]
    assert response.json()["items"] == []


@pytest.mark.parametrize("value", ["-1", "abc", "1.5", "１"])
def test_bad_limits_and_offsets_answer_korean_400s(api, content, value):
    for name in ("limit", "offset"):
        error = assert_json_error(api.get("/api/v2/pages/", {name: value}), 400)
        assert name in error["message"]
        assert "정수" in error["message"]


def test_deeply_nested_json_to_counseling_is_a_400(api, db):
    body = "[" * 100_000 + "]" * 100_000

    response = api.post("/api/v2/counseling/", body, content_type="application/json")

    assert_json_error(response, 400, "malformed")


def test_a_body_over_the_upload_limit_is_a_413_json(api, db, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024
    body = json.dumps({"title": "가" * 5000})

    response = api.post("/api/v2/counseling/", body, content_type="application/json")

    assert_json_error(response, 413, "too_large")


def test_find_accepts_the_percent_encoded_path_it_hands_out(api, content):
    url = api.get(f"/api/v2/pages/{content.article.pk}/").json()["meta"]["html_url"]
    encoded_path = url.split("/frontend", 1)[1]
    assert "%" in encoded_path

    response = api.get("/api/v2/pages/find/", {"html_path": encoded_path})

    assert response.status_code == 302
    assert response["Location"].endswith(f"/api/v2/pages/{content.article.pk}/")


@pytest.mark.parametrize("form", ["NFD", "NFC"])
def test_find_accepts_decomposed_and_composed_korean(api, content, form):
    path = unicodedata.normalize(form, "/가족정보/한부모-지원/")

    response = api.get("/api/v2/pages/find/", {"html_path": path})
    encoded = api.get("/api/v2/pages/find/?html_path=" + quote(path))

    assert response.status_code == 302
    assert encoded.status_code == 302


@pytest.mark.parametrize("path", ["/\x00가족/", "/old\x00path/", "\x00"])
def test_control_characters_in_paths_answer_json_not_500(api, content, path):
    """PostgreSQL refuses NUL in a query: paths are cleaned before they reach the database."""
    for url in ("/api/v2/redirects/", "/api/v2/pages/find/"):
        key = "path" if "redirects" in url else "html_path"
        response = api.get(url, {key: path})
        assert response.status_code in (302, 404), (url, response.content[:200])
        assert response.status_code == 302 or response.json()["error"]["code"]


@pytest.mark.parametrize(
    "params",
    [
        {"district": "\x00종로구"},
        {"topic": "a\x00,b"},
        {"audience": "\x00"},
        {"section": "가족\x00정보"},
        {"locale": "k\x00o"},
        {"type": "pages.\x00ArticlePage"},
    ],
)
def test_control_characters_in_filters_answer_json_not_500(api, content, params):
    """PostgreSQL refuses NUL in a query: filter values are cleaned before they reach it."""
    for url in ("/api/v2/pages/", "/api/v2/search/"):
        response = api.get(url, {**params, "q": "가족"} if "search" in url else params)
        assert response.status_code in (200, 400), (url, response.content[:200])
        assert response["Content-Type"].startswith("application/json")
