"""Editors see the feedback per page: the page's header menu counts the answers and links
to the list filtered to that page."""

from django.urls import reverse

from feedback.models import PageFeedback
from pages.models import SectionKind
from tests.factories import ArticlePageFactory
from tests.pages.test_editorial import PortalTestCase


class FeedbackPerPageTests(PortalTestCase):
    def setUp(self):
        parent = self.section(SectionKind.FAMILY_INFO)
        self.article = ArticlePageFactory(parent=parent, title="양육비 지원")
        self.other = ArticlePageFactory(parent=parent, title="돌봄 지원")
        PageFeedback.objects.create(page=self.article, helpful=True)
        PageFeedback.objects.create(
            page=self.article, helpful=False, comment="서류 목록이 필요해요"
        )
        PageFeedback.objects.create(page=self.other, helpful=False, comment="다른 페이지 의견")
        self.client.force_login(self.editor)

    def test_page_header_counts_answers_and_links_to_its_list(self):
        html = self.client.get(
            reverse("wagtailadmin_pages:edit", args=(self.article.pk,))
        ).content.decode()

        self.assertIn("의견 보기 (도움됨 1 · 안 됨 1)", html)
        listing = self.client.get(f"/admin/page_feedback/?page={self.article.pk}")
        self.assertEqual(listing.status_code, 200)
        text = listing.content.decode()
        self.assertIn("서류 목록이 필요해요", text)
        self.assertNotIn("다른 페이지 의견", text)
