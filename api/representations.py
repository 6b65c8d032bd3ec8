"""Each page's finished JSON, stored per shape and valid until something it shows changes.

A representation records the content change it was built at (the request's content version,
read before the page). It stays valid while no later change names its page in the change log
(`content.events` writes a row for every page a change affects: the page, its descendants,
pages showing it) and the day is the same ("open for application now" turns at midnight).
One query checks a whole listing.

The default shapes (detail, and each listing's items) are stored in the database, so they
survive cache eviction and restarts: the publishing task builds the detail representation
(`api.tasks`), and the first read after a publish needs no cache. Shapes asked with `?fields=`
are kept in the shared cache instead (unbounded combinations do not belong in a table).
"""

import hashlib
import json
from collections.abc import Callable, Iterable

from django.conf import settings
from django.core.cache import cache
from django.db import connections, router
from django.db.models import Max
from django.utils import timezone
from rest_framework.renderers import JSONRenderer
from rest_framework.utils.encoders import JSONEncoder

from content.models import ContentChange
from content.versioning import current_version

from .models import StoredRepresentation

DETAIL = "detail"
CACHE_TIMEOUT_SECONDS = 60 * 60
# Raise when code changes what a representation holds: stored ones of older code are not read.
REPRESENTATION_FORMAT = 2
# Settings that shape every representation (absolute URLs; i18n adds `meta.locale`).
_SETTINGS_SHOWN = ("WAGTAILAPI_BASE_URL", "FRONTEND_BASE_URL", "MEDIA_URL", "WAGTAIL_I18N_ENABLED")

# (revision id, representation) of each page built; a page gone since its id was read is left out.
Serialise = Callable[[list[int]], Iterable[tuple[int | None, dict]]]


def shape_of(request, view_kind: str) -> str:
    """Which shape of representation this request's items take ("listing:pages.articlepage")."""
    shape = DETAIL if view_kind == "detail" else f"listing:{request.GET.get('type', '').lower()}"
    fields = request.GET.get("fields", "")
    if shape == DETAIL and fields == "*" and settings.WAGTAIL_I18N_ENABLED:
        # Wagtail's detail shows every field by default ("locale" too once i18n is on), so
        # `fields=*` asks for the stored detail, built when the page was published.
        fields = ""
    return f"{shape}|fields={fields}" if fields else shape


def listing_is_detail(request) -> bool:
    """Whether this listing's items are the detail representations without the detail-only
    fields: every field (`fields=*`) of one page type, with i18n on (Wagtail's default detail
    then shows every field, `locale` too). They are then read from the stored detail JSON the
    publish built, rather than built again per listing shape."""
    page_type = request.GET.get("type", "")
    return (
        request.GET.get("fields") == "*"
        and bool(page_type)
        and "," not in page_type
        and settings.WAGTAIL_I18N_ENABLED
    )


def without_detail_only_fields(item: dict, detail_only_fields) -> dict:
    meta = {name: value for name, value in item["meta"].items() if name not in detail_only_fields}
    return {**item, "meta": meta}


def build_variant() -> str:
    """What besides content decides a representation: the code's format and the URL settings
    (a deploy that changes either reads none of the representations stored before)."""
    shown = "|".join(str(getattr(settings, name, "")) for name in _SETTINGS_SHOWN)
    digest = hashlib.sha1(shown.encode(), usedforsecurity=False).hexdigest()[:8]
    return f"{REPRESENTATION_FORMAT}.{digest}"


def stored_representations(request, shape: str, page_ids: list[int], serialise: Serialise):
    """The representations of `page_ids`, in order; `serialise(missing_ids)` builds the rest,
    which are stored for the next reader."""
    shape = f"{shape}@{build_variant()}"
    built_change = current_version(request).change_id
    today = timezone.localdate()
    store = DatabaseStore if "|" not in shape else CacheStore
    found = store.load(shape, page_ids, today) if page_ids else {}
    missing = [page_id for page_id in page_ids if page_id not in found]
    if missing:
        made = {item["id"]: (revision_id, plain(item)) for revision_id, item in serialise(missing)}
        store.save(shape, made, built_change, today)
        found.update({page_id: item for page_id, (_, item) in made.items()})
    return [found[page_id] for page_id in page_ids if page_id in found]


def stored_details(page_ids: list[int]) -> dict[int, dict]:
    """The current stored detail representations among `page_ids`; none are built here."""
    if not page_ids:
        return {}
    return DatabaseStore.load(f"{DETAIL}@{build_variant()}", page_ids, timezone.localdate())


def stored_detail_body(page_id: int) -> bytes | None:
    """The stored detail JSON of one page exactly as the API renders it, or None when it is not
    stored (or no longer current): the first read after a publish sends these bytes as they
    are, without parsing and rendering them again."""
    shape = f"{DETAIL}@{build_variant()}"
    text = DatabaseStore.load_text(shape, [page_id], timezone.localdate()).get(page_id)
    return None if text is None else text.encode()


def rendered(item: dict) -> str:
    """The item as the API's views render it (Wagtail's API views indent by 4), so stored bytes
    can be sent as they are and make the ETag a freshly rendered answer would."""
    return JSONRenderer().render(item, renderer_context={"indent": 4}).decode()


def plain(item: dict) -> dict:
    """The item as JSON gives it back (with DRF's encoder, as responses are rendered), so a
    representation just built and one read back make the same bytes and the same ETag."""
    return json.loads(json.dumps(item, ensure_ascii=False, cls=JSONEncoder))


def forget(page_ids: Iterable[int]) -> None:
    """Drop the stored representations of pages that left the public (unpublished, private)."""
    StoredRepresentation.objects.filter(page_id__in=list(page_ids)).delete()


class DatabaseStore:
    @staticmethod
    def load(shape: str, page_ids: list[int], today) -> dict[int, dict]:
        texts = DatabaseStore.load_text(shape, page_ids, today)
        return {page_id: json.loads(text) for page_id, text in texts.items()}

    @staticmethod
    def load_text(shape: str, page_ids: list[int], today) -> dict[int, str]:
        """The current JSON text of `page_ids` in `shape`: built today, and no change logged for
        the page since. One hand-written query: on the first read after a publish, compiling
        the equivalent ORM query cost more than running it."""
        connection = connections[router.db_for_read(StoredRepresentation)]
        quote = connection.ops.quote_name
        placeholders = ", ".join(["%s"] * len(page_ids))
        # Table names from the models, every value a parameter.
        sql = (
            f"SELECT r.page_id, r.data FROM {quote(StoredRepresentation._meta.db_table)} r"  # noqa: S608
            f" WHERE r.shape = %s AND r.day = %s AND r.page_id IN ({placeholders})"
            f" AND NOT EXISTS (SELECT 1 FROM {quote(ContentChange._meta.db_table)} c"
            " WHERE c.page_id = r.page_id AND c.id > r.built_change)"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [shape, connection.ops.adapt_datefield_value(today), *page_ids])
            return dict(cursor.fetchall())

    @staticmethod
    def save(shape: str, made: dict[int, tuple[int | None, dict]], built_change: int, today):
        rows = [
            StoredRepresentation(
                page_id=page_id,
                shape=shape,
                revision_id=revision_id,
                built_change=built_change,
                day=today,
                data=rendered(item),
            )
            for page_id, (revision_id, item) in made.items()
        ]
        StoredRepresentation.objects.bulk_create(
            rows,
            update_conflicts=True,
            unique_fields=["page_id", "shape"],
            update_fields=["revision_id", "built_change", "day", "data", "built_at"],
        )


class CacheStore:
    @staticmethod
    def key(shape: str, page_id: int) -> str:
        digest = hashlib.sha1(shape.encode(), usedforsecurity=False).hexdigest()
        return f"api:repr:{digest}:{page_id}"

    @classmethod
    def load(cls, shape: str, page_ids: list[int], today) -> dict[int, dict]:
        keys = {page_id: cls.key(shape, page_id) for page_id in page_ids}
        cached = cache.get_many(keys.values())
        found = {page_id: cached[key] for page_id, key in keys.items() if key in cached}
        # Asked even when nothing was cached: a listing's query count never depends on hits.
        newest = dict(
            ContentChange.objects.filter(page_id__in=found or page_ids)
            .values("page_id")
            .annotate(newest=Max("id"))
            .values_list("page_id", "newest")
        )
        return {
            page_id: item
            for page_id, (built_change, day, item) in found.items()
            if day == today and built_change >= newest.get(page_id, 0)
        }

    @classmethod
    def save(cls, shape: str, made: dict[int, tuple[int | None, dict]], built_change: int, today):
        cache.set_many(
            {
                cls.key(shape, page_id): (built_change, today, item)
                for page_id, (_, item) in made.items()
            },
            CACHE_TIMEOUT_SECONDS,
        )
