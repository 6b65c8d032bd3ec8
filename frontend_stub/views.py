"""Serve the single-page client: index.html for every route, files under assets/."""

from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_safe
from django.views.static import serve

PUBLIC_DIR = Path(__file__).resolve().parent / "public"
ASSETS_DIR = PUBLIC_DIR / "assets"


@cache
def _index_html() -> bytes:
    return (PUBLIC_DIR / "index.html").read_bytes()


def _content_security_policy() -> str:
    # The admin shows previews in an iframe, so it (and only it) may frame the client.
    admin = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    admin_origin = f"{admin.scheme}://{admin.netloc}" if admin.netloc else ""
    return "; ".join(
        [
            "default-src 'self'",
            "img-src 'self' data: https:",
            "media-src 'self' https:",
            "frame-src https:",
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
    """The app shell for any /frontend/… path; the client routes it through the API."""
    response = HttpResponse(_index_html(), content_type="text/html; charset=utf-8")
    response["Cache-Control"] = "no-cache"
    response["Content-Security-Policy"] = _content_security_policy()
    response["Referrer-Policy"] = "same-origin"
    return response


@require_safe
def asset(request: HttpRequest, path: str) -> HttpResponse:
    """A stylesheet or ES module of the client (no build step, served as written)."""
    response = serve(request, path, document_root=ASSETS_DIR)
    response["Cache-Control"] = "no-cache"
    response["X-Content-Type-Options"] = "nosniff"
    return response
