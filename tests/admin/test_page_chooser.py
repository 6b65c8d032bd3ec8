"""Page choosers list public pages and the pages the user may edit, nothing else: a
blogger never reads the titles of other people's drafts or of private pages."""

from django.contrib.auth.models import Group
from django.test import TestCase
from django.urls import reverse
from wagtail.models import PageViewRestriction

from pages.editorial import BLOGGERS, EDITORS, setup_portal
from pages.models import SectionKind
from tests.factories import ArticlePageFactory, BlogPostPageFactory, UserFactory


class PageChooserVisibilityTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        _home, sections, _ = setup_portal()
        group = Group.objects.get
        cls.blogger = UserFactory(username="blogger", groups=[group(name=BLOGGERS)])
        cls.other_blogger = UserFactory(username="blogger2", groups=[group(name=BLOGGERS)])
        cls.editor = UserFactory(username="editor", groups=[group(name=EDITORS)])
        info, blog = sections[SectionKind.FAMILY_INFO], sections[SectionKind.BLOG]
        cls.info = info
        ArticlePageFactory(parent=info, title="가족 공개 안내")
        cls.staff_draft = ArticlePageFactory(parent=info, title="가족 비공개 초안", live=False)
        private = ArticlePageFactory(parent=info, title="가족 내부 전용 자료")
        PageViewRestriction.objects.create(page=private, restriction_type="login")
        BlogPostPageFactory(
            parent=blog, title="가족 남의 블로그 초안", live=False, owner=cls.other_blogger
        )
        BlogPostPageFactory(
            parent=blog, title="가족 나의 블로그 초안", live=False, owner=cls.blogger
        )

    def titles(self, user, url: str) -> str:
        self.client.force_login(user)
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        if response["Content-Type"].startswith("application/json"):
            return response.json()["html"]  # the browse step answers the modal with JSON
        return response.content.decode()

    def test_search_shows_a_blogger_public_pages_and_own_drafts_only(self):
        html = self.titles(self.blogger, reverse("wagtailadmin_choose_page_search") + "?q=가족")

        self.assertIn("가족 공개 안내", html)
        self.assertIn("가족 나의 블로그 초안", html)
        self.assertNotIn("가족 비공개 초안", html)
        self.assertNotIn("가족 내부 전용 자료", html)
        self.assertNotIn("가족 남의 블로그 초안", html)

    def test_browsing_hides_drafts_and_private_pages_from_a_blogger(self):
        url = reverse("wagtailadmin_choose_page_child", args=(self.info.pk,))
        html = self.titles(self.blogger, url)

        self.assertIn("가족 공개 안내", html)
        self.assertNotIn("가족 비공개 초안", html)
        self.assertNotIn("가족 내부 전용 자료", html)

    def test_editors_still_choose_the_drafts_they_may_edit(self):
        html = self.titles(self.editor, reverse("wagtailadmin_choose_page_search") + "?q=가족")

        self.assertIn("가족 비공개 초안", html)
        self.assertIn("가족 내부 전용 자료", html)
