"""Serializer fields of the content API: paths, breadcrumbs, SEO, images, snippets, files.

api/page_fields.py names these in the page models' `api_fields`; everything related goes through
`api.representation.represent()`, so an image looks the same in a field, a
StreamField block or a snippet.
"""

from typing import Any
from urllib.parse import quote

from django.conf import settings
from rest_framework.fields import Field

from .schema.types import (
    BOOLEAN,
    DATE_TIME,
    INTEGER,
    STRING,
    URI,
    array,
    enum,
    nullable,
    obj,
    ref,
)

# Everything that needs loaded models (the page index, representations) is imported
# where used, so that this module imports before the app registry is ready.


def get_resolver(context):
    from .representation import get_resolver

    return get_resolver(context)


def represent(obj, context):
    from .representation import represent

    return represent(obj, context)


class ReadOnlyObjectField(Field):
    """A read-only field that reads the whole object (or its `source`)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    @property
    def resolver(self):
        return get_resolver(self.context)

    def openapi_schema(self, model_field=None) -> dict:
        """The OpenAPI schema of this field's value; `model_field` is the model field it reads."""
        raise NotImplementedError(f"{type(self).__name__} does not describe its schema")


class PagePathField(ReadOnlyObjectField):
    """`meta.path`: the site-relative path the frontend serves the page at."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page) -> str | None:
        indexed = self.resolver.index.get(page.pk)
        if indexed is not None:
            return indexed.path
        if not page.url_path:
            return None
        from content.paths import html_path

        # Previews of drafts: the path the page will have once published.
        return html_path(page.url_path, self.resolver.index.root_url_path)

    def openapi_schema(self, model_field=None) -> dict:
        return {**STRING, "example": "/가족정보/한부모-지원/"}


class FrontendUrlField(PagePathField):
    """`meta.html_url`: where citizens open the page — the frontend, not Wagtail's site root."""

    def to_representation(self, page) -> str | None:
        path = super().to_representation(page)
        if path is None:
            return None
        return settings.FRONTEND_BASE_URL.rstrip("/") + quote(path)

    def openapi_schema(self, model_field=None) -> dict:
        return {
            **URI,
            "example": "https://family.seoul.go.kr/%EA%B0%80%EC%A1%B1%EC%A0%95%EB%B3%B4/",
        }


class ParentIdField(ReadOnlyObjectField):
    """`meta.parent_id`: the public parent's id (None for the home page)."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page) -> int | None:
        indexed = self.resolver.index.get(page.pk)
        if indexed is not None:
            parent = self.resolver.index.parent_of(indexed)
            return parent.id if parent else None
        parent_path = (page.path or "")[: -page.steplen]
        parent = self.resolver.index.by_tree_path.get(parent_path)
        return parent.id if parent else None

    def openapi_schema(self, model_field=None) -> dict:
        return nullable({"type": "integer", "example": 4})


class ParentField(ReadOnlyObjectField):
    """`meta.parent` in the stock shape, read from the public page index (no queries)."""

    def get_attribute(self, instance):
        indexed = self.resolver.index.get(instance.pk)
        parent = self.resolver.index.parent_of(indexed) if indexed else None
        return parent

    def to_representation(self, parent) -> dict[str, Any] | None:
        from django.contrib.contenttypes.models import ContentType
        from wagtail.api.v2.utils import get_object_detail_url

        model = ContentType.objects.get_for_id(parent.content_type_id).model_class()
        if model is None:  # a page type removed from the code
            return None
        return {
            "id": parent.id,
            "meta": {
                "type": f"{model._meta.app_label}.{model.__name__}",
                "detail_url": get_object_detail_url(
                    self.context["router"], self.context["request"], model, parent.id
                ),
                "path": parent.path,
            },
            "title": parent.title,
        }

    def openapi_schema(self, model_field=None) -> dict:
        return nullable(ref("ParentPage"))


class TranslationsField(ReadOnlyObjectField):
    """`meta.translations`: the page in the other content languages the public can read —
    `[{"locale": "vi", "id": 88, "path": "/vi/gia-dinh/", "up_to_date": true}]`.

    `up_to_date` is false once the Korean source was published again after the translation.
    """

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page) -> list[dict[str, Any]]:
        from content.locales import default_language
        from content.pageindex import get_page_index
        from content.translations import up_to_date

        # A listing's pages are looked up together (two queries, however long the page).
        listing = getattr(getattr(self.parent, "parent", None), "instance", None)
        versions, extracted_at = self.resolver.translations(page, listing or [page])
        if len(versions) < 2:
            return []
        source = versions[0] if versions[0].language == default_language() else None
        request = self.context["request"]
        items = []
        for version in versions:
            if version.id == page.pk:
                continue
            indexed = get_page_index(request, version.language).get(version.id)
            if indexed is None:  # a draft, or private: not for the public
                continue
            items.append(
                {
                    "locale": version.language,
                    "id": version.id,
                    "path": indexed.path,
                    "up_to_date": up_to_date(source, version, extracted_at),
                }
            )
        return items

    def openapi_schema(self, model_field=None) -> dict:
        return array(
            obj(
                {
                    "locale": {**STRING, "example": "vi"},
                    "id": {"type": "integer", "example": 88},
                    "path": {**STRING, "example": "/vi/gia-dinh/ho-tro-gia-dinh-da-van-hoa/"},
                    "up_to_date": {"type": "boolean", "example": True},
                }
            )
        )


class BreadcrumbsField(ReadOnlyObjectField):
    """`breadcrumbs`: public ancestors from the home page down, without the page itself."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page) -> list[dict[str, Any]]:
        index = self.resolver.index
        indexed = index.get(page.pk)
        if indexed is None:
            tree_path = page.path or ""
            ancestors = [
                index.by_tree_path[tree_path[:end]]
                for end in range(page.steplen, len(tree_path), page.steplen)
                if tree_path[:end] in index.by_tree_path
            ]
        else:
            ancestors = index.ancestors_of(indexed)
        return [{"id": item.id, "title": item.title, "path": item.path} for item in ancestors]

    def openapi_schema(self, model_field=None) -> dict:
        return array(ref("PageLink"))


class SeoField(ReadOnlyObjectField):
    """`seo`: the title and description for <title> and meta tags."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page) -> dict[str, str]:
        return {
            "title": page.seo_title or page.title,
            "description": page.search_description,
        }

    def openapi_schema(self, model_field=None) -> dict:
        return ref("Seo")


class LicenceField(ReadOnlyObjectField):
    """`licence`: the page's 공공누리 type, its own or inherited from its section.

    Example: `{"code": "kogl-1", "name": "공공누리 제1유형: 출처표시",
    "url": "https://www.kogl.or.kr/info/licenseType1.do",
    "mark": "https://family.seoul.go.kr/static/kogl/kogl-type1.svg"}`
    """

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page) -> dict[str, Any]:
        return self.resolver.page_licence(page)

    def openapi_schema(self, model_field=None) -> dict:
        return ref("Licence")


class RelatedObjectField(ReadOnlyObjectField):
    """An image, document or snippet as an object (see `represent`)."""

    def to_representation(self, value) -> Any:
        return represent(value, self.context)

    def openapi_schema(self, model_field=None) -> dict:
        from .representation import representation_schema

        schema = representation_schema(model_field.related_model)
        return nullable(schema) if model_field.null else schema


class RelatedObjectListField(ReadOnlyObjectField):
    """Many-to-many snippets (topics, audiences …) as a list of objects."""

    def to_representation(self, manager) -> list[Any]:
        return [represent(item, self.context) for item in manager.all()]

    def openapi_schema(self, model_field=None) -> dict:
        from .representation import representation_schema

        return array(representation_schema(model_field.related_model))


class PageLinkField(ReadOnlyObjectField):
    """A chosen page as `{"id","title","path"}`; null if it is a draft or private."""

    def to_representation(self, page_id) -> dict[str, Any] | None:
        return self.resolver.page(page_id)

    def get_attribute(self, instance):
        value = super().get_attribute(instance)
        return getattr(value, "pk", value)

    def openapi_schema(self, model_field=None) -> dict:
        return nullable(ref("PageLink"))


class PageLinkListField(ReadOnlyObjectField):
    """Inline items that point at pages, as links to the public ones only."""

    def __init__(self, page_attribute: str = "page_id", **kwargs):
        self.page_attribute = page_attribute
        super().__init__(**kwargs)

    def to_representation(self, items) -> list[dict[str, Any]]:
        if hasattr(items, "all"):
            items = items.all()
        links = (self.resolver.page(getattr(item, self.page_attribute)) for item in items)
        return [link for link in links if link is not None]

    def openapi_schema(self, model_field=None) -> dict:
        return array(ref("PageLink"))


class DocumentListField(ReadOnlyObjectField):
    """Inline file attachments as document objects, using the item's own title if set."""

    def to_representation(self, items) -> list[dict[str, Any]]:
        return [
            self.resolver.document(item.document, title=getattr(item, "title", ""))
            for item in items.all()
        ]

    def openapi_schema(self, model_field=None) -> dict:
        return array(ref("Document"))


class TagNamesField(ReadOnlyObjectField):
    """Free tags as a sorted list of names (reads prefetched tags)."""

    def to_representation(self, manager) -> list[str]:
        return sorted(tag.name for tag in manager.all())

    def openapi_schema(self, model_field=None) -> dict:
        return array(STRING)


class ChoiceLabelField(ReadOnlyObjectField):
    """A choice as `{"value","label"}` so clients show the Korean label."""

    def __init__(self, choices, **kwargs):
        self.labels = dict(choices)
        super().__init__(**kwargs)

    def to_representation(self, value) -> dict[str, str]:
        return {"value": str(value), "label": str(self.labels.get(value, value))}

    def openapi_schema(self, model_field=None) -> dict:
        return obj({"value": enum(self.labels), "label": STRING})


class ImageRenditionsField(ReadOnlyObjectField):
    """The images endpoint's renditions, as in every image object."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, image) -> list[dict[str, Any]]:
        return self.resolver.image(image)["renditions"]

    def openapi_schema(self, model_field=None) -> dict:
        return array(ref("Rendition"))


class ImageAltField(ReadOnlyObjectField):
    """The image's alt text (its description, else its title)."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, image) -> str:
        return image.description or image.title

    def openapi_schema(self, model_field=None) -> dict:
        return STRING


class PrintPdfField(ReadOnlyObjectField):
    """`print_pdf`: the edition's print-ready PDF (report_print/), or null until it is built.

    Example: {"url": "https://…/media/print/hope-seoul-happy-family-2017-….pdf",
    "size": 412345, "page_count": 24, "built_at": "2017-12-18T10:00:00+09:00"}
    """

    def get_attribute(self, instance):
        return instance

    def to_representation(self, edition) -> dict[str, Any] | None:
        from report_print.models import EditionPrint

        from .representation import absolute_url

        record = EditionPrint.objects.filter(edition_id=edition.pk).first()
        if record is None or not record.file:
            return None
        return {
            "url": absolute_url(self.context.get("request"), record.file.url),
            "size": record.size,
            "page_count": record.page_count,
            "built_at": record.built_at.isoformat(),
        }

    def openapi_schema(self, model_field=None) -> dict:
        return nullable(
            obj(
                {
                    "url": {**URI, "example": "https://family.seoul.go.kr/media/print/2017.pdf"},
                    "size": {**INTEGER, "description": "bytes", "example": 412345},
                    "page_count": {**INTEGER, "example": 24},
                    "built_at": {**DATE_TIME, "example": "2017-12-18T10:00:00+09:00"},
                },
                required=["url", "size", "page_count", "built_at"],
            )
        )


class ProgramApplicationField(ReadOnlyObjectField):
    """How a Family School program takes applications on the portal. Seat counts change by the
    second, so they are not stored in the page's JSON: `form` is the live endpoint with the
    questions and the numbers ("잔여 3석 · 대기 5명"), e.g.
    `{"accepts": true, "form": "/api/v2/applications/programs/42/", "max_participants": 1}`."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, program) -> dict[str, Any]:
        accepts = program.accepts_applications
        return {
            "accepts": accepts,
            "form": f"/api/v2/applications/programs/{program.pk}/" if accepts else None,
            "max_participants": program.max_participants,
            "asks_children": program.asks_children,
            "waitlist_limit": program.waitlist_limit,
        }

    def openapi_schema(self, model_field=None) -> dict:
        return obj(
            {
                "accepts": BOOLEAN,
                "form": nullable(STRING),
                "max_participants": INTEGER,
                "asks_children": BOOLEAN,
                "waitlist_limit": INTEGER,
            }
        )
