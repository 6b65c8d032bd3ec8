"""A reviewer who opens a page in moderation came to approve it: the edit screen's main button
is the approval (and publishing, at the last step), not "초안 저장"."""

import re

from django.urls import reverse

from pages.models import SectionKind
from tests.factories import ArticlePageFactory
from tests.pages.test_editorial import PortalTestCase


def main_button(html: str) -> str:
    """The first button of the edit screen's footer action menu: the one drawn large."""
    footer = html[html.index('class="actions actions--primary') :]
    button = re.search(r"<button[^>]*>.*?</button>", footer, re.DOTALL).group(0)
    return re.sub(r"<[^>]+>|\s+", " ", button).strip() + " " + button.split(">", 1)[0]


class ReviewerMainButtonTests(PortalTestCase):
    def setUp(self):
        self.article = ArticlePageFactory(
            parent=self.section(SectionKind.FAMILY_INFO), title="한부모가족 지원", intro="요약"
        )

    def edit_screen(self, user) -> str:
        self.client.force_login(user)
        url = reverse("wagtailadmin_pages:edit", args=(self.article.pk,))
        return self.client.get(url).content.decode()

    def test_reviewer_on_a_page_in_moderation_sees_approve_and_publish_first(self):
        self.post_edit(self.editor, self.article, "action-submit", title="한부모가족 지원 (개정)")

        button = main_button(self.edit_screen(self.reviewer))

        self.assertIn('data-workflow-action-name="approve"', button)
        self.assertIn("승인", button)
        self.assertIn("게시", button)

    def test_page_not_in_moderation_keeps_save_draft_first(self):
        button = main_button(self.edit_screen(self.reviewer))

        self.assertIn("초안 저장", button)
        self.assertIn("action-save", button)
