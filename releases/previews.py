"""Previews of a release's pages through the headless preview the editor's page preview uses
(wagtail-headless-preview): each page's revision is stored as a PagePreview under a signed
token, which the frontend's preview route and the API's `page_preview/` endpoint read."""

from urllib.parse import urlencode

from django.http import HttpRequest
from django.urls import reverse

from .models import ReleaseItem


def preview_links(request: HttpRequest, items: list[ReleaseItem]) -> list[dict]:
    """For each page: its frontend preview URL and its API JSON URL, both good for an hour
    (API_PREVIEW_TOKEN_MAX_AGE), and only to someone holding the token."""
    links = []
    for item in items:
        revision = item.revision or item.page.latest_revision
        if revision is None:
            continue
        page = revision.as_object()
        preview = page.create_page_preview()
        query = urlencode({"content_type": page.get_content_type_str(), "token": preview.token})
        links.append(
            {
                "page": item.page,
                "revision": revision,
                "type": page._meta.verbose_name,
                "frontend_url": page.get_preview_url(request, preview.token),
                "api_url": f"{reverse('wagtailapi:page_preview')}?{query}",
                "anchor": f"release-page-{item.page_id}",
            }
        )
    for link in links:
        link["children"] = [other for other in links if is_child(other["page"], link["page"])]
    return links


def is_child(page, parent) -> bool:
    """Whether `page` sits directly under `parent` (a chapter under its edition). The frontend's
    preview of a new edition cannot list its chapters (the public API has none of them yet),
    so the release preview lists those of the release here, to its admin users only."""
    return page.depth == parent.depth + 1 and page.path.startswith(parent.path)
