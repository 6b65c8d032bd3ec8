"""Keep the citizens' search engine in step with every content change.

Events arrive after the change commits, so the engine sees what citizens will see; every
engine call is bounded by SEARCH_TIMEOUT and its errors are logged, never raised.
"""

import logging

from wagtail.models import Page

from content.events import ChangeKind, ContentEvent, subscribe
from search import termindex
from search.indexing import engine_configured, sync_pages

logger = logging.getLogger(__name__)

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
    _catch_up_terms()
    if not engine_configured() or event.kind not in REINDEXED_KINDS:
        return
    ids = [event.page_id] if event.kind == ChangeKind.PUBLISHED else list(event.affected_page_ids)
    sync_pages([Page(pk=page_id) for page_id in ids if page_id is not None])


def _catch_up_terms() -> None:
    """The database backend's page terms follow every change (searches would catch up too,
    but then the first search after a publish pays for it)."""
    try:
        termindex.catch_up()
    except Exception:
        logger.exception("Could not bring the search page terms up to date")


def connect() -> None:
    subscribe(reindex, uid="search-reindex")
