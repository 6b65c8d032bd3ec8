"""An "add page" form the editor left (Wagtail's autosave made it a draft) does not block the
next attempt with the same title; a slug taken by a real page is refused in Korean."""

import re

from django.contrib.auth.models import Group
from django.test import TestCase
from django.urls import reverse
from wagtail.fields import StreamField
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, streamfield

from pages.editorial import EDITORS, setup_portal
from pages.models import ArticlePage, SectionKind
from tests.factories import ArticlePageFactory, UserFactory

TITLE = "한부모 가족 지원 안내"
SLUG = "한부모-가족-지원-안내"


class AbandonedNewPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        _home, sections, _ = setup_portal()
        cls.info = sections[SectionKind.FAMILY_INFO]
        cls.editor = UserFactory(username="editor", groups=[Group.objects.get(name=EDITORS)])
        cls.colleague = UserFactory(username="colleague", groups=[Group.objects.get(name=EDITORS)])

    def leave_draft(self, owner, **fields) -> ArticlePage:
        """What autosave leaves when an editor closes a new page's tab: a never-published draft."""
        draft = ArticlePageFactory.build(title=TITLE, slug=SLUG, live=False, owner=owner, **fields)
        self.info.add_child(instance=draft)
        draft.save_revision(user=owner)
        return draft

    def add_article(self, user, action="action-submit"):
        self.client.force_login(user)
        url = reverse("wagtailadmin_pages:add", args=("pages", "articlepage", self.info.pk))
        response = self.client.get(url)
        data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
        streams = {
            field.name: streamfield([])
            for field in ArticlePage._meta.get_fields()
            if isinstance(field, StreamField)
        }
        data.update(nested_form_data(streams))
        data.update({"title": TITLE, "slug": SLUG, "intro": "지원 내용을 안내합니다.", action: "1"})
        return self.client.post(url, data)

    def test_next_attempt_takes_the_next_free_address(self):
        abandoned = self.leave_draft(self.editor)

        response = self.add_article(self.editor)

        self.assertEqual(response.status_code, 302, response.content.decode()[:2000])
        new = ArticlePage.objects.exclude(pk=abandoned.pk).get(title=TITLE)
        self.assertEqual(new.slug, f"{SLUG}-2")
        abandoned.refresh_from_db()
        self.assertEqual(abandoned.slug, SLUG)  # the old draft is kept, not deleted

    def test_someone_elses_draft_still_holds_its_address_and_the_error_is_korean(self):
        self.leave_draft(self.colleague)

        response = self.add_article(self.editor)

        self.assertEqual(response.status_code, 200)
        errors = response.context["form"].errors["slug"]
        self.assertEqual(len(errors), 1)
        self.assertIn(SLUG, errors[0])
        self.assertIn("이미", errors[0])
        self.assertIsNone(re.search(r"[A-Za-z]{3,}", errors[0].replace(SLUG, "")), errors[0])

    def test_a_published_page_is_never_shadowed(self):
        ArticlePageFactory(parent=self.info, title=TITLE, slug=SLUG, owner=self.editor)

        response = self.add_article(self.editor)

        self.assertEqual(response.status_code, 200)
        self.assertIn("slug", response.context["form"].errors)
        self.assertEqual(ArticlePage.objects.filter(title=TITLE).count(), 1)
