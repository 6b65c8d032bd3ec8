"""HTTP caching of public API responses: an ETag that changes only when the bytes do.

The ETag is a hash of the response body. Each 200 also records, in the shared cache, an entry
for its URL: the ETag, Last-Modified and the dependency keys it was built from with their
version tokens (`content.dependencies`). A content event bumps only the keys it affects, so a
publish leaves every unrelated entry valid; a conditional request whose entry is still valid
gets its 304 in `ResponseCacheMiddleware` with one cache read and no query. The same keys go out
as `Surrogate-Key` and `Cache-Tag`, so a CDN can be purged by key.

The 200 itself is kept beside its entry (bodies up to `MAX_CACHED_BODY`), so a plain GET of a
URL whose entry is still valid is answered by the same middleware from that one cache read: the
view, DRF and the database run only for what changed. A body is kept for one variant (the
request's language, `Accept` and the headers the response varies on); another variant asks the
view and replaces it.
"""

import contextlib
import datetime
import hashlib
import math
from typing import TYPE_CHECKING

from django.core.cache import cache
from django.db import DatabaseError
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import cc_delim_re, get_conditional_response
from django.utils.http import http_date

from content import dependencies
from content.versioning import current_version

if TYPE_CHECKING:
    from django.views import View as _ViewMixin  # what ConditionalPublicMixin extends
else:
    _ViewMixin = object

PUBLIC_CACHE_CONTROL = "public, max-age=0, must-revalidate"
ENTRY_TIMEOUT = 24 * 60 * 60
# Fastly and Cloudflare take 16 KB of keys; past this, page keys give way to `pages`.
MAX_SURROGATE_HEADER = 8000
# Larger 200s (listings of 100 with every field) are rebuilt from stored representations.
MAX_CACHED_BODY = 512 * 1024


def body_etag(content: bytes) -> str:
    return '"' + hashlib.sha256(content).hexdigest()[:32] + '"'


def entry_key(request) -> str:
    """The cached entry of this URL today ("open for application now" turns at midnight).

    The Host header as sent: an entry is only written after the view ran, by which time
    CommonMiddleware has refused hosts outside ALLOWED_HOSTS (and `get_host()` costs more).
    """
    meta = request.META
    parts = [
        meta.get("HTTP_HOST", ""),
        request.path_info,
        meta.get("QUERY_STRING", ""),
        str(timezone.localdate()),
    ]
    digest = hashlib.sha1("|".join(parts).encode(), usedforsecurity=False).hexdigest()
    return f"api:entry:{digest}"


def midnight_timestamp() -> int:
    """Today's local midnight: answers showing "open for application now" turn then."""
    midnight = datetime.datetime.combine(timezone.localdate(), datetime.time.min)
    return int(timezone.make_aware(midnight).timestamp())


def last_modified_timestamp(request) -> int:
    """The first whole second after the newest change (or today's local midnight if later).

    HTTP dates have whole seconds. Reporting the second *after* a change means a client
    holding that date has seen every change made within the change's own second, so a second
    change in the same second still answers 200 to its If-Modified-Since.
    """
    changed_at = current_version(request).changed_at
    if changed_at is None:
        return midnight_timestamp()
    return max(midnight_timestamp(), math.floor(changed_at.timestamp()) + 1)


def surrogate_keys(keys) -> list[str]:
    """The keys to send, within a CDN's header limit (`pages` stands in for page keys)."""
    keys = sorted(keys)
    if sum(len(key) + 1 for key in keys) <= MAX_SURROGATE_HEADER:
        return keys
    coarse = [key for key in keys if not key.startswith("page-")]
    return sorted({*coarse, dependencies.PAGES})


def set_validators(response, etag: str, keys) -> None:
    response["ETag"] = etag
    response["Cache-Control"] = PUBLIC_CACHE_CONTROL
    if keys:
        response["Surrogate-Key"] = " ".join(keys)
        response["Cache-Tag"] = ",".join(keys)


class Dependencies:
    """What one response is being built from: keys and the tokens they had before reading."""

    def __init__(self, request, keys):
        wanted = dict.fromkeys([dependencies.ANY_CHANGE, dependencies.SITE, *keys])
        # Tokens `ResponseCacheMiddleware` fetched for this URL before the view ran: as good as
        # reading them now, and one round trip fewer on the first read after a change.
        fetched = getattr(request, "_api_tokens", {})
        self.tokens = {key: fetched[key] for key in wanted if key in fetched}
        self.tokens.update(
            dependencies.current_tokens([key for key in wanted if key not in self.tokens])
        )
        self.any_change = {dependencies.ANY_CHANGE: self.tokens.pop(dependencies.ANY_CHANGE)}
        self.cacheable = True

    def add(self, keys) -> None:
        missing = [key for key in keys if key not in self.tokens]
        self.tokens.update(dependencies.current_tokens(missing))


def depend_on(request, keys) -> None:
    """Record that the response being built shows `keys` (read before showing them)."""
    tracked = getattr(request, "_api_dependencies", None)
    if tracked is not None:
        tracked.add(keys)


def not_cacheable(request) -> None:
    """The response being built depends on more than content (search, random order)."""
    tracked = getattr(request, "_api_dependencies", None)
    if tracked is not None:
        tracked.cacheable = False


class ConditionalPublicMixin(_ViewMixin):
    """For API views of anonymous content: 304s, body ETag, Last-Modified, Cache-Control public,
    Surrogate-Key, and an entry so the next revalidation is answered before the view.

    `dependency_keys()` names what every response of the view depends on; the view adds the
    pages it shows with `depend_on()`. Views whose answer depends on more than content (sync
    waits for changes to settle) set `etag_from_body`: no entry, and their own
    `last_modified()`.
    """

    etag_from_body = False
    depends_on: tuple[str, ...] = (dependencies.LISTINGS, dependencies.PAGES)

    def dependency_keys(self, request, kwargs) -> list[str]:
        return list(self.depends_on)

    def last_modified(self, request) -> int | None:
        """When this view's answers last changed (a timestamp), or None to send no date."""
        return None if self.etag_from_body else last_modified_timestamp(request)

    def dispatch(self, request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            return super().dispatch(request, *args, **kwargs)
        if self.etag_from_body:
            tracked = None
        else:
            tracked = Dependencies(request, self.dependency_keys(request, kwargs))
            request._api_dependencies = tracked
        response = super().dispatch(request, *args, **kwargs)
        if response.status_code != 200 or not isinstance(response, HttpResponse):
            return response  # an error, or a stream: no body to hash
        if hasattr(response, "render"):
            response.render()
        etag = body_etag(response.content)
        keys = surrogate_keys(tracked.tokens) if tracked else []
        last_modified = self.last_modified(request)
        if last_modified is not None and last_modified > timezone.now().timestamp():
            last_modified = None  # a second still in progress could see another change
        if tracked is not None and tracked.cacheable:
            prepare_entry(request, tracked, etag, last_modified, keys)
        not_modified = get_conditional_response(request, etag=etag, last_modified=last_modified)
        if not_modified is not None:
            response = not_modified
        elif last_modified is not None:
            response["Last-Modified"] = http_date(last_modified)
        set_validators(response, etag, keys)
        return response


def prepare_entry(request, tracked: Dependencies, etag: str, last_modified, keys) -> None:
    """The URL's entry, for `ResponseCacheMiddleware` to write with the finished response; none
    when a change was announced while the response was built (it may be half in it)."""
    if dependencies.still_current(tracked.any_change):
        request._api_entry = {
            "etag": etag,
            "last_modified": last_modified,
            "deps": tracked.tokens,
            "keys": keys,
        }


def body_key(key: str) -> str:
    return key + ":body"


def record(request, response) -> None:
    """Write the entry a view prepared, and its 200 as it leaves the middleware below this one
    when it can be kept (one round trip for both)."""
    entry = getattr(request, "_api_entry", None)
    if entry is None or response.status_code not in (200, 304):
        return
    key = entry_key(request)
    values = {key: entry}
    if (
        request.method == "GET"
        and response.status_code == 200
        and not response.streaming
        and response.get("ETag") == entry["etag"]
        and len(response.content) <= MAX_CACHED_BODY
    ):
        varies = [name for name in cc_delim_re.split(response.get("Vary", "")) if name]
        values[body_key(key)] = {
            "etag": entry["etag"],
            "request": _varying_request_headers(request, varies),
            "varies": varies,
            "headers": list(response.items()),
            "content": response.content,
        }
    cache.set_many(values, ENTRY_TIMEOUT)
    _remember_keys(key, entry["deps"])
    dependencies.remember_path(entry["keys"], request.get_full_path())


def _varying_request_headers(request, varies) -> tuple:
    """What of the request may shape the body besides its URL: the language the locale
    middleware chose, `Accept`, and the headers the response names in `Vary`."""
    names = ["Accept", *varies]
    headers = (request.META.get("HTTP_" + name.upper().replace("-", "_")) for name in names)
    return (getattr(request, "LANGUAGE_CODE", None), *headers)


def cached_response(request):
    """The kept 200 of a plain GET whose URL's entry is still valid, else None."""
    key = entry_key(request)
    guessed = _known_keys.get(key, ())
    found = _fetch(request, [key, body_key(key)], guessed)
    entry, kept = found.get(key), found.get(body_key(key))
    if entry is None or kept is None or kept["etag"] != entry["etag"]:
        return None
    if not _entry_current(key, entry, guessed, found):
        return None
    if kept["request"] != _varying_request_headers(request, kept["varies"]):
        return None
    response = HttpResponse(kept["content"])
    for name, value in kept["headers"]:
        response[name] = value
    return response


# Each process remembers which keys a URL's entry depends on (they rarely change), so one
# `get_many` fetches the entry and the keys' current versions together. Bounded: cleared
# when full, which costs each URL one more round trip.
_known_keys: dict[str, tuple[str, ...]] = {}
KNOWN_KEYS_MAX = 20_000


def _remember_keys(key: str, deps) -> None:
    if len(_known_keys) >= KNOWN_KEYS_MAX:
        _known_keys.clear()
    _known_keys[key] = tuple(deps)


def cached_not_modified(request):
    """The 304 (or 412) for a revalidation whose URL's entry is still valid, else None."""
    key = entry_key(request)
    guessed = _known_keys.get(key, ())
    found = _fetch(request, [key], guessed)
    entry = found.get(key)
    if entry is None or not _entry_current(key, entry, guessed, found):
        return None
    response = get_conditional_response(
        request, etag=entry["etag"], last_modified=entry["last_modified"]
    )
    if response is not None:
        # A 304 carries the validator it confirms (RFC 9110 15.4.5), as the 200 did.
        set_validators(response, entry["etag"], entry["keys"])
    return response


# Where the views that keep entries answer (the API, its feeds and open data; the sitemap): the
# admin, the frontend and the health checks pay no cache read for a lookup that cannot hit.
CACHED_PATHS = ("/api/", "/sitemap.xml")


class ResponseCacheMiddleware:
    """The lean path for unchanged URLs, before the rest of the middleware, URL dispatch, the
    view, DRF and the database: a revalidation whose URL's entry is still valid gets its 304
    (caches and apps revalidate often), and a plain GET gets the kept 200.

    It sits after the quota and locale middleware, so these answers are counted and carry the
    same `Vary`, quota and CORS headers as the 200 the view built.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path_info.startswith(CACHED_PATHS):
            return self.get_response(request)
        try:
            if _revalidates(request):
                not_modified = cached_not_modified(request)
                if not_modified is not None:
                    return not_modified
            elif request.method == "GET":
                kept = cached_response(request)
                if kept is not None:
                    return kept
        except DatabaseError:
            # The database cache (the default without CACHE_URL) is down with the database: a
            # miss. /healthz still answers, and what needs the database gets the 503 of
            # cms.middleware.DatabaseUnavailableMiddleware rather than a 500 from here.
            # (Valkey's backend, cms.cache, turns its own failures into misses.)
            pass
        response = self.get_response(request)
        with contextlib.suppress(DatabaseError):
            record(request, response)  # a store that fails costs the next request a view
        return response


def _fetch(request, names: list[str], guessed) -> dict:
    """`names` and the tokens of the keys the URL's entry is guessed to depend on, in one round
    trip; the tokens are kept on the request for the view, should it run."""
    deps = [dependencies.ANY_CHANGE, *guessed]
    found = cache.get_many([*names, *(dependencies.TOKEN_PREFIX + dep for dep in deps)])
    request._api_tokens = {
        dep: found[dependencies.TOKEN_PREFIX + dep]
        for dep in deps
        if dependencies.TOKEN_PREFIX + dep in found
    }
    return found


def _entry_current(key: str, entry: dict, guessed, found: dict) -> bool:
    """Whether no key the entry was built from changed since (`found` holds the guessed keys'
    tokens, fetched with the entry)."""
    deps = entry["deps"]
    if set(deps) != set(guessed):
        # Keys not fetched yet: ask for all of them (a guessed key absent above was evicted).
        _remember_keys(key, deps)
        return dependencies.still_current(deps)
    return all(found.get(dependencies.TOKEN_PREFIX + dep) == token for dep, token in deps.items())


def _revalidates(request) -> bool:
    return request.method in ("GET", "HEAD") and (
        "HTTP_IF_NONE_MATCH" in request.META or "HTTP_IF_MODIFIED_SINCE" in request.META
    )
