"""HTTP caching of public API responses: ETag + Last-Modified from the content version.

The version is the newest content change, so a publish, unpublish, move, delete or
privacy change alters every ETag at once; a conditional request with a current
ETag gets a 304 before any page is loaded.
"""

import hashlib

from django.utils import timezone
from django.utils.cache import get_conditional_response
from django.utils.http import http_date

from .versioning import current_version

PUBLIC_CACHE_CONTROL = "public, max-age=0, must-revalidate"


def response_etag(request) -> str:
    version = current_version(request)
    # Today's date is part of the content: "open for application now" changes at midnight.
    parts = [version.key, request.get_host(), request.get_full_path(), str(timezone.localdate())]
    return '"' + hashlib.sha256("|".join(parts).encode()).hexdigest()[:32] + '"'


class ConditionalPublicMixin:
    """For API views of anonymous content: 304s, ETag, Last-Modified, Cache-Control public."""

    def dispatch(self, request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            return super().dispatch(request, *args, **kwargs)
        etag = response_etag(request)
        changed_at = current_version(request).changed_at
        last_modified = changed_at.timestamp() if changed_at else None
        not_modified = get_conditional_response(request, etag=etag, last_modified=last_modified)
        if not_modified is not None:
            not_modified["Cache-Control"] = PUBLIC_CACHE_CONTROL
            return not_modified
        response = super().dispatch(request, *args, **kwargs)
        if response.status_code == 200:
            response["ETag"] = etag
            if last_modified is not None:
                response["Last-Modified"] = http_date(last_modified)
            response["Cache-Control"] = PUBLIC_CACHE_CONTROL
        return response
