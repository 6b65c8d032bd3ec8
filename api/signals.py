"""Record every change that alters the public API and prepare renditions ahead of GETs."""

from django.db.models.signals import post_delete, post_save
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, ReferenceIndex, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from .models import ContentChange
from .renditions import ensure_renditions, images_used_by

Kind = ContentChange.Kind


def record_pages(page_ids, kind: str) -> None:
    ContentChange.objects.bulk_create(
        ContentChange(page_id=page_id, kind=kind) for page_id in dict.fromkeys(page_ids)
    )


def page_and_descendant_ids(page) -> list[int]:
    return list(Page.objects.descendant_of(page, inclusive=True).values_list("id", flat=True))


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


def on_page_saved(sender, instance, update_fields=None, **kwargs) -> None:
    if not isinstance(instance, Page):
        return
    if update_fields is None or PUBLIC_PAGE_FIELDS.intersection(update_fields):
        record_pages([instance.pk], Kind.PUBLISHED)


def on_page_published(sender, instance, **kwargs) -> None:
    ensure_renditions(images_used_by(instance))
    # Descendants carry this page's title and path in their breadcrumbs.
    record_pages(page_and_descendant_ids(instance), Kind.PUBLISHED)


def on_page_unpublished(sender, instance, **kwargs) -> None:
    record_pages(page_and_descendant_ids(instance), Kind.UNPUBLISHED)


def on_page_moved(sender, instance, **kwargs) -> None:
    record_pages(page_and_descendant_ids(instance), Kind.MOVED)


def on_page_deleted(sender, instance, **kwargs) -> None:
    if isinstance(instance, Page):
        record_pages([instance.pk], Kind.DELETED)


def on_restriction_saved(sender, instance, **kwargs) -> None:
    record_pages(page_and_descendant_ids(instance.page), Kind.RESTRICTED)


def on_restriction_deleted(sender, instance, **kwargs) -> None:
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        record_pages(page_and_descendant_ids(page), Kind.UNRESTRICTED)


def on_related_object_changed(sender, instance, **kwargs) -> None:
    """A snippet, image, document, redirect or site changed: pages showing it change too."""
    page_ids = [
        int(reference.object_id)
        for reference in ReferenceIndex.get_references_to(instance).filter(
            base_content_type__app_label="wagtailcore", base_content_type__model="page"
        )
    ]
    record_pages([*page_ids, None], Kind.RELATED)


def on_image_saved(sender, instance, **kwargs) -> None:
    if instance.file:
        ensure_renditions([instance])
    on_related_object_changed(sender, instance, **kwargs)


def connect() -> None:
    from wagtail.contrib.redirects.models import Redirect

    from pages.snippets import Agency, Audience, BloggerProfile, District, Topic

    page_published.connect(on_page_published, dispatch_uid="api-page-published")
    page_unpublished.connect(on_page_unpublished, dispatch_uid="api-page-unpublished")
    post_page_move.connect(on_page_moved, dispatch_uid="api-page-moved")
    post_save.connect(on_page_saved, dispatch_uid="api-page-saved")
    post_delete.connect(on_page_deleted, sender=Page, dispatch_uid="api-page-deleted")
    post_save.connect(on_restriction_saved, sender=PageViewRestriction, dispatch_uid="api-r+")
    post_delete.connect(on_restriction_deleted, sender=PageViewRestriction, dispatch_uid="api-r-")
    post_save.connect(on_image_saved, sender=get_image_model(), dispatch_uid="api-image")
    related = [get_document_model(), Redirect, Site, Topic, Audience, District, Agency]
    for model in [*related, BloggerProfile, get_image_model()]:
        for signal in (post_save, post_delete):
            if model is get_image_model() and signal is post_save:
                continue
            signal.connect(
                on_related_object_changed,
                sender=model,
                dispatch_uid=f"api-related-{model._meta.label}-{id(signal)}",
            )
