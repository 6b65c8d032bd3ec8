"""The database search backend takes any text people type, quotes included (SQLite FTS5)."""

import pytest
from wagtail.models import Page

from pages.models import SectionKind
from tests.factories import ArticlePageFactory

SUGGEST_URL = "/api/v2/search/suggest/"
QUOTED = ['"', '""', '가족"', '"가족 상담', 'a"b"c']


@pytest.fixture
def counseling_page(portal):
    return ArticlePageFactory(
        parent=portal.section(SectionKind.FAMILY_INFO), title="가족 상담 안내", intro="상담"
    )


@pytest.mark.django_db
@pytest.mark.parametrize("text", QUOTED)
def test_search_and_autocomplete_accept_double_quotes(counseling_page, text):
    pages = Page.objects.live()

    assert isinstance(list(pages.search(text)), list)
    assert isinstance(list(pages.autocomplete(text)), list)


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
