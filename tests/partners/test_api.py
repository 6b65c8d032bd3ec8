"""`/api/v2/partner-items/`: partner news by section, source credited, cached like the API."""

import datetime

import pytest
from django.utils import timezone

from content.events import ChangeKind, announce
from pages.models import SectionKind
from partners.models import PartnerItem

pytestmark = pytest.mark.django_db


@pytest.fixture
def items(make_feed):
    school = make_feed("https://school.example/rss", section=SectionKind.FAMILY_SCHOOL)
    info = make_feed("https://info.example/rss", section=SectionKind.FAMILY_INFO)
    off = make_feed("https://off.example/rss", section=SectionKind.FAMILY_INFO, active=False)
    now = timezone.now()
    for feed, guid, days_ago in [
        (school, "s1", 2),
        (info, "i1", 3),
        (info, "i2", 1),
        (off, "o1", 0),
    ]:
        PartnerItem.objects.create(
            feed=feed,
            guid=guid,
            title=f"소식 {guid}",
            link=f"https://partner.example/{guid}",
            summary_html="<p>요약</p>",
            published=now - datetime.timedelta(days=days_ago),
        )
    return info


def test_items_of_a_section_newest_first_with_their_source(client, items):
    response = client.get("/api/v2/partner-items/?section=family-info")

    assert response.status_code == 200
    body = response.json()
    assert body["meta"]["total_count"] == 2
    assert [item["title"] for item in body["items"]] == ["소식 i2", "소식 i1"]
    first = body["items"][0]
    assert first["section"] == "family-info"
    assert first["summary_html"] == "<p>요약</p>"
    assert first["source"] == {
        "agency": {
            "id": items.agency_id,
            "name": "서울시립 청소년미디어센터",
            "url": "https://youthnavi.example/",
        },
        "feed": "유스내비 소식",
        "link": "https://partner.example/i2",
    }


def test_inactive_feeds_are_not_shown(client, items):
    guids = [item["link"] for item in client.get("/api/v2/partner-items/").json()["items"]]

    assert "https://partner.example/o1" not in guids
    assert len(guids) == 3


def test_limit_and_offset_page_through_items(client, items):
    body = client.get("/api/v2/partner-items/?limit=1&offset=1").json()

    assert body["meta"]["total_count"] == 3
    assert [item["title"] for item in body["items"]] == ["소식 s1"]


def test_filter_by_agency(client, items, agency):
    assert (
        client.get(f"/api/v2/partner-items/?agency={agency.pk}").json()["meta"]["total_count"] == 3
    )
    assert client.get(f"/api/v2/partner-items/?agency={agency.pk + 1}").json()["items"] == []


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("section=nowhere", "알 수 없는 섹션입니다"),
        ("limit=0", "limit"),
        ("limit=abc", "limit"),
        ("agency=x", "agency"),
        ("colour=red", "알 수 없는 요청 값"),
    ],
)
def test_bad_parameters_get_korean_json_errors(client, items, query, message):
    response = client.get(f"/api/v2/partner-items/?{query}")

    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert message in response.json()["error"]["message"]


def test_an_unchanged_listing_answers_304_and_a_change_moves_its_etag(client, items):
    etag = client.get("/api/v2/partner-items/")["ETag"]
    assert client.get("/api/v2/partner-items/", HTTP_IF_NONE_MATCH=etag).status_code == 304

    # An import that changes an item announces a change of its feed (partners.importing).
    PartnerItem.objects.filter(feed=items, guid="i2").update(title="소식 i2 (수정)")
    announce(ChangeKind.RELATED, subject=items)

    response = client.get("/api/v2/partner-items/", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert response["ETag"] != etag
    assert "소식 i2 (수정)" in response.content.decode()


def test_a_page_publish_keeps_the_partner_items_entry(client, items, portal, monkeypatch):
    from content.caching import ConditionalPublicMixin
    from tests.factories import ArticlePageFactory

    etag = client.get("/api/v2/partner-items/")["ETag"]
    page = ArticlePageFactory(parent=portal.section(SectionKind.FAMILY_INFO), live=False)
    page.save_revision().publish()

    def view_reached(*args, **kwargs):
        raise AssertionError("the view ran for a revalidation")

    monkeypatch.setattr(ConditionalPublicMixin, "dispatch", view_reached)
    assert client.get("/api/v2/partner-items/", HTTP_IF_NONE_MATCH=etag).status_code == 304


def test_the_openapi_schema_documents_partner_items_and_the_key_header(client, db):
    schema = client.get("/api/schema/?format=json").json()

    operation = schema["paths"]["/api/v2/partner-items/"]["get"]
    assert {parameter["name"] for parameter in operation["parameters"]} == {
        "section",
        "agency",
        "limit",
        "offset",
    }
    item = schema["components"]["schemas"]["PartnerItem"]
    assert {"title", "link", "summary_html", "published", "source"} <= set(item["properties"])
    assert schema["components"]["securitySchemes"]["ApiKey"] == {
        "type": "apiKey",
        "in": "header",
        "name": "X-API-Key",
    }
