"""The one content-change event: every cache, index, feed and integration follows it.

A change to public content is *recorded* inside the transaction that makes it (one
`ContentChange` row per page whose public JSON changed, so the content version moves
with the content and never without it) and *announced* to subscribers once that
transaction commits, so they never act on a change that was rolled back.

Subscribe with `subscribe(handler)`; a handler takes one `ContentEvent` and must not
raise (errors are logged). Only this module connects to Wagtail's and Django's signals.
"""

import logging
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import Signal
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    Locale,
    Page,
    PageViewRestriction,
    ReferenceIndex,
    Site,
)
from wagtail.signals import page_published, page_unpublished, post_page_move

from .models import ChangeKind, ContentChange

logger = logging.getLogger(__name__)

content_changed = Signal()


@dataclass(frozen=True)
class ContentEvent:
    """What changed, as subscribers see it once the change has committed.

    `page_id` is the page the change is about (None for a snippet, image, document,
    redirect or site); `affected_page_ids` every page whose public representation changed
    with it: the page, its descendants (breadcrumbs, paths) and pages that show it.
    `page_type` ("pages.articlepage") and `path` (its site path, "" if it was not public)
    are taken when the change happens, so they survive a deletion. `subject_type` and
    `subject_id` name the changed object itself ("wagtailimages.image", 7), pages included.
    """

    kind: str
    change_id: int
    page_id: int | None = None
    page_type: str = ""
    path: str = ""
    locale: str = ""
    affected_page_ids: tuple[int, ...] = field(default_factory=tuple)
    subject_type: str = ""
    subject_id: int | None = None

    @property
    def version(self) -> str:
        """The content version after this change (the id of its last change record)."""
        return str(self.change_id)


def subscribe(handler: Callable[[ContentEvent], None], uid: str) -> None:
    """Call `handler(event)` after every committed content change."""

    def receiver(sender, event: ContentEvent, **kwargs) -> None:
        handler(event)

    content_changed.connect(receiver, dispatch_uid=uid, weak=False)


def announce(
    kind: str,
    *,
    page: Page | None = None,
    subject=None,
    affected_page_ids: Iterable[int] = (),
    locale: str = "",
    path: str | None = None,
) -> ContentEvent:
    """Record a change now and tell subscribers once the surrounding transaction commits."""
    affected = tuple(dict.fromkeys([*([page.pk] if page is not None else []), *affected_page_ids]))
    affected = tuple(dict.fromkeys([*affected, *computed_from(affected, page, subject)]))
    locale = locale or page_locale(page)
    visible, languages = public_ids_and_languages(affected)
    rows = ContentChange.objects.bulk_create(
        [
            ContentChange(
                page_id=page_id,
                kind=kind,
                # Each row in the language of the page it names: a Korean edit marks its
                # Vietnamese translation out of date, and the vi sync must hear of it.
                locale=languages.get(page_id, locale),
                visible=page_id in visible,
            )
            for page_id in affected
        ]
        or [ContentChange(page_id=None, kind=kind, locale=locale)]
    )
    change_id = max(row.pk for row in rows) if all(row.pk for row in rows) else _newest_change_id()
    event = ContentEvent(
        kind=kind,
        change_id=change_id,
        page_id=event_page_id(page),
        page_type=page_type_label(page),
        path=public_path_of(page) if path is None else path,
        locale=locale,
        affected_page_ids=affected,
        subject_type=subject._meta.label_lower if subject is not None else page_type_label(page),
        subject_id=subject.pk if subject is not None else event_page_id(page),
    )
    if settings.CONTENT_EVENTS_IMMEDIATE:
        _deliver(event)
    else:
        transaction.on_commit(lambda: _deliver(event))
    return event


def computed_from(page_ids: tuple[int, ...], page: Page | None, subject) -> list[int]:
    """Pages whose computed API fields show the changed pages or object (`content.computed`):
    a notice changing changes the home page's pinned notices, an agency the editions it
    contributed to."""
    from django.contrib.contenttypes.models import ContentType

    from .computed import dependent_page_ids

    found = []
    if subject is not None:
        found += dependent_page_ids([subject._meta.label_lower], subject.pk)
    # The page's own type even if its row is gone (a deletion), and those of the pages with it.
    labels = {page_type_label(page)} - {""}
    if page_ids:
        type_ids = Page.objects.filter(pk__in=page_ids).values_list("content_type_id", flat=True)
        labels |= {
            f"{content_type.app_label}.{content_type.model}"
            for content_type in map(ContentType.objects.get_for_id, set(type_ids))
        }
    if labels:
        found += dependent_page_ids(labels)
    return [page_id for page_id in found if page_id not in page_ids]


def public_ids_and_languages(page_ids: tuple[int, ...]) -> tuple[set[int], dict[int, str]]:
    """Which of `page_ids` anonymous visitors may see now, and the language of those pages."""
    if not page_ids:
        return set(), {}
    from .visibility import private_tree_paths

    private = private_tree_paths()
    rows = list(
        Page.objects.live()
        .filter(pk__in=page_ids)
        .values_list("pk", "path", "locale__language_code")
    )
    visible = {pk for pk, path, _ in rows if not any(path.startswith(p) for p in private)}
    return visible, {pk: language for pk, _, language in rows}


def event_page_id(page: Page | None) -> int | None:
    return page.pk if page is not None else None


def _newest_change_id() -> int:
    return ContentChange.objects.order_by("-id").values_list("id", flat=True).first() or 0


def _deliver(event: ContentEvent) -> None:
    for receiver, error in content_changed.send_robust(sender=ContentEvent, event=event):
        if isinstance(error, Exception):
            logger.error(
                "Content change subscriber %r failed on %s of page %s",
                receiver,
                event.kind,
                event.page_id,
                exc_info=error,
            )


def page_locale(page: Page | None) -> str:
    """The language code of the page's tree ("ko"); the site's language for other objects."""
    if page is None or not page.locale_id:
        return settings.LANGUAGE_CODE
    return locale_code(page.locale_id)


def locale_code(locale_id: int) -> str:
    code = Locale.objects.filter(pk=locale_id).values_list("language_code", flat=True).first()
    return code or settings.LANGUAGE_CODE


def page_type_label(page: Page | None) -> str:
    if page is None:
        return ""
    model = page.specific_class or type(page)
    return model._meta.label_lower


def public_path_of(page: Page | None) -> str:
    """The page's site path if the public sees it right now, else ""."""
    if page is None:
        return ""
    from .paths import site_path
    from .visibility import is_public

    return site_path(page) if is_public(page) else ""


# What changed, in pages ---------------------------------------------------------------------


def subtree_ids(page: Page) -> list[int]:
    return list(Page.objects.descendant_of(page, inclusive=True).values_list("id", flat=True))


def pages_showing(objects: Iterable[object]) -> list[int]:
    """Pages that show any of `objects` (a page chooser, a snippet, an image, rich-text links),
    from Wagtail's reference index."""
    page_ids: list[int] = []
    for obj in objects:
        references = ReferenceIndex.get_references_to(obj).filter(
            base_content_type__app_label="wagtailcore", base_content_type__model="page"
        )
        page_ids.extend(
            int(object_id) for object_id in references.values_list("object_id", flat=True)
        )
    return page_ids


def pages_showing_subtree(page_ids: list[int]) -> list[int]:
    """Pages that show any page among `page_ids` (their titles and paths appear there)."""
    from django.contrib.contenttypes.models import ContentType

    page_type = ContentType.objects.get_for_model(Page)
    references = ReferenceIndex.objects.filter(
        to_content_type=page_type,
        to_object_id__in=[str(page_id) for page_id in page_ids],
        base_content_type=page_type,
    )
    return [int(object_id) for object_id in references.values_list("object_id", flat=True)]


def page_change(
    kind: str, page: Page, *, with_subtree: bool = True, path: str | None = None
) -> None:
    """`page` changed: it, its descendants and every page showing any of them changed too."""
    pages = subtree_ids(page) if with_subtree else [page.pk]
    affected = [*pages, *pages_showing_subtree(pages), *translations_of(page)]
    announce(kind, page=page, affected_page_ids=affected, path=path)


def translations_of(page: Page) -> list[int]:
    """The page's versions in other languages: each lists it (and whether it is up to date)."""
    return list(
        Page.objects.filter(translation_key=page.translation_key)
        .exclude(pk=page.pk)
        .values_list("pk", flat=True)
    )


# Wagtail's and Django's signals -------------------------------------------------------------

# Saves that touch only these columns (drafts, locks, workflow state) change nothing public.
PUBLIC_PAGE_FIELDS = frozenset(
    [
        "live",
        "title",
        "slug",
        "url_path",
        "path",
        "show_in_menus",
        "seo_title",
        "search_description",
        "first_published_at",
        "last_published_at",
        "expired",
    ]
)


def on_page_saved(sender, instance, update_fields=None, raw=False, **kwargs) -> None:
    if raw or not isinstance(instance, Page) or not instance.live:
        return
    if update_fields is not None and not PUBLIC_PAGE_FIELDS.intersection(update_fields):
        return
    # A live page saved without publishing (a title fixed in the shell, a bulk import) alters
    # the API: announce it like any change, so caches, stored JSON and search follow. A publish
    # saves the page too and then announces itself through page_published.
    announce(ChangeKind.SAVED, page=instance)


def on_page_published(sender, instance, **kwargs) -> None:
    page_change(ChangeKind.PUBLISHED, instance)


def on_page_unpublished(sender, instance, **kwargs) -> None:
    if instance.pk in _being_deleted():
        return  # Wagtail unpublishes a page it deletes: the deletion is the one change
    page_change(ChangeKind.UNPUBLISHED, instance, path=_path_before_unpublishing(instance))


# Ids of pages whose deletion is under way in this thread (pre_delete to post_delete).
_deleting = threading.local()


def _being_deleted() -> set[int]:
    if not hasattr(_deleting, "ids"):
        _deleting.ids = set()
    return _deleting.ids


def _path_before_unpublishing(page: Page) -> str:
    from .paths import site_path

    return site_path(page)


def on_page_moved(sender, instance, **kwargs) -> None:
    page_change(ChangeKind.MOVED, instance)


def on_page_deleting(sender, instance, **kwargs) -> None:
    # Path and type must be read before the row is gone.
    # Connected before Wagtail's own pre_delete (content precedes wagtail in INSTALLED_APPS),
    # which unpublishes the page it is about to delete.
    if isinstance(instance, Page) and sender is Page:
        instance._content_path_before_delete = public_path_of(instance)
        _being_deleted().add(instance.pk)


def on_page_deleted(sender, instance, **kwargs) -> None:
    # Deleting an ArticlePage deletes its own row, then its Page row: announce once, when the
    # Page row is gone too, so subscribers (the search index) see the page as gone.
    if isinstance(instance, Page) and sender is Page:
        _being_deleted().discard(instance.pk)
        path = getattr(instance, "_content_path_before_delete", "")
        announce(
            ChangeKind.DELETED,
            page=instance,
            affected_page_ids=[*pages_showing([instance]), *translations_of(instance)],
            path=path,
        )


def on_restriction_saved(sender, instance, **kwargs) -> None:
    privacy_change(ChangeKind.RESTRICTED, instance.page, instance)


def on_restriction_deleted(sender, instance, **kwargs) -> None:
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        privacy_change(ChangeKind.UNRESTRICTED, page, instance)


def privacy_change(kind: str, page: Page, restriction: PageViewRestriction) -> None:
    """A restriction on `page` was added or lifted: the page and every live descendant whose
    privacy it alone decides (no other restriction above or on it) changed side.

    Each is announced with its site path (a private page keeps its path; subscribers need
    to know which page went), so a partner hears about every page it may have to drop.
    """
    from .paths import site_path

    page_change(kind, page, path=site_path(page))
    other_restrictions = PageViewRestriction.objects.exclude(pk=restriction.pk)
    others = list(other_restrictions.values_list("page__path", flat=True))
    descendants = Page.objects.live().descendant_of(page).order_by("path").specific()
    for descendant in descendants:
        if not any(descendant.path.startswith(path) for path in others):
            announce(kind, page=descendant, path=site_path(descendant))


def on_related_object_changed(sender, instance, **kwargs) -> None:
    """A snippet, image, document, redirect or site changed: pages showing it change too."""
    announce(ChangeKind.RELATED, subject=instance, affected_page_ids=pages_showing([instance]))


def on_collection_privacy_changed(sender, instance, **kwargs) -> None:
    """Media in a newly restricted (or opened) collection leave (or join) the media listings."""
    announce(ChangeKind.MEDIA)


def connect_wagtail_signals() -> None:
    from wagtail.contrib.redirects.models import Redirect
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    page_published.connect(on_page_published, dispatch_uid="content-page-published")
    page_unpublished.connect(on_page_unpublished, dispatch_uid="content-page-unpublished")
    post_page_move.connect(on_page_moved, dispatch_uid="content-page-moved")
    post_save.connect(on_page_saved, dispatch_uid="content-page-saved")
    pre_delete.connect(on_page_deleting, dispatch_uid="content-page-deleting")
    post_delete.connect(on_page_deleted, dispatch_uid="content-page-deleted")
    post_save.connect(on_restriction_saved, sender=PageViewRestriction, dispatch_uid="content-r+")
    post_delete.connect(
        on_restriction_deleted, sender=PageViewRestriction, dispatch_uid="content-r-"
    )
    for signal in (post_save, post_delete):
        signal.connect(
            on_collection_privacy_changed,
            sender=CollectionViewRestriction,
            dispatch_uid=f"content-collection-restriction-{id(signal)}",
        )
        signal.connect(
            on_collection_privacy_changed,
            sender=Collection,
            dispatch_uid=f"content-collection-{id(signal)}",
        )
    watch_related_models(get_document_model(), get_image_model(), Redirect, Site)


def watch_related_models(*models) -> None:
    """Pages show these objects (images, snippets …): a change to one is a change to them.

    Apps above content/ name their own models from their `AppConfig.ready()` (pages/ its
    snippets), so that content/ imports none of them.
    """
    for model in models:
        for signal in (post_save, post_delete):
            signal.connect(
                on_related_object_changed,
                sender=model,
                dispatch_uid=f"content-related-{model._meta.label}-{id(signal)}",
            )
