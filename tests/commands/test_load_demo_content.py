"""`load_demo_content` builds a complete Korean portal once, and a rerun changes nothing."""

import io
import os
from datetime import timedelta
from unittest import mock

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import TestCase
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

from pages.blocks import StatisticsTableBlock
from pages.editorial import BLOGGERS, COUNSELORS, EDITORS, REPORT_TF, REVIEWERS
from pages.models import (
    ApplicationStatus,
    ArticlePage,
    Audience,
    BlogPostPage,
    CounselingFAQPage,
    District,
    EducationProgramPage,
    EducationResourcePage,
    HomePage,
    NoticePage,
    ReportChapterPage,
    ReportEditionPage,
    SectionKind,
    SectionPage,
)
from releases.models import Release, ReleaseStatus
from releases.publishing import publish_due_releases


def load(**env) -> str:
    out = io.StringIO()
    with mock.patch.dict(os.environ, env):
        call_command("load_demo_content", stdout=out)
    return out.getvalue()


def counts() -> dict[str, int]:
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "images": get_image_model().objects.count(),
        "documents": get_document_model().objects.count(),
        "users": get_user_model().objects.count(),
        "groups": Group.objects.count(),
    }


class LoadDemoContentTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        os.environ.pop("DEMO_PASSWORD", None)
        cls.first_output = load()

    def test_second_run_changes_nothing(self):
        before = counts()
        output = load()
        self.assertEqual(counts(), before)
        self.assertIn("바뀐 것은 없습니다", output)
        self.assertNotIn("비밀번호", output)

    def test_every_section_is_present_and_filled(self):
        home = HomePage.objects.get(locale__language_code="ko")
        sections = {section.kind: section for section in SectionPage.objects.child_of(home)}
        self.assertEqual(set(sections), set(SectionKind))
        for kind, section in sections.items():
            self.assertTrue(section.get_children().live().exists(), kind)

    def test_at_least_twelve_family_information_articles(self):
        articles = ArticlePage.objects.live()
        self.assertGreaterEqual(articles.count(), 12)
        self.assertFalse(articles.filter(intro="").exists())
        # Citizens' search is tested on the same thing written in different ways.
        text = " ".join(f"{article.intro} {article.body}" for article in articles)
        for spelling in ("한부모가정", "한부모 가정", "한부모가족", "워킹맘", "직장맘", "맞벌이"):
            self.assertTrue(spelling in text, spelling)

    def test_programs_are_open_closed_and_upcoming(self):
        statuses = [page.application_status for page in EducationProgramPage.objects.live()]
        self.assertEqual(len(statuses), 6)
        self.assertEqual(set(statuses), set(ApplicationStatus))

    def test_resources_offer_real_pdf_files(self):
        resources = EducationResourcePage.objects.live()
        self.assertEqual(resources.count(), 6)
        self.assertTrue(resources.filter(resource_type="worksheet").exists())
        for resource in resources:
            document = resource.downloads.get().document
            with document.file.open("rb") as pdf:
                self.assertEqual(pdf.read(5), b"%PDF-", resource.title)

    def test_report_editions_have_chapters_with_valid_tables_and_charts(self):
        editions = ReportEditionPage.objects.live().order_by("year")
        self.assertEqual(
            [(edition.year, edition.edition_number) for edition in editions],
            [(2015, "제1차"), (2016, "제3차"), (2017, "제4차")],
        )
        for edition in editions:
            chapters = ReportChapterPage.objects.child_of(edition).live()
            self.assertGreaterEqual(chapters.count(), 4)
            for chapter in chapters:
                blocks = {block.block_type: block for block in chapter.body}
                self.assertIn("key_findings", blocks)
                table = blocks["statistics_table"].value
                StatisticsTableBlock().clean(table)
                self.assertTrue(table.chart()["series"], "every demo table draws a chart")
                self.assertIn("예시 수치", table["source"])

    def test_blog_notices_and_faqs(self):
        posts = BlogPostPage.objects.live()
        self.assertEqual(posts.count(), 4)  # a fifth waits for review
        self.assertFalse(posts.filter(blogger=None).exists())
        notices = NoticePage.objects.live()
        self.assertEqual(notices.count(), 3)  # a fourth is scheduled for tomorrow
        pinned = notices.get(pinned=True)
        self.assertEqual(pinned.attachments.count(), 1)
        self.assertEqual(CounselingFAQPage.objects.live().count(), 3)

    def test_taxonomies(self):
        self.assertEqual(District.objects.count(), 25)
        self.assertTrue(District.objects.filter(name="강동구").exists())
        names = set(Audience.objects.values_list("name", flat=True))
        self.assertLessEqual({"영유아 부모", "한부모", "다문화가족", "조손가족", "직장맘"}, names)

    def test_pages_are_published_through_revisions(self):
        portal_pages = Page.objects.filter(depth__gt=1)
        release = Release.objects.get()  # its pages wait for the release to go live
        self.assertEqual(
            set(portal_pages.filter(live_revision=None).values_list("title", flat=True)),
            {"한부모 아빠의 첫 학부모 상담 후기", "온라인 상담 답변 지연 안내"}
            | {item.page.title for item in release.items.all() if not item.page.live},
        )

    def test_the_next_edition_goes_live_at_its_minute_with_all_chapters(self):
        release = Release.objects.get()
        self.assertEqual(release.status, ReleaseStatus.SCHEDULED)
        self.assertLessEqual(release.go_live_at - timezone.now(), timedelta(minutes=3))
        self.assertFalse(ReportEditionPage.objects.filter(year=2018).live().exists())

        self.assertEqual(publish_due_releases(now=release.go_live_at), [release])

        edition = ReportEditionPage.objects.live().get(year=2018)
        chapters = ReportChapterPage.objects.child_of(edition)
        self.assertEqual(chapters.count(), 4)
        self.assertEqual(chapters.live().count(), 4)
        self.assertTrue(NoticePage.objects.live().filter(title__contains="2018년판 발간").exists())
        home = HomePage.objects.get(locale__language_code="ko")
        featured = [item.page_id for item in home.featured_items.all()]
        self.assertIn(edition.pk, featured)

    def test_reviewers_find_a_post_waiting_for_them(self):
        post = BlogPostPage.objects.get(title="한부모 아빠의 첫 학부모 상담 후기")
        self.assertFalse(post.live)
        self.assertEqual(post.current_workflow_task.name, "콘텐츠 검토")
        self.assertEqual(post.owner.username, "blogger")

    def test_a_notice_is_scheduled_for_tomorrow(self):
        notice = NoticePage.objects.get(title="온라인 상담 답변 지연 안내")
        self.assertFalse(notice.live)
        self.assertIsNotNone(notice.scheduled_revision)

    def test_images_have_alt_text(self):
        images = get_image_model().objects.all()
        self.assertGreater(images.count(), 0)
        self.assertFalse(images.filter(description="").exists())
        self.assertIsNotNone(HomePage.objects.get(locale__language_code="ko").hero_image)

    def test_home_features_content(self):
        home = HomePage.objects.get(locale__language_code="ko")
        self.assertGreaterEqual(home.featured_items.count(), 4)

    def test_one_demo_user_per_group_and_a_superuser(self):
        User = get_user_model()
        for group in (EDITORS, REVIEWERS, REPORT_TF, BLOGGERS, COUNSELORS):
            self.assertTrue(User.objects.filter(groups__name=group).exists(), group)
        self.assertTrue(User.objects.get(username="admin").is_superuser)
        self.assertEqual(BlogPostPage.objects.filter(owner__username="blogger").count(), 3)

    def test_generated_passwords_are_printed_once_and_work(self):
        lines = [line.split() for line in self.first_output.splitlines()]
        passwords = {words[0]: words[1] for words in lines if len(words) == 2}
        editor = get_user_model().objects.get(username="editor")
        self.assertTrue(editor.check_password(passwords["editor"]))


class DemoPasswordTests(TestCase):
    def test_demo_password_from_the_environment_is_used_and_not_printed(self):
        output = load(DEMO_PASSWORD="시연용-비밀번호-2024")
        self.assertNotIn("시연용-비밀번호-2024", output)
        reviewer = get_user_model().objects.get(username="reviewer")
        self.assertTrue(reviewer.check_password("시연용-비밀번호-2024"))
