"""The API per language: `?locale=`, translations, Korean fallback said out loud, sync."""

import pytest

from pages.editorial import setup_portal
from pages.models import SectionKind
from tests.factories import ArticlePageFactory
from tests.factories.translations import translated


@pytest.fixture
def trees(db):
    home, sections, _ = setup_portal()
    family_info = sections[SectionKind.FAMILY_INFO]
    interpreting = ArticlePageFactory(parent=family_info, title="통역 지원", slug="통역-지원")
    interpreting.save_revision().publish()
    untranslated = ArticlePageFactory(parent=family_info, title="번역 전 글", slug="번역-전-글")
    untranslated.save_revision().publish()
    vi_interpreting = translated(interpreting, "vi")
    return {
        "ko": interpreting,
        "vi": vi_interpreting,
        "untranslated": untranslated,
        "vi_section": family_info.get_translation(
            family_info.get_translations().get(locale__language_code="vi").locale
        ),
    }


def test_listing_answers_the_language_asked_for(api, trees):
    korean = api.get("/api/v2/pages/?type=pages.ArticlePage").json()
    vietnamese = api.get("/api/v2/pages/?type=pages.ArticlePage&locale=vi").json()
    assert {item["id"] for item in korean["items"]} == {trees["ko"].id, trees["untranslated"].id}
    assert [item["id"] for item in vietnamese["items"]] == [trees["vi"].id]
    assert vietnamese["items"][0]["meta"]["locale"] == "vi"
    assert vietnamese["items"][0]["meta"]["path"].startswith("/vi/")


def test_unknown_locale_is_a_clear_json_400(api, trees):
    response = api.get("/api/v2/pages/?locale=xx")
    assert response.status_code == 400
    assert "알 수 없는 언어" in response.json()["error"]["message"]
    assert api.get(f"/api/v2/pages/{trees['ko'].id}/?locale=xx").status_code == 400


def test_each_page_lists_its_public_translations(api, trees):
    korean = api.get(f"/api/v2/pages/{trees['ko'].id}/").json()
    assert korean["meta"]["locale"] == "ko"
    vi_path = api.get(f"/api/v2/pages/{trees['vi'].id}/").json()["meta"]["path"]
    assert korean["meta"]["translations"] == [
        {"locale": "vi", "id": trees["vi"].id, "path": vi_path, "up_to_date": True}
    ]
    vietnamese = api.get(f"/api/v2/pages/{trees['vi'].id}/").json()
    assert vietnamese["meta"]["locale"] == "vi"
    assert [item["locale"] for item in vietnamese["meta"]["translations"]] == ["ko"]
    assert "fallback_from" not in vietnamese["meta"]


def test_a_korean_edit_marks_translations_out_of_date(api, trees):
    korean = trees["ko"]
    korean.intro = "통역 지원 안내를 고쳤습니다."
    korean.save_revision().publish()
    listed = api.get(f"/api/v2/pages/{trees['vi'].id}/").json()["meta"]["translations"]
    assert listed[0]["locale"] == "ko"
    from_korean = api.get(f"/api/v2/pages/{korean.id}/").json()["meta"]["translations"]
    assert from_korean[0]["up_to_date"] is False


def test_asking_a_korean_page_in_vietnamese_redirects_to_its_translation(api, trees):
    response = api.get(f"/api/v2/pages/{trees['ko'].id}/?locale=vi")
    assert response.status_code == 302
    assert f"/api/v2/pages/{trees['vi'].id}/" in response["Location"]


def test_a_missing_translation_answers_korean_and_says_so(api, trees):
    response = api.get(f"/api/v2/pages/{trees['untranslated'].id}/?locale=vi")
    assert response.status_code == 200
    meta = response.json()["meta"]
    assert meta["locale"] == "ko"  # never labelled as Vietnamese
    assert meta["fallback_from"] == "vi"
    plain = api.get(f"/api/v2/pages/{trees['untranslated'].id}/").json()["meta"]
    assert "fallback_from" not in plain


def test_find_resolves_localised_paths_and_falls_back(api, trees):
    vi_path = api.get(f"/api/v2/pages/{trees['vi'].id}/").json()["meta"]["path"]
    assert vi_path.startswith("/vi/")
    found = api.get("/api/v2/pages/find/", {"html_path": vi_path}, follow=True)
    assert found.json()["id"] == trees["vi"].id
    # The Korean path under /vi/: no translation yet, the Korean page says it fell back.
    korean_path = api.get(f"/api/v2/pages/{trees['untranslated'].id}/").json()["meta"]["path"]
    fallback = api.get("/api/v2/pages/find/", {"html_path": "/vi" + korean_path}, follow=True)
    assert fallback.json()["id"] == trees["untranslated"].id
    assert fallback.json()["meta"]["fallback_from"] == "vi"


def test_navigation_per_language(api, trees):
    korean = api.get("/api/v2/navigation/").json()
    vietnamese = api.get("/api/v2/navigation/?locale=vi").json()
    english = api.get("/api/v2/navigation/?locale=en").json()
    assert korean["meta"] == {"locale": "ko"}
    assert vietnamese["meta"] == {"locale": "vi"}
    assert [item["path"].split("/")[1] for item in vietnamese["items"]] == ["vi"]
    # No English home published yet: the Korean menu, saying so.
    assert english["meta"] == {"locale": "ko", "fallback_from": "en"}
    assert english["items"] == korean["items"]


def test_sync_per_language_with_tombstones(api, trees):
    first = api.get("/api/v2/sync/?locale=vi").json()
    ids = {item["id"] for item in first["items"]}
    assert trees["vi"].id in ids
    assert trees["ko"].id not in ids
    assert all(item["meta"]["locale"] == "vi" for item in first["items"])
    trees["vi"].delete()
    trees["untranslated"].unpublish()  # a Korean change: not the vi client's business
    later = api.get(f"/api/v2/sync/?locale=vi&since={first['next_cursor']}").json()
    assert later["deleted"] == [trees["vi"].id]
    korean = api.get("/api/v2/sync/").json()
    assert {item["meta"]["locale"] for item in korean["items"]} == {"ko"}


def test_interface_text_stays_korean_and_nothing_varies_by_accept_language(api, trees):
    response = api.get("/api/v2/pages/?locale=xx", HTTP_ACCEPT_LANGUAGE="vi")
    assert "알 수 없는 언어" in response.json()["error"]["message"]
    detail = api.get(f"/api/v2/pages/{trees['vi'].id}/", HTTP_ACCEPT_LANGUAGE="en")
    assert "accept-language" not in detail.get("Vary", "").lower()


def test_the_frontend_serves_localised_paths_and_screens(client, trees, api):
    vi_path = api.get(f"/api/v2/pages/{trees['vi'].id}/").json()["meta"]["path"]
    korean_path = api.get(f"/api/v2/pages/{trees['untranslated'].id}/").json()["meta"]["path"]
    assert client.get(f"/frontend{vi_path}").status_code == 200
    assert client.get("/frontend/vi/search/").status_code == 200
    assert client.get(f"/frontend/vi{korean_path}").status_code == 200  # Korean fallback
    assert client.get("/frontend/vi/khong-co-trang-nay/").status_code == 404
