"""Which pages a feed or the sitemap lists: live public pages, filtered like the API's listings."""

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.db.models import F, QuerySet
from wagtail.models import Page

from content.pageindex import PublicPageIndex
from content.paths import frontend_url
from content.visibility import public_pages
from pages.licences import licences_by_tree_path
from pages.vocabulary import FILTER_NAMES, ContentFilter


@dataclass(frozen=True)
class FeedItem:
    id: int
    title: str
    url: str
    summary: str
    published_at: datetime | None
    updated_at: datetime | None
    licence: str  # a pages.licences.KoglType code


# The listings' filters; `?type=` is not one of them (on listings it is Wagtail's own).
FEED_FILTERS = FILTER_NAMES - {"type"}


def apply_filters(pages: QuerySet, request) -> QuerySet:
    """The portal's filter vocabulary (`?section=&topic=&audience=&district=` …) applied to
    `pages`, as on the API's listings.

    Raises `pages.vocabulary.InvalidFilter` with a Korean message on a value it cannot use.
    """
    return ContentFilter.from_params(request.GET, names=FEED_FILTERS).apply(pages)


def content_pages(index: PublicPageIndex) -> QuerySet:
    """Public pages below the sections (articles, programs, notices …), not the home or sections."""
    if index.root is None:
        return Page.objects.none()
    return public_pages(index).filter(depth__gt=index.root.depth + 1)


def feed_items(index: PublicPageIndex, request) -> list[FeedItem]:
    """The newest filtered public pages, at most `FEED_ITEM_LIMIT`, newest first (pages never
    published through Wagtail, e.g. imported ones, have no date and come last)."""
    pages = apply_filters(content_pages(index), request)
    rows = pages.order_by(F("first_published_at").desc(nulls_last=True), "-id").values_list(
        "id",
        "title",
        "seo_title",
        "search_description",
        "first_published_at",
        "last_published_at",
        "path",
    )[: settings.FEED_ITEM_LIMIT]
    licences = licences_by_tree_path(row[-1] for row in rows)
    return [
        FeedItem(
            id=page_id,
            title=seo_title or title,
            url=frontend_url(index.get(page_id).path),
            summary=description,
            published_at=first_published,
            updated_at=last_published or first_published,
            licence=licences[path],
        )
        for page_id, title, seo_title, description, first_published, last_published, path in rows
        if page_id in index
    ]
