"""A release like the demo's: a new report edition with its chapters (never published), the
notice announcing it (a draft) and an edit to a live notice, grouped by an editor."""

from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth.models import Group
from wagtail.models import Page

from pages.editorial import EDITORS, REVIEWERS, TRANSLATORS, setup_portal
from pages.models import SectionKind
from releases.models import Release, ReleaseItem
from tests.factories import (
    NoticePageFactory,
    ReportChapterPageFactory,
    ReportEditionPageFactory,
    UserFactory,
)

CHAPTERS = 3


@dataclass
class ReleaseContent:
    release: Release
    edition: Page
    chapters: list[Page]
    notice: Page
    changed_notice: Page
    editor: object
    reviewer: object
    translator: object

    @property
    def pages(self) -> list[Page]:
        return [self.edition, *self.chapters, self.notice, self.changed_notice]


def draft(page: Page, user) -> Page:
    page.save_revision(user=user, log_action=True)
    return page


def build_release(go_live_at: datetime, year: int = 2031) -> ReleaseContent:
    _home, sections, _log = setup_portal()
    group = Group.objects.get
    editor = UserFactory(username="release-editor", groups=[group(name=EDITORS)])
    reviewer = UserFactory(username="release-reviewer", groups=[group(name=REVIEWERS)])
    translator = UserFactory(username="release-translator", groups=[group(name=TRANSLATORS)])

    edition = draft(
        ReportEditionPageFactory(parent=sections[SectionKind.REPORT], year=year, live=False),
        editor,
    )
    chapters = [
        draft(ReportChapterPageFactory(parent=edition, chapter_number=n, live=False), editor)
        for n in range(1, CHAPTERS + 1)
    ]
    notices = sections[SectionKind.NOTICE]
    notice = draft(
        NoticePageFactory(parent=notices, title=f"{year}년판 발간 안내", live=False), editor
    )
    changed_notice = NoticePageFactory(parent=notices, title="가족보고서 안내")
    changed_notice.save_revision(user=reviewer).publish(user=reviewer)
    changed_notice.title = "가족보고서 안내 (새 호 발간)"
    draft(changed_notice, editor)

    release = Release.objects.create(
        title=f"{year} 희망서울, 행복가족 발간", go_live_at=go_live_at, created_by=editor
    )
    for page in [edition, *chapters, notice, changed_notice]:
        ReleaseItem.objects.create(release=release, page=page)
    return ReleaseContent(
        release, edition, chapters, notice, changed_notice, editor, reviewer, translator
    )


def page_state(page: Page) -> tuple:
    """Everything a release could change about a page (its row and its revisions)."""
    page = Page.objects.get(pk=page.pk)
    return (
        page.live,
        page.title,
        page.live_revision_id,
        page.latest_revision_id,
        page.has_unpublished_changes,
        page.first_published_at,
        page.last_published_at,
        list(page.revisions.order_by("pk").values_list("pk", "approved_go_live_at")),
    )
