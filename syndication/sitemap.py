"""`/sitemap.xml` (sitemaps.org 0.9): the frontend URL of every live public page in every
language, each with its public translations as `xhtml:link rel="alternate" hreflang` (Google's
sitemap form of hreflang) and `x-default` pointing at the Korean source.

Hand-built because `django.contrib.sitemaps` prefixes every location with this host,
while the pages live on the frontend's.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from uuid import UUID
from xml.etree import ElementTree

from content.locales import default_language
from content.pageindex import PublicPageIndex
from content.paths import frontend_url
from content.visibility import public_pages

SITEMAP_NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NAMESPACE = "http://www.w3.org/1999/xhtml"


@dataclass(frozen=True)
class Entry:
    url: str
    language: str
    translation_key: UUID
    modified: datetime | None


def entries(indexes: list[PublicPageIndex]) -> list[Entry]:
    """Every public page of each language's index, in the indexes' order, then tree order."""
    found = []
    for index in indexes:
        rows = public_pages(index).values_list("id", "translation_key", "last_published_at")
        details = {page_id: (key, modified) for page_id, key, modified in rows}
        for page in index.pages:
            if page.id in details:
                key, modified = details[page.id]
                found.append(Entry(frontend_url(page.path), index.language, key, modified))
    return found


def render(indexes: list[PublicPageIndex]) -> bytes:
    pages = entries(indexes)
    versions: dict[UUID, dict[str, str]] = defaultdict(dict)
    for entry in pages:
        versions[entry.translation_key][entry.language] = entry.url
    urlset = ElementTree.Element(
        "urlset", {"xmlns": SITEMAP_NAMESPACE, "xmlns:xhtml": XHTML_NAMESPACE}
    )
    for entry in pages:
        url = ElementTree.SubElement(urlset, "url")
        ElementTree.SubElement(url, "loc").text = entry.url
        if entry.modified:
            ElementTree.SubElement(url, "lastmod").text = entry.modified.date().isoformat()
        alternates = versions[entry.translation_key]
        if len(alternates) < 2:
            continue  # no translation public: nothing to point at
        for language, href in alternates.items():
            alternate(url, language, href)
        if default_language() in alternates:
            alternate(url, "x-default", alternates[default_language()])
    return ElementTree.tostring(urlset, encoding="utf-8", xml_declaration=True)


def alternate(url: ElementTree.Element, hreflang: str, href: str) -> None:
    ElementTree.SubElement(url, "xhtml:link", rel="alternate", hreflang=hreflang, href=href)
