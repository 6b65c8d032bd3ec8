"""Components every operation shares: the error envelope, media, links, taxonomies, listings.

Each mirrors the code that produces it: `api.errors` (Error), `api.representation`
(Image, Document, PageLink, Term, Agency, BloggerProfile), the views (listings, sync).
"""

from api.renditions import RENDITION_WIDTHS
from pages.licences import KoglType

from .types import BOOLEAN, DATE_TIME, INTEGER, STRING, URI, array, nullable, obj, ref

TOTAL_COUNT = obj({"total_count": {**INTEGER, "minimum": 0}})
ID = {**INTEGER, "minimum": 1}
LICENCE_CODES = [kogl_type.value for kogl_type in KoglType]


def listing(items: dict, description: str) -> dict:
    return obj({"meta": TOTAL_COUNT, "items": array(items)}, description=description)


def media_meta(type_label: str) -> dict:
    return obj(
        {
            "type": {**STRING, "example": type_label},
            "detail_url": URI,
            "tags": array(STRING),
            "download_url": {**STRING, "description": "The original file (image: site path)"},
        },
        required=[],
    )


BASE_COMPONENTS = {
    "Error": obj(
        {
            "error": obj(
                {
                    "code": {**STRING, "example": "bad_request"},
                    "message": {**STRING, "description": "For people, in Korean"},
                    "detail": {**STRING, "description": "For developers (e.g. Wagtail's message)"},
                    "fields": {
                        "type": "object",
                        "description": "Per-field messages (counseling)",
                        "additionalProperties": True,
                    },
                    "redirect": ref("Redirect"),
                    "limit": {**INTEGER, "description": "429: the quota that was used up"},
                    "retry_after": {**INTEGER, "description": "429: seconds to wait"},
                },
                required=["code", "message"],
            )
        },
        description='The one JSON error envelope: `{"error": {"code", "message", ...}}`',
    ),
    "Rendition": obj(
        {"width": INTEGER, "height": INTEGER, "url": URI},
        description=f"Widths {', '.join(map(str, RENDITION_WIDTHS))} (never upscaled).",
    ),
    "Image": obj(
        {
            "id": ID,
            "title": STRING,
            "alt": STRING,
            "width": INTEGER,
            "height": INTEGER,
            "renditions": array(ref("Rendition")),
            "licence": ref("Licence"),
        }
    ),
    "Document": obj(
        {
            "id": ID,
            "title": STRING,
            "url": URI,
            "size": nullable({**INTEGER, "description": "Bytes"}),
            "content_type": STRING,
            "extension": STRING,
            "licence": ref("Licence"),
        }
    ),
    "DatasetTable": obj(
        {
            "identifier": {**STRING, "example": "2017-1-1"},
            "title": STRING,
            "unit": STRING,
            "source": STRING,
            "notes": STRING,
            "publisher": STRING,
            "edition": {"type": "object", "additionalProperties": True},
            "chapter": {"type": "object", "additionalProperties": True},
            "licence": ref("Licence"),
            "issued": nullable(STRING),
            "modified": nullable(STRING),
            "headers": array(STRING),
            "rows": array(array({"oneOf": [STRING, {"type": "number"}]})),
        },
        description="One statistics table with its metadata; the numbers exactly as stored",
    ),
    "DatasetCatalog": {
        "type": "object",
        "description": "A DCAT catalog: `dcat:dataset` lists one dcat:Dataset per table, "
        "each with a `dcat:distribution` per format (CSV, XLSX, JSON).",
        "properties": {
            "@type": {**STRING, "example": "dcat:Catalog"},
            "dct:title": STRING,
            "dct:publisher": STRING,
            "dcat:dataset": array({"type": "object", "additionalProperties": True}),
        },
        "required": ["dcat:dataset"],
    },
    "Licence": obj(
        {
            "code": {**STRING, "enum": LICENCE_CODES, "example": "kogl-1"},
            "name": {**STRING, "example": "공공누리 제1유형: 출처표시"},
            "url": nullable({**URI, "description": "The licence's terms at kogl.or.kr"}),
            "mark": nullable({**URI, "description": "The official mark (SVG, served here)"}),
        },
        description="공공누리 (Korea Open Government License) type; `none`: not opened.",
    ),
    "Term": obj({"id": ID, "name": STRING, "slug": STRING}),
    "Agency": obj({"id": ID, "name": STRING, "url": STRING, "phone": STRING}),
    "BloggerProfile": obj(
        {"id": ID, "display_name": STRING, "bio": STRING, "photo": nullable(ref("Image"))}
    ),
    "PageLink": obj(
        {"id": ID, "title": STRING, "path": STRING},
        description="A link to a live public page (drafts and private pages are never linked).",
    ),
    "Seo": obj(
        {"title": STRING, "description": STRING},
        description="The title and description for <title> and meta tags.",
    ),
    "ParentPage": obj(
        {
            "id": ID,
            "meta": obj({"type": STRING, "detail_url": URI, "path": STRING}),
            "title": STRING,
        }
    ),
    "PageSummary": obj(
        {
            "id": ID,
            "meta": obj(
                {
                    "type": {**STRING, "example": "pages.ArticlePage"},
                    "detail_url": URI,
                    "html_url": nullable(URI),
                    "slug": STRING,
                    "first_published_at": nullable(DATE_TIME),
                    "path": STRING,
                },
                required=[],
                additionalProperties=True,
            ),
            "title": STRING,
        },
        required=[],
        additionalProperties=True,
        description="A listing item: the default fields, plus those asked for with `fields`.",
    ),
    "PageListing": listing(ref("PageSummary"), "Live, public pages"),
    "ImageSummary": obj(
        {
            "id": ID,
            "meta": media_meta("wagtailimages.Image"),
            "title": STRING,
            "width": INTEGER,
            "height": INTEGER,
            "alt": STRING,
            "renditions": array(ref("Rendition")),
        },
        required=[],
        additionalProperties=True,
    ),
    "ImageListing": listing(ref("ImageSummary"), "Images that public pages use"),
    "DocumentSummary": obj(
        {"id": ID, "meta": media_meta("wagtaildocs.Document"), "title": STRING},
        required=[],
        additionalProperties=True,
    ),
    "DocumentListing": listing(ref("DocumentSummary"), "Documents that public pages use"),
    "NavigationItem": obj(
        {"id": ID, "title": STRING, "path": STRING, "children": array(ref("NavigationItem"))}
    ),
    "Navigation": obj(
        {
            "meta": obj(
                {
                    "locale": {**STRING, "example": "vi"},
                    "fallback_from": {**STRING, "example": "vi"},
                },
                required=["locale"],
            ),
            "items": array(ref("NavigationItem")),
        }
    ),
    "Redirect": obj(
        {
            "old_path": STRING,
            "location": {**STRING, "description": "A site path or an external URL"},
            "is_permanent": BOOLEAN,
        }
    ),
    "RedirectList": listing(ref("Redirect"), "Every redirect whose target is public"),
    "Sync": obj(
        {
            "items": array(ref("PageDetail")),
            "deleted": array({**ID, "description": "Ids of pages no longer public"}),
            "next_cursor": STRING,
            "has_more": BOOLEAN,
        }
    ),
}
