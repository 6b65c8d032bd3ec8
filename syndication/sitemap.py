"""`/sitemap.xml` (sitemaps.org 0.9): the frontend URL of every live public page.

Hand-built because `django.contrib.sitemaps` prefixes every location with this host,
while the pages live on the frontend's.
"""

from xml.etree import ElementTree

from content.pageindex import PublicPageIndex
from content.paths import frontend_url
from content.visibility import public_pages

SITEMAP_NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9"


def render(index: PublicPageIndex) -> bytes:
    modified = dict(public_pages(index).values_list("id", "last_published_at"))
    urlset = ElementTree.Element("urlset", xmlns=SITEMAP_NAMESPACE)
    for page in index.pages:
        url = ElementTree.SubElement(urlset, "url")
        ElementTree.SubElement(url, "loc").text = frontend_url(page.path)
        if modified.get(page.id):
            ElementTree.SubElement(url, "lastmod").text = modified[page.id].date().isoformat()
    return ElementTree.tostring(urlset, encoding="utf-8", xml_declaration=True)
