"""HTTP caching of public API responses: ETag + Last-Modified from the content version.

The version is the newest content change, so a publish, unpublish, move, delete or
privacy change alters every ETag at once; a conditional request with a current
ETag gets a 304 before any page is loaded.
"""

import datetime
import hashlib
import math

from django.db import InterfaceError, OperationalError
from django.urls import Resolver404, resolve
from django.utils import timezone
from django.utils.cache import get_conditional_response
from django.utils.http import http_date

from cms.middleware import database_unavailable
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


def not_modified_response(request):
    """The 304 (or 412) a conditional request gets while the content version holds, else None."""
    etag = response_etag(request)
    response = get_conditional_response(
        request, etag=etag, last_modified=last_modified_timestamp(request)
    )
    if response is not None:
        # A 304 carries the validator it confirms (RFC 9110 15.4.5), as the 200 did.
        response["ETag"] = etag
        response["Cache-Control"] = PUBLIC_CACHE_CONTROL
    return response


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
        not_modified = not_modified_response(request)
        if not_modified is not None:
            return not_modified
        etag = response_etag(request)
        last_modified = last_modified_timestamp(request)
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


class NotModifiedMiddleware:
    """The lean path for revalidation: a request with an `If-None-Match` for a view of
    `ConditionalPublicMixin` gets its 304 here, as the view would give it, without the rest
    of the middleware, URL dispatch to the view or DRF (caches and apps revalidate often).

    It sits after the quota and locale middleware, so a 304 is counted and carries the
    same `Vary` and CORS headers as the 200 it confirms.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _revalidates(request):
            try:
                not_modified = not_modified_response(request)
            except (OperationalError, InterfaceError) as error:
                return database_unavailable(request, error)
            if not_modified is not None:
                return not_modified
        return self.get_response(request)


def _revalidates(request) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and "HTTP_IF_NONE_MATCH" in request.META
        and _answers_conditionally(request.path_info)
    )


def _answers_conditionally(path: str) -> bool:
    """Whether `path` is served by a view whose ETag is the content version's."""
    try:
        view = resolve(path).func
    except Resolver404:
        return False
    view_class = getattr(view, "cls", None) or getattr(view, "view_class", None)
    return (
        isinstance(view_class, type)
        and issubclass(view_class, ConditionalPublicMixin)
        and not view_class.etag_from_body
    )
