"""HTTP caching of public API responses: ETag + Last-Modified from the content version.

The version is the newest content change, so a publish, unpublish, move, delete or
privacy change alters every ETag at once; a conditional request with a current
ETag gets a 304 before any page is loaded.
"""

import datetime
import hashlib

from django.utils import timezone
from django.utils.cache import get_conditional_response
from django.utils.http import http_date

from content.versioning import current_version

PUBLIC_CACHE_CONTROL = "public, max-age=0, must-revalidate"


def response_etag(request) -> str:
    version = current_version(request)
    # Today's date is part of the content: "open for application now" changes at midnight.
    parts = [version.key, request.get_host(), request.get_full_path(), str(timezone.localdate())]
    return '"' + hashlib.sha256("|".join(parts).encode()).hexdigest()[:32] + '"'


def last_modified_timestamp(request) -> int:
    """The newest change, or today's local midnight if later (date-based filters change then)."""
    midnight = timezone.make_aware(
        datetime.datetime.combine(timezone.localdate(), datetime.time.min)
    )
    changed_at = current_version(request).changed_at
    newest = max(changed_at, midnight) if changed_at else midnight
    return int(newest.timestamp())  # HTTP dates have whole seconds


class ConditionalPublicMixin:
    """For API views of anonymous content: 304s, ETag, Last-Modified, Cache-Control public."""

    def dispatch(self, request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            return super().dispatch(request, *args, **kwargs)
        etag = response_etag(request)
        last_modified = last_modified_timestamp(request)
        not_modified = get_conditional_response(request, etag=etag, last_modified=last_modified)
        if not_modified is not None:
            not_modified["Cache-Control"] = PUBLIC_CACHE_CONTROL
            return not_modified
        response = super().dispatch(request, *args, **kwargs)
        if response.status_code == 200:
            response["ETag"] = etag
            response["Last-Modified"] = http_date(last_modified)
            response["Cache-Control"] = PUBLIC_CACHE_CONTROL
        return response
