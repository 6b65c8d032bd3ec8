"""Keeping outbound targets apart: one request in flight per target, and a circuit breaker.

A target (a webhook receiver, a CDN purge endpoint) that stalls must not hold every worker nor
make each of its queued requests wait a full timeout. So, per target:

- a lease: one request at a time; a worker that finds the target busy does other work;
- a breaker: after OUTBOUND_BREAKER_FAILURES failures in a row the target is left alone for
  OUTBOUND_BREAKER_SECONDS; then one request probes it, and a success closes the breaker.

The state lives in the shared cache (Valkey or the database cache in production), so every
worker on every node sees it. The search engine's breaker (search/breaker.py) stays in process
memory on purpose: it is asked on every citizen's search, where a cache round trip would cost
more than it saves, and each web process may learn on its own that the engine is down.
"""

import time
import uuid

from django.conf import settings
from django.core.cache import cache

# A failure streak older than this is forgotten.
FAILURE_MEMORY_SECONDS = 24 * 3600


class TargetGate:
    """The lease and breaker of one target, named by `key` (e.g. "webhook:https://host:443")."""

    def __init__(self, key: str, lease_seconds: float):
        self.key = key
        self.lease_seconds = lease_seconds
        self.token = ""

    def _cache_key(self, part: str) -> str:
        return f"outbound:{part}:{self.key}"

    def closed_for(self) -> float:
        """Seconds the breaker keeps the target closed to requests; 0 when it may be asked."""
        reopens_at = cache.get(self._cache_key("open"))
        return max(reopens_at - time.time(), 0.0) if reopens_at else 0.0

    def enter(self) -> bool:
        """Take the target for one request: False if its breaker is open or another request to
        it is in flight (the caller then reschedules, without counting a failure)."""
        if self.closed_for():
            return False
        token = uuid.uuid4().hex
        if not cache.add(self._cache_key("lease"), token, timeout=self.lease_seconds):
            return False
        self.token = token
        return True

    def leave(self, succeeded: bool) -> None:
        """Release the target and record how the request went."""
        lease = self._cache_key("lease")
        if self.token and cache.get(lease) == self.token:
            cache.delete(lease)
        self.token = ""
        failures = self._cache_key("failures")
        if succeeded:
            cache.delete(failures)
            return
        cache.add(failures, 0, timeout=FAILURE_MEMORY_SECONDS)
        try:
            streak = cache.incr(failures)
        except ValueError:  # expired between add and incr
            streak = 1
        if streak >= settings.OUTBOUND_BREAKER_FAILURES:
            seconds = settings.OUTBOUND_BREAKER_SECONDS
            cache.set(self._cache_key("open"), time.time() + seconds, timeout=seconds)
