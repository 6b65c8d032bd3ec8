"""Serve the single-page client: index.html for every route, files under assets/.

The shell answers 404 for a path that is neither an app screen nor a public page, so
crawlers and link checkers see what citizens see ("페이지를 찾을 수 없습니다").
"""

from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_safe
from django.views.static import serve

from content.locales import default_language, language_of_path, without_prefix
from content.pageindex import get_page_index
from content.paths import normalise_path

PUBLIC_DIR = Path(__file__).resolve().parent / "public"
# The client's own screens (assets/js/router.js RESERVED): not pages, always there.
APP_SCREENS = frozenset(
    {"/search/", "/preview/", "/counseling/", "/counseling/ask/", "/applications/"}
)
ASSETS_DIR = PUBLIC_DIR / "assets"


@cache
def _index_html() -> bytes:
    return (PUBLIC_DIR / "index.html").read_bytes()


def _shell_in(language: str) -> bytes:
    """The shell with `<html lang>` of the path's language (`/vi/…`), before any script runs."""
    return _index_html().replace(b'<html lang="ko">', f'<html lang="{language}">'.encode(), 1)


def _content_security_policy() -> str:
    # The admin shows previews in an iframe, so it (and only it) may frame the client.
    admin = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    admin_origin = f"{admin.scheme}://{admin.netloc}" if admin.netloc else ""
    # Images and media only from the city's own servers (settings.FIRST_PARTY_MEDIA_SOURCES),
    # plus the API's host, which writes absolute file URLs; no third-party embeds.
    api = urlsplit(settings.WAGTAILAPI_BASE_URL)
    api_origin = f"{api.scheme}://{api.netloc}" if api.netloc else ""
    sources = dict.fromkeys([*settings.FIRST_PARTY_MEDIA_SOURCES, api_origin])
    media = " ".join(source for source in sources if source)
    return "; ".join(
        [
            "default-src 'self'",
            f"img-src {media}",
            f"media-src {media}",
            "frame-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            f"frame-ancestors 'self' {admin_origin}".strip(),
        ]
    )


@require_safe
@xframe_options_exempt
def index(request: HttpRequest, path: str = "") -> HttpResponse:
    """The app shell for any /frontend/… path; the client routes it through the API.

    404 (with the same shell, which shows the not-found screen) when the path is neither
    an app screen nor a public page of the site."""
    status = 404 if _is_unknown(request, path) else 200
    response = HttpResponse(
        _shell_in(language_of_path(normalise_path(path))),
        content_type="text/html; charset=utf-8",
        status=status,
    )
    response["Cache-Control"] = "no-cache"
    response["Content-Security-Policy"] = _content_security_policy()
    response["Referrer-Policy"] = "same-origin"
    return response


def _is_unknown(request: HttpRequest, path: str) -> bool:
    site_path = normalise_path(path)
    language = language_of_path(site_path)
    # `/vi/search/` is the search screen in Vietnamese, `/vi/…` a page of the vi tree.
    if without_prefix(site_path) in APP_SCREENS:
        return False
    if site_path in get_page_index(request, language).by_path:
        return False
    # `/vi/` + a Korean page's path with no translation yet: the client shows the Korean page.
    return without_prefix(site_path) not in get_page_index(request, default_language()).by_path


@require_safe
def asset(request: HttpRequest, path: str) -> HttpResponse:
    """A stylesheet or ES module of the client (no build step, served as written)."""
    response = serve(request, path, document_root=ASSETS_DIR)
    response["Cache-Control"] = "no-cache"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_safe
def service_worker(request: HttpRequest) -> HttpResponse:
    """The service worker, served at /frontend/ so that its scope is the whole client."""
    response = HttpResponse(
        (PUBLIC_DIR / "sw.js").read_bytes(), content_type="text/javascript; charset=utf-8"
    )
    response["Cache-Control"] = "no-cache"
    response["X-Content-Type-Options"] = "nosniff"
    return response
