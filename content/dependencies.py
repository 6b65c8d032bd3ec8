"""What a cached response was built from, and which of those things a content change alters.

A response depends on keys: `page-12` (that page's representation), `pages-type-<label>` and
`pages-child-<id>` (which pages a listing of that type, or under that parent, holds and in what
order), `pages` (any page), `listings` (the shape of every listing: moves, unpublishing,
privacy), `site` (everything), and object types such as `wagtailimages.image`.

Each key has a version token in the shared cache (Django's cache API: LocMem in tests, Valkey in
production, so every worker and node sees the same tokens). A content event replaces the tokens
of the keys it affects; a response recorded with older tokens is stale. A token missing from the
cache (evicted, or a fresh cache) never equals a recorded one: missing means stale, never fresh.

The same keys go out as `Surrogate-Key`/`Cache-Tag` headers, and the paths of responses recorded
under a key are remembered (best effort, bounded) so a CDN purge can name them.
"""

import secrets
from collections.abc import Iterable

from django.core.cache import cache
from wagtail.models import Page

from .events import ContentEvent
from .models import ChangeKind

SITE = "site"
LISTINGS = "listings"
PAGES = "pages"
IMAGES = "wagtailimages.image"
DOCUMENTS = "wagtaildocs.document"
REDIRECTS = "wagtailredirects.redirect"
SITES = "wagtailcore.site"
# Bumped by every change, never recorded with a response: a response built while it moved may
# mix data from before and after a change, so it is not recorded at all.
ANY_CHANGE = "changes"

TOKEN_PREFIX = "dep:"  # noqa: S105 (a cache key prefix, not a secret)
PATHS_PREFIX = "dep-paths:"
TOKEN_TIMEOUT = 30 * 24 * 60 * 60
# Paths remembered per key for purging: the newest ones (a CDN revalidates the rest anyway).
PATHS_PER_KEY = 50

# Changes that can move pages into, out of or within any listing, beyond the page itself.
_MEMBERSHIP_KINDS = {
    ChangeKind.UNPUBLISHED,
    ChangeKind.DELETED,
    ChangeKind.MOVED,
    ChangeKind.RESTRICTED,
    ChangeKind.UNRESTRICTED,
    ChangeKind.MEDIA,
}
# Related objects that never decide which pages a listing holds (taxonomy terms do: filters).
_NOT_FILTERING = {IMAGES, DOCUMENTS, REDIRECTS, "partners.partnerfeed", "search.searchsynonym"}


def page_key(page_id: int) -> str:
    return f"page-{page_id}"


def type_key(label: str) -> str:
    """Pages of one type ("pages.articlepage")."""
    return f"pages-type-{label.lower()}"


def children_key(parent_id: int) -> str:
    return f"pages-child-{parent_id}"


def keys_for_event(event: ContentEvent) -> list[str]:
    """The keys whose responses `event` may have changed (reads the page's parent if needed)."""
    keys = [ANY_CHANGE, *(page_key(page_id) for page_id in event.affected_page_ids)]
    if event.affected_page_ids or event.page_id is not None:
        keys.append(PAGES)
    if event.page_id is not None:
        keys += [type_key(event.page_type), children_key(event.page_id)]
        parent_id = _parent_id(event.page_id)
        if parent_id is not None:
            keys.append(children_key(parent_id))
    if event.kind in _MEMBERSHIP_KINDS:
        keys.append(LISTINGS)
    if event.kind == ChangeKind.MEDIA:
        keys += [IMAGES, DOCUMENTS]
    if event.kind == ChangeKind.RELATED and event.subject_type:
        keys.append(event.subject_type)
        if event.subject_type == SITES:
            keys.append(SITE)
        elif event.subject_type not in _NOT_FILTERING:
            keys.append(LISTINGS)  # a renamed topic slug changes what `?topic=` finds
    if event.kind not in ChangeKind.values:
        keys.append(SITE)  # a kind this module does not know: assume it changed everything
    return list(dict.fromkeys(keys))


def _parent_id(page_id: int) -> int | None:
    tree_path = Page.objects.filter(pk=page_id).values_list("path", flat=True).first()
    if not tree_path or len(tree_path) <= Page.steplen:
        return None
    parent_path = tree_path[: -Page.steplen]
    return Page.objects.filter(path=parent_path).values_list("pk", flat=True).first()


# Version tokens -----------------------------------------------------------------------------


def _new_token() -> str:
    return secrets.token_hex(6)


def current_tokens(keys: Iterable[str]) -> dict[str, str]:
    """The current token of each key, giving a fresh one to keys that have none.

    Call it before reading what the keys stand for: a change committed after this call bumps a
    token, so whatever is recorded with these tokens becomes stale. Overwriting a concurrent
    bump with a fresh token is safe: a fresh token matches nothing recorded before.
    """
    keys = list(dict.fromkeys(keys))
    if not keys:
        return {}
    found = cache.get_many([TOKEN_PREFIX + key for key in keys])
    tokens = {key: found[TOKEN_PREFIX + key] for key in keys if TOKEN_PREFIX + key in found}
    fresh = {key: _new_token() for key in keys if key not in tokens}
    if fresh:
        cache.set_many({TOKEN_PREFIX + key: token for key, token in fresh.items()}, TOKEN_TIMEOUT)
        tokens.update(fresh)
    return tokens


def still_current(recorded: dict[str, str]) -> bool:
    """Whether every key still has the token recorded with it (one cache round trip)."""
    if not recorded:
        return True
    found = cache.get_many([TOKEN_PREFIX + key for key in recorded])
    return all(found.get(TOKEN_PREFIX + key) == token for key, token in recorded.items())


def bump(keys: Iterable[str]) -> None:
    """Make everything recorded under `keys` stale, on every worker (one round trip)."""
    tokens = {TOKEN_PREFIX + key: _new_token() for key in keys}
    if tokens:
        cache.set_many(tokens, TOKEN_TIMEOUT)


# Paths under a key, for purging -------------------------------------------------------------


# What this process noted last per path: a path rebuilt after each change usually depends on
# the same keys again, and is already noted under them. Bounded: cleared when full.
_noted: dict[str, frozenset[str]] = {}
NOTED_MAX = 20_000


def remember_path(keys: Iterable[str], path: str) -> None:
    """Note that the response at `path` depends on `keys` (two round trips, none when this
    process noted the same already; races or eviction may drop a path, which only means a CDN
    revalidates it instead of being told)."""
    keys = frozenset(keys)
    names = [PATHS_PREFIX + key for key in keys]
    if not names or _noted.get(path) == keys:
        return
    if len(_noted) >= NOTED_MAX:
        _noted.clear()
    _noted[path] = keys
    found = cache.get_many(names)
    updates = {}
    for name in names:
        paths = found.get(name, [])
        if path not in paths:
            updates[name] = [*paths[-(PATHS_PER_KEY - 1) :], path]
    if updates:
        cache.set_many(updates, TOKEN_TIMEOUT)


def paths_for(keys: Iterable[str]) -> list[str]:
    """The paths of responses remembered under any of `keys`."""
    found = cache.get_many([PATHS_PREFIX + key for key in keys])
    return list(dict.fromkeys(path for paths in found.values() for path in paths))
