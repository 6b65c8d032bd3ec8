"""What anonymous visitors may see: live pages outside view restrictions, and the images and
documents those pages use outside restricted collections.

The media library also holds files uploaded for drafts (a blogger's family photo for a post
awaiting review), for private pages and for nothing yet. Pages carry the media they use in
their own JSON, so media listings only serve what a live, public page uses — directly, in
rich text or StreamField, or through a snippet it shows (a blogger's photo). Wagtail's
reference index, kept current on every save and publish, says which.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Exists, OuterRef, Q, QuerySet
from django.db.models.functions import Cast
from wagtail.models import CollectionViewRestriction, Page, PageViewRestriction, ReferenceIndex

from .pageindex import PublicPageIndex


def private_tree_paths() -> list[str]:
    """Tree paths of pages with a view restriction: they and their descendants are private."""
    return list(PageViewRestriction.objects.values_list("page__path", flat=True))


def public_pages_under(root_tree_path: str, private_paths=None) -> QuerySet:
    """Live pages at or below `root_tree_path` outside any view restriction."""
    pages = Page.objects.live().filter(path__startswith=root_tree_path)
    for private_path in private_tree_paths() if private_paths is None else private_paths:
        pages = pages.exclude(path__startswith=private_path)
    return pages


def public_pages(index: PublicPageIndex) -> QuerySet:
    """The public pages of the index's site, as a queryset (the API's own page set)."""
    if index.root is None:
        return Page.objects.none()
    return public_pages_under(index.root.tree_path, index.private_paths)


def searchable_pages() -> QuerySet:
    """Pages citizens may find on any site: live and public (the tree's root is no page)."""
    return Page.objects.live().public().filter(depth__gt=1)


def is_public(page: Page) -> bool:
    """Whether anonymous visitors may see `page` right now."""
    return bool(page.pk) and page.live and not page.get_view_restrictions().exists()


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
    # Plain ids, not a cast subquery: search backends only accept filters on model fields.
    ids = {int(object_id) for object_id in used.values_list("to_object_id", flat=True)}
    return media.filter(pk__in=ids).exclude(private_collections())


def private_collections() -> Q:
    """Media in collections with a view restriction (and their sub-collections)."""
    private = Q(pk__in=[])
    for restriction in CollectionViewRestriction.objects.select_related("collection"):
        private |= Q(collection__path__startswith=restriction.collection.path)
    return private
