"""공공누리 licences: inherited down the page tree, and said by the API, the feeds, the
admin's reports and the print colophon."""

import json
from xml.etree import ElementTree

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.staticfiles import finders
from django.urls import reverse
from wagtail_factories import DocumentFactory, ImageFactory

from pages.licences import KoglType, page_licence
from pages.models import DocumentLicence, ImageLicence, SectionKind
from tests.api.conftest import publish

pytestmark = pytest.mark.django_db

TYPE1_URL = "https://www.kogl.or.kr/info/licenseType1.do"


def test_pages_inherit_the_nearest_licence_set_above_them(content):
    blog_section = content.portal.section(SectionKind.BLOG)
    # The home page opens the city's works as 제1유형; the bloggers' section opens nothing.
    assert page_licence(content.article) == KoglType.TYPE1
    assert page_licence(content.blog) == KoglType.NONE
    assert page_licence(blog_section) == KoglType.NONE

    family_info = content.portal.section(SectionKind.FAMILY_INFO)
    family_info.licence = KoglType.TYPE3
    family_info.save()
    content.linked.licence = KoglType.TYPE2
    content.linked.save()

    assert page_licence(content.article) == KoglType.TYPE3
    assert page_licence(content.linked) == KoglType.TYPE2
    assert page_licence(content.program) == KoglType.TYPE1


def test_page_detail_gives_code_name_terms_and_a_local_mark(api, content):
    body = api.get(f"/api/v2/pages/{content.article.pk}/").json()

    assert body["licence"] == {
        "code": "kogl-1",
        "name": "공공누리 제1유형: 출처표시",
        "url": TYPE1_URL,
        "mark": f"{settings.WAGTAILAPI_BASE_URL}/static/kogl/kogl-type1.svg",
    }
    assert finders.find("kogl/kogl-type1.svg")
    blog = api.get(f"/api/v2/pages/{content.blog.pk}/").json()
    assert blog["licence"]["code"] == "none"
    assert blog["licence"]["url"] is None


def test_images_and_documents_carry_their_own_licence(api, content):
    ImageLicence.objects.create(image=content.image, licence=KoglType.TYPE4, source="서울시")

    body = api.get(f"/api/v2/pages/{content.blog.pk}/").json()

    assert body["hero_image"]["licence"]["code"] == "kogl-4"
    article = api.get(f"/api/v2/pages/{content.article.pk}/").json()
    document = next(block for block in article["body"] if block["type"] == "document")
    # No licence chosen yet: not opened, until an editor says otherwise.
    assert document["value"]["document"]["licence"]["code"] == "none"


def test_schema_describes_the_licence(api, content):
    schema = api.get("/api/schema/?format=json").json()
    components = schema["components"]["schemas"]

    assert components["ArticlePage"]["properties"]["licence"] == {
        "$ref": "#/components/schemas/Licence"
    }
    assert components["Licence"]["properties"]["code"]["enum"] == [code.value for code in KoglType]
    assert "licence" in components["Image"]["properties"]


def test_feeds_state_each_item_licence(api, content):
    publish(content.blog)
    article_url = f"urn:family-portal:page:{content.article.pk}"
    blog_url = f"urn:family-portal:page:{content.blog.pk}"

    rss = ElementTree.fromstring(api.get(reverse("feed-rss")).content)  # noqa: S314 - ours
    rights = {
        item.findtext("guid"): item.findtext("{http://purl.org/dc/elements/1.1/}rights")
        for item in rss.iter("item")
    }
    assert rights[article_url] == f"공공누리 제1유형: 출처표시 ({TYPE1_URL})"
    assert rights[blog_url] == "공공누리 미적용"

    atom = ElementTree.fromstring(api.get(reverse("feed-atom")).content)  # noqa: S314 - ours
    ns = {"a": "http://www.w3.org/2005/Atom"}
    atom_rights = {
        entry.findtext("a:id", namespaces=ns): entry.findtext("a:rights", namespaces=ns)
        for entry in atom.iterfind("a:entry", ns)
    }
    assert atom_rights[article_url] == rights[article_url]

    items = json.loads(api.get(reverse("feed-json")).content)["items"]
    kogl = {item["id"]: item["_kogl"] for item in items}
    assert kogl[article_url] == {
        "code": "kogl-1",
        "name": "공공누리 제1유형: 출처표시",
        "url": TYPE1_URL,
    }


def test_editors_see_images_and_documents_without_a_licence(client, content):
    licensed = ImageFactory(title="사용 허락된 사진")
    ImageLicence.objects.create(image=licensed, licence=KoglType.TYPE1)
    document = DocumentFactory(title="허락된 문서")
    DocumentLicence.objects.create(document=document, licence=KoglType.TYPE1)
    editor = get_user_model().objects.create_superuser("editor", "e@example.com", "pw")
    client.force_login(editor)

    images = client.get(reverse("portal_unlicensed_images")).content.decode()
    documents = client.get(reverse("portal_unlicensed_documents")).content.decode()

    assert content.image.title in images
    assert licensed.title not in images
    assert content.document.title in documents
    assert document.title not in documents
