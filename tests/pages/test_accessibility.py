"""KWCAG 2.2 checks: what each rule refuses, that errors stop publishing and submission (not
saving a draft), and that the demo portal passes the site report."""

import io

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import TestCase
from django.urls import reverse
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.test.utils.form_data import (
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)

from pages.accessibility import ERROR, WARNING, check_page, check_rich_text, looks_like_file_name
from pages.editorial import setup_portal
from pages.models import ArticlePage, SectionKind
from tests.factories import ArticlePageFactory


def severities(html: str) -> list[str]:
    return [finding.severity for finding in check_rich_text(html, "body", "본문")]


def test_vague_link_text_is_refused():
    assert severities('<p><a href="https://www.bokjiro.go.kr">여기</a>를 보세요</p>') == [ERROR]
    assert severities('<p><a href="/x">클릭</a></p>') == [ERROR]
    assert severities('<p><a href="/x">한부모 지원 신청 안내</a></p>') == []


def test_image_alt_text_must_exist_and_not_be_a_file_name():
    assert looks_like_file_name("IMG_2034.jpg")
    assert looks_like_file_name("DSC01234")
    assert not looks_like_file_name("공원에서 웃는 가족")
    assert severities('<embed embedtype="image" id="1" alt="IMG_2034.jpg"/>') == [ERROR]
    assert severities('<embed embedtype="image" id="1" alt=""/>') == [ERROR]
    assert severities('<embed embedtype="image" id="1" alt="공원에서 웃는 가족"/>') == []


def test_headings_may_not_skip_a_level():
    assert severities("<h2>지원</h2><h3>대상</h3>") == []
    assert severities("<h3>대상</h3>") == [ERROR]
    assert severities("<h2>지원</h2><h4>서류</h4>") == [ERROR]


def test_a_passage_in_another_language_is_a_warning():
    english = (
        "<p>Single-parent families can apply for child support through the district office.</p>"
    )
    assert severities(english) == [WARNING]
    assert severities("<p>한부모가족은 Child support를 신청할 수 있습니다.</p>") == []


class PublishingBlockedTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        _home, sections, _ = setup_portal()
        cls.info = sections[SectionKind.FAMILY_INFO]
        cls.admin = get_user_model().objects.create_superuser("a11y", "a@example.com", "pw")

    def post_edit(self, page, body, action):
        self.client.force_login(self.admin)
        url = reverse("wagtailadmin_pages:edit", args=[page.pk])
        data = querydict_from_html(self.client.get(url).content.decode(), form_id="page-edit-form")
        streams = {
            field.name: streamfield([])
            for field in ArticlePage._meta.get_fields()
            if isinstance(field, StreamField)
        }
        streams["body"] = streamfield(body)
        data.update(nested_form_data(streams))
        data[action] = "1"
        return self.client.post(url, data)

    def test_publishing_a_page_with_an_error_is_stopped_in_korean(self):
        page = ArticlePageFactory(parent=self.info, title="지원 안내", live=False)
        body = [("paragraph", rich_text('<p><a href="https://www.bokjiro.go.kr">여기</a></p>'))]

        response = self.post_edit(page, body, "action-publish")

        self.assertEqual(response.status_code, 200)
        errors = [str(error) for error in response.context["form"].errors["body"]]
        self.assertEqual(len(errors), 1, errors)
        self.assertIn("[웹 접근성]", errors[0])
        self.assertIn("'여기'", errors[0])
        page.refresh_from_db()
        self.assertFalse(page.live)

    def test_saving_a_draft_with_the_same_error_is_allowed(self):
        page = ArticlePageFactory(parent=self.info, title="지원 안내", live=False)
        body = [("paragraph", rich_text('<p><a href="https://www.bokjiro.go.kr">여기</a></p>'))]

        response = self.post_edit(page, body, "action-save")

        self.assertEqual(response.status_code, 302)

    def test_a_page_without_errors_publishes(self):
        page = ArticlePageFactory(parent=self.info, title="지원 안내", live=False)
        body = [("paragraph", rich_text('<p><a href="https://www.bokjiro.go.kr">복지로</a></p>'))]

        response = self.post_edit(page, body, "action-publish")

        self.assertEqual(response.status_code, 302)
        page.refresh_from_db()
        self.assertTrue(page.live)


class DemoPortalReportTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        call_command("load_demo_content", stdout=io.StringIO())
        cls.admin = get_user_model().objects.create_superuser("office", "o@example.com", "pw")

    def test_demo_portal_has_no_accessibility_findings(self):
        findings = {
            page.title: check_page(page)
            for page in Page.objects.live().filter(depth__gt=1).specific()
        }

        self.assertEqual({title: found for title, found in findings.items() if found}, {})

    def test_site_report_lists_a_real_problem_and_links_to_the_page(self):
        page = ArticlePage.objects.live().first()
        page.body = [("image", {"image": None, "alt_text": "IMG_2034.jpg", "caption": ""})]
        page.save()
        self.client.force_login(self.admin)

        html = self.client.get(reverse("portal_accessibility_report")).content.decode()

        self.assertIn("IMG_2034.jpg", html)
        self.assertIn(reverse("wagtailadmin_pages:edit", args=[page.pk]), html)
