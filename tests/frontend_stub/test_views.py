"""Django serves the frontend stub: its shell for every client route, its files as written."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(portal):
    from pages.models import SectionKind
    from tests.factories.pages import ArticlePageFactory

    return ArticlePageFactory(
        parent=portal.section(SectionKind.FAMILY_INFO), title="한부모 지원", slug="한부모-지원"
    )


def _is_shell(response) -> bool:
    html = response.content.decode()
    return (
        response["Content-Type"] == "text/html; charset=utf-8"
        and '<html lang="ko">' in html
        and 'src="/frontend/assets/js/app.js"' in html
        and response["Cache-Control"] == "no-cache"
    )


@pytest.mark.parametrize(
    "path",
    [
        "/frontend/",
        "/frontend/%EA%B0%80%EC%A1%B1%EC%A0%95%EB%B3%B4/%ED%95%9C%EB%B6%80%EB%AA%A8-%EC%A7%80%EC%9B%90/",
        "/frontend/가족정보/한부모-지원",
        "/frontend/search/?q=가족",
        "/frontend/preview/?content_type=pages.articlepage&token=abc",
        "/frontend/preview?content_type=pages.articlepage&token=abc",
        "/frontend/counseling/",
        "/frontend/counseling/ask/",
    ],
)
def test_pages_and_app_screens_get_the_korean_app_shell(client, article, path):
    response = client.get(path)

    assert response.status_code == 200
    assert _is_shell(response)


@pytest.mark.parametrize(
    "path", ["/frontend/no/such/page/", "/frontend/가족정보/없는-글/", "/frontend/search/more/"]
)
def test_unknown_paths_answer_404_with_the_shell_showing_not_found(client, article, path):
    response = client.get(path)

    assert response.status_code == 404
    assert _is_shell(response)


def test_a_draft_page_is_not_found(client, article):
    article.unpublish()

    assert client.get("/frontend/가족정보/한부모-지원/").status_code == 404


def test_shell_has_a_strict_policy_but_may_be_framed_by_the_admin_preview(client, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://cms.family.seoul.test"

    response = client.get("/frontend/preview/")

    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "object-src 'none'" in policy
    assert "frame-ancestors 'self' https://cms.family.seoul.test" in policy
    assert "X-Frame-Options" not in response


def test_frontend_path_without_trailing_slash_redirects(client):
    response = client.get("/frontend")

    assert response.status_code == 301
    assert response["Location"] == "/frontend/"


def test_es_modules_are_served_as_javascript(client):
    response = client.get("/frontend/assets/js/app.js")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"startRouter" in b"".join(response.streaming_content)


def test_missing_asset_is_not_found(client):
    assert client.get("/frontend/assets/js/missing.js").status_code == 404


@pytest.mark.parametrize("path", ["../views.py", "%2e%2e/%2e%2e/cms/urls.py", "..%2fviews.py"])
def test_asset_paths_cannot_leave_the_assets_folder(client, path):
    response = client.get(f"/frontend/assets/{path}")

    assert response.status_code in {400, 404}
    assert b"import" not in response.content


def test_the_shell_only_answers_reads(client):
    assert client.post("/frontend/").status_code == 405
    assert client.head("/frontend/search/").status_code == 200


def test_the_service_worker_is_served_at_the_clients_root(client):
    response = client.get("/frontend/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert b'addEventListener("push"' in response.content
