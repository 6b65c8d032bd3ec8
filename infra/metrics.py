"""Counters features add to when something operators watch happens; `GET /metrics` reads them.

Webhook failures, print builds and search fallbacks happen in task workers, in the scheduler
and in web servers, on any node. A prometheus_client counter lives in one process (or in one
server's multiprocess directory) and the workers and the scheduler serve no HTTP. So these
counters are kept in the shared cache (Valkey in production, `cache.add` then an atomic
`cache.incr`), and any web node reports the whole portal's totals. Losing the cache resets
them to zero, which Prometheus reads as a counter reset.

Features import this module only (never cms/metrics.py, which renders them).
"""

import functools
import logging
from collections.abc import Iterable

from django.core.cache import cache

logger = logging.getLogger(__name__)


class SharedCounter:
    """A monotonically increasing count in the shared cache, with at most one label."""

    def __init__(self, name: str, documentation: str, label: str = ""):
        self.name = name
        self.documentation = documentation
        self.label = label

    def key(self, value: str = "") -> str:
        return f"metrics:{self.name}:{value}"

    def inc(self, value: str = "") -> None:
        """Add one for `value` of the label (the counter itself when it has no label)."""
        key = self.key(value)
        try:
            if not cache.add(key, 1, timeout=None):
                cache.incr(key)
        # A count is never worth failing the delivery, build or search it counts.
        except Exception:
            logger.warning("metric %s not counted", self.name, exc_info=True)

    def read(self, values: Iterable[str] = ("",)) -> dict[str, int]:
        """The count of each label value (0 for one never counted)."""
        values = list(values)
        found = cache.get_many([self.key(value) for value in values])
        return {value: int(found.get(self.key(value), 0)) for value in values}


WEBHOOK_FAILURES = SharedCounter(
    "portal_webhook_delivery_failures_total",
    "Failed webhook delivery attempts (error or non-2xx answer), by subscription id.",
    label="target",
)
SEARCH_FALLBACKS = SharedCounter(
    "portal_search_fallbacks_total",
    "Citizens' searches answered by the database backend because the engine failed or its "
    "circuit breaker was open.",
)
PRINT_BUILDS = SharedCounter(
    "portal_print_builds_total",
    "Requests to build an edition's print PDF, by outcome: built, unchanged, failed, busy "
    "(another build of it was running) or withdrawn (the edition is no longer public).",
    label="outcome",
)


def counts_outcomes(counter: SharedCounter):
    """Decorate a function so that each call counts under the outcome its result names
    (`result.outcome`), or as "failed" if it raises."""

    def decorate(function):
        @functools.wraps(function)
        def counted(*args, **kwargs):
            try:
                result = function(*args, **kwargs)
            except Exception:
                counter.inc("failed")
                raise
            counter.inc(str(result.outcome))
            return result

        return counted

    return decorate
