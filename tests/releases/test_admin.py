"""The release screens: who sees and does what, the history of who did it, the Korean notice
of a failure, and previews that show drafts only to those holding the admin's link."""

import re
from datetime import timedelta
from html import unescape

from django.test import TestCase
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from releases.models import Release, ReleaseStatus
from releases.publishing import approve, publish_due_releases, submit

from .content import build_release


def url(name: str, release=None) -> str:
    return reverse(f"releases:{name}", args=[release.pk] if release else [])


class ReleaseAdminTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.go_live_at = timezone.now() + timedelta(minutes=5)
        cls.content = build_release(cls.go_live_at)
        cls.release = cls.content.release

    def screen(self, user, name: str) -> str:
        self.client.force_login(user)
        response = self.client.get(url(name, None if name == "index" else self.release))
        self.assertEqual(response.status_code, 200)
        return response.content.decode()

    def test_anonymous_visitors_are_sent_to_sign_in(self):
        for name in ("inspect", "preview"):
            response = self.client.get(url(name, self.release))
            self.assertEqual(response.status_code, 302)
            self.assertIn("/admin/login/", response["Location"])
        response = self.client.post(url("approve", self.release))
        self.assertIn("/admin/login/", response["Location"])

    def test_translators_see_no_releases(self):
        self.client.force_login(self.content.translator)
        for address in (url("index"), url("inspect", self.release), url("preview", self.release)):
            response = self.client.get(address)
            self.assertNotEqual(response.status_code, 200, address)
            self.assertNotIn(self.release.title, response.content.decode())

    def test_the_list_shows_each_release_with_its_status(self):
        html = self.screen(self.content.editor, "index")
        self.assertIn(self.release.title, html)
        self.assertIn("초안", html)

    def test_an_editor_submits_but_cannot_approve(self):
        html = self.screen(self.content.editor, "inspect")
        self.assertIn("승인 요청", html)
        self.assertNotIn("승인하고 예약", html)
        self.assertIn(self.content.chapters[0].title, html)

        self.client.post(url("submit", self.release))
        response = self.client.post(url("approve", self.release), follow=True)

        self.assertIn("권한이 없습니다", response.content.decode())
        self.release.refresh_from_db()
        self.assertEqual(self.release.status, ReleaseStatus.IN_REVIEW)

    def test_a_reviewer_approves_and_the_history_says_who_did_what(self):
        self.client.force_login(self.content.editor)
        self.client.post(url("submit", self.release))
        self.client.force_login(self.content.reviewer)
        response = self.client.post(url("approve", self.release), follow=True)

        html = unescape(response.content.decode())
        self.assertIn("승인했습니다.", html)
        self.assertIn("예약됨", html)
        self.assertRegex(html, r"release-reviewer\S* — 릴리스를 승인하고 게시를 예약함")
        self.assertRegex(html, r"release-editor\S* — 릴리스 승인을 요청함")

    def test_a_failed_release_tells_the_editor_why_in_korean(self):
        submit(self.release, self.content.editor)
        approve(self.release, self.content.reviewer)
        chapter = self.content.chapters[0]
        chapter.title = "제1장 승인 뒤 수정"
        chapter.save_revision(user=self.content.editor)
        publish_due_releases(now=self.go_live_at)

        html = unescape(self.screen(self.content.editor, "inspect"))

        self.assertIn("게시하지 못했습니다. 아무 페이지도 게시되지 않았습니다.", html)
        self.assertIn("'제1장 승인 뒤 수정' 페이지가 승인 후 수정되었습니다", html)
        self.assertIn("게시 실패", html)
        self.assertIn("승인 요청", html)  # the editor can fix it and submit again

    def test_the_preview_shows_every_draft_to_the_editor_and_none_to_anyone_else(self):
        html = unescape(self.screen(self.content.editor, "preview"))
        api_urls = re.findall(r'href="(/api/v2/page_preview/\?[^"]+)"', html)
        self.assertEqual(len(api_urls), len(self.content.pages))

        drafts = {APIClient().get(address).json()["title"] for address in api_urls}
        self.assertIn(self.content.chapters[0].title, drafts)
        self.assertIn("가족보고서 안내 (새 호 발간)", drafts)

        # Without the admin's signed token the drafts stay hidden.
        forged = re.sub(r"token=[^&]+", "token=id%3D1%3Aforged%3Asignature", api_urls[0])
        response = APIClient().get(forged)
        self.assertEqual(response.status_code, 400)
        self.assertEqual(response.json()["error"]["code"], "invalid_token")
        for page in self.content.pages[:-1]:
            self.assertEqual(APIClient().get(f"/api/v2/pages/{page.pk}/").status_code, 404)
        live = APIClient().get(f"/api/v2/pages/{self.content.changed_notice.pk}/").json()
        self.assertEqual(live["title"], "가족보고서 안내")

    def test_a_published_release_shows_its_scheduled_and_its_actual_time(self):
        submit(self.release, self.content.editor)
        approve(self.release, self.content.reviewer)
        publish_due_releases(now=self.go_live_at)
        self.release.refresh_from_db()

        html = unescape(self.screen(self.content.editor, "inspect"))

        scheduled = timezone.localtime(self.go_live_at).strftime("%Y-%m-%d %H:%M")
        actual = timezone.localtime(self.release.published_at).strftime("%Y-%m-%d %H:%M:%S")
        self.assertRegex(html, rf"<dt>게시 예정 일시</dt>\s*<dd>{scheduled}</dd>")
        self.assertRegex(html, rf"<dt>실제 게시 일시</dt>\s*<dd>{actual}</dd>")

    def test_the_preview_of_a_new_edition_lists_the_chapters_the_release_brings(self):
        html = unescape(self.screen(self.content.editor, "preview"))

        edition = html.index(f'id="release-page-{self.content.edition.pk}"')
        listed = html[edition : html.index(f'id="release-page-{self.content.chapters[0].pk}"')]
        self.assertIn("함께 게시되는 하위 페이지 3개", listed)
        for chapter in self.content.chapters:
            self.assertIn(f'href="#release-page-{chapter.pk}">{chapter.title}</a>', listed)
        # The public API still lists no chapter of the unpublished edition.
        response = APIClient().get(f"/api/v2/pages/?child_of={self.content.edition.pk}")
        self.assertEqual(response.status_code, 400)

    def test_a_submitted_release_cannot_be_edited(self):
        submit(self.release, self.content.editor)
        self.client.force_login(self.content.editor)

        response = self.client.get(url("edit", self.release), follow=True)

        self.assertEqual(response.redirect_chain[-1][0], url("inspect", self.release))
        html = unescape(response.content.decode())
        self.assertIn("'승인 대기' 상태의 릴리스는 고칠 수 없습니다", html)

    def form_data(self, *pages) -> dict:
        data = {
            "title": "새 릴리스",
            "description": "",
            "go_live_at": "2031-01-05 09:00",
            "items-TOTAL_FORMS": str(len(pages)),
            "items-INITIAL_FORMS": "0",
            "items-MIN_NUM_FORMS": "1",
            "items-MAX_NUM_FORMS": "1000",
        }
        for number, page in enumerate(pages):
            data |= {f"items-{number}-page": str(page.pk), f"items-{number}-ORDER": str(number)}
        return data

    def test_an_editor_creates_a_release_naming_each_page_once(self):
        self.client.force_login(self.content.editor)
        chapter, notice = self.content.chapters[0], self.content.notice

        twice = self.client.post(url("add"), self.form_data(chapter, chapter))

        self.assertEqual(twice.status_code, 200)
        self.assertIn("페이지는 이미 이 릴리스에 있습니다", unescape(twice.content.decode()))
        self.assertFalse(Release.objects.filter(title="새 릴리스").exists())

        past = self.client.post(
            url("add"), self.form_data(chapter) | {"go_live_at": "2020-01-01 09:00"}
        )

        self.assertIn("게시 예정 일시는 지금보다 뒤여야 합니다.", past.content.decode())
        self.assertFalse(Release.objects.filter(title="새 릴리스").exists())

        created = self.client.post(url("add"), self.form_data(chapter, notice))

        release = Release.objects.get(title="새 릴리스")
        self.assertRedirects(created, url("inspect", release))
        self.assertEqual(release.created_by, self.content.editor)
        self.assertEqual(release.status, ReleaseStatus.DRAFT)
        self.assertEqual({item.page_id for item in release.items.all()}, {chapter.pk, notice.pk})
