"""The demo's settling-in pages for multicultural families exist in every content language,
really translated, and one Korean page is left untranslated to show the fallback."""

import io
import re

from django.core.management import call_command
from django.test import TestCase
from rest_framework.test import APIClient
from wagtail.models import Page

from demo.languages import PAGES, TRANSLATED_LANGUAGES
from pages.models import ArticlePage

HANGUL = re.compile(r"[\uac00-\ud7a3]")


class DemoLanguagesTest(TestCase):
    @classmethod
    def setUpTestData(cls):
        call_command("load_demo_content", stdout=io.StringIO())
        cls.korean = {
            spec["ko"]["title"]: ArticlePage.objects.get(
                title=spec["ko"]["title"], locale__language_code="ko"
            )
            for spec in PAGES
        }

    def test_at_least_ten_pages_are_live_in_each_language_with_their_own_text(self):
        for language in TRANSLATED_LANGUAGES:
            pages = ArticlePage.objects.live().filter(locale__language_code=language)
            self.assertGreaterEqual(pages.count(), 10, language)
            for page in pages:
                korean = page.get_translation(self.korean[next(iter(self.korean))].locale)
                self.assertNotEqual(page.title, korean.title)
                # Translations carry no Korean left over from the source.
                text = " ".join([page.title, page.intro, str(page.body), page.contact])
                self.assertIsNone(HANGUL.search(text), f"{language}: {page.title}")

    def test_one_page_is_left_untranslated_and_answers_in_korean_saying_so(self):
        untranslated = [spec for spec in PAGES if set(spec) & set(TRANSLATED_LANGUAGES) == set()]
        self.assertEqual(len(untranslated), 1)
        page = self.korean[untranslated[0]["ko"]["title"]]
        self.assertFalse(page.get_translations().exists())
        answer = APIClient().get(f"/api/v2/pages/{page.id}/?locale=vi").json()
        self.assertEqual(answer["meta"]["locale"], "ko")
        self.assertEqual(answer["meta"]["fallback_from"], "vi")

    def test_the_vietnamese_tree_is_browsable_by_path(self):
        client = APIClient()
        menu = client.get("/api/v2/navigation/?locale=vi").json()
        self.assertEqual(menu["meta"], {"locale": "vi"})
        self.assertIn("Thông tin gia đình", [item["title"] for item in menu["items"]])
        found = client.get(
            "/api/v2/pages/find/",
            {"html_path": "/vi/thong-tin-gia-dinh/ho-tro-gia-dinh-da-van-hoa/"},
            follow=True,
        ).json()
        self.assertEqual(found["title"], "Tổng quan hỗ trợ gia đình đa văn hóa")
        self.assertEqual(found["meta"]["locale"], "vi")
        self.assertEqual(
            {item["locale"] for item in found["meta"]["translations"]}, {"ko", "zh-hans", "en"}
        )

    def test_a_second_run_translates_nothing_again(self):
        before = Page.objects.count()
        out = io.StringIO()
        call_command("load_demo_content", stdout=out)
        self.assertEqual(Page.objects.count(), before)
