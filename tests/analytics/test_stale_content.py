"""리포트 > 오래된 콘텐츠: live pages nobody has reviewed or published for 12 months, with a
"검토 완료" action that records who and when without a revision or a publish."""

import datetime
import re
from io import BytesIO

from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.models import Page, PageLogEntry

from analytics.reviews import REVIEW_ACTION
from pages.editorial import COUNSELORS, TRANSLATORS
from pages.models import SectionKind
from tests.factories import ArticlePageFactory, UserFactory
from tests.factories.translations import translated
from tests.pages.test_editorial import PortalTestCase

REPORT = "/admin/stale-content/"


def published_ago(page, days: int):
    """As if `page` was last published `days` ago (before history was kept)."""
    when = timezone.now() - datetime.timedelta(days=days)
    Page.objects.filter(pk=page.pk).update(last_published_at=when, first_published_at=when)
    page.refresh_from_db()
    return page


class StaleContentReportTests(PortalTestCase):
    def setUp(self):
        parent = self.section(SectionKind.FAMILY_INFO)
        self.stale = published_ago(ArticlePageFactory(parent=parent, title="2024년 지원 안내"), 400)
        self.fresh = published_ago(ArticlePageFactory(parent=parent, title="올해 지원 안내"), 30)
        self.client.force_login(self.editor)

    def report(self, **params) -> str:
        response = self.client.get(REPORT, params)
        self.assertEqual(response.status_code, 200)
        return response.content.decode()

    def review(self, page, user=None):
        self.client.force_login(user or self.editor)
        return self.client.post(
            reverse("analytics_page_reviewed", args=[page.pk]), {"next": REPORT}
        )

    def test_lists_pages_not_reviewed_for_twelve_months(self):
        html = self.report()

        self.assertIn("2024년 지원 안내", html)
        self.assertNotIn("올해 지원 안내", html)
        self.assertIn("검토 완료", html)

    def test_reviewing_records_who_and_when_without_a_revision_or_publish(self):
        revisions = self.stale.revisions.count()
        published_at = self.stale.last_published_at
        browser = Client(enforce_csrf_checks=True)
        browser.force_login(self.editor)
        form = re.search(
            r'<form method="post" action="([^"]+)">\s*'
            r'<input type="hidden" name="csrfmiddlewaretoken" value="([^"]+)">',
            browser.get(REPORT).content.decode(),
        )

        response = browser.post(form[1], {"csrfmiddlewaretoken": form[2], "next": REPORT})

        self.assertRedirects(response, REPORT)
        entry = PageLogEntry.objects.get(page=self.stale, action=REVIEW_ACTION)
        self.assertEqual(entry.user, self.editor)
        self.assertLess(timezone.now() - entry.timestamp, datetime.timedelta(minutes=1))
        self.stale.refresh_from_db()
        self.assertEqual(self.stale.revisions.count(), revisions)
        self.assertEqual(self.stale.last_published_at, published_at)
        self.assertNotIn("2024년 지원 안내", self.report())
        history = self.client.get(reverse("wagtailadmin_pages:history", args=[self.stale.pk]))
        self.assertContains(history, "검토 완료로 기록함")

    def test_publishing_counts_as_a_review(self):
        self.stale.save_revision(user=self.reviewer).publish(user=self.reviewer)

        self.assertNotIn("2024년 지원 안내", self.report())

    def test_an_editor_may_choose_the_cutoff(self):
        cutoff = (timezone.localdate() - datetime.timedelta(days=10)).isoformat()

        html = self.report(reviewed_before=cutoff)

        self.assertIn("2024년 지원 안내", html)
        self.assertIn("올해 지원 안내", html)
        self.assertEqual(self.client.get(REPORT, {"reviewed_before": "어제"}).status_code, 200)

    def test_exports_as_a_spreadsheet_with_korean_headings(self):
        self.review(self.stale, self.reviewer)
        published_ago(self.fresh, 500)

        exported = self.client.get(REPORT, {"export": "csv"})
        csv = b"".join(exported.streaming_content).decode("utf-8-sig")

        self.assertTrue(csv.startswith("페이지,유형,마지막 검토,검토 방식,검토한 사람,주소"))
        self.assertIn("올해 지원 안내", csv)
        self.assertNotIn("2024년 지원 안내", csv)  # reviewed just now
        xlsx = self.client.get(REPORT, {"export": "xlsx"})
        self.assertIn("spreadsheetml", xlsx["Content-Type"])
        sheet = load_workbook(BytesIO(b"".join(xlsx.streaming_content))).active
        rows = list(sheet.iter_rows(values_only=True))
        self.assertEqual(rows[0][:3], ("페이지", "유형", "마지막 검토"))
        self.assertEqual([row[0] for row in rows[1:]], ["올해 지원 안내"])
        self.assertEqual(rows[1][2].date(), self.fresh.last_published_at.date())

    def test_those_who_cannot_edit_pages_neither_see_nor_review(self):
        admin_only = UserFactory(username="admin-only")
        admin_only.user_permissions.add(Permission.objects.get(codename="access_admin"))
        self.client.force_login(admin_only)
        self.assertEqual(self.client.get(REPORT).status_code, 302)  # to the dashboard
        # Page rights alone do not open it: a blogger may edit their posts, not see the report.
        self.client.force_login(self.blogger)
        self.assertEqual(self.client.get(REPORT).status_code, 302)

        response = self.review(self.stale, self.blogger)

        self.assertRedirects(response, "/admin/", fetch_redirect_response=False)  # refused
        self.assertFalse(PageLogEntry.objects.filter(action=REVIEW_ACTION).exists())
        self.assertEqual(
            self.client.get(reverse("analytics_page_reviewed", args=[self.stale.pk])).status_code,
            405,
        )

    def counselor_like(self):
        return self.blogger

    def test_translators_and_counselors_neither_see_nor_review(self):
        stale_translation = published_ago(translated(self.stale, "vi"), 400)
        for group in (TRANSLATORS, COUNSELORS):
            user = UserFactory(username=f"member-{group}", groups=[Group.objects.get(name=group)])
            self.client.force_login(user)

            for export in ({}, {"export": "csv"}, {"export": "xlsx"}):
                self.assertEqual(self.client.get(REPORT, export).status_code, 302, group)
            self.assertEqual(
                self.client.get("/admin/stale-content/results/").status_code, 302, group
            )
            dashboard = self.client.get("/admin/").content.decode()
            self.assertNotIn(REPORT, dashboard)  # not in the 리포트 menu
            self.assertNotIn("이용 통계", dashboard)
            response = self.review(stale_translation, user)
            self.assertEqual(response.status_code, 302, group)
        self.assertFalse(PageLogEntry.objects.filter(action=REVIEW_ACTION).exists())

    def test_a_title_written_as_a_formula_is_exported_as_text(self):
        published_ago(self.fresh, 500)
        Page.objects.filter(pk=self.fresh.pk).update(title='=HYPERLINK("http://x.test","열기")')
        Page.objects.filter(pk=self.stale.pk).update(title="-2+3")

        exported = self.client.get(REPORT, {"export": "csv"})
        csv = b"".join(exported.streaming_content).decode("utf-8-sig")

        rows = csv.splitlines()[1:]
        self.assertTrue(any(row.startswith("\"'=HYPERLINK(") for row in rows), rows)
        self.assertTrue(any(row.startswith("'-2+3,") for row in rows), rows)
        xlsx = self.client.get(REPORT, {"export": "xlsx"})
        sheet = load_workbook(BytesIO(b"".join(xlsx.streaming_content))).active
        cells = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
        self.assertIn('=HYPERLINK("http://x.test","열기")', cells)  # a string cell, not a formula
