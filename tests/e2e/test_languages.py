"""A Vietnamese family on a 360 px phone: switches the portal to Tiếng Việt, browses the
Vietnamese tree, meets a page not translated yet (Korean, marked lang="ko", said in
Vietnamese), searches, and sends a counseling question in Vietnamese that the counselor sees
marked as vi. The pages are the demo's real translations (demo/languages.py)."""

import datetime
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from applications.models import Application
from counseling.models import CounselingCase
from counseling.permissions import COUNSELOR_GROUP
from demo.languages import FAMILY_INFO, HOME, PAGES
from demo.loader import stream
from pages.editorial import setup_portal
from pages.models import ArticlePage, SectionKind
from pages.translation import start_translations, translate_with
from tests.factories import EducationProgramPageFactory, UserFactory

from .admin_crawl import log_in
from .browsing import click_and_wait, open_frontend, wait_until_ready

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 740}
OVERVIEW = PAGES[0]  # 다문화가족 지원 한눈에 보기, translated into every language
UNTRANSLATED = next(spec for spec in PAGES if "vi" not in spec)
QUESTION = "Chồng tôi làm việc đến khuya. Tôi muốn học tiếng Hàn vào buổi tối, có lớp nào không?"


def translate(page, spec: dict, language: str) -> None:
    """`page` translated from the demo's texts, through its PO file (as demo/loader.py does)."""
    korean, translated = spec["ko"], spec[language]
    strings = {korean[name]: translated[name] for name in korean if name not in ("body", "slug")}
    for source, target in zip(korean.get("body", []), translated.get("body", []), strict=True):
        strings[source.removeprefix("## ")] = target.removeprefix("## ")
    start_translations(page.specific, [language])
    translate_with(page, language, strings, slug=translated["slug"], publish=True)


def korean_page(parent, spec: dict) -> ArticlePage:
    text = spec["ko"]
    page = ArticlePage(
        title=text["title"],
        slug=text["slug"],
        intro=text["intro"],
        body=stream(text["body"]),
        contact=text["contact"],
    )
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def languages_site(frontend):
    home, sections, _ = setup_portal()
    family_info = sections[SectionKind.FAMILY_INFO]
    overview = korean_page(family_info, OVERVIEW)
    untranslated = korean_page(family_info, UNTRANSLATED)
    for language in ("vi", "en"):
        translate(home, HOME, language)
        translate(family_info, FAMILY_INFO, language)
        translate(overview, OVERVIEW, language)
    return {
        "overview": overview,
        "untranslated": untranslated,
        "school": sections[SectionKind.FAMILY_SCHOOL],
    }


def no_sideways_scroll(page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"the page scrolls sideways ({width}px)"


def alternates(page) -> dict[str, str]:
    links = page.locator('head link[rel="alternate"][hreflang]')
    return {
        links.nth(i).get_attribute("hreflang"): unquote(
            urlsplit(links.nth(i).get_attribute("href")).path
        )
        for i in range(links.count())
    }


def test_a_vietnamese_family_uses_the_portal_in_vietnamese(
    browser_page, languages_site, screenshot
):
    page = browser_page
    page.set_viewport_size(PHONE)
    api_calls = []
    page.on("request", lambda request: "/api/v2/" in request.url and api_calls.append(request.url))
    open_frontend(page, "/frontend/")
    switcher = page.get_by_role("navigation", name="언어 선택 · Language")
    assert switcher.get_by_role("link").all_inner_texts() == [
        "한국어",
        "简体中文",
        "Tiếng Việt",
        "English",
    ]

    # Switching: the Vietnamese home, the frame in Vietnamese, every API call in vi.
    api_calls.clear()
    click_and_wait(page, switcher.get_by_role("link", name="Tiếng Việt"))
    assert urlsplit(page.url).path == "/frontend/vi/"
    assert page.locator("html").get_attribute("lang") == "vi"
    assert page.locator("h1").inner_text() == HOME["vi"]["hero_title"]
    assert page.get_by_role("button", name="Menu").is_visible()
    assert page.locator("#header-q").get_attribute("placeholder") == "Nhập từ khóa tìm kiếm"
    assert page.locator(".site-footer").inner_text().startswith("Ban Gia đình, Thành phố Seoul")
    assert (
        page.get_by_role("navigation", name="Chọn ngôn ngữ · Language")
        .get_by_role("link", name="Tiếng Việt")
        .get_attribute("aria-current")
        == "true"
    )
    assert api_calls and all("locale=vi" in url for url in api_calls), api_calls
    assert alternates(page) == {
        "ko": "/frontend/",
        "vi": "/frontend/vi/",
        "en": "/frontend/en/",
        "x-default": "/frontend/",
    }
    no_sideways_scroll(page)
    screenshot(page, "languages-vi-home")

    # Browsing the Vietnamese tree from the menu.
    page.get_by_role("button", name="Menu").click()
    click_and_wait(
        page,
        page.get_by_role("navigation", name="Menu chính").get_by_role(
            "link", name=FAMILY_INFO["vi"]["title"]
        ),
    )
    assert page.locator("h1").inner_text() == FAMILY_INFO["vi"]["title"]
    click_and_wait(page, page.get_by_role("link", name=OVERVIEW["vi"]["title"]))
    article = page.locator("article.screen--article")
    assert article.get_attribute("lang") == "vi"
    assert page.locator("h1").inner_text() == OVERVIEW["vi"]["title"]
    assert article.get_by_role("heading", name="Liên hệ").is_visible()  # "문의", translated
    assert page.locator(".translation-notice").count() == 0
    assert page.get_by_role("heading", name="Thông tin này có hữu ích cho bạn không?").is_visible()
    korean_link = page.get_by_role("navigation", name="Chọn ngôn ngữ · Language").get_by_role(
        "link", name="한국어"
    )
    assert (
        korean_link.get_attribute("hreflang") == "ko" and korean_link.get_attribute("lang") == "ko"
    )
    assert (
        unquote(korean_link.get_attribute("href"))
        == f"/frontend/가족정보/{OVERVIEW['ko']['slug']}/"
    )
    assert set(alternates(page)) == {"ko", "vi", "en", "x-default"}  # no zh-hans version yet
    no_sideways_scroll(page)
    screenshot(page, "languages-vi-article")

    # The same page in English, and back: the switcher follows meta.translations.
    switcher = page.locator("nav.language-switcher")  # named in the language on screen
    click_and_wait(page, switcher.get_by_role("link", name="English"))
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("article.screen--article").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text() == OVERVIEW["en"]["title"]
    assert page.get_by_role("button", name="Menu").is_visible()
    switcher = page.get_by_role("navigation", name="Language")
    click_and_wait(page, switcher.get_by_role("link", name="Tiếng Việt"))
    assert page.locator("h1").inner_text() == OVERVIEW["vi"]["title"]

    # A page not translated yet: Korean, marked so, explained in Vietnamese.
    korean_path = f"/가족정보/{UNTRANSLATED['ko']['slug']}/"
    open_frontend(page, f"/frontend/vi{korean_path}")
    assert page.locator("html").get_attribute("lang") == "vi"
    notice = page.locator(".translation-notice")
    assert (
        notice.inner_text()
        == "Trang này chưa được dịch sang tiếng Việt nên đang hiển thị bản gốc tiếng Hàn."
    )
    assert notice.get_attribute("lang") == "vi"
    korean = page.locator("article.screen--article")
    assert korean.get_attribute("lang") == "ko"
    assert korean.locator("h1").inner_text() == UNTRANSLATED["ko"]["title"]
    assert alternates(page) == {
        "ko": f"/frontend{korean_path}",
        "x-default": f"/frontend{korean_path}",
    }
    no_sideways_scroll(page)
    screenshot(page, "languages-vi-fallback")

    # Searching, with and without tone marks: asked for in vi, answered in the vi interface.
    for query in ("hỗ trợ", "ho tro"):
        search_vietnamese(page, query)
    screenshot(page, "languages-vi-search")

    # A counseling question in Vietnamese.
    open_frontend(page, "/frontend/vi/")
    click_and_wait(page, page.get_by_role("link", name="Gửi câu hỏi tư vấn trực tuyến"))
    assert urlsplit(page.url).path == "/frontend/vi/counseling/ask/"
    form = page.locator("form.counseling-form")
    form.get_by_role("button", name="Gửi câu hỏi").click()
    page.get_by_role("alert").filter(has_text="Vui lòng kiểm tra lại nội dung đã nhập.").wait_for()
    assert form.locator("#title-error").inner_text() == "Vui lòng nhập tiêu đề."
    assert not CounselingCase.objects.exists(), "nothing is sent before the mistakes are fixed"
    form.get_by_label("Lĩnh vực tư vấn (bắt buộc)").select_option(label="Gia đình đa văn hóa")
    form.get_by_label("Tiêu đề (bắt buộc)").fill("Hỏi về lớp tiếng Hàn buổi tối")
    form.get_by_label("Nội dung tư vấn (bắt buộc)").fill(QUESTION)
    form.get_by_label("Số điện thoại", exact=True).fill("010-1234-5678")
    form.get_by_label("(Bắt buộc) Tôi đồng ý").check()
    form.get_by_role("button", name="Gửi câu hỏi").click()
    receipt = page.get_by_role("region", name="Câu hỏi tư vấn đã được tiếp nhận")
    receipt.wait_for()
    assert "chỉ hiển thị một lần" in receipt.get_by_role("alert").inner_text()
    assert "tháng" in receipt.inner_text()  # the date, written the Vietnamese way (Intl)
    no_sideways_scroll(page)
    screenshot(page, "languages-vi-counseling-receipt")
    case = CounselingCase.objects.get()
    assert (case.language, case.question, case.category) == ("vi", QUESTION, "multicultural")

    # The counselor (in the Korean admin) sees the question marked as Vietnamese.
    counselor = UserFactory(username="counselor", groups=[Group.objects.get(name=COUNSELOR_GROUP)])
    log_in(page, counselor.username, "test-password")
    page.goto(reverse("counseling_admin:case", args=[case.pk]))
    language = page.locator("dt", has_text="작성 언어").locator("xpath=following-sibling::dd[1]")
    assert language.inner_text() == "Tiếng Việt (vi)"
    assert page.locator("dd[lang='vi']", has_text=QUESTION).count() == 1


def search_vietnamese(page, query: str) -> None:
    """Search from the header in the vi interface; the request carries locale=vi and the
    screen answers in Vietnamese (results or the Vietnamese no-result help)."""
    box = page.get_by_role("search", name="Tìm kiếm trên cổng thông tin").get_by_role("combobox")
    box.fill(query)
    with page.expect_request(lambda request: "/api/v2/search/?" in request.url) as asked:
        box.press("Enter")
    wait_until_ready(page)
    assert parse_qs(urlsplit(asked.value.url).query) == {"q": [query], "locale": ["vi"]}
    assert urlsplit(page.url).path == "/frontend/vi/search/"
    assert page.locator("h1").inner_text() == "Tìm kiếm"
    summary = page.locator(".result-count").inner_text()
    assert summary.endswith(f"kết quả cho ‘{query}’"), summary
    assert page.get_by_label("Từ khóa", exact=True).input_value() == query


def test_vietnamese_search_finds_the_page_with_and_without_tone_marks(browser_page, languages_site):
    page = browser_page
    page.set_viewport_size(PHONE)
    for query in ("hỗ trợ", "ho tro"):
        open_frontend(page, f"/frontend/vi/search/?q={query}")
        results = page.locator(".result-list .result")
        titles = results.locator(".result__title").all_inner_texts()
        assert OVERVIEW["vi"]["title"] in titles, (query, titles)
        for index in range(results.count()):
            assert results.nth(index).get_attribute("lang") == "vi"


def test_a_korean_program_takes_an_application_in_vietnamese(browser_page, languages_site):
    """The program exists in Korean only: its page is shown in Korean (lang="ko"), and the
    application form under it speaks Vietnamese."""
    today = datetime.date.today()
    program = EducationProgramPageFactory(
        parent=languages_site["school"],
        title="다문화가족 주말 요리 교실",
        capacity=10,
        accepts_applications=True,
        application_start=today - datetime.timedelta(days=1),
        application_end=today + datetime.timedelta(days=5),
    )
    page = browser_page
    page.set_viewport_size(PHONE)
    open_frontend(page, "/frontend/vi" + program.get_url_parts()[2])
    assert page.locator("article.screen--program").get_attribute("lang") == "ko"
    form = page.locator("form.apply-form")
    form.wait_for()
    assert page.locator("section.apply").get_attribute("lang") == "vi"
    assert page.get_by_role("heading", name="Đăng ký trực tuyến").is_visible()
    form.get_by_label("Họ tên người đăng ký (bắt buộc)").fill("Nguyễn Thị Lan")
    form.get_by_label("Số điện thoại di động (bắt buộc)").fill("010-2345-6789")
    form.get_by_label("(Bắt buộc) Tôi đồng ý").check()
    form.get_by_role("button", name="Đăng ký").click()
    receipt = page.get_by_role("region", name="Đăng ký đã được xác nhận")
    receipt.wait_for()
    assert "Số tiếp nhận" in receipt.inner_text()
    assert Application.objects.get().name == "Nguyễn Thị Lan"
    no_sideways_scroll(page)
