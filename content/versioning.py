"""The content version: the newest content change, shared by ETags, caches and sync."""

from dataclasses import dataclass
from datetime import datetime

from django.db import connection

from .models import ContentChange


@dataclass(frozen=True)
class ContentVersion:
    change_id: int
    changed_at: datetime | None

    @property
    def key(self) -> str:
        """Unique even where rolled-back ids are reused (SQLite), unlike the id alone."""
        stamp = self.changed_at.timestamp() if self.changed_at else 0
        return f"{self.change_id}-{stamp:.6f}"


def current_version(request=None) -> ContentVersion:
    """The newest recorded change, read once per request."""
    # Kept on Django's request, which DRF's wraps: the view and the middleware share it.
    request = getattr(request, "_request", request)
    if request is not None and hasattr(request, "_api_content_version"):
        return request._api_content_version
    version = _newest_change()
    if request is not None:
        request._api_content_version = version
    return version


def _newest_change() -> ContentVersion:
    """One indexed row, read with plain SQL: every API request and every 304 asks, and
    building the ORM query cost more than running it."""
    table = connection.ops.quote_name(ContentChange._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT id, created_at FROM {table} ORDER BY id DESC LIMIT 1")  # noqa: S608
        row = cursor.fetchone()
    if row is None:
        return ContentVersion(0, None)
    change_id, created_at = row
    # SQLite answers text, PostgreSQL a datetime: the backend's own converter, as the ORM's.
    convert = getattr(connection.ops, "convert_datetimefield_value", None)
    if convert is not None:
        created_at = convert(created_at, None, connection)
    return ContentVersion(change_id, created_at)


class PerVersion:
    """A value derived from content, built once per content version and kept per process
    (the previous version's value is dropped when a new version asks for it)."""

    def __init__(self, build):
        self._build = build
        self._key: str | None = None
        self._value = None

    def get(self, version_key: str, *args):
        if self._key != version_key:
            value = self._build(*args)
            # Value first: a concurrent reader never pairs the new key with the old value.
            self._value, self._key = value, version_key
        return self._value

    def clear(self) -> None:
        self._key = self._value = None
