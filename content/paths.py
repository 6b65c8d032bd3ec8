"""Where a page lives: its site path, its frontend URL, and paths clients send back.

A site path is the page's URL path below its site's home page: `/가족정보/한부모-지원/`,
`/` for the home page. The frontend serves each page at `FRONTEND_BASE_URL` + that path,
percent-encoded, which is what `meta.html_url`, feeds, sitemaps and webhooks hand out.
"""

from urllib.parse import quote, unquote

from django.conf import settings
from wagtail.models import Page, Site

from .text import normalise_text


def html_path(url_path: str, root_url_path: str) -> str:
    """The site path of a Wagtail `url_path` under a site whose root has `root_url_path`."""
    return "/" + url_path[len(root_url_path) :] if url_path.startswith(root_url_path) else url_path


def site_root_url_path(page: Page) -> str:
    """The `url_path` of the home page of the site `page` belongs to (cached by Wagtail)."""
    for root in Site.get_site_root_paths():
        if page.url_path.startswith(root.root_path):
            return root.root_path
    return "/"


def site_path(page: Page) -> str:
    """The page's path on its site (`/가족정보/한부모-지원/`), whether or not it is live."""
    if not page.url_path:
        return ""
    return html_path(page.url_path, site_root_url_path(page))


def frontend_url(path: str) -> str:
    """The address citizens open for a site path: the frontend, percent-encoded."""
    return settings.FRONTEND_BASE_URL.rstrip("/") + quote(path)


def normalise_path(value: str) -> str:
    """A path as clients send it — percent-encoded (as in `meta.html_url`), NFD or NFC Korean,
    with or without slashes, with a query string — in the form the page index keys on
    (`content.text.normalise_text`)."""
    text = normalise_text(unquote(value.split("?")[0].split("#")[0]))
    segments = [segment for segment in text.split("/") if segment.strip()]
    return "/" + "".join(f"{segment}/" for segment in segments)
