""" "검토 완료" from the page's own edit view: the editor reviewing a page sees when and by whom
it was last reviewed, a warning when that is older than STALE_CONTENT_DAYS, and a header menu
item that records the same history entry as the stale-content report's action."""

import html
import re

from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageLogEntry

from analytics.reviews import REVIEW_ACTION
from pages.models import SectionKind
from tests.factories import ArticlePageFactory
from tests.pages.test_editorial import PortalTestCase

from .test_stale_content import published_ago


def edit_url(page) -> str:
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


class ReviewInEditorTests(PortalTestCase):
    def setUp(self):
        parent = self.section(SectionKind.FAMILY_INFO)
        self.page = published_ago(ArticlePageFactory(parent=parent, title="2024년 지원 안내"), 400)

    def edit_view(self, user) -> str:
        self.client.force_login(user)
        response = self.client.get(edit_url(self.page))
        self.assertEqual(response.status_code, 200)
        return html.unescape(response.content.decode())

    def review_button_url(self, page_html: str) -> str | None:
        """The header item's POST target (Wagtail's w-action controller posts it)."""
        found = re.search(
            r'data-w-action-url-value="([^"]+)"[^>]*>\s*(?:<svg.*?</svg>\s*)?검토 완료로 기록',
            page_html,
            re.S,
        )
        return found[1] if found else None

    def test_edit_view_warns_when_the_last_review_is_older_than_the_limit(self):
        page_html = self.edit_view(self.editor)

        when = timezone.localtime(self.page.last_published_at).strftime("%Y-%m-%d %H:%M")
        self.assertIn(f"마지막 검토: {when} (게시", page_html)
        self.assertIn("400일 동안 검토되지 않았습니다", page_html)

    @override_settings(STALE_CONTENT_DAYS=500)
    def test_no_warning_within_the_limit(self):
        page_html = self.edit_view(self.editor)

        self.assertIn("마지막 검토:", page_html)
        self.assertNotIn("검토되지 않았습니다", page_html)

    def test_the_header_item_records_the_review_and_comes_back_to_the_editor(self):
        revisions = self.page.revisions.count()
        browser = Client(enforce_csrf_checks=True)
        browser.force_login(self.editor)
        page_html = html.unescape(browser.get(edit_url(self.page)).content.decode())
        action = self.review_button_url(page_html)
        self.assertEqual(action, reverse("analytics_page_reviewed", args=[self.page.pk]))
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page_html)[1]
        back = f"http://testserver{edit_url(self.page)}"

        response = browser.post(action, {"csrfmiddlewaretoken": token, "next": back})

        self.assertRedirects(response, back, fetch_redirect_response=False)
        entry = PageLogEntry.objects.get(page=self.page, action=REVIEW_ACTION)
        self.assertEqual(entry.user, self.editor)
        self.assertEqual(self.page.revisions.count(), revisions)
        after = html.unescape(browser.get(back).content.decode())
        today = timezone.localdate().strftime("%Y-%m-%d")
        self.assertIn(f"마지막 검토: {today}", after)
        self.assertIn(f"검토 완료 · {self.editor.get_full_name() or 'editor'}", after)
        self.assertNotIn("검토되지 않았습니다", after)

    def test_only_those_who_may_edit_the_page_get_the_item(self):
        self.client.force_login(self.blogger)
        self.assertEqual(self.client.get(edit_url(self.page)).status_code, 302)
        response = self.client.post(
            reverse("analytics_page_reviewed", args=[self.page.pk]), {"next": "/admin/"}
        )
        self.assertRedirects(response, "/admin/", fetch_redirect_response=False)  # refused
        self.assertFalse(PageLogEntry.objects.filter(action=REVIEW_ACTION).exists())
        # In the page explorer, the header of a page the user cannot edit offers no review.
        explorer = self.client.get(reverse("wagtailadmin_explore", args=[self.page.pk]))
        self.assertIsNone(self.review_button_url(html.unescape(explorer.content.decode())))

    def test_an_unpublished_draft_is_not_warned_about(self):
        draft = ArticlePageFactory(
            parent=self.section(SectionKind.FAMILY_INFO), title="새 안내", live=False
        )
        self.client.force_login(self.editor)
        page_html = html.unescape(self.client.get(edit_url(draft)).content.decode())

        self.assertNotIn("마지막 검토", page_html)
        self.assertNotIn("검토되지 않았습니다", page_html)
