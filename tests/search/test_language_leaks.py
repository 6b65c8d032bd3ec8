"""A draft or a private page in the vi, zh-hans or en tree never shows, in its own language,
through search, suggestions, the page listing, sync or the feeds; a public one does (so the
probe can fail). And `?locale=` takes no input a client could turn into a 500 or a long echo."""

import pytest
from rest_framework.test import APIClient
from wagtail.models import PageViewRestriction

from pages.editorial import setup_portal
from pages.models import SectionKind
from tests.factories import ArticlePageFactory
from tests.factories.translations import LABELS, translated

LANGUAGES = ("vi", "zh-hans", "en")
SEARCH_URL = "/api/v2/search/"


def published(parent, title, slug):
    page = ArticlePageFactory(parent=parent, title=title, slug=slug)
    page.save_revision().publish()
    return page


@pytest.fixture
def trees(db):
    _, sections, _ = setup_portal()
    family_info = sections[SectionKind.FAMILY_INFO]
    shown = published(family_info, "통역 지원 안내", "interpreting")
    drafted = published(family_info, "다문화 상담 안내", "counseling-guide")
    hidden = published(family_info, "한국어 교실 안내", "korean-class")
    pages = {}
    for language in LANGUAGES:
        private = translated(hidden, language)
        PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
        pages[language] = {
            "public": translated(shown, language),
            "draft": translated(drafted, language, publish=False),
            "private": private,
        }
    return pages


def ids(items) -> set[int]:
    return {item["id"] for item in items}


@pytest.mark.parametrize("language", LANGUAGES)
def test_drafts_and_private_translations_never_show_in_their_language(trees, language):
    api = APIClient()
    public = trees[language]["public"].pk
    secret = {trees[language]["draft"].pk, trees[language]["private"].pk}
    query = {"q": LABELS[language], "locale": language}

    found = ids(api.get(SEARCH_URL, query).json()["items"])
    suggested = ids(api.get(f"{SEARCH_URL}suggest/", query).json()["suggestions"])
    listed = ids(api.get("/api/v2/pages/", {"locale": language, "limit": 100}).json()["items"])
    searched_listing = ids(
        api.get("/api/v2/pages/", {"locale": language, "search": LABELS[language]}).json()["items"]
    )
    synced = ids(api.get("/api/v2/sync/", {"locale": language}).json()["items"])

    assert public in found and public in listed and public in suggested and public in synced
    assert not secret & (found | suggested | listed | searched_listing | synced)
    for secret_id in secret:
        assert api.get(f"/api/v2/pages/{secret_id}/").status_code == 404
        assert api.get(f"/api/v2/pages/{secret_id}/", {"locale": language}).status_code == 404
    for feed in ("rss", "atom", "json"):
        body = api.get(f"/api/v2/feeds/{feed}/", {"locale": language}).content.decode()
        for page in (trees[language]["draft"], trees[language]["private"]):
            assert page.title not in body and f"/{page.slug}/" not in body


@pytest.mark.parametrize(
    "params",
    [
        {"q": "통역", "locale": "xx"},
        {"q": "통역", "locale": ""},
        {"q": "통역", "locale": " VI "},
        {"q": "통역", "locale": "x" * 100_000},
        {"q": "통역", "locale": "vi\x00"},
        {"q": "통역", "locale": ["vi", "en"]},
        {"q": "통역", "locale": ["xx", "vi"]},
        {"q": "가" * 2000, "locale": "vi"},
        {"q": "a" * 2000, "locale": "en"},
        {"q": "Hỗ trợ 家庭 family 가족 ١٢ 𝔘", "locale": "vi"},
        {"q": "Hỗ trợ 家庭 family 가족", "locale": "zh-hans"},
        {"q": "how what where is the of", "locale": "en"},
        {"q": "tôi có thể ở đâu", "locale": "vi"},
        {"q": "的 了 是 在", "locale": "zh-hans"},
        {"q": "?!... ---", "locale": "en"},
        {"q": "\u200b\u200b", "locale": "vi"},
    ],
)
@pytest.mark.parametrize("path", ["", "suggest/"])
def test_every_locale_and_query_gets_an_answer_or_a_short_json_400(portal, params, path):
    response = APIClient().get(f"{SEARCH_URL}{path}", params)

    assert response.status_code in (200, 400), response.content[:300]
    assert len(response.content) < 20_000  # no long echo of what the client sent
    if response.status_code == 400:
        error = response.json()["error"]
        assert error["code"] and error["message"]


@pytest.mark.parametrize("url", ["/api/v2/pages/", SEARCH_URL, f"{SEARCH_URL}suggest/"])
def test_an_unknown_locale_is_named_clipped(portal, url):
    response = APIClient().get(url, {"q": "가족", "locale": "x" * 5000})

    assert response.status_code == 400
    message = response.json()["error"]["message"]
    assert message == f"알 수 없는 언어입니다: '{'x' * 20}…'. 가능한 값: ko, zh-hans, vi, en"
