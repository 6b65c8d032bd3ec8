"""How images, documents, linked pages and snippets look in API responses.

`represent()` is the one helper blocks and serializer fields share; it reads a
request-scoped `Resolver` from the serializer context, which preloads renditions
and documents in bulk so a listing's query count does not grow with its length.
"""

from typing import Any

from django.conf import settings
from wagtail.documents import get_document_model
from wagtail.documents.models import AbstractDocument
from wagtail.images import get_image_model
from wagtail.images.models import AbstractImage
from wagtail.models import Page

from content.pageindex import get_page_index
from pages.licences import explicit_licences, licence_data, resolve_licence
from pages.snippets import Agency, BloggerProfile, TaxonomyTerm

from .renditions import RENDITION_SPECS


def absolute_url(request, url: str) -> str:
    """File URLs are absolute so the app can fetch them from outside the site."""
    base = getattr(settings, "WAGTAILAPI_BASE_URL", None)
    if base:
        return base.rstrip("/") + url if url.startswith("/") else url
    return request.build_absolute_uri(url) if request is not None else url


class Resolver:
    """Per-request lookups for related objects, loaded in bulk before serialization."""

    def __init__(self, request):
        self.request = request
        self.index = get_page_index(request)
        self._renditions: dict[int, list] = {}
        self._documents: dict[int, AbstractDocument | None] = {}
        self._images: dict[int, AbstractImage | None] = {}
        # 공공누리 codes of images and documents, read for all those known at the first ask.
        self._licences: dict[tuple[str, int], str] = {}
        self._page_licences: dict[str, str] | None = None
        self._versions: dict = {}
        self._extracted_at: dict = {}

    # Bulk loading ----------------------------------------------------------------

    def translations(self, page, pages) -> tuple[list, object]:
        """`page`'s versions in every language and when its source was last extracted,
        loaded for all `pages` at once the first time one of them is asked for."""
        from content.translations import language_versions, sources_extracted_at

        if page.translation_key not in self._versions:
            batch = [other for other in pages if other.translation_key not in self._versions]
            batch = batch if page in batch else [*batch, page]
            self._versions.update(language_versions(batch))
            self._extracted_at.update(
                sources_extracted_at({other.translation_key for other in batch})
            )
        return self._versions.get(page.translation_key, []), self._extracted_at.get(
            page.translation_key
        )

    def preload_images(self, images) -> None:
        """Read the existing API renditions of these images in one query (never create any)."""
        images = [image for image in images if image is not None]
        missing = {image.pk for image in images} - set(self._renditions)
        for image in images:
            self._images.setdefault(image.pk, image)
        if not missing:
            return
        rendition_model = get_image_model().get_rendition_model()
        for image_id in missing:
            self._renditions[image_id] = []
        renditions = rendition_model.objects.filter(
            image_id__in=missing, filter_spec__in=RENDITION_SPECS
        ).order_by("width")
        for rendition in renditions:
            self._renditions[rendition.image_id].append(rendition)

    def preload_image_ids(self, image_ids) -> None:
        wanted = set(image_ids) - set(self._images)
        if wanted:
            found = get_image_model().objects.in_bulk(wanted)
            self._images.update({image_id: found.get(image_id) for image_id in wanted})
        self.preload_images(self._images[image_id] for image_id in image_ids)

    def preload_document_ids(self, document_ids) -> None:
        wanted = set(document_ids) - set(self._documents)
        if wanted:
            found = get_document_model().objects.in_bulk(wanted)
            self._documents.update({doc_id: found.get(doc_id) for doc_id in wanted})

    def remember_documents(self, documents) -> None:
        for document in documents:
            self._documents.setdefault(document.pk, document)

    def image_by_id(self, image_id: int) -> AbstractImage | None:
        self.preload_image_ids([image_id])
        return self._images.get(image_id)

    def document_by_id(self, document_id: int) -> AbstractDocument | None:
        self.preload_document_ids([document_id])
        return self._documents.get(document_id)

    def media_licence(self, kind: str, media_id: int) -> dict[str, Any]:
        """The licence of an image or document (`kind` "image"/"document"), as `licence_data`."""
        from pages.models import DocumentLicence, ImageLicence

        if (kind, media_id) not in self._licences:
            model, known = (
                (ImageLicence, self._images)
                if kind == "image"
                else (DocumentLicence, self._documents)
            )
            wanted = {media_id, *known} - {key[1] for key in self._licences if key[0] == kind}
            self._licences.update({(kind, wanted_id): "" for wanted_id in wanted})
            rows = model.objects.filter(**{f"{kind}_id__in": wanted})
            for media, licence in rows.values_list(f"{kind}_id", "licence"):
                self._licences[(kind, media)] = licence
        data = licence_data(self._licences[(kind, media_id)])
        return {**data, "mark": self.absolute(data["mark"])}

    def page_licence(self, page: Page) -> dict[str, Any]:
        """A page's 공공누리 licence: one query for the request, whatever the listing's length."""
        if self._page_licences is None:
            self._page_licences = explicit_licences()
        chosen = {**self._page_licences, page.path: getattr(page, "licence", "")}
        data = licence_data(resolve_licence(page.path, chosen))
        return {**data, "mark": self.absolute(data["mark"])}

    def absolute(self, url: str | None) -> str | None:
        return absolute_url(self.request, url) if url else None

    # Representations -------------------------------------------------------------

    def image(self, image: AbstractImage) -> dict[str, Any]:
        self.preload_images([image])
        renditions: dict[str, Any] = {}
        for rendition in self._renditions[image.pk]:
            renditions.setdefault(rendition.filter_spec, rendition)
        return {
            "id": image.pk,
            "title": image.title,
            "alt": image.description or image.title,
            "width": image.width,
            "height": image.height,
            "renditions": [
                {
                    "width": rendition.width,
                    "height": rendition.height,
                    "url": absolute_url(self.request, rendition.url),
                }
                for spec in RENDITION_SPECS
                if (rendition := renditions.get(spec)) is not None
            ],
            "licence": self.media_licence("image", image.pk),
        }

    def document(self, document: AbstractDocument, title: str = "") -> dict[str, Any]:
        return {
            "id": document.pk,
            "title": title or document.title,
            "url": absolute_url(self.request, document.url),
            # file_size is filled by the admin upload form; fall back to the stored file.
            "size": document.file_size if document.file_size is not None else _file_size(document),
            "content_type": document.content_type,
            "extension": document.file_extension,
            "licence": self.media_licence("document", document.pk),
        }

    def page(self, page_id: int | None) -> dict[str, Any] | None:
        """A link to a public page, or None for drafts and private pages."""
        indexed = self.index.get(page_id)
        if indexed is None:
            return None
        return {"id": indexed.id, "title": indexed.title, "path": indexed.path}


def _file_size(document: AbstractDocument) -> int | None:
    try:
        return document.file.size
    except (OSError, ValueError):
        return None


def represent(obj, context: dict | None) -> Any:
    """The API representation of an image, document, page or snippet; None if not public."""
    if obj is None:
        return None
    resolver = get_resolver(context)
    if isinstance(obj, AbstractImage):
        return resolver.image(obj)
    if isinstance(obj, AbstractDocument):
        return resolver.document(obj)
    if isinstance(obj, Page):
        return resolver.page(obj.pk)
    if isinstance(obj, TaxonomyTerm):
        return {"id": obj.pk, "name": obj.name, "slug": obj.slug}
    if isinstance(obj, Agency):
        return {"id": obj.pk, "name": obj.name, "url": obj.url, "phone": obj.phone}
    if isinstance(obj, BloggerProfile):
        return {
            "id": obj.pk,
            "display_name": obj.display_name,
            "bio": obj.bio,
            "photo": represent(obj.photo, context),
        }
    raise TypeError(f"No API representation for {type(obj).__name__}")


def representation_schema(model) -> dict:
    """The OpenAPI schema of `represent()`'s answer for an object of `model`."""
    from .schema.types import ref

    for base, name in [
        (AbstractImage, "Image"),
        (AbstractDocument, "Document"),
        (Page, "PageLink"),
        (TaxonomyTerm, "Term"),
        (Agency, "Agency"),
        (BloggerProfile, "BloggerProfile"),
    ]:
        if issubclass(model, base):
            return ref(name)
    raise TypeError(f"No API representation for {model.__name__}")


def get_resolver(context: dict | None) -> Resolver:
    """The request's resolver, created on first use (blocks get the serializer context)."""
    context = context if context is not None else {}
    resolver = context.get("resolver")
    if resolver is None:
        request = context.get("request")
        if request is None:
            raise ValueError("API representation needs the request in the serializer context")
        resolver = getattr(request, "_api_resolver", None) or Resolver(request)
        request._api_resolver = resolver
        context["resolver"] = resolver
    return resolver
