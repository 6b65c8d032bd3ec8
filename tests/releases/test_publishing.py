"""A release goes live at its time with all its pages at once, or not at all; cancelling it
changes no page."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from rest_framework.test import APIClient
from wagtail.models import PageLogEntry
from wagtail.signals import page_published

from content.models import ContentChange
from releases.models import ReleaseStatus
from releases.publishing import (
    ReleaseError,
    approve,
    cancel,
    publish_due_releases,
    reject,
    submit,
)

from .content import CHAPTERS, build_release, page_state

pytestmark = pytest.mark.django_db


@pytest.fixture
def go_live_at():
    return (timezone.now() + timedelta(minutes=5)).replace(second=0, microsecond=0)


@pytest.fixture
def content(go_live_at):
    return build_release(go_live_at)


def scheduled(content):
    submit(content.release, content.editor)
    approve(content.release, content.reviewer)
    content.release.refresh_from_db()
    assert content.release.status == ReleaseStatus.SCHEDULED
    return content.release


def api_chapter_titles(edition_id: int) -> list[str]:
    response = APIClient().get(f"/api/v2/pages/?child_of={edition_id}")
    if response.status_code == 400:
        assert response.json()["error"]["detail"] == "parent page doesn't exist"
        return []  # the edition itself is not public yet
    assert response.status_code == 200, response.content
    return sorted(item["title"] for item in response.json()["items"])


def test_every_page_goes_live_at_the_release_minute_and_not_before(content, go_live_at):
    scheduled(content)
    chapter_titles = sorted(chapter.title for chapter in content.chapters)

    assert publish_due_releases(now=go_live_at - timedelta(seconds=1)) == []
    assert api_chapter_titles(content.edition.pk) == []
    assert APIClient().get(f"/api/v2/pages/{content.notice.pk}/").status_code == 404

    assert publish_due_releases(now=go_live_at) == [content.release]

    assert api_chapter_titles(content.edition.pk) == chapter_titles
    assert len(chapter_titles) == CHAPTERS
    for page in content.pages:
        assert APIClient().get(f"/api/v2/pages/{page.pk}/").status_code == 200
    changed = APIClient().get(f"/api/v2/pages/{content.changed_notice.pk}/").json()
    assert changed["title"] == "가족보고서 안내 (새 호 발간)"
    content.release.refresh_from_db()
    assert content.release.status == ReleaseStatus.PUBLISHED
    assert content.release.published_at <= timezone.now() < go_live_at  # not the due time
    # Each page's publish is in its history under the approver's name.
    for page in content.pages:
        entry = PageLogEntry.objects.filter(page=page, action="wagtail.publish").latest("pk")
        assert entry.user == content.reviewer


def test_the_scheduler_command_publishes_a_due_release(content, go_live_at):
    release = scheduled(content)
    release.go_live_at = timezone.now() - timedelta(seconds=1)
    release.save(update_fields=["go_live_at"])

    call_command("publish_releases", stdout=(out := __import__("io").StringIO()))

    assert f"'{release.title}'의 페이지 {len(content.pages)}개" in out.getvalue()
    assert all(page_state(page)[0] for page in content.pages)


def test_a_failure_mid_release_publishes_nothing(content, go_live_at):
    release = scheduled(content)
    before = {page.pk: page_state(page) for page in content.pages}
    changes_before = ContentChange.objects.count()
    published = []

    def fail_on_the_third_page(sender, instance, **kwargs):
        published.append(instance.pk)
        if len(published) == 3:
            raise RuntimeError("검색 색인 서버 응답 없음")

    page_published.connect(fail_on_the_third_page, dispatch_uid="test-release-failure")
    try:
        assert publish_due_releases(now=go_live_at) == []
    finally:
        page_published.disconnect(dispatch_uid="test-release-failure")

    assert len(published) == 3  # two pages had been published when the third failed
    assert {page.pk: page_state(page) for page in content.pages} == before
    assert ContentChange.objects.count() == changes_before  # clients and sync saw nothing
    assert api_chapter_titles(content.edition.pk) == []
    release.refresh_from_db()
    assert release.status == ReleaseStatus.FAILED
    assert "아무 페이지도 게시하지 않았습니다" in release.failure
    # A failed release is not tried again by the next run.
    assert publish_due_releases(now=go_live_at + timedelta(minutes=1)) == []


def test_a_page_edited_after_approval_fails_the_whole_release_with_its_name(content, go_live_at):
    release = scheduled(content)
    last_chapter = content.chapters[-1]
    last_chapter.title = "제3장 승인 뒤에 고친 제목"
    last_chapter.save_revision(user=content.editor)

    assert publish_due_releases(now=go_live_at) == []

    release.refresh_from_db()
    assert release.status == ReleaseStatus.FAILED
    assert "'제3장 승인 뒤에 고친 제목' 페이지가 승인 후 수정되었습니다" in release.failure
    assert not any(page_state(page)[0] for page in [content.edition, *content.chapters])


def test_cancelling_a_scheduled_release_leaves_every_page_as_it_was(content, go_live_at):
    release = scheduled(content)
    before = {page.pk: page_state(page) for page in content.pages}

    cancel(release, content.reviewer)

    assert {page.pk: page_state(page) for page in content.pages} == before
    assert publish_due_releases(now=go_live_at + timedelta(hours=1)) == []
    assert {page.pk: page_state(page) for page in content.pages} == before
    release.refresh_from_db()
    assert release.status == ReleaseStatus.CANCELLED


def test_approval_needs_the_submitted_revisions(content):
    submit(content.release, content.editor)
    content.notice.title = "제출 뒤에 바뀐 공지"
    content.notice.save_revision(user=content.editor)

    with pytest.raises(ReleaseError, match="'제출 뒤에 바뀐 공지' 페이지가 제출 후 수정되었습니다"):
        approve(content.release, content.reviewer)
    content.release.refresh_from_db()
    assert content.release.status == ReleaseStatus.IN_REVIEW

    reject(content.release, content.reviewer, "공지 문구를 다시 확인해 주세요")
    submit(content.release, content.editor)
    approve(content.release, content.reviewer)
    content.release.refresh_from_db()
    assert content.release.status == ReleaseStatus.SCHEDULED


def test_a_page_belongs_to_one_pending_release_at_a_time(content, go_live_at):
    from releases.models import Release, ReleaseItem

    scheduled(content)
    other = Release.objects.create(title="다른 릴리스", go_live_at=go_live_at)
    ReleaseItem.objects.create(release=other, page=content.notice)

    with pytest.raises(ReleaseError, match="이미 다른 릴리스"):
        submit(other, content.editor)


def test_only_reviewers_approve_and_translators_cannot_submit(content):
    with pytest.raises(ReleaseError, match="편집할 권한이 없습니다"):
        submit(content.release, content.translator)
    submit(content.release, content.editor)
    with pytest.raises(ReleaseError, match="게시할 권한이 없습니다"):
        approve(content.release, content.editor)
    content.release.refresh_from_db()
    assert content.release.status == ReleaseStatus.IN_REVIEW


def test_approval_queues_the_publish_for_the_task_worker_at_the_go_live_time(
    content, go_live_at, settings, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult

    settings.BACKGROUND_TASK_BACKEND = "background"
    submit(content.release, content.editor)
    with django_capture_on_commit_callbacks(execute=True):
        approve(content.release, content.reviewer)

    job = DBTaskResult.objects.get(task_path="releases.tasks.publish_due_releases_task")
    assert job.run_after == go_live_at


def test_published_at_is_the_moment_of_commit_not_the_due_time(content, go_live_at):
    """A worker that runs late (or is handed the due time) records when pages really went
    live: after every page's publish, before the transaction was seen committed."""
    scheduled(content)
    late = go_live_at + timedelta(minutes=7)

    before = timezone.now()
    assert publish_due_releases(now=late) == [content.release]
    after = timezone.now()

    content.release.refresh_from_db()
    assert before <= content.release.published_at <= after
    for page in content.pages:
        page.refresh_from_db()
        assert page.last_published_at <= content.release.published_at
