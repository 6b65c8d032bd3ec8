"""Top and rising: counts over windows of days, whatever is counted (pages, search queries).

The dashboard (cms/dashboard.py) compares the last `days` days with the `days` before them;
the feature that owns a count supplies it as a dictionary, this module ranks it.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Generic, TypeVar

from django.db.models import Sum
from django.utils import timezone

from analytics.models import PageViewDay

Key = TypeVar("Key")

# A rise from 0 to 1 is noise: a rising item needs this many in the current window, and
# half as many again as in the window before (110 to 120 is steady, not rising).
RISING_MINIMUM = 3
RISING_FACTOR = 1.5


@dataclass(frozen=True)
class Window:
    """Days `since` to `until`, both included."""

    since: date
    until: date

    @classmethod
    def last(cls, days: int, today: date | None = None) -> "Window":
        until = today or timezone.localdate()
        return cls(until - timedelta(days=days - 1), until)

    def before(self) -> "Window":
        """The window of the same length just before this one."""
        length = self.until - self.since + timedelta(days=1)
        return Window(self.since - length, self.since - timedelta(days=1))


@dataclass(frozen=True)
class Rise(Generic[Key]):
    key: Key
    current: int
    previous: int


def page_views(window: Window) -> dict[int, int]:
    """Views per page id in `window`."""
    rows = (
        PageViewDay.objects.filter(day__range=(window.since, window.until))
        .values("page_id")
        .annotate(total=Sum("views"))
    )
    return {row["page_id"]: row["total"] for row in rows}


def top(counts: dict[Key, int], limit: int) -> list[tuple[Key, int]]:
    """The `limit` largest counts, ties in key order."""
    return sorted(counts.items(), key=lambda item: (-item[1], str(item[0])))[:limit]


def rising(
    current: dict[Key, int],
    previous: dict[Key, int],
    limit: int,
    minimum: int = RISING_MINIMUM,
) -> list[Rise[Key]]:
    """What grew most from `previous` to `current`, relatively (new items count as from 1)."""
    rises = [
        Rise(key, count, previous.get(key, 0))
        for key, count in current.items()
        if count >= minimum and count >= RISING_FACTOR * previous.get(key, 0)
    ]
    rises.sort(key=lambda rise: (-(rise.current / max(rise.previous, 1)), -rise.current))
    return rises[:limit]
