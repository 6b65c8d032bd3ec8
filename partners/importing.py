"""Pulling partner feeds into PartnerItems: new and changed items in, failures logged.

A failed pull (down, slow, malformed) records its status and error on the feed and
changes no item; the next scheduled pull tries again. Items that leave a feed stay.
"""

import logging
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from content.events import ChangeKind, announce

from .fetching import FetchError, fetch
from .models import FeedStatus, PartnerFeed, PartnerItem
from .parsing import MalformedFeed, ParsedItem, parse_feed

logger = logging.getLogger(__name__)

ITEM_FIELDS = ("title", "link", "summary_html", "published")


@dataclass(frozen=True)
class PullResult:
    feed: PartnerFeed
    status: str
    created: int = 0
    updated: int = 0
    error: str = ""


def pull_feed(feed: PartnerFeed) -> PullResult:
    """Fetch one feed (conditionally) and import what is new or changed."""
    try:
        fetched = fetch(feed.url, etag=feed.etag, last_modified=feed.last_modified)
        items = [] if fetched.not_modified else parse_feed(fetched.body, fetched.content_type)
    except (FetchError, MalformedFeed) as error:
        # An expected failure (down, slow, refused, malformed): one line, its Korean reason.
        logger.warning("파트너 피드 %s(%s)를 가져오지 못했습니다: %s", feed.pk, feed.url, error)
        feed.record_failure(error.status, str(error))
        return PullResult(feed, error.status, error=str(error))
    if fetched.not_modified:
        record_success(feed, FeedStatus.NOT_MODIFIED, fetched.etag, fetched.last_modified)
        return PullResult(feed, FeedStatus.NOT_MODIFIED)
    with transaction.atomic():
        created, updated = store_items(feed, items)
        if created or updated:
            # Partner items are part of the API: move the content version (and ETags).
            announce(ChangeKind.RELATED, subject=feed)
        record_success(feed, FeedStatus.OK, fetched.etag, fetched.last_modified)
    return PullResult(feed, FeedStatus.OK, created, updated)


def store_items(feed: PartnerFeed, items: list[ParsedItem]) -> tuple[int, int]:
    """Create items not seen before (by guid) and update changed ones; (created, updated)."""
    existing = {item.guid: item for item in feed.items.filter(guid__in=[i.guid for i in items])}
    new, changed = [], []
    for parsed in items:
        item = existing.get(parsed.guid)
        if item is None:
            new.append(PartnerItem(feed=feed, guid=parsed.guid, **item_values(parsed)))
            continue
        values = item_values(parsed)
        if any(getattr(item, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(item, name, value)
            changed.append(item)
    PartnerItem.objects.bulk_create(new)
    for item in changed:
        item.save(update_fields=[*ITEM_FIELDS, "updated_at"])
    return len(new), len(changed)


def item_values(parsed: ParsedItem) -> dict:
    return {name: getattr(parsed, name) for name in ITEM_FIELDS}


def record_success(feed: PartnerFeed, status: str, etag: str, last_modified: str) -> None:
    now = timezone.now()
    feed.etag = etag[:300]
    feed.last_modified = last_modified[:100]
    feed.last_checked_at = feed.last_success_at = now
    feed.last_status = status
    feed.last_error = ""
    feed.failure_count = 0
    feed.save(
        update_fields=[
            "etag",
            "last_modified",
            "last_checked_at",
            "last_success_at",
            "last_status",
            "last_error",
            "failure_count",
        ]
    )


def pull_active_feeds() -> list[PullResult]:
    """Pull every active feed; one feed failing in an unforeseen way does not stop the rest."""
    results = []
    for feed in PartnerFeed.objects.filter(active=True).order_by("pk"):
        try:
            results.append(pull_feed(feed))
        except Exception as error:
            # Only a bug lands here (fetch and parse failures are typed): keep its traceback.
            logger.exception(
                "파트너 피드 %s(%s)를 가져오다 예기치 못한 오류가 났습니다", feed.pk, feed.url
            )
            feed.record_failure(FeedStatus.MALFORMED, f"{type(error).__name__}: {error}")
            results.append(PullResult(feed, FeedStatus.MALFORMED, error=str(error)))
    return results
