"""Keep the citizens' search engine in step with every content change.

Events arrive after the change commits, so the engine sees what citizens will see; every
engine call is bounded by SEARCH_TIMEOUT and its errors are logged, never raised.
"""

from wagtail.models import Page

from content.events import ChangeKind, ContentEvent, subscribe
from search.indexing import engine_configured, sync_pages

# Changes that alter a page's indexed text or whether citizens may find it.
REINDEXED_KINDS = frozenset(
    [
        ChangeKind.PUBLISHED,
        ChangeKind.UNPUBLISHED,
        ChangeKind.DELETED,
        ChangeKind.MOVED,
        ChangeKind.RESTRICTED,
        ChangeKind.UNRESTRICTED,
    ]
)


def reindex(event: ContentEvent) -> None:
    if not engine_configured() or event.kind not in REINDEXED_KINDS:
        return
    ids = [event.page_id] if event.kind == ChangeKind.PUBLISHED else list(event.affected_page_ids)
    sync_pages([Page(pk=page_id) for page_id in ids if page_id is not None])


def connect() -> None:
    subscribe(reindex, uid="search-reindex")
