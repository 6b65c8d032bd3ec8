"""A reviewer who approves from the edit screen is told what happened, in Korean: published,
or passed on to the next step, or sent back for changes — never just "updated"."""

from django.contrib.messages import get_messages

from pages.models import ArticlePage, SectionKind
from tests.factories import ArticlePageFactory
from tests.pages.test_editorial import PortalTestCase


class ApprovalMessageTests(PortalTestCase):
    def setUp(self):
        self.article = ArticlePageFactory(
            parent=self.section(SectionKind.FAMILY_INFO), title="한부모가족 지원", intro="요약"
        )
        self.post_edit(self.editor, self.article, "action-submit", title="한부모가족 지원 (개정)")

    def act_from_edit_screen(self, action: str) -> list[str]:
        response = self.post_edit(
            self.reviewer,
            self.article,
            "action-workflow-action",
            **{"workflow-action-name": action},
        )
        self.assertEqual(response.status_code, 302)
        # What the reviewer reads on the next screen: the messages the response stored.
        next_screen = self.client.get(response.url)
        return [str(message) for message in get_messages(next_screen.wsgi_request)]

    def test_approval_that_publishes_says_so(self):
        said = self.act_from_edit_screen("approve")

        self.assertTrue(ArticlePage.objects.get(pk=self.article.pk).live)
        self.assertEqual(
            said,
            ["'한부모가족 지원 (개정)' 페이지를 승인하고 게시했습니다."],
        )

    def test_requesting_changes_says_so(self):
        said = self.act_from_edit_screen("reject")

        self.assertEqual(len(said), 1)
        self.assertIn("수정을 요청했습니다", said[0])
        self.assertNotIn("수정되었습니다", said[0])
