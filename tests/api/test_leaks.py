"""Nothing leaks: drafts, unpublished and private pages never appear on any public endpoint."""

import pytest
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction
from wagtail_factories import DocumentFactory, ImageFactory

from pages.models import SectionKind
from tests.factories import (
    ArticlePageFactory,
    BloggerProfileFactory,
    BlogPostPageFactory,
    UserFactory,
)


@pytest.fixture
def secrets(content) -> dict:
    """Every kind of page the public must not see, each with a findable title."""
    family_info = content.portal.section(SectionKind.FAMILY_INFO)
    unpublished = ArticlePageFactory(
        parent=family_info, title="게시 취소된 글", slug="unpublished", show_in_menus=True
    )
    unpublished.unpublish()
    under_restriction = ArticlePageFactory(
        parent=content.portal.section(SectionKind.NOTICE), title="숨은 섹션의 글", slug="hidden"
    )
    PageViewRestriction.objects.create(
        page=content.portal.section(SectionKind.NOTICE),
        restriction_type=PageViewRestriction.PASSWORD,
        password="비밀번호1234",
    )
    pages = {
        "draft": content.draft,
        "unpublished": unpublished,
        "child of a restricted section": under_restriction,
        **{f"{kind}-restricted": page for kind, page in content.private_pages.items()},
    }
    for page in pages.values():
        page.show_in_menus = True
        page.save(update_fields=["show_in_menus"])
    return pages


def assert_hidden(response, page):
    text = response.content.decode()
    assert page.title not in text, response.request["PATH_INFO"]
    assert f'"id": {page.pk},' not in text.replace('"id":', '"id": ')


@pytest.fixture(params=["anonymous", "logged-in editor"])
def client_as(request, api, db):
    if request.param == "logged-in editor":
        user = UserFactory(username="editor", is_superuser=True, is_staff=True)
        api.force_login(user)
    return api


PUBLIC_URLS = [
    "/api/v2/pages/?limit=100",
    "/api/v2/pages/?type=pages.ArticlePage&fields=*&limit=100",
    "/api/v2/pages/?section=family-info&limit=100",
    "/api/v2/pages/?search=글&limit=100",
    "/api/v2/navigation/",
    "/api/v2/sync/?limit=100",
    "/api/v2/search/?q=글",
    "/api/v2/search/suggest/?q=비공개",
]


@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_listings_navigation_sync_and_search_hide_secret_pages(client_as, secrets, url):
    response = client_as.get(url)

    assert response.status_code in (200, 404), url
    for page in secrets.values():
        assert_hidden(response, page)


def test_detail_and_find_answer_404_for_secret_pages(client_as, secrets):
    for name, page in secrets.items():
        detail = client_as.get(f"/api/v2/pages/{page.pk}/")
        assert detail.status_code == 404, name
        assert page.title not in detail.content.decode()
        path = page.url_path.removeprefix("/home")
        assert client_as.get("/api/v2/pages/find/", {"html_path": path}).status_code == 404, name
        assert client_as.get("/api/v2/pages/find/", {"id": page.pk}).status_code == 404, name


def test_sync_changes_send_tombstones_not_content(api, content):
    cursor = api.get("/api/v2/sync/?limit=100").json()["next_cursor"]
    secret = content.linked
    PageViewRestriction.objects.create(page=secret, restriction_type=PageViewRestriction.LOGIN)

    batch = api.get("/api/v2/sync/", {"since": cursor}).json()

    assert batch["deleted"] == [secret.pk]
    assert secret.title not in str(batch["items"])


def test_preview_without_a_token_shows_nothing(api, secrets):
    for page in secrets.values():
        response = api.get("/api/v2/page_preview/", {"content_type": "pages.articlepage"})
        assert response.status_code == 400
        assert page.title not in response.content.decode()


def test_documents_in_private_collections_are_not_listed(api, content):
    private = Collection.get_first_root_node().add_child(name="내부 문서")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    hidden = DocumentFactory(title="내부 검토 문서", collection=private)

    listing = api.get("/api/v2/documents/?limit=100")

    assert listing.status_code == 200
    assert hidden.title not in listing.content.decode()
    assert api.get(f"/api/v2/documents/{hidden.pk}/").status_code == 404


def listed_ids(api, endpoint: str) -> set[int]:
    response = api.get(f"/api/v2/{endpoint}/?limit=100")
    assert response.status_code == 200
    return {item["id"] for item in response.json()["items"]}


def test_media_of_drafts_and_private_pages_are_not_served(api, content):
    family_info = content.portal.section(SectionKind.FAMILY_INFO)
    draft_photo = ImageFactory(title="초안의 가족 사진")
    private_photo = ImageFactory(title="비공개 글의 사진")
    unused = DocumentFactory(title="아무 데도 안 쓴 문서")
    draft = ArticlePageFactory(
        parent=family_info,
        title="검토 중인 글",
        live=False,
        body=[("image", {"image": draft_photo, "alt_text": "가족", "caption": ""})],
    )
    ArticlePageFactory(
        parent=content.private_pages["login"],
        title="비공개 글 아래 글",
        body=[("image", {"image": private_photo, "alt_text": "가족", "caption": ""})],
    )

    images, documents = listed_ids(api, "images"), listed_ids(api, "documents")

    assert images == {content.image.pk}
    assert documents == {content.document.pk}
    for endpoint, media in [
        ("images", draft_photo),
        ("images", private_photo),
        ("documents", unused),
    ]:
        assert api.get(f"/api/v2/{endpoint}/{media.pk}/").status_code == 404

    draft.save_revision().publish()

    assert listed_ids(api, "images") == {content.image.pk, draft_photo.pk}


def test_a_bloggers_photo_is_served_once_a_post_shows_it(api, content):
    photo = ImageFactory(title="블로거 사진")
    blogger = BloggerProfileFactory(display_name="새 블로거", photo=photo)
    assert photo.pk not in listed_ids(api, "images")

    BlogPostPageFactory(parent=content.portal.section(SectionKind.BLOG), blogger=blogger)

    assert photo.pk in listed_ids(api, "images")
