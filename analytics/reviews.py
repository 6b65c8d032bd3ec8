"""When a page was last reviewed: "this page is still right" said by an editor, or a publish.

A review is either the "검토 완료" action (a `portal.page_reviewed` entry in the page's
history, with who and when — no revision, nothing published, no content event) or a publish
(`wagtail.publish`): whoever published a page looked at it then, so a page published today is
not stale. A page published before history was kept counts from its `last_published_at`.
Drafts saved since are not reviews: citizens still read the published text.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import F, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import Page, PageLogEntry

REVIEW_ACTION = "portal.page_reviewed"
PUBLISH_ACTION = "wagtail.publish"
REVIEW_ACTIONS = (REVIEW_ACTION, PUBLISH_ACTION)


def with_last_review(pages: QuerySet) -> QuerySet:
    """`pages` annotated with `last_reviewed_at`, `last_reviewed_by_id` (None for publishes
    of unknown origin) and `last_review_action`."""
    latest = PageLogEntry.objects.filter(page=OuterRef("pk"), action__in=REVIEW_ACTIONS).order_by(
        "-timestamp", "-pk"
    )
    logged_at = Subquery(latest.values("timestamp")[:1])
    return pages.annotate(
        last_reviewed_at=Greatest(
            Coalesce(logged_at, F("last_published_at")),
            Coalesce(F("last_published_at"), logged_at),
        ),
        last_reviewed_by_id=Subquery(latest.values("user_id")[:1]),
        last_review_action=Subquery(latest.values("action")[:1]),
    )


@dataclass(frozen=True)
class LastReview:
    """When a page was last reviewed, how ("검토 완료" or "게시") and by whom ("" if unknown)."""

    at: datetime
    how: str
    reviewer: str

    @property
    def is_stale(self) -> bool:
        return self.at < stale_cutoff()

    @property
    def days_ago(self) -> int:
        return (timezone.now() - self.at).days


def reviewer_names(user_ids) -> dict:
    """User id -> the name editors know them by."""
    return {
        user.pk: user.get_full_name() or user.get_username()
        for user in get_user_model().objects.filter(pk__in={pk for pk in user_ids if pk})
    }


def review_how(action: str | None) -> str:
    return "검토 완료" if action == REVIEW_ACTION else "게시"


def last_review(page: Page) -> LastReview | None:
    """The page's last review, as the stale-content report counts it; None if it has none."""
    row = (
        with_last_review(Page.objects.filter(pk=page.pk))
        .values("last_reviewed_at", "last_reviewed_by_id", "last_review_action")
        .first()
    )
    if row is None or row["last_reviewed_at"] is None:
        return None
    by = row["last_reviewed_by_id"]
    return LastReview(
        at=row["last_reviewed_at"],
        how=review_how(row["last_review_action"]),
        reviewer=reviewer_names([by]).get(by, ""),
    )


def stale_cutoff():
    """Pages last reviewed before this are stale (STALE_CONTENT_DAYS, 12 months by default)."""
    return timezone.now() - timedelta(days=settings.STALE_CONTENT_DAYS)


def stale_pages(pages: QuerySet, before=None) -> QuerySet:
    """The live pages among `pages` last reviewed before `before` (the stale cutoff)."""
    return (
        with_last_review(pages.filter(live=True))
        .filter(last_reviewed_at__lt=before or stale_cutoff())
        .order_by("last_reviewed_at", "pk")
    )


@transaction.atomic
def mark_reviewed(page: Page, user) -> None:
    """Record that `user` reviewed `page` now: a history entry only."""
    log(instance=page, action=REVIEW_ACTION, user=user)
