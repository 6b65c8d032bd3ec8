"""The search API: ranked live public pages, facets, marked snippets, clear errors.

Tests taking `articles` run on the database backend and, when configured, on the engine."""

import pytest
from django.contrib.auth.models import Group
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import PageViewRestriction

from pages.models import SectionKind
from search.models import SearchQueryLog, SearchSynonym
from tests.factories import ArticlePageFactory, NoticePageFactory, TopicFactory
from tests.search.conftest import sync_engine

SEARCH_URL = "/api/v2/search/"
SUGGEST_URL = "/api/v2/search/suggest/"


@pytest.fixture
def articles(search_backends, portal):
    section = portal.section(SectionKind.FAMILY_INFO)
    topic = TopicFactory(name="가족 상담", slug="가족상담")
    single_parent = ArticlePageFactory(
        parent=section,
        title="한부모가족 지원 안내",
        intro="한부모가정을 위한 양육비 지원을 안내합니다.",
        body=[],
    )
    counseling = ArticlePageFactory(
        parent=section, title="가족 상담 안내", intro="가족을 위한 상담을 제공합니다."
    )
    counseling.topics.add(topic)
    counseling.save_revision().publish()
    notice = NoticePageFactory(
        parent=portal.section(SectionKind.NOTICE),
        title="가족 상담 주간 공지",
        body="<p>가족 상담 주간을 엽니다.</p>",
    )
    sync_engine()
    return {"single_parent": single_parent, "counseling": counseling, "notice": notice}


def _ids(response):
    return [item["id"] for item in response.json()["items"]]


@pytest.mark.django_db
def test_finds_page_through_particles_and_marks_the_match(client, articles, search_backends):
    response = client.get(SEARCH_URL, {"q": "한부모"})

    assert response.status_code == 200
    body = response.json()
    assert body["fallback"] is False
    assert body["backend"] == ("database" if search_backends == "database" else "opensearch")
    assert _ids(response) == [articles["single_parent"].pk]
    item = body["items"][0]
    assert item["type"] == "pages.ArticlePage"
    assert item["path"] == "/가족정보/" + articles["single_parent"].slug + "/"
    assert "<mark>한부모</mark>" in item["snippet"]


@pytest.mark.django_db
def test_drafts_and_private_pages_are_never_returned(client, articles, portal):
    articles["counseling"].unpublish()
    PageViewRestriction.objects.create(
        page=articles["notice"], restriction_type=PageViewRestriction.LOGIN
    )
    draft = ArticlePageFactory(
        parent=portal.section(SectionKind.FAMILY_INFO), title="가족 상담 초안", live=False
    )
    # No sync: an engine that still holds these pages must not leak them either.

    response = client.get(SEARCH_URL, {"q": "가족 상담"})

    assert response.json()["total"] == 0
    assert draft.pk not in _ids(response)


@pytest.mark.django_db
def test_facets_count_types_sections_and_topics(client, articles):
    body = client.get(SEARCH_URL, {"q": "가족 상담"}).json()

    types = {facet["value"]: facet["count"] for facet in body["facets"]["type"]}
    sections = {facet["value"]: facet["count"] for facet in body["facets"]["section"]}
    topics = {facet["value"]: facet["count"] for facet in body["facets"]["topic"]}
    assert types == {"pages.ArticlePage": 1, "pages.NoticePage": 1}
    assert sections == {"가족정보": 1, "알림마당": 1}
    assert topics == {"가족상담": 1}
    assert body["facets"]["audience"] == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, ["counseling", "notice"]),
        ({"type": "pages.NoticePage"}, ["notice"]),
        ({"section": "가족정보"}, ["counseling"]),
        ({"topic": "가족상담"}, ["counseling"]),
    ],
)
def test_filters_narrow_results(client, articles, params, expected):
    response = client.get(SEARCH_URL, {"q": "가족 상담", **params})

    assert sorted(_ids(response)) == sorted(articles[key].pk for key in expected)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("params", "code"),
    [
        ({}, "empty_query"),
        ({"q": "   "}, "empty_query"),
        ({"q": "가" * 101}, "query_too_long"),
        ({"q": "가족", "page": "0"}, "invalid_page"),
        ({"q": "가족", "page": "abc"}, "invalid_page"),
        ({"q": "가족", "type": "pages.Nope"}, "invalid_type"),
        ({"q": "가족", "type": "auth.User"}, "invalid_type"),
        ({"q": "가족", "section": "없는-섹션"}, "invalid_section"),
    ],
)
def test_bad_input_gets_a_korean_400(client, portal, params, code):
    response = client.get(SEARCH_URL, params)

    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == code
    assert any("\uac00" <= ch <= "\ud7a3" for ch in error["message"])


@pytest.mark.django_db
@pytest.mark.parametrize("garbage", ["!!!???", "ㅋㅋㅋ", "\x00\x01가족\x02", "' OR 1=1 --", "*:*"])
def test_garbage_queries_get_a_result_not_an_error(client, articles, garbage):
    response = client.get(SEARCH_URL, {"q": garbage})

    assert response.status_code == 200
    assert isinstance(response.json()["items"], list)


@pytest.mark.django_db
def test_pages_beyond_the_last_are_empty(client, articles):
    body = client.get(SEARCH_URL, {"q": "가족 상담", "page": "9"}).json()

    assert body["items"] == [] and body["total"] == 2 and body["page"] == 9


@pytest.mark.django_db
def test_editors_synonyms_apply_at_query_time(client, articles, portal):
    page = ArticlePageFactory(
        parent=portal.section(SectionKind.FAMILY_INFO),
        title="맞벌이 부부 돌봄 지원",
        intro="맞벌이 부부를 위한 돌봄 서비스입니다.",
    )
    sync_engine()
    assert client.get(SEARCH_URL, {"q": "쌍벌이"}).json()["total"] == 0

    SearchSynonym.objects.create(terms="쌍벌이, 맞벌이")

    assert _ids(client.get(SEARCH_URL, {"q": "쌍벌이"})) == [page.pk]


@pytest.mark.django_db
def test_seeded_synonyms_find_loanwords(client, articles, portal):
    page = ArticlePageFactory(
        parent=portal.section(SectionKind.FAMILY_INFO),
        title="직장맘 고충 상담",
        intro="일하는 엄마의 고충을 듣습니다.",
    )
    sync_engine()

    assert _ids(client.get(SEARCH_URL, {"q": "워킹맘"})) == [page.pk]


@pytest.mark.django_db
def test_promoted_pages_come_first_and_only_when_public(client, articles):
    query = Query.get("가족 상담")
    SearchPromotion.objects.create(query=query, page=articles["single_parent"], sort_order=0)
    SearchPromotion.objects.create(query=query, page=articles["counseling"], sort_order=1)
    articles["counseling"].unpublish()

    body = client.get(SEARCH_URL, {"q": "가족 상담"}).json()

    assert body["items"][0]["id"] == articles["single_parent"].pk
    assert body["items"][0]["promoted"] is True
    assert articles["counseling"].pk not in [item["id"] for item in body["items"]]


@pytest.mark.django_db
def test_queries_are_logged_with_their_result_count(client, articles):
    client.get(SEARCH_URL, {"q": "가족 상담"})
    client.get(SEARCH_URL, {"q": " 가족   상담 "})
    client.get(SEARCH_URL, {"q": "없는말"})

    logs = {log.query: log for log in SearchQueryLog.objects.all()}
    assert logs["가족 상담"].hits == 2 and logs["가족 상담"].result_count == 2
    assert logs["없는말"].result_count == 0


@pytest.mark.django_db
def test_suggest_completes_partial_titles(client, articles, portal):
    ArticlePageFactory(
        parent=portal.section(SectionKind.FAMILY_INFO), title="한부모 초안", live=False
    )

    response = client.get(SUGGEST_URL, {"q": "한부"})

    assert response.status_code == 200
    titles = [item["title"] for item in response.json()["suggestions"]]
    assert titles == ["한부모가족 지원 안내"]


@pytest.mark.django_db
def test_suggest_without_input_is_a_400(client, portal):
    response = client.get(SUGGEST_URL, {"q": ""})

    assert response.status_code == 400
    assert response.json()["error"]["code"] == "empty_query"


@pytest.mark.django_db
def test_private_section_hides_its_pages(client, articles, portal):
    restriction = PageViewRestriction.objects.create(
        page=portal.section(SectionKind.FAMILY_INFO),
        restriction_type=PageViewRestriction.GROUPS,
    )
    restriction.groups.add(Group.objects.create(name="검색 시험 그룹"))

    assert _ids(client.get(SEARCH_URL, {"q": "한부모"})) == []
