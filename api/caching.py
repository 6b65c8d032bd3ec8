"""HTTP caching of public API responses: ETag + Last-Modified from the content version.

The version is the newest content change, so a publish, unpublish, move, delete or
privacy change alters every ETag at once; a conditional request with a current
ETag gets a 304 before any page is loaded.
"""

import datetime
import hashlib
import math

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


def body_etag(content: bytes) -> str:
    return '"' + hashlib.sha256(content).hexdigest()[:32] + '"'


def last_modified_timestamp(request) -> int:
    """The first whole second after the newest change (or today's local midnight if later).

    HTTP dates have whole seconds. Reporting the second *after* a change means a client
    holding that date has seen every change made within the change's own second, so a second
    change in the same second still answers 200 to its If-Modified-Since.
    """
    midnight = timezone.make_aware(
        datetime.datetime.combine(timezone.localdate(), datetime.time.min)
    )
    changed_at = current_version(request).changed_at
    if changed_at is None or changed_at < midnight:
        return int(midnight.timestamp())
    return math.floor(changed_at.timestamp()) + 1


class ConditionalPublicMixin:
    """For API views of anonymous content: 304s, ETag, Last-Modified, Cache-Control public.

    Views whose answer depends on more than the content version (sync waits for changes to
    settle) set `etag_from_body`: their ETag is a hash of the response itself.
    """

    etag_from_body = False

    def dispatch(self, request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            return super().dispatch(request, *args, **kwargs)
        if self.etag_from_body:
            return self.dispatch_with_body_etag(request, *args, **kwargs)
        etag = response_etag(request)
        last_modified = last_modified_timestamp(request)
        not_modified = get_conditional_response(request, etag=etag, last_modified=last_modified)
        if not_modified is not None:
            not_modified["Cache-Control"] = PUBLIC_CACHE_CONTROL
            return not_modified
        response = super().dispatch(request, *args, **kwargs)
        if response.status_code == 200:
            response["ETag"] = etag
            # A date still in progress could see another change: only finished seconds.
            if last_modified <= timezone.now().timestamp():
                response["Last-Modified"] = http_date(last_modified)
            response["Cache-Control"] = PUBLIC_CACHE_CONTROL
        return response

    def dispatch_with_body_etag(self, request, *args, **kwargs):
        response = super().dispatch(request, *args, **kwargs)
        if response.status_code != 200:
            return response
        response.render()
        etag = body_etag(response.content)
        not_modified = get_conditional_response(request, etag=etag)
        if not_modified is not None:
            response = not_modified
        response["ETag"] = etag
        response["Cache-Control"] = PUBLIC_CACHE_CONTROL
        return response
