"""Each page's finished JSON, cached per content version (and day).

A page's representation is the same for everyone until content changes (the version moves)
or the day turns ("open for application now"), so it is computed once, by whichever worker
asks first, and kept in the shared cache. Listings read all their items in one round trip
and serialise only the pages missing from it.
"""

import hashlib
from collections.abc import Callable, Iterable

from django.core.cache import cache
from django.utils import timezone

from content.versioning import current_version

# Query parameters that change how each item looks (the rest choose which items).
SHAPE_PARAMETERS = ("fields", "type")
TIMEOUT_SECONDS = 60 * 60


def representation_prefix(request, view_kind: str) -> str:
    """The cache key prefix for items shaped by this request, at today's content version."""
    shape = "|".join(f"{name}={request.GET.get(name, '')}" for name in SHAPE_PARAMETERS)
    parts = [view_kind, shape, current_version(request).key, str(timezone.localdate())]
    return "api:repr:" + hashlib.sha1("|".join(parts).encode(), usedforsecurity=False).hexdigest()


def cached_representations(
    prefix: str, page_ids: list[int], serialise: Callable[[list[int]], Iterable[dict]]
) -> list[dict]:
    """The representations of `page_ids`, in order; `serialise(missing_ids)` makes the rest.

    A page `serialise` does not return (gone since the ids were read) is left out.
    """
    keys = {page_id: f"{prefix}:{page_id}" for page_id in page_ids}
    found = cache.get_many(keys.values())
    missing = [page_id for page_id in page_ids if keys[page_id] not in found]
    if missing:
        made = {item["id"]: item for item in serialise(missing)}
        cache.set_many({keys[page_id]: item for page_id, item in made.items()}, TIMEOUT_SECONDS)
        found.update({keys[page_id]: item for page_id, item in made.items()})
    return [found[keys[page_id]] for page_id in page_ids if keys[page_id] in found]
