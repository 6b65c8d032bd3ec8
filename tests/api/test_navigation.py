"""Navigation for menus, and redirects a frontend can follow."""

from wagtail.contrib.redirects.models import Redirect

from pages.models import SectionKind
from tests.factories import ArticlePageFactory


def test_navigation_lists_in_menu_sections_and_children(api, content):
    family_info = content.portal.section(SectionKind.FAMILY_INFO)
    ArticlePageFactory(parent=family_info, title="메뉴 글", slug="menu", show_in_menus=True)

    items = api.get("/api/v2/navigation/").json()["items"]

    assert [item["title"] for item in items] == [
        "가족정보",
        "서울가족학교",
        "가족보고서",
        "가족 블로그단",
        "온라인 상담",
        "알림마당",
    ]
    assert items[0]["path"] == "/가족정보/"
    assert items[0]["children"] == [
        {
            "id": items[0]["children"][0]["id"],
            "title": "메뉴 글",
            "path": "/가족정보/menu/",
            "children": [],
        }
    ]


def test_navigation_leaves_out_sections_not_in_menus(api, content):
    notice = content.portal.section(SectionKind.NOTICE)
    notice.show_in_menus = False
    notice.save_revision().publish()

    titles = [item["title"] for item in api.get("/api/v2/navigation/").json()["items"]]

    assert "알림마당" not in titles


def test_redirects_listing_and_lookup(api, content):
    Redirect.objects.create(old_path="/old-article", redirect_page=content.article)
    Redirect.objects.create(old_path="/seoul", redirect_link="https://www.seoul.go.kr")
    Redirect.objects.create(old_path="/to-draft", redirect_page=content.draft)

    listing = api.get("/api/v2/redirects/").json()
    one = api.get("/api/v2/redirects/?path=/old-article/")

    assert listing["meta"]["total_count"] == 2
    assert one.json() == {
        "old_path": "/old-article",
        "location": "/가족정보/한부모-지원/",
        "is_permanent": True,
    }
    assert api.get("/api/v2/redirects/?path=/to-draft").status_code == 404


def test_find_names_the_redirect_for_a_moved_path(api, content):
    Redirect.objects.create(old_path="/옛-주소", redirect_page=content.article)

    response = api.get("/api/v2/pages/find/?html_path=/옛-주소/")

    assert response.status_code == 404
    assert response.json()["error"]["redirect"]["location"] == "/가족정보/한부모-지원/"
