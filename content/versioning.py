"""The content version: the newest content change, shared by ETags, caches and sync."""

from dataclasses import dataclass
from datetime import datetime

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
    if request is not None and hasattr(request, "_api_content_version"):
        return request._api_content_version
    newest = ContentChange.objects.order_by("-id").values_list("id", "created_at").first()
    version = ContentVersion(*newest) if newest else ContentVersion(0, None)
    if request is not None:
        request._api_content_version = version
    return version
