"""Keep the citizens' search engine in step with publishing, deletion, privacy and moves.

Work runs after the transaction commits, so the engine sees what citizens will see; every
engine call is bounded by SEARCH_TIMEOUT and its errors are logged, never raised.
"""

from functools import partial

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from search.indexing import engine_configured, sync_pages


def _sync_after_commit(pages) -> None:
    if engine_configured():
        transaction.on_commit(partial(sync_pages, list(pages)))


def _subtree(page):
    return Page.objects.descendant_of(page, inclusive=True).only("pk")


def page_visibility_changed(sender, instance, **kwargs):
    _sync_after_commit([instance])


def page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        _sync_after_commit([instance])


def restriction_changed(sender, instance, **kwargs):
    _sync_after_commit(_subtree(instance.page))


def page_moved(sender, instance, **kwargs):
    _sync_after_commit(_subtree(instance))


def connect() -> None:
    page_published.connect(page_visibility_changed, dispatch_uid="search-page-published")
    page_unpublished.connect(page_visibility_changed, dispatch_uid="search-page-unpublished")
    post_delete.connect(page_deleted, dispatch_uid="search-page-deleted")
    post_save.connect(
        restriction_changed, sender=PageViewRestriction, dispatch_uid="search-restriction-saved"
    )
    post_delete.connect(
        restriction_changed, sender=PageViewRestriction, dispatch_uid="search-restriction-deleted"
    )
    post_page_move.connect(page_moved, dispatch_uid="search-page-moved")
