"""A release's life: submit, approve (which schedules), reject, cancel, and publish.

Each step is one conditional UPDATE of the release's status, so two people (or two workers)
acting at once change it once; every step is logged on the release (Wagtail's log entries,
shown on its history). Pages are only touched by `publish_release`, which publishes every
pinned revision in one transaction: a failure on any page rolls all of them back. The
publishing side effects (search, caches, stored JSON, webhooks, CDN) follow from the content
events each publish records (content/events.py), delivered once the transaction commits.
"""

import logging
from collections.abc import Iterable
from datetime import datetime

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import Page

from content.models import ContentChange
from infra.tasks import leased

from .models import ACTIVE, EDITABLE, Release, ReleaseItem, ReleaseStatus
from .tasks import enqueue_at

logger = logging.getLogger(__name__)


class ReleaseError(Exception):
    """A step that cannot be taken; the message is Korean and shown to the editor."""


class ReleaseFailed(ReleaseError):
    """Publishing stopped: nothing of the release went live."""


# Steps ----------------------------------------------------------------------------------------


def submit(release: Release, user) -> None:
    """Send a draft (or a failed release) to review, pinning each page's latest revision."""
    with transaction.atomic():
        items = _items(release)
        problems = [
            *_problems_before_review(release, items),
            *(
                f"'{_name(item.page)}' 페이지를 편집할 권한이 없습니다."
                for item in items
                if not item.page.permissions_for_user(user).can_edit()
            ),
        ]
        if problems:
            raise ReleaseError(" ".join(problems))
        for item in items:
            item.revision_id = item.page.latest_revision_id
            item.save(update_fields=["revision"])
        _move(release, EDITABLE, ReleaseStatus.IN_REVIEW, failure="")
        log(release, "releases.submit", user=user, data=_summary(release, items))


def approve(release: Release, user) -> None:
    """Approve the pinned revisions and schedule the release for its go-live time."""
    with transaction.atomic():
        items = _items(release)
        problems = [
            *_problems_before_review(release, items),
            *_changed_since_submission(items),
            *(
                f"'{_name(item.page)}' 페이지를 게시할 권한이 없습니다."
                for item in items
                if not item.page.permissions_for_user(user).can_publish()
            ),
        ]
        if problems:
            raise ReleaseError(" ".join(problems))
        _move(release, (ReleaseStatus.IN_REVIEW,), ReleaseStatus.SCHEDULED, approved_by=user)
        log(release, "releases.approve", user=user, data=_summary(release, items))
        go_live_at = release.go_live_at
        transaction.on_commit(lambda: enqueue_at(go_live_at))


def reject(release: Release, user, comment: str = "") -> None:
    """Send the release back to its editor as a draft; its pins are dropped."""
    with transaction.atomic():
        _move(release, (ReleaseStatus.IN_REVIEW,), ReleaseStatus.DRAFT)
        release.items.update(revision=None)
        log(release, "releases.reject", user=user, data={"comment": comment})


def cancel(release: Release, user) -> None:
    """Give the release up. Its pages are not touched: drafts stay drafts, live pages stay."""
    with transaction.atomic():
        _move(release, (*EDITABLE, *ACTIVE), ReleaseStatus.CANCELLED)
        log(release, "releases.cancel", user=user)


# Publishing -----------------------------------------------------------------------------------


def publish_due_releases(now: datetime | None = None) -> list[Release]:
    """Publish every scheduled release whose time has come; returns those this call published.

    Each release is leased while it is published (infra/tasks.py), so a second worker skips
    it instead of waiting; the status claim inside the transaction makes it once regardless.
    """
    now = now or timezone.now()
    due = Release.objects.filter(status=ReleaseStatus.SCHEDULED, go_live_at__lte=now)
    published = []
    for release_id in due.order_by("go_live_at", "pk").values_list("pk", flat=True):
        with leased(f"release:{release_id}") as held:
            if held and publish_release(release_id, now):
                published.append(Release.objects.get(pk=release_id))
    return published


def publish_release(release_id: int, now: datetime | None = None) -> bool:
    """Publish the release's pinned revisions in one transaction, all or nothing.

    False when another worker published it first or it is no longer scheduled; on a failure
    nothing is published, the release is marked 게시 실패 with the reason, and False returned.
    """
    now = now or timezone.now()
    try:
        with transaction.atomic():
            claimed = Release.objects.filter(
                pk=release_id, status=ReleaseStatus.SCHEDULED, go_live_at__lte=now
            ).update(status=ReleaseStatus.PUBLISHED, failure="")
            if not claimed:
                return False
            release = Release.objects.get(pk=release_id)
            items = _items(release)
            release.changes_after = _newest_change_id()
            for item in items:
                _publish_item(item, release.approved_by)
            release.changes_until = _newest_change_id()
            # When clients could first see the pages: the commit, just after this, not the
            # due time `now` (a late worker, or a release approved after its time).
            release.published_at = timezone.now()
            release.save(update_fields=["published_at", "changes_after", "changes_until"])
            log(
                release, "releases.publish", user=release.approved_by, data=_summary(release, items)
            )
    except Exception as error:
        _record_failure(release_id, error)
        return False
    logger.info(
        "릴리스 '%s'(%s)의 페이지 %d개를 함께 게시했습니다.", release.title, release.pk, len(items)
    )
    return True


def _publish_item(item: ReleaseItem, approver) -> None:
    # Locks the page row (PostgreSQL) so an editor's save cannot slip in between the check
    # and the publish; pages are taken in tree order (_items) so two releases never deadlock.
    page = Page.objects.select_for_update().get(pk=item.page_id).specific
    if item.revision_id is None or page.latest_revision_id != item.revision_id:
        raise ReleaseFailed(
            f"'{_name(page)}' 페이지가 승인 후 수정되었습니다. 릴리스를 다시 제출해 승인받으세요."
        )
    if approver is None or not page.permissions_for_user(approver).can_publish():
        raise ReleaseFailed(f"승인한 사람이 '{_name(page)}' 페이지를 게시할 권한이 없습니다.")
    item.revision.publish(user=approver, skip_permission_checks=True)
    page.refresh_from_db(fields=["live", "live_revision"])
    if not page.live or page.live_revision_id != item.revision_id:
        # The revision carries its own go-live time in the future: Wagtail scheduled it.
        raise ReleaseFailed(
            f"'{_name(page)}' 페이지에 릴리스보다 늦은 게시 예약 일시가 있어 게시되지 않았습니다."
        )


def _record_failure(release_id: int, error: Exception) -> None:
    if isinstance(error, ReleaseError):
        reason = str(error)
    else:
        cause = f"{type(error).__name__}: {error}"
        reason = f"게시 중 오류가 나서 아무 페이지도 게시하지 않았습니다 ({cause})."
    logger.error("릴리스 %s 게시 실패, 아무 페이지도 게시하지 않았습니다: %s", release_id, reason)
    with transaction.atomic():
        failed = Release.objects.filter(pk=release_id, status=ReleaseStatus.SCHEDULED).update(
            status=ReleaseStatus.FAILED, failure=reason
        )
        if failed:
            log(Release.objects.get(pk=release_id), "releases.fail", data={"reason": reason})


# Checks and helpers ---------------------------------------------------------------------------


def _newest_change_id() -> int:
    return ContentChange.objects.aggregate(newest=Max("id"))["newest"] or 0


def _name(page: Page) -> str:
    """The title editors see in the admin (a draft's newest title)."""
    return page.get_admin_display_title()


def _items(release: Release) -> list[ReleaseItem]:
    return list(release.items.select_related("page", "revision").order_by("page__path", "pk"))


def _problems_before_review(release: Release, items: list[ReleaseItem]) -> list[str]:
    problems = []
    if not items:
        problems.append("릴리스에 페이지가 하나도 없습니다.")
    if release.go_live_at is None:
        problems.append("게시 예정 일시를 정하세요.")
    pages = [item.page_id for item in items]
    elsewhere = (
        ReleaseItem.objects.filter(page_id__in=pages, release__status__in=ACTIVE)
        .exclude(release=release)
        .select_related("page", "release")
    )
    problems += [
        f"'{_name(other.page)}' 페이지는 이미 다른 릴리스('{other.release.title}')에 들어 있습니다."
        for other in elsewhere
    ]
    for item in items:
        if item.page.latest_revision_id is None:
            problems.append(f"'{_name(item.page)}' 페이지에 저장된 판이 없습니다.")
    return problems


def _changed_since_submission(items: Iterable[ReleaseItem]) -> list[str]:
    return [
        f"'{_name(item.page)}' 페이지가 제출 후 수정되었습니다. 편집자가 다시 제출해야 합니다."
        for item in items
        if item.revision_id is None or item.page.latest_revision_id != item.revision_id
    ]


def _move(release: Release, sources: Iterable[str], target: str, **fields) -> None:
    """Change the status if it is still one of `sources` (one conditional UPDATE)."""
    moved = Release.objects.filter(pk=release.pk, status__in=list(sources)).update(
        status=target, **fields
    )
    if not moved:
        current = Release.objects.get(pk=release.pk)
        raise ReleaseError(
            f"릴리스가 이미 '{current.get_status_display()}' 상태라 이 작업을 할 수 없습니다."
        )
    release.refresh_from_db()


def _summary(release: Release, items: list[ReleaseItem]) -> dict:
    return {
        "go_live_at": release.go_live_at.isoformat() if release.go_live_at else None,
        "pages": [{"id": item.page_id, "revision": item.revision_id} for item in items],
    }
