"""The database search backend takes any text people type, quotes included, and ranks a
large site's matches in one pass (SQLite FTS5)."""

import unicodedata

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from modelsearch.backends import get_search_backend
from wagtail.models import Page

from pages.models import SectionKind
from tests.factories import ArticlePageFactory

SUGGEST_URL = "/api/v2/search/suggest/"
sqlite_only = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite FTS5 backend")
QUOTED = ['"', '""', '가족"', '"가족 상담', 'a"b"c']


@pytest.fixture
def counseling_page(portal):
    return ArticlePageFactory(
        parent=portal.section(SectionKind.FAMILY_INFO), title="가족 상담 안내", intro="상담"
    )


@pytest.mark.django_db
@pytest.mark.parametrize("text", QUOTED)
def test_search_and_autocomplete_accept_double_quotes(counseling_page, text):
    """Quotes are dropped, not fatal: the words around them still find the page."""
    pages = Page.objects.live()
    words = text.replace('"', " ").split()
    expected = [counseling_page.page_ptr] if any(w in counseling_page.title for w in words) else []

    assert [page for page in pages.search(text) if page.pk == counseling_page.pk] == expected
    assert [page for page in pages.autocomplete(text) if page.pk == counseling_page.pk] == expected


@pytest.mark.django_db
def test_a_stray_quote_does_not_lose_the_word(counseling_page):
    assert counseling_page.page_ptr in list(Page.objects.live().search('가족"'))
    assert counseling_page.page_ptr in list(Page.objects.live().autocomplete('가"'))


@pytest.mark.django_db
@pytest.mark.parametrize("text", QUOTED)
def test_suggestions_answer_quotes_with_200(client, counseling_page, text):
    response = client.get(SUGGEST_URL, {"q": text})

    assert response.status_code == 200
    assert isinstance(response.json()["suggestions"], list)


@pytest.mark.django_db
def test_the_admins_page_search_takes_a_quote(admin_client, counseling_page):
    response = admin_client.get("/admin/pages/search/", {"q": '가족"'})

    assert response.status_code == 200
    assert "가족 상담 안내" in response.content.decode()


@pytest.fixture
def many_matches(portal):
    section = portal.section(SectionKind.FAMILY_INFO)
    titles = ["가족 상담", "가족 여행", "가족 상담 안내", "부부 상담", "가족", "상담 가족 상담"]
    return [ArticlePageFactory(parent=section, title=title, intro="가족") for title in titles]


@sqlite_only
@pytest.mark.django_db
@pytest.mark.parametrize("text", ["가족", "가족 상담", "상담"])
def test_ranking_matches_wagtails_own_sqlite_backend(many_matches, text):
    from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend

    ours = get_search_backend("default")
    wagtails = SQLiteSearchBackend({})
    assert type(ours) is not SQLiteSearchBackend

    pages = Page.objects.live()
    expected = [page.pk for page in wagtails.search(text, pages)]
    assert expected, "the fixture must match"
    assert [page.pk for page in ours.search(text, pages)] == expected
    assert [page.pk for page in ours.search(text, pages)[1:3]] == expected[1:3]
    assert ours.search(text, pages).count() == len(expected)
    assert ours.search(text, pages)[2:].count() == len(expected) - 2


@sqlite_only
@pytest.mark.django_db
def test_ranking_runs_the_full_text_match_once_per_statement(many_matches):
    with CaptureQueriesContext(connection) as statements:
        found = list(get_search_backend("default").search("가족", Page.objects.live()))

    assert len(found) >= 5
    # Wagtail's backend scores with a subquery that repeats the MATCH for every result.
    assert all(statement["sql"].count("MATCH") <= 1 for statement in statements)


@pytest.mark.django_db
@pytest.mark.parametrize("endpoint", ["/api/v2/search/", "/api/v2/pages/"])
def test_a_decomposed_hangul_query_finds_the_composed_page(client, counseling_page, endpoint):
    """macOS and some keyboards send NFD jamo; the page's title is stored NFC."""
    query = unicodedata.normalize("NFD", "가족 상담")
    parameter = "q" if endpoint.endswith("/search/") else "search"

    response = client.get(endpoint, {parameter: query})

    assert response.status_code == 200
    found = [item.get("id") or item.get("page_id") for item in response.json()["items"]]
    assert counseling_page.pk in found
