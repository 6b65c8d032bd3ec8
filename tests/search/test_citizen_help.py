"""What citizens notice: single common words, typos, questions, partial matches, report
editions told apart, and editors' synonyms taking effect without a deploy; on every engine."""

import pytest

from pages.models import SectionKind
from search.models import SearchSynonym
from tests.factories import ArticlePageFactory, ReportChapterPageFactory, ReportEditionPageFactory
from tests.search.conftest import sync_engine

SEARCH_URL = "/api/v2/search/"


@pytest.fixture
def pages(search_backends, portal):
    info = portal.section(SectionKind.FAMILY_INFO)
    single_parent = ArticlePageFactory(
        parent=info,
        title="한부모가족 아동양육비 지원",
        intro="한부모가족에게 자녀 양육비를 드립니다.",
        body=[("paragraph", "<p>신청은 주민센터에서 합니다.</p>")],
    )
    care = ArticlePageFactory(
        parent=info,
        title="아이돌봄 서비스",
        intro="아이를 집에서 돌봐 드립니다.",
        body=[("paragraph", "<p>맞벌이 가정의 자녀를 돌봅니다.</p>")],
    )
    editions = {}
    for year in (2016, 2017):
        edition = ReportEditionPageFactory(parent=portal.section(SectionKind.REPORT), year=year)
        editions[year] = ReportChapterPageFactory(
            parent=edition,
            title="조손가족",
            body=[("paragraph", f"<p>{year}년 조손가족 실태를 분석했습니다.</p>")],
        )
    sync_engine()
    return {"single_parent": single_parent, "care": care, "editions": editions}


def _search(client, q):
    response = client.get(SEARCH_URL, {"q": q})
    assert response.status_code == 200
    return response.json()


def _ids(body):
    return [item["id"] for item in body["items"]]


@pytest.mark.django_db
def test_a_single_common_word_finds_pages(client, pages):
    assert pages["care"].pk in _ids(_search(client, "아이"))


@pytest.mark.django_db
def test_a_one_letter_typo_finds_the_page_and_says_what_was_meant(client, pages):
    body = _search(client, "한부머")

    assert _ids(body)[0] == pages["single_parent"].pk
    assert body["did_you_mean"] == "한부모"


@pytest.mark.django_db
def test_question_phrasing_and_a_word_no_page_has_still_find_the_page(client, pages):
    question = _search(client, "한부모 양육비 받으려면 어디에 신청하나요")
    partial = _search(client, "한부모 우주선 양육비")

    assert _ids(question)[0] == pages["single_parent"].pk
    assert _ids(partial)[0] == pages["single_parent"].pk


@pytest.mark.django_db
def test_synonyms_find_pages_that_use_another_word(client, pages):
    assert _ids(_search(client, "편부모 양육비"))[0] == pages["single_parent"].pk
    assert pages["single_parent"].pk in _ids(_search(client, "미혼모"))  # one-way rule


@pytest.mark.django_db
def test_an_editors_new_synonym_works_at_once(client, pages):
    assert pages["care"].pk not in _ids(_search(client, "베이비케어"))

    SearchSynonym.objects.create(terms="베이비케어, 아이돌봄")

    assert _ids(_search(client, "베이비케어"))[0] == pages["care"].pk


@pytest.mark.django_db
def test_report_editions_with_the_same_title_are_one_result_with_their_years(client, pages):
    body = _search(client, "2017 조손가족")

    first = body["items"][0]
    assert first["id"] == pages["editions"][2017].pk and first["edition"] == 2017
    assert [(other["id"], other["edition"]) for other in first["also"]] == [
        (pages["editions"][2016].pk, 2016)
    ]
    assert pages["editions"][2016].pk not in _ids(body)


@pytest.mark.django_db
def test_nothing_found_offers_titles_that_look_alike(client, pages):
    body = _search(client, "우주정거장")

    assert body["total"] == 0 and body["items"] == []
    assert isinstance(body["suggestions"], list)
