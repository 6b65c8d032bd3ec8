"""A chapter title repeated in every yearly edition is suggested once per edition, each
with its year, so the citizen can tell them apart."""

import pytest

from pages.models import SectionKind
from tests.factories import ArticlePageFactory, ReportChapterPageFactory, ReportEditionPageFactory
from tests.search.conftest import sync_engine

SUGGEST_URL = "/api/v2/search/suggest/"


@pytest.fixture
def editions(search_backends, portal):
    report = portal.section(SectionKind.REPORT)
    for year in (2023, 2024, 2025):
        edition = ReportEditionPageFactory(parent=report, year=year, slug=f"edition-{year}")
        ReportChapterPageFactory(
            parent=edition, title="서울 가족의 모습", chapter_number=1, slug=f"chapter-{year}"
        )
    ArticlePageFactory(parent=portal.section(SectionKind.FAMILY_INFO), title="서울 가족 축제")
    sync_engine()


def test_repeated_chapter_titles_carry_their_edition_year(client, editions):
    suggestions = client.get(SUGGEST_URL, {"q": "서울 가족"}).json()["suggestions"]
    labels = {item["label"] for item in suggestions}

    assert {
        "서울 가족의 모습 (2023년판)",
        "서울 가족의 모습 (2024년판)",
        "서울 가족의 모습 (2025년판)",
    } <= labels
    assert "서울 가족 축제" in labels, "a title that does not repeat is shown as it is"
    assert {item["title"] for item in suggestions} >= {"서울 가족의 모습", "서울 가족 축제"}
