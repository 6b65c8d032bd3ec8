"""Which URLs a content change makes stale, and purging them.

The keys the change affects (`content.dependencies`: the pages it changed, the listings it can
move pages into, out of or within) name what is stale; responses carry the same keys as
`Surrogate-Key`/`Cache-Tag`. Wagtail's purge backends purge by URL, so the purge names:
the changed and affected pages' API detail URLs and frontend URLs (at the path they had before
the change too, for unpublished, moved and deleted pages); the URLs of responses recorded under
the affected keys (listings with their query strings included); and, when pages changed, the
fixed listing URLs (pages, navigation, sync, feeds, sitemap). An unrelated listing is not
purged. Whatever a purge misses carries an ETag and `must-revalidate`, so a cache asks again.
"""

from django.conf import settings
from wagtail.models import Page

from content import dependencies
from content.events import ContentEvent
from content.paths import frontend_url, site_path

from .sending import purge_urls_task

LISTING_PATHS = [
    "/api/v2/pages/",
    "/api/v2/navigation/",
    "/api/v2/sync/",
    "/api/v2/feeds/rss/",
    "/api/v2/feeds/atom/",
    "/api/v2/feeds/json/",
    "/sitemap.xml",
]


def api_url(path: str) -> str:
    return settings.WAGTAILAPI_BASE_URL.rstrip("/") + path


def affected_keys(event: ContentEvent) -> list[str]:
    """The dependency keys the change makes stale (what a purge-by-key backend would send)."""
    return [key for key in dependencies.keys_for_event(event) if key != dependencies.ANY_CHANGE]


def affected_urls(event: ContentEvent, keys: list[str] | None = None) -> list[str]:
    keys = affected_keys(event) if keys is None else keys
    page_ids = set(event.affected_page_ids)
    if event.page_id is not None:
        page_ids.add(event.page_id)
    paths = {event.path} if event.path else set()
    for page in Page.objects.filter(pk__in=page_ids).only("url_path", "path", "depth"):
        paths.add(site_path(page))
    urls = [api_url(f"/api/v2/pages/{page_id}/") for page_id in sorted(page_ids)]
    urls += [frontend_url(path) for path in sorted(paths) if path]
    urls += [api_url(path) for path in dependencies.paths_for(keys)]
    if {dependencies.PAGES, dependencies.LISTINGS, dependencies.SITE} & set(keys):
        urls += [api_url(path) for path in LISTING_PATHS]
    return list(dict.fromkeys(urls))


def on_content_change(event: ContentEvent) -> None:
    """Queue the purge (a task: the request that published never waits for the CDN)."""
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    task = purge_urls_task.using(backend=settings.BACKGROUND_TASK_BACKEND)
    task.enqueue(affected_urls(event))
