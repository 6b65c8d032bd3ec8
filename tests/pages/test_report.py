"""Report editions and chapters: unique years and chapter numbers, with Korean messages."""

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.test import TestCase
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from pages.models import ReportChapterPage, ReportEditionPage, SectionKind
from pages.portal_tree import ensure_portal_tree
from tests.factories import ReportChapterPageFactory, ReportEditionPageFactory


def test_duplicate_edition_year_is_rejected_in_korean(portal):
    reports = portal.section(SectionKind.REPORT)
    ReportEditionPageFactory(parent=reports, year=2016)
    duplicate = ReportEditionPage(
        title="2016 다시",
        slug="2016-again",
        year=2016,
        edition_number="제3차",
        summary="<p>요약</p>",
    )
    with pytest.raises(ValidationError) as caught:
        duplicate.clean()
    assert caught.value.message_dict["year"] == ["2016년 보고서는 이미 있습니다."]


def test_edition_can_keep_its_own_year(portal):
    edition = ReportEditionPageFactory(parent=portal.section(SectionKind.REPORT), year=2017)
    edition.title = "2017 희망서울, 행복가족 (개정)"
    edition.clean()


def test_changing_a_chapter_to_a_taken_number_is_rejected(portal):
    edition = ReportEditionPageFactory(parent=portal.section(SectionKind.REPORT))
    ReportChapterPageFactory(parent=edition, chapter_number=1)
    second = ReportChapterPageFactory(parent=edition, chapter_number=2)
    second.chapter_number = 1
    with pytest.raises(ValidationError) as caught:
        second.clean()
    assert caught.value.message_dict["chapter_number"] == ["이 발간호에 제1장이 이미 있습니다."]


def test_same_chapter_number_is_fine_in_another_edition(portal):
    reports = portal.section(SectionKind.REPORT)
    ReportChapterPageFactory(parent=ReportEditionPageFactory(parent=reports), chapter_number=1)
    other = ReportChapterPageFactory(
        parent=ReportEditionPageFactory(parent=reports), chapter_number=1
    )
    other.clean()


class DuplicateChapterInAdminTests(TestCase):
    """The admin's create form reports a duplicate chapter number before anything is saved."""

    @classmethod
    def setUpTestData(cls):
        _, sections = ensure_portal_tree()
        cls.edition = ReportEditionPageFactory(parent=sections[SectionKind.REPORT], year=2016)
        ReportChapterPageFactory(parent=cls.edition, chapter_number=1)
        cls.admin = get_user_model().objects.create_superuser("chief", password="pw")

    def post_new_chapter(self, number: int):
        self.client.force_login(self.admin)
        url = reverse(
            "wagtailadmin_pages:add", args=("pages", "reportchapterpage", self.edition.pk)
        )
        data = nested_form_data(
            {
                "title": f"제{number}장 새 장",
                "slug": f"chapter-{number}",
                "chapter_number": number,
                "summary": "",
                "body": streamfield([("paragraph", rich_text("<p>본문</p>"))]),
                "data_sources": streamfield([]),
                "comments": {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0},
            }
        )
        return self.client.post(url, data)

    def test_duplicate_number_shows_korean_error_and_saves_nothing(self):
        response = self.post_new_chapter(1)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "이 발간호에 제1장이 이미 있습니다.")
        self.assertEqual(ReportChapterPage.objects.child_of(self.edition).count(), 1)

    def test_free_number_is_saved_as_a_draft(self):
        response = self.post_new_chapter(2)
        self.assertEqual(response.status_code, 302)
        chapter = ReportChapterPage.objects.child_of(self.edition).get(chapter_number=2)
        self.assertFalse(chapter.live)
