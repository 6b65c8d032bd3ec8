"""The pages endpoint: one response renders any page (typed blocks, images, files, snippets)."""

from urllib.parse import quote

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images import get_image_model
from wagtail_factories import ImageFactory

from pages.models import SectionKind
from tests.api.conftest import publish
from tests.factories import ArticlePageFactory, BlogPostPageFactory, TopicFactory


def detail(api, page) -> dict:
    response = api.get(f"/api/v2/pages/{page.pk}/")
    assert response.status_code == 200, response.content
    return response.json()


def blocks_of(data: dict, field: str = "body") -> dict:
    return {block["type"]: block["value"] for block in data[field]}


def test_detail_has_type_path_parent_breadcrumbs_and_seo(api, content, settings):
    settings.FRONTEND_BASE_URL = "https://portal.example/frontend/"
    data = detail(api, content.article)

    section = content.portal.section(SectionKind.FAMILY_INFO)
    assert data["meta"]["type"] == "pages.ArticlePage"
    assert data["meta"]["path"] == "/가족정보/한부모-지원/"
    assert data["meta"]["html_url"] == "https://portal.example/frontend" + quote(
        "/가족정보/한부모-지원/"
    ), "citizens open pages on the frontend"
    assert data["meta"]["parent_id"] == section.pk
    assert data["breadcrumbs"] == [
        {"id": content.portal.home.pk, "title": "서울시 패밀리 포털", "path": "/"},
        {"id": section.pk, "title": "가족정보", "path": "/가족정보/"},
    ]
    assert data["seo"] == {
        "title": "한부모가족 지원 안내",
        "description": "한부모가족이 받을 수 있는 지원",
    }


def test_stream_field_is_typed_json_with_image_and_document_objects(api, content):
    body = blocks_of(detail(api, content.article))

    assert body["heading"] == {"text": "지원 대상", "level": "h2"}
    image = body["image"]["image"]
    assert image["id"] == content.image.pk
    assert image["alt"] == "공원에서 웃는 가족"
    assert {"width", "height"} <= image.keys()
    assert len(image["renditions"]) == 3
    assert all(r["url"].startswith("http://127.0.0.1:8000/media/") for r in image["renditions"])
    assert body["image"]["alt_text"] == "가족 사진"
    document = body["document"]["document"]
    assert document["url"].startswith("http://127.0.0.1:8000/documents/")
    assert {"size", "content_type", "extension", "title"} <= document.keys()


def test_image_renditions_are_320_640_1280_wide(api, portal):
    image = ImageFactory(file__width=2000, file__height=1000, title="큰 사진")
    page = ArticlePageFactory(
        parent=portal.section(SectionKind.FAMILY_INFO),
        body=[("image", {"image": image, "alt_text": "큰 사진", "caption": ""})],
    )
    renditions = blocks_of(detail(api, page))["image"]["image"]["renditions"]

    assert [(r["width"], r["height"]) for r in renditions] == [(320, 160), (640, 320), (1280, 640)]


def test_rich_text_links_become_site_paths_and_embeds_render(api, content):
    paragraph = blocks_of(detail(api, content.article))["paragraph"]

    assert (
        f'<a href="/가족정보/양육비-지원/" data-page-id="{content.linked.pk}">양육비</a>'
        in paragraph
    )
    assert "<a>초안</a>" in paragraph  # the draft's link loses its target
    assert f'data-document-id="{content.document.pk}"' in paragraph
    assert "<img src=" in paragraph


@pytest.mark.parametrize("query", ["", "?fields=*", "?rich_text_format=html"])
def test_no_embed_or_linktype_reaches_a_client(api, content, query):
    responses = [
        api.get(f"/api/v2/pages/{content.article.pk}/{query}"),
        api.get("/api/v2/pages/?type=pages.ArticlePage&fields=*"),
        api.get("/api/v2/pages/?type=pages.NoticePage&fields=*"),
        api.get("/api/v2/sync/"),
    ]
    for response in responses:
        text = response.content.decode()
        assert "linktype" not in text
        assert "<embed" not in text


def test_snippets_are_objects(api, content):
    data = detail(api, content.article)

    assert data["topics"] == [{"id": content.topic.pk, "name": "돌봄", "slug": "care"}]
    assert data["audiences"][0]["slug"] == "single-parent"
    assert data["districts"][0]["name"] == "종로구"
    assert data["agency"] == {
        "id": content.agency.pk,
        "name": "서울시여성가족재단",
        "url": "https://www.seoulwomen.or.kr",
        "phone": "02-2133-0000",
    }
    blog = detail(api, content.blog)
    assert blog["blogger"]["display_name"] == "행복한아빠"
    assert blog["blogger"]["photo"]["id"] == content.image.pk
    assert blog["hero_image"]["renditions"]


def test_related_links_to_drafts_carry_no_page(api, content):
    links = [block["value"] for block in detail(api, content.article)["related_links"]]

    assert links[0]["page"]["path"] == "/가족정보/양육비-지원/"
    assert links[0]["url"] == "/가족정보/양육비-지원/"
    assert links[1]["page"] is None


def test_notice_attachments_are_documents(api, content):
    attachments = detail(api, content.notice)["attachments"]

    assert attachments[0]["id"] == content.document.pk
    assert attachments[0]["url"].endswith(content.document.file.name.split("/")[-1])


def test_program_reports_application_status(api, content):
    assert detail(api, content.program)["application_status"] == {
        "value": "open",
        "label": "모집중",
    }
    assert detail(api, content.closed_program)["application_status"]["value"] == "closed"


def test_report_blocks_are_data(api, content):
    chapter = api.get("/api/v2/pages/?type=pages.ReportChapterPage&fields=body").json()
    body = blocks_of(chapter["items"][0])

    table = body["statistics_table"]
    assert table["headers"] == table["header"] == ["연도", "한부모", "맞벌이(%)"]
    assert table["rows"] == [["2016", 291, 42.5], ["2017", 288, 44.6]]
    assert table["chart"]["labels"] == ["2016", "2017"]
    assert table["chart"]["series"] == [{"name": "맞벌이(%)", "values": [42.5, 44.6]}]
    assert body["key_findings"]["findings"] == ["맞벌이 증가"]


def test_every_page_type_renders(api, content):
    items = api.get("/api/v2/pages/?limit=100").json()["items"]
    types = {item["meta"]["type"] for item in items}

    assert len(types) == 10
    for item in items:
        response = api.get(f"/api/v2/pages/{item['id']}/")
        assert response.status_code == 200
        assert response.json()["meta"]["type"] == item["meta"]["type"]


def test_find_by_html_path_redirects_to_the_detail(api, content):
    response = api.get("/api/v2/pages/find/?html_path=/가족정보/한부모-지원/")

    assert response.status_code == 302
    assert response["Location"].endswith(f"/api/v2/pages/{content.article.pk}/")
    home = api.get("/api/v2/pages/find/?html_path=/")
    assert home["Location"].endswith(f"/api/v2/pages/{content.portal.home.pk}/")


def test_find_unknown_path_is_json_404(api, content):
    response = api.get("/api/v2/pages/find/?html_path=/없는/페이지/")

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_detail_of_unknown_page_is_json_404(api, content):
    response = api.get("/api/v2/pages/999999/")

    assert response.status_code == 404
    assert response.json()["error"]["message"] == "요청한 콘텐츠를 찾을 수 없습니다."


def test_get_requests_create_no_renditions(api, content):
    image = ImageFactory(title="새 사진")
    rendition_model = get_image_model().get_rendition_model()
    rendition_model.objects.filter(image=image).delete()
    page = ArticlePageFactory(
        parent=content.portal.section(SectionKind.FAMILY_INFO),
        body=[("image", {"image": image, "alt_text": "새 사진", "caption": ""})],
    )
    before = rendition_model.objects.count()

    api.get(f"/api/v2/pages/{page.pk}/")
    api.get("/api/v2/pages/?type=pages.ArticlePage&fields=*")
    api.get("/api/v2/sync/")

    assert rendition_model.objects.count() == before


def test_renditions_are_made_when_images_are_saved_and_pages_published(api, content):
    rendition_model = get_image_model().get_rendition_model()
    image = ImageFactory(title="저장된 사진")
    assert rendition_model.objects.filter(image=image).count() == 3

    rendition_model.objects.filter(image=image).delete()
    page = ArticlePageFactory(
        parent=content.portal.section(SectionKind.FAMILY_INFO),
        body=[("image", {"image": image, "alt_text": "사진", "caption": ""})],
    )
    publish(page)
    assert rendition_model.objects.filter(image=image).count() == 3


def listing_queries(api, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = api.get(url)
    assert response.status_code == 200, response.content
    return len(queries)


@pytest.fixture
def uniform_pages(content):
    """Twelve articles and twelve blog posts shaped alike, so only the length differs."""
    topic = TopicFactory(name="보육", slug="childcare")
    for number in range(12):
        article = ArticlePageFactory(
            parent=content.portal.section(SectionKind.FAMILY_INFO),
            slug=f"extra-{number}",
            agency=content.agency,
            body=[
                ("image", {"image": content.image, "alt_text": "사진", "caption": ""}),
                ("document", {"document": content.document, "title": "파일"}),
                ("paragraph", f'<p><a linktype="page" id="{content.linked.pk}">링크</a></p>'),
            ],
            related_links=[("link", {"title": "링크", "page": content.linked, "external_url": ""})],
        )
        article.topics.add(topic)
        article.save()
        post = BlogPostPageFactory(
            parent=content.portal.section(SectionKind.BLOG),
            slug=f"post-{number}",
            blogger=content.blog.blogger,
            hero_image=content.image,
        )
        post.tags.add("주말")
        post.save()
    return topic


@pytest.mark.parametrize(
    "query",
    [
        "topic=childcare",
        "topic=childcare&type=pages.ArticlePage",
        "type=pages.BlogPostPage&date_from=2000-01-01",
    ],
)
def test_listing_query_count_does_not_grow_with_length(api, uniform_pages, query):
    api.get("/api/v2/pages/")  # both measured requests find the page index cached

    one = listing_queries(api, f"/api/v2/pages/?fields=*&limit=1&{query}")
    many = listing_queries(api, f"/api/v2/pages/?fields=*&limit=100&{query}")

    assert one == many
    assert len(api.get(f"/api/v2/pages/?fields=*&limit=100&{query}").json()["items"]) >= 12


def test_detail_takes_at_most_12_queries(api, content, django_assert_max_num_queries):
    with django_assert_max_num_queries(12):
        response = api.get(f"/api/v2/pages/{content.article.pk}/")
    assert response.status_code == 200


def test_images_endpoint_lists_renditions_without_extra_queries(api, content):
    images = [ImageFactory(title=f"사진 {number}") for number in range(5)]
    for image in images:
        image.tags.add("가족")
    publish(
        ArticlePageFactory(
            parent=content.portal.section(SectionKind.FAMILY_INFO),
            body=[("image", {"image": i, "alt_text": "사진", "caption": ""}) for i in images],
        )
    )
    api.get("/api/v2/images/?limit=1")

    with CaptureQueriesContext(connection) as one:
        first = api.get("/api/v2/images/?limit=1&fields=*")
    with CaptureQueriesContext(connection) as many:
        response = api.get("/api/v2/images/?limit=20&fields=*")

    assert len(first.json()["items"]) == 1
    assert len(response.json()["items"]) == 6  # the article's five and the fixture's photo
    assert len(one) == len(many)
    item = response.json()["items"][0]
    assert item["alt"] == "공원에서 웃는 가족"
    assert [rendition["width"] for rendition in item["renditions"]] == [100, 100, 100]
    assert all(image["meta"]["tags"] == ["가족"] for image in response.json()["items"][1:])


def test_following_the_next_link_walks_the_listing_like_offsets_do(api, content):
    """`after` (keyset) gives the pages `offset` gives, without skipping rows to get there."""
    url = "/api/v2/pages/?limit=3"
    by_offset, offset = [], 0
    while items := api.get(f"{url}&offset={offset}").json()["items"]:
        by_offset += [item["id"] for item in items]
        offset += 3

    by_cursor, next_url = [], url
    while next_url:
        response = api.get(next_url)
        by_cursor += [item["id"] for item in response.json()["items"]]
        link = response.get("Link", "")
        next_url = link[1 : link.index(">")] if link else None

    assert by_cursor == by_offset
    assert len(by_offset) > 6


@pytest.mark.parametrize(
    "query", ["after=forged", "after={cursor}&offset=3", "after={cursor}&order=title"]
)
def test_a_bad_after_cursor_answers_400(api, content, query):
    link = api.get("/api/v2/pages/?limit=2")["Link"]
    cursor = link.split("after=")[1].split(">")[0]

    response = api.get(f"/api/v2/pages/?{query.format(cursor=cursor)}")

    assert response.status_code == 400
    assert "after" in response.json()["error"]["message"]


def test_a_listing_of_one_type_comes_from_the_page_index_in_tree_order(api, content):
    """Count and order from the index of public pages, not a count and sort over the page
    tables as the site grows: the public pages of the type, in tree order, keyset links too."""
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    url = "/api/v2/pages/?type=pages.ArticlePage&limit=2"

    def walk() -> list[int]:
        ids, next_url = [], url
        while next_url:
            response = api.get(next_url)
            assert response.status_code == 200
            ids += [item["id"] for item in response.json()["items"]]
            link = response.get("Link", "")
            next_url = link[1 : link.index(">")] if link else None
        return ids

    walk()  # stores the items' JSON
    cache.clear()  # no kept responses: each listing is answered by the view
    with CaptureQueriesContext(connection) as queries:
        by_cursor = walk()
    page_tables = [q["sql"] for q in queries.captured_queries if "pages_articlepage" in q["sql"]]
    assert page_tables == []

    from pages.models import ArticlePage

    expected = list(
        ArticlePage.objects.live().public().order_by("path").values_list("pk", flat=True)
    )
    assert by_cursor == expected
    assert len(expected) >= 2
    total = api.get(url).json()["meta"]["total_count"]
    assert total == len(expected)
