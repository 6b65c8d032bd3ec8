"""OpenAPI 3 schema of the content API, with one component per page type.

Wagtail's viewsets build their serializers per request, which drf-spectacular
cannot inspect, so the portal's endpoints and page types are described here from
the page models' `api_fields`; other apps' DRF views are inspected as usual.
"""

from django.db import models
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from modelcluster.fields import ParentalManyToManyField
from wagtail.fields import RichTextField, StreamField
from wagtail.images.models import AbstractImage
from wagtail.models import get_page_models

from .filters import FILTER_PARAMETERS
from .renditions import RENDITION_WIDTHS

STRING, INTEGER, BOOLEAN = {"type": "string"}, {"type": "integer"}, {"type": "boolean"}


def ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def nullable(schema: dict) -> dict:
    return {"oneOf": [schema, {"type": "null"}]}


BASE_COMPONENTS = {
    "Error": {
        "type": "object",
        "properties": {
            "error": {
                "type": "object",
                "properties": {"code": STRING, "message": STRING},
                "required": ["code", "message"],
            }
        },
    },
    "Rendition": {
        "type": "object",
        "description": f"Widths {', '.join(map(str, RENDITION_WIDTHS))} (never upscaled).",
        "properties": {"width": INTEGER, "height": INTEGER, "url": STRING},
    },
    "Image": {
        "type": "object",
        "properties": {
            "id": INTEGER,
            "title": STRING,
            "alt": STRING,
            "width": INTEGER,
            "height": INTEGER,
            "renditions": {"type": "array", "items": ref("Rendition")},
        },
    },
    "Document": {
        "type": "object",
        "properties": {
            "id": INTEGER,
            "title": STRING,
            "url": STRING,
            "size": nullable(INTEGER),
            "content_type": STRING,
            "extension": STRING,
        },
    },
    "Term": {"type": "object", "properties": {"id": INTEGER, "name": STRING, "slug": STRING}},
    "Snippet": {"type": "object", "description": "Agency {id,name,url,phone} or blogger."},
    "PageLink": {
        "type": "object",
        "properties": {"id": INTEGER, "title": STRING, "path": STRING},
    },
    "Choice": {"type": "object", "properties": {"value": STRING, "label": STRING}},
    "StreamBlock": {
        "type": "object",
        "properties": {"type": STRING, "id": STRING, "value": {}},
        "description": "Rich text values are HTML with site-relative links; images are Image.",
    },
    "PageMeta": {
        "type": "object",
        "properties": {
            "type": STRING,
            "detail_url": STRING,
            "html_url": STRING,
            "slug": STRING,
            "path": STRING,
            "parent_id": nullable(INTEGER),
            "first_published_at": STRING,
            "search_description": STRING,
            "seo_title": STRING,
            "show_in_menus": BOOLEAN,
        },
    },
    "Page": {
        "type": "object",
        "properties": {
            "id": INTEGER,
            "meta": ref("PageMeta"),
            "title": STRING,
            "breadcrumbs": {"type": "array", "items": ref("PageLink")},
            "seo": {
                "type": "object",
                "properties": {"title": STRING, "description": STRING},
            },
        },
    },
    "PageListing": {
        "type": "object",
        "properties": {
            "meta": {"type": "object", "properties": {"total_count": INTEGER}},
            "items": {"type": "array", "items": ref("Page")},
        },
    },
    "NavigationItem": {
        "type": "object",
        "properties": {
            "id": INTEGER,
            "title": STRING,
            "path": STRING,
            "children": {"type": "array", "items": ref("NavigationItem")},
        },
    },
    "Redirect": {
        "type": "object",
        "properties": {"old_path": STRING, "location": STRING, "is_permanent": BOOLEAN},
    },
    "Sync": {
        "type": "object",
        "properties": {
            "items": {"type": "array", "items": ref("Page")},
            "deleted": {"type": "array", "items": INTEGER},
            "next_cursor": STRING,
            "has_more": BOOLEAN,
        },
    },
}


def field_schema(model, name: str, serializer) -> dict:
    serializer_name = type(serializer).__name__ if serializer else ""
    if serializer_name == "RelatedObjectListField":
        return {"type": "array", "items": ref("Term")}
    if serializer_name in ("PageLinkListField",):
        return {"type": "array", "items": ref("PageLink")}
    if serializer_name == "PageLinkField":
        return nullable(ref("PageLink"))
    if serializer_name == "DocumentListField":
        return {"type": "array", "items": ref("Document")}
    if serializer_name == "TagNamesField":
        return {"type": "array", "items": STRING}
    if serializer_name == "ChoiceLabelField":
        return ref("Choice")
    try:
        field = model._meta.get_field(name)
    except Exception:
        return {}
    if isinstance(field, StreamField):
        return {"type": "array", "items": ref("StreamBlock")}
    if isinstance(field, RichTextField):
        return {"type": "string", "format": "html"}
    if isinstance(field, models.ForeignKey):
        target = "Image" if issubclass(field.related_model, AbstractImage) else "Snippet"
        return nullable(ref(target))
    if isinstance(field, ParentalManyToManyField):
        return {"type": "array", "items": ref("Term")}
    if isinstance(field, models.BooleanField):
        return BOOLEAN
    if isinstance(field, models.IntegerField):
        return INTEGER
    if isinstance(field, models.DateField):
        return {"type": "string", "format": "date"}
    return STRING


def page_type_components() -> dict:
    components = {}
    for model in get_page_models():
        api_fields = getattr(model, "api_fields", None)
        if not api_fields:
            continue
        properties = {
            field.name: field_schema(model, field.name, field.serializer) for field in api_fields
        }
        components[model.__name__] = {
            "description": f"{model._meta.app_label}.{model.__name__} — {model._meta.verbose_name}",
            "allOf": [ref("Page"), {"type": "object", "properties": properties}],
        }
    return components


def query(name: str, description: str, schema=STRING, required=False) -> dict:
    return {
        "name": name,
        "in": "query",
        "required": required,
        "description": description,
        "schema": schema,
    }


def response(description: str, schema: dict, cached=True) -> dict:
    responses = {
        "200": {"description": description, "content": {"application/json": {"schema": schema}}},
        "400": {
            "description": "잘못된 요청",
            "content": {"application/json": {"schema": ref("Error")}},
        },
        "404": {"description": "없음", "content": {"application/json": {"schema": ref("Error")}}},
    }
    if cached:
        responses["304"] = {"description": "Not modified (If-None-Match / If-Modified-Since)"}
    return responses


def portal_paths(page_types: list[str]) -> dict:
    listing_filters = [
        query("type", "Page type, e.g. pages.NoticePage"),
        query("child_of", "Parent page id", INTEGER),
        query("descendant_of", "Ancestor page id", INTEGER),
        query("section", "Section kind (family-info, notice …)"),
        query("topic", "Topic slug(s), comma-separated"),
        query("audience", "Audience slug(s)"),
        query("district", "District slug(s)"),
        query("application_status", "open | upcoming | closed"),
        query("date_from", "YYYY-MM-DD on the page's date", {"type": "string", "format": "date"}),
        query("date_to", "YYYY-MM-DD on the page's date", {"type": "string", "format": "date"}),
        query("published_since", "YYYY-MM-DD", {"type": "string", "format": "date"}),
        query("locale", "Content language code (ko)"),
        query("order", "Field name, -field for descending, or random"),
        query("fields", "Fields to include, * for all"),
        query("limit", "Page size (max 100)", INTEGER),
        query("offset", "Items to skip", INTEGER),
        query("search", "Full-text search, Korean-aware (가족을 finds 가족)"),
    ]
    assert {p["name"] for p in listing_filters} >= FILTER_PARAMETERS  # noqa: S101
    # anyOf, not oneOf: every page type extends Page, so a page matches several of them.
    any_page = {"anyOf": [ref(name) for name in page_types]} if page_types else ref("Page")
    return {
        "/api/v2/pages/": {
            "get": {
                "operationId": "pages_list",
                "tags": ["pages"],
                "parameters": listing_filters,
                "responses": response("Live, public pages", ref("PageListing")),
            }
        },
        "/api/v2/pages/{id}/": {
            "get": {
                "operationId": "pages_detail",
                "tags": ["pages"],
                "parameters": [
                    {"name": "id", "in": "path", "required": True, "schema": INTEGER},
                    query("fields", "Fields to include"),
                ],
                "responses": response("One page with all its fields", any_page),
            }
        },
        "/api/v2/pages/find/": {
            "get": {
                "operationId": "pages_find",
                "tags": ["pages"],
                "parameters": [
                    query("html_path", "Site path, e.g. /가족정보/"),
                    query("id", "Page id, instead of html_path", INTEGER),
                ],
                "responses": {
                    "302": {"description": "Redirect to /api/v2/pages/<id>/"},
                    "400": {
                        "description": "Neither html_path nor a numeric id",
                        "content": {"application/json": {"schema": ref("Error")}},
                    },
                    "404": {
                        "description": "No page; error.redirect names a redirect to follow",
                        "content": {"application/json": {"schema": ref("Error")}},
                    },
                },
            }
        },
        "/api/v2/navigation/": {
            "get": {
                "operationId": "navigation",
                "tags": ["navigation"],
                "responses": response(
                    "Menu tree",
                    {
                        "type": "object",
                        "properties": {"items": {"type": "array", "items": ref("NavigationItem")}},
                    },
                ),
            }
        },
        "/api/v2/redirects/": {
            "get": {
                "operationId": "redirects",
                "tags": ["navigation"],
                "parameters": [query("path", "Old path to look up")],
                "responses": response("All redirects, or the one for ?path=", ref("Redirect")),
            }
        },
        "/api/v2/sync/": {
            "get": {
                "operationId": "sync",
                "tags": ["sync"],
                "parameters": [
                    query("since", "Cursor from the previous response's next_cursor"),
                    query("limit", "Batch size (1–100)", INTEGER),
                ],
                "responses": response("Changed pages and tombstones", ref("Sync")),
            }
        },
        "/api/v2/page_preview/": {
            "get": {
                "operationId": "page_preview",
                "tags": ["preview"],
                "parameters": [
                    query("content_type", "e.g. pages.articlepage", required=True),
                    query("token", "Signed preview token (valid one hour)", required=True),
                ],
                "responses": response("The draft, shaped like pages_detail", any_page, False),
            }
        },
    }


class PortalSchemaGenerator(SchemaGenerator):
    def _get_paths_and_endpoints(self):
        # The public API only: Wagtail's admin API is not for clients.
        return [
            endpoint
            for endpoint in super()._get_paths_and_endpoints()
            if endpoint[0].startswith("/api/")
        ]

    def get_schema(self, request=None, public=False):
        schema = super().get_schema(request=request, public=public)
        page_components = page_type_components()
        schema.setdefault("components", {}).setdefault("schemas", {}).update(
            {**BASE_COMPONENTS, **page_components}
        )
        schema.setdefault("paths", {}).update(portal_paths(sorted(page_components)))
        return schema


class PortalSchemaView(SpectacularAPIView):
    generator_class = PortalSchemaGenerator


schema_docs_view = SpectacularSwaggerView.as_view(url_name="api-schema")
