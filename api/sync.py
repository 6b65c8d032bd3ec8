"""App sync (like Contentful's Sync API): pages changed since a cursor, plus tombstones.

A cursor is opaque to clients: a signed token (tamper-proof, so nobody can forge
one) holding the id of the last content change the client has seen, or during the
first full download the last page id sent so far. Change ids only grow, so cursors
are monotonic. A change stays "unsettled" for `API_SYNC_SETTLE_SECONDS` after it is
recorded: such changes are sent but the cursor does not move past them yet, so a
transaction that commits late (PostgreSQL allocates ids before commit) is never skipped.
A page may therefore arrive twice; clients apply items and tombstones idempotently.
"""

import bisect
import math
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.db.models import Max
from django.utils import timezone
from wagtail.models import Page

from content.models import ContentChange
from content.versioning import current_version
from releases.models import Release

from .prefetch import optimize_queryset
from .representation import get_resolver

CURSOR_SALT = "api.sync.cursor"


class SyncCursorError(ValueError):
    """The `since` cursor was not issued by this API."""


@dataclass
class SyncBatch:
    page_ids: list[int] = field(default_factory=list)  # public pages to send in full
    deleted_ids: list[int] = field(default_factory=list)
    next_cursor: str = ""
    has_more: bool = False


def cursor_signer() -> signing.Signer:
    # No timestamp: the same position always yields the same cursor, so an app that
    # is up to date gets back exactly the cursor it sent.
    return signing.Signer(salt=CURSOR_SALT)


def make_cursor(change_id: int, after_page_id: int | None = None) -> str:
    return cursor_signer().sign_object({"c": change_id, "p": after_page_id}, compress=True)


def read_cursor(cursor: str) -> tuple[int, int | None]:
    try:
        data = cursor_signer().unsign_object(cursor)
        return int(data["c"]), (int(data["p"]) if data.get("p") is not None else None)
    except (signing.BadSignature, KeyError, TypeError, ValueError) as error:
        raise SyncCursorError(
            "동기화 커서가 올바르지 않습니다. since 없이 처음부터 받으세요."
        ) from error


def settle_seconds() -> int:
    return getattr(settings, "API_SYNC_SETTLE_SECONDS", 5)


def settled_before():
    return timezone.now() - timedelta(seconds=settle_seconds())


def last_changed_timestamp(request, since_midnight: int) -> int:
    """When any sync answer last changed, for Last-Modified (the whole second after it).

    An answer changes twice per content change: when the change is recorded (its page is
    sent) and when it settles (the cursor moves past it). So the later of the newest change
    and the newest settling, never before `since_midnight` (dates in pages turn then).
    """
    newest_at = current_version(request).changed_at
    _, settled_at = newest_settled_change(request)
    settling = settled_at + timedelta(seconds=settle_seconds()) if settled_at else None
    moments = [moment for moment in (newest_at, settling) if moment]
    if not moments:
        return since_midnight
    return max(since_midnight, math.floor(max(moments).timestamp()) + 1)


def newest_settled_change(request) -> tuple[int, datetime | None]:
    """The id and time of the newest change old enough to pass, read once per request."""
    request = getattr(request, "_request", request)
    if not hasattr(request, "_api_settled_change"):
        row = (
            ContentChange.objects.filter(created_at__lte=settled_before())
            .order_by("-id")
            .values_list("id", "created_at")
            .first()
        )
        request._api_settled_change = row or (0, None)
    return request._api_settled_change


def settled_watermark(request) -> int:
    return newest_settled_change(request)[0]


def public_pages_by_id(request, page_ids) -> list[Page]:
    """The public pages among `page_ids`, specific and ready to serialize, in id order."""
    index = get_resolver({"request": request}).index
    by_model: dict[type[Page], list[int]] = {}
    for page_id in page_ids:
        indexed = index.get(page_id)
        if indexed is not None:
            model = ContentType.objects.get_for_id(indexed.content_type_id).model_class()
            if model is not None and issubclass(model, Page):
                by_model.setdefault(model, []).append(page_id)
    pages = [
        page
        for model, ids in by_model.items()
        for page in optimize_queryset(model.objects.filter(pk__in=ids))
    ]
    return sorted(pages, key=lambda page: page.pk)


def ever_public(page_ids: list[int], language: str) -> set[int]:
    """The pages among `page_ids` that were public in `language`'s tree at some point, so a
    client syncing it may hold them; a page that was only ever a draft or private, or lives in
    another language's tree, is never sent as deleted."""
    if not page_ids:
        return set()
    seen = ContentChange.objects.filter(page_id__in=page_ids, locale=language)
    return {
        page_id
        for page_id in seen.exclude(visible=False).values_list("page_id", flat=True)
        if page_id is not None
    }


def sync_batch(request, since: str | None, limit: int) -> SyncBatch:
    if not since:
        return full_batch(request, settled_watermark(request), 0, limit)
    change_id, after_page_id = read_cursor(since)
    if after_page_id is not None:
        return full_batch(request, change_id, after_page_id, limit)
    return delta_batch(request, change_id, limit)


def full_batch(request, watermark: int, after_page_id: int, limit: int) -> SyncBatch:
    """One page of the initial download, in id order; then the cursor switches to changes."""
    index = get_resolver({"request": request}).index
    start = bisect.bisect_right(index.ids, after_page_id)
    chosen = index.ids[start : start + limit]
    has_more = len(index.ids) > start + limit
    cursor = make_cursor(watermark, chosen[-1]) if has_more else make_cursor(watermark)
    return SyncBatch(page_ids=chosen, next_cursor=cursor, has_more=has_more)


def rest_of_releases(last_change_id: int, language: str) -> list:
    """The changes after `last_change_id` of a release published together with it: a step
    never ends inside a release, so clients see all of its pages at once or none."""
    end = Release.objects.filter(
        changes_after__lt=last_change_id, changes_until__gt=last_change_id
    ).aggregate(end=Max("changes_until"))["end"]
    if end is None:
        return []
    return list(
        ContentChange.objects.filter(id__gt=last_change_id, id__lte=end, locale=language)
        .order_by("id")
        .values_list("id", "page_id", "created_at")
    )


def delta_batch(request, change_id: int, limit: int) -> SyncBatch:
    """Pages changed after `change_id`: current ones in full, the rest as tombstones."""
    index = get_resolver({"request": request}).index
    changes = list(
        ContentChange.objects.filter(id__gt=change_id, locale=index.language)
        .order_by("id")
        .values_list("id", "page_id", "created_at")[: limit + 1]
    )
    has_more = len(changes) > limit
    changes = changes[:limit]
    if has_more:
        changes += rest_of_releases(changes[-1][0], index.language)
    settled = settled_before()
    next_change_id = change_id
    for changed_id, _, created_at in changes:
        if created_at > settled:
            has_more = False  # the rest is too fresh to pass; the next sync resends it
            break
        next_change_id = changed_id
    page_ids = list(dict.fromkeys(page_id for _, page_id, _ in changes if page_id is not None))
    current = sorted(page_id for page_id in page_ids if page_id in index)
    gone = [page_id for page_id in page_ids if page_id not in index]
    return SyncBatch(
        page_ids=current,
        deleted_ids=sorted(ever_public(gone, index.language)),
        next_cursor=make_cursor(next_change_id),
        has_more=has_more,
    )
