"""The content API's operations: parameters with their constraints, responses, examples.

Wagtail's viewsets build their serializers per request, which drf-spectacular cannot
inspect, so these operations are written here; the filters' values come from the models.
"""

from django.conf import settings

from pages.models import ApplicationStatus, SectionKind
from pages.vocabulary import FILTER_NAMES
from search.service import MAX_QUERY_LENGTH

from . import examples
from .pages import api_page_models, page_type_label
from .types import DATE, INTEGER, STRING, enum, ref

MAX_ID = 2**31 - 1
# Wagtail's `fields`: names to add, `*` for all, `name(sub,fields)` for nested objects.
# Removing fields (`-name`, `_`) also works but can drop `meta.type`, which typed clients need.
FIELD = r"(\*|[a-z][a-z0-9_]*(\([a-z0-9_,*]*\))?)"
FIELDS_PATTERN = rf"^{FIELD}(,{FIELD})*$"
SLUGS_PATTERN = r"^[^,]+(,[^,]+)*$"


def query(name: str, description: str, schema: dict = STRING, required=False, **extra) -> dict:
    return {
        "name": name,
        "in": "query",
        "required": required,
        "description": description,
        "schema": schema,
        **extra,
    }


def locale_parameter(description: str) -> dict:
    """`?locale=`: every endpoint answers in one content language (Korean when absent)."""
    from content.locales import content_languages

    return query("locale", description, enum(content_languages()), example="vi")


def page_id(description: str) -> dict:
    return {**INTEGER, "minimum": 1, "maximum": MAX_ID, "description": description}


def order_values(viewset, model) -> list[str]:
    """The model's own columns the viewset can order by, either way, and `random`."""
    names = []
    for name in viewset.get_available_fields(model, db_fields_only=True):
        field = model._meta.get_field(name)
        if field.concrete and not field.is_relation:
            names.append(name)
    return [*names, *(f"-{name}" for name in names), "random"]


def fields_parameter() -> dict:
    return query(
        "fields",
        "Extra fields to include, `*` for all, `name(sub)` for nested ones",
        {**STRING, "pattern": FIELDS_PATTERN},
        example="*",
    )


def pagination(viewset, model, default: int = 20) -> list[dict]:
    limit_max = settings.WAGTAILAPI_LIMIT_MAX
    return [
        query(
            "limit",
            f"Page size (default {default}, at most {limit_max})",
            {**INTEGER, "minimum": 0, "maximum": limit_max},
            example=10,
        ),
        query(
            "offset",
            "Items to skip",
            {**INTEGER, "minimum": 0, "maximum": 2**63 - 1 - limit_max},
            example=0,
        ),
        query(
            "order",
            "A field, `-field` for descending, or `random` (not with offset). "
            "With `type`, that type's own fields too.",
            enum(orders := order_values(viewset, model)),
            example="-first_published_at" if "-first_published_at" in orders else "title",
        ),
        fields_parameter(),
    ]


def taxonomy(name: str, label: str, example: str) -> dict:
    return query(
        name,
        f"{label} slug(s) or Korean name(s), comma-separated (any of them)",
        {**STRING, "pattern": SLUGS_PATTERN},
        example=example,
    )


def page_filters() -> list[dict]:
    filters = [
        query(
            "type",
            "Page type (the model name or its Korean name work too)",
            enum(page_type_label(model) for model in api_page_models()),
        ),
        query("child_of", "Children of this page", page_id("Parent page id")),
        query("descendant_of", "Descendants of this page", page_id("Ancestor page id")),
        query("ancestor_of", "Ancestors of this page", page_id("Descendant page id")),
        query("translation_of", "Translations of this page", page_id("Page id")),
        locale_parameter("Language tree to list (Korean when absent)"),
        query(
            "section",
            "Portal section by kind (its Korean name or page slug work too)",
            enum(SectionKind.values),
        ),
        taxonomy("topic", "Topic", "care"),
        taxonomy("audience", "Audience", "single-parents"),
        taxonomy("district", "District", "jongno-gu"),
        query("application_status", "Programs open today", enum(ApplicationStatus.values)),
        query("date_from", "The page's own date on or after", DATE),
        query("date_to", "The page's own date on or before", DATE),
        query("published_since", "Last published on or after", DATE),
        query(
            "search",
            "Full-text search, Korean-aware (가족을 finds 가족)",
            {**STRING, "minLength": 1, "maxLength": MAX_QUERY_LENGTH},
            example="한부모",
        ),
    ]
    declared = {parameter["name"] for parameter in filters}
    missing = FILTER_NAMES - declared
    if missing:
        raise TypeError(f"Listing filters missing from the schema: {sorted(missing)}")
    return filters


def json_content(schema: dict, example=None) -> dict:
    media = {"schema": schema}
    if example is not None:
        media["example"] = example
    return {"application/json": media}


ACCESSIBILITY_FINDINGS = {
    "type": "object",
    "required": ["errors", "warnings", "findings"],
    "properties": {
        "errors": {**INTEGER, "description": "Findings that stop submission"},
        "warnings": {**INTEGER, "description": "Findings shown after saving"},
        "findings": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["severity", "field", "message"],
                "properties": {
                    "severity": enum(["error", "warning"]),
                    "field": {**STRING, "description": "The admin form field to fix it in"},
                    "message": {**STRING, "description": "Korean explanation for the editor"},
                },
            },
        },
    },
}


def ok(description: str, schema: dict, example, cached: bool = True) -> dict:
    response = {"description": description, "content": json_content(schema, example)}
    if cached:
        response["headers"] = {
            "ETag": {"schema": STRING, "description": "Send back as If-None-Match"},
            "Last-Modified": {"schema": STRING, "description": "Send back as If-Modified-Since"},
        }
    return response


ERROR_DESCRIPTIONS = {
    "400": "잘못된 요청 (bad parameter)",
    "401": "API 키가 올바르지 않음 (X-API-Key unknown, expired, revoked or suspended)",
    "403": "자격 없음 (not eligible)",
    "404": "없음 (not found)",
    "409": "지금 상태로는 할 수 없음 (conflict: already applied, closed, full)",
    "413": "요청 본문이 너무 큼 (body too large)",
    "415": "지원하지 않는 형식 (unsupported media type)",
    "429": "요청이 너무 많음 (rate limited)",
    "503": "일시적으로 사용할 수 없음 (unavailable)",
}


def error(status: str, description: str = "") -> dict:
    return {
        "description": description or ERROR_DESCRIPTIONS[status],
        "content": json_content(ref("Error"), examples.ERRORS.get(status)),
    }


def responses(success: dict, *errors: str, cached: bool = True) -> dict:
    answer = {"200": success}
    if cached:
        answer["304"] = {"description": "Not modified (If-None-Match / If-Modified-Since)"}
    answer.update({status: error(status) for status in errors})
    return answer


def operation(operation_id: str, tag: str, summary: str, parameters, answers) -> dict:
    return {
        "get": {
            "operationId": operation_id,
            "tags": [tag],
            "summary": summary,
            "parameters": parameters,
            "responses": answers,
        }
    }


def id_path(description: str) -> dict:
    return {
        "name": "id",
        "in": "path",
        "required": True,
        "schema": page_id(description),
        "example": 12,
    }


def media_paths(kind: str, tag: str, label: str, viewset, model) -> dict:
    media_parameters = [
        *pagination(viewset, model),
        query("search", f"Search {kind} titles", {**STRING, "minLength": 1, "maxLength": 100}),
    ]
    summary, detail = f"{label.capitalize()}Summary", label.capitalize()
    return {
        f"/api/v2/{kind}/": operation(
            f"{kind}_list",
            tag,
            f"{label.capitalize()}s that public pages use",
            media_parameters,
            responses(ok(f"{label}s", ref(f"{detail}Listing"), examples.LISTINGS[kind]), "400"),
        ),
        f"/api/v2/{kind}/{{id}}/": operation(
            f"{kind}_detail",
            tag,
            f"One {label} that a public page uses",
            [id_path(f"{detail} id"), fields_parameter()],
            responses(ok(f"One {label}", ref(summary), examples.DETAILS[kind]), "400", "404"),
        ),
    }


def dataset_paths() -> dict:
    """The report's statistics tables as open data (opendata/)."""
    identifier = {
        "name": "identifier",
        "in": "path",
        "required": True,
        "schema": {**STRING, "pattern": r"^\d{4}-\d+-\d+$"},
        "description": "Edition year, chapter number, table's place in the chapter",
        "example": "2017-1-1",
    }
    file_format = {
        "name": "format",
        "in": "path",
        "required": True,
        "schema": enum(["csv", "xlsx", "json"]),
        "example": "csv",
    }
    year = {"name": "year", "in": "path", "required": True, "schema": INTEGER, "example": 2017}
    binary = {"type": "string", "format": "binary"}
    return {
        "/api/v2/datasets/": operation(
            "datasets_list",
            "datasets",
            "Every statistics table of the live report editions: a DCAT catalog",
            [],
            responses(ok("The catalog", ref("DatasetCatalog"), examples.DATASET_CATALOG)),
        ),
        "/api/v2/datasets/{identifier}.{format}": operation(
            "datasets_file",
            "datasets",
            "One table as CSV (UTF-8 with BOM), XLSX or JSON (numbers as stored, with metadata)",
            [identifier, file_format],
            {
                "200": {
                    "description": "The table",
                    "content": {
                        "text/csv": {"schema": STRING},
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
                            "schema": binary
                        },
                        "application/json": {
                            "schema": ref("DatasetTable"),
                            "example": examples.DATASET_TABLE,
                        },
                    },
                },
                "404": error("404"),
            },
        ),
        "/api/v2/datasets/editions/{year}.zip": operation(
            "datasets_edition_zip",
            "datasets",
            "Every table of one edition in every format, with catalog.json",
            [year],
            {
                "200": {"description": "A zip", "content": {"application/zip": {"schema": binary}}},
                "404": error("404"),
            },
        ),
    }


def portal_paths() -> dict:
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Page

    from api.views import PortalDocumentsAPIViewSet, PortalImagesAPIViewSet, PortalPagesAPIViewSet

    page_detail = ref("PageDetail")
    preview_parameters = [
        query(
            "content_type",
            "Page type as app_label.model",
            {**STRING, "pattern": r"^[a-z_]+\.[a-z_]+$"},
            required=True,
            example="pages.articlepage",
        ),
        query(
            "token",
            "Signed preview token (valid one hour)",
            {**STRING, "minLength": 1},
            required=True,
        ),
    ]
    return {
        "/api/v2/pages/": operation(
            "pages_list",
            "pages",
            "Live, public pages, filtered and ordered",
            [*page_filters(), *pagination(PortalPagesAPIViewSet, Page)],
            {
                **responses(
                    ok("A page of results", ref("PageListing"), examples.PAGE_LISTING), "400"
                ),
                "404": error("404", "Unknown locale, or no page for translation_of"),
            },
        ),
        "/api/v2/pages/{id}/": operation(
            "pages_detail",
            "pages",
            "One page with all its fields (its type in meta.type)",
            [
                id_path("Page id"),
                fields_parameter(),
                locale_parameter(
                    "Answer in this language: a public translation redirects (302) to its own "
                    "id; without one the page answers in its source language, with "
                    "meta.fallback_from naming the language asked for"
                ),
            ],
            {
                **responses(ok("The page", page_detail, examples.PAGE_DETAIL), "400", "404"),
                "302": {
                    "description": "The page's translation into ?locale=: follow Location",
                    "headers": {"Location": {"schema": STRING}},
                },
            },
        ),
        "/api/v2/pages/find/": operation(
            "pages_find",
            "pages",
            "Find a page by its site path (or id): redirects to its detail URL",
            [
                query(
                    "html_path",
                    "Site path, as in meta.path or percent-encoded as in meta.html_url",
                    {**STRING, "minLength": 1},
                    example="/가족정보/",
                ),
                # `/vi/…` is the Vietnamese tree; a path no translation has yet finds the
                # Korean page, whose detail then says meta.fallback_from.
                query("id", "Page id, instead of html_path", page_id("Page id")),
            ],
            {
                "302": {
                    "description": "Found: the Location header is the page's detail URL",
                    "headers": {"Location": {"schema": STRING}},
                },
                "400": error("400", "Neither html_path nor a numeric id"),
                "404": error("404", "No page there; error.redirect names a redirect to follow"),
            },
        ),
        "/api/v2/navigation/": operation(
            "navigation",
            "navigation",
            "The menu: sections and their in-menu children",
            [locale_parameter("Menu in this language (Korean, with meta.fallback_from, if none)")],
            # An unknown ?locale= is a 400 (content.locales.check_language).
            responses(ok("Menu tree", ref("Navigation"), examples.NAVIGATION), "400"),
        ),
        "/api/v2/redirects/": operation(
            "redirects",
            "navigation",
            "Every redirect, or with ?path= the one for that old path",
            [query("path", "Old path to look up", {**STRING, "minLength": 1}, example="/old/")],
            responses(
                ok(
                    "A list without ?path=, one redirect with it",
                    {"oneOf": [ref("RedirectList"), ref("Redirect")]},
                    examples.REDIRECTS,
                ),
                "404",
            ),
        ),
        **dataset_paths(),
        "/api/v2/sync/": operation(
            "sync",
            "sync",
            "Pages changed since a cursor, in full, plus tombstones",
            [
                query(
                    "since",
                    "next_cursor of the previous response; none for a full download",
                    {**STRING, "minLength": 1},
                ),
                query(
                    "limit",
                    f"Batch size (default {settings.API_SYNC_LIMIT_DEFAULT})",
                    {**INTEGER, "minimum": 1, "maximum": settings.API_SYNC_LIMIT_MAX},
                    example=settings.API_SYNC_LIMIT_DEFAULT,
                ),
                locale_parameter("Sync this language's tree (cursors are per language)"),
            ],
            responses(ok("A batch", ref("Sync"), examples.SYNC), "400"),
        ),
        "/api/v2/page_preview/": operation(
            "page_preview",
            "preview",
            "An editor's draft, shaped like pages_detail (never cached)",
            preview_parameters,
            responses(
                ok("The draft", page_detail, examples.PAGE_DETAIL, cached=False),
                "400",
                "404",
                cached=False,
            ),
        ),
        "/api/v2/page_preview/accessibility/": operation(
            "page_preview_accessibility",
            "preview",
            "KWCAG 2.2 findings of an editor's draft (pages.accessibility; never cached)",
            preview_parameters,
            responses(
                ok("The findings", ACCESSIBILITY_FINDINGS, examples.PREVIEW_ACCESSIBILITY, False),
                "400",
                "404",
                cached=False,
            ),
        ),
        **media_paths("images", "media", "image", PortalImagesAPIViewSet, get_image_model()),
        **media_paths(
            "documents", "media", "document", PortalDocumentsAPIViewSet, get_document_model()
        ),
    }
