"""Listing filters: type, section, taxonomy, dates, ordering, pagination; 400 on bad values."""

import datetime

import pytest

from pages.models import SectionKind


def ids(response) -> set[int]:
    assert response.status_code == 200, response.content
    return {item["id"] for item in response.json()["items"]}


def test_type_filter(api, content):
    found = ids(api.get("/api/v2/pages/?type=pages.NoticePage"))

    assert found == {content.notice.pk, content.old_notice.pk}


def test_child_of_and_descendant_of(api, content):
    report = content.portal.section(SectionKind.REPORT)
    children = api.get(f"/api/v2/pages/?child_of={report.pk}").json()["items"]
    descendants = api.get(f"/api/v2/pages/?descendant_of={report.pk}").json()["items"]

    assert [item["meta"]["type"] for item in children] == ["pages.ReportEditionPage"]
    assert {item["meta"]["type"] for item in descendants} == {
        "pages.ReportEditionPage",
        "pages.ReportChapterPage",
    }


def test_section_filter(api, content):
    found = ids(api.get("/api/v2/pages/?section=notice"))

    assert found == {content.notice.pk, content.old_notice.pk}


def test_topic_audience_and_district_filters(api, content):
    for query in ("topic=care", "audience=single-parent", "district=jongno"):
        assert ids(api.get(f"/api/v2/pages/?{query}")) == {content.article.pk}
        typed = api.get(f"/api/v2/pages/?type=pages.ArticlePage&{query}")
        assert ids(typed) == {content.article.pk}


def test_programs_open_for_application_now(api, content):
    found = ids(api.get("/api/v2/pages/?application_status=open"))
    closed = ids(
        api.get("/api/v2/pages/?type=pages.EducationProgramPage&application_status=closed")
    )

    assert found == {content.program.pk}
    assert closed == {content.closed_program.pk}


def test_notices_since_a_date(api, content):
    since = (datetime.date.today() - datetime.timedelta(days=7)).isoformat()
    found = ids(api.get(f"/api/v2/pages/?type=pages.NoticePage&date_from={since}"))
    before = ids(api.get(f"/api/v2/pages/?type=pages.NoticePage&date_to={since}"))

    assert found == {content.notice.pk}
    assert before == {content.old_notice.pk}


def test_ordering_and_pagination(api, content):
    newest_first = api.get("/api/v2/pages/?type=pages.NoticePage&order=-date").json()
    oldest_first = api.get("/api/v2/pages/?type=pages.NoticePage&order=date&limit=1&offset=1")

    assert [item["id"] for item in newest_first["items"]] == [
        content.notice.pk,
        content.old_notice.pk,
    ]
    assert newest_first["meta"]["total_count"] == 2
    assert [item["id"] for item in oldest_first.json()["items"]] == [content.notice.pk]


@pytest.mark.parametrize("words", ["지원을", "한부모가족을", "한부모 가족"])
def test_search_finds_pages_through_korean_particles_and_spacing(api, content, words):
    # The article says "한부모 지원" and "한부모가족이 받을 수 있는 지원".
    found = ids(api.get("/api/v2/pages/", {"search": words}))

    assert content.article.pk in found
    assert content.draft.pk not in found


def test_search_keeps_the_other_filters(api, content):
    found = ids(api.get("/api/v2/pages/", {"search": "공지", "type": "pages.NoticePage"}))
    dated = ids(
        api.get("/api/v2/pages/", {"search": "공지", "date_from": content.notice.date.isoformat()})
    )

    assert found == {content.notice.pk, content.old_notice.pk}
    assert dated == {content.notice.pk}


@pytest.mark.parametrize("words", ['"', '가족"', 'a"b"c', "!!!", "' OR 1=1 --", "*"])
def test_search_punctuation_gets_a_result_not_an_error(api, content, words):
    response = api.get("/api/v2/pages/", {"search": words})

    assert response.status_code == 200
    assert isinstance(response.json()["items"], list)


@pytest.mark.parametrize(
    "query",
    [
        "type=pages.Nothing",
        "section=nowhere",
        "topic=unknown-topic",
        "audience=",
        "district=mars",
        "application_status=soon",
        "date_from=yesterday",
        "type=pages.NoticePage&date_to=2024-13-45",
        "published_since=2024/01/01",
        "type=pages.NoticePage&date=not-a-date",
        "child_of=abc",
        "descendant_of=-1",
        "order=not_a_field",
        "limit=1000",
        "limit=-1",
        "offset=x",
        "fields=nope",
        "unknown_parameter=1",
        "search=",
        "search=" + "가" * 101,
        "search=가족&search_operator=or",
    ],
)
def test_bad_filter_values_answer_400_json(api, content, query):
    response = api.get(f"/api/v2/pages/?{query}")

    assert response.status_code == 400, (query, response.status_code)
    error = response.json()["error"]
    assert error["code"] == "bad_request"
    assert any("\uac00" <= char <= "\ud7a3" for char in error["message"])
