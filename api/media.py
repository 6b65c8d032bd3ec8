"""Which images and documents the public API may list: those live, public pages use.

The media library also holds files uploaded for drafts (a blogger's family photo for a post
awaiting review), for private pages and for nothing yet. Pages carry the media they use in
their own JSON, so the images and documents endpoints only serve media that a live, public
page uses — directly, in rich text or StreamField, or through a snippet it shows (a blogger's
photo). Wagtail's reference index, kept current on every save and publish, says which.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Exists, OuterRef, Q, QuerySet
from django.db.models.functions import Cast
from wagtail.models import CollectionViewRestriction, Page, ReferenceIndex

from .pageindex import PublicPageIndex


def public_pages(index: PublicPageIndex) -> QuerySet:
    """Live pages of the site outside any view restriction (the API's own page set)."""
    if index.root is None:
        return Page.objects.none()
    pages = Page.objects.live().filter(path__startswith=index.root.tree_path)
    for private_path in index.private_paths:
        pages = pages.exclude(path__startswith=private_path)
    return pages


def used_by_public_pages(media: QuerySet, index: PublicPageIndex) -> QuerySet:
    """`media` (images or documents) narrowed to what public pages use, outside private
    collections."""
    media_type = ContentType.objects.get_for_model(media.model)
    page_ids = public_pages(index).annotate(key=Cast("pk", CharField())).values("key")
    from_pages = ReferenceIndex.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page), object_id__in=page_ids
    )
    # A snippet a public page shows, e.g. the blogger profile whose photo a post carries.
    shown_by_a_page = from_pages.filter(
        to_content_type=OuterRef("base_content_type"), to_object_id=OuterRef("object_id")
    )
    used = ReferenceIndex.objects.filter(to_content_type=media_type).filter(
        Q(pk__in=from_pages.values("pk")) | Exists(shown_by_a_page)
    )
    media = media.annotate(key=Cast("pk", CharField())).filter(key__in=used.values("to_object_id"))
    return media.exclude(private_collections())


def private_collections() -> Q:
    """Media in collections with a view restriction (and their sub-collections)."""
    private = Q(pk__in=[])
    for restriction in CollectionViewRestriction.objects.select_related("collection"):
        private |= Q(collection__path__startswith=restriction.collection.path)
    return private
