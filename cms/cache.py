"""The shared cache on Valkey (or Redis): Django's own backend, with an atomic one-trip counter.

Every /api/ request counts itself against a quota (`partners.access`, django-ratelimit: `add`
then `incr`). Django's `incr` asks whether the key exists and then increments it: two round
trips, and a window that can expire between them. Here `incr` is one server-side script:
exists-and-increment in one round trip, atomically. And Django builds a new redis-py client
(with its table of response callbacks) for every command; here each connection pool keeps one,
which redis-py's clients allow across threads. Everything else is Django's backend.

An outage of the cache is not an outage of the portal (nothing persistent lives there): while
Valkey does not answer, every read is a miss, every write is dropped, `add` claims nothing and
`incr` counts nothing (django-ratelimit then applies each quota's own failure policy, see
docs/operations.md "Shared cache outage"). The first failure is logged once, in Korean, and for
`RETRY_AFTER_FAILURE` seconds the cache is not asked at all, so a Valkey that hangs costs a
request at most one short socket timeout (production.py sets it), not one per cache call.
"""

import logging
import threading
import time
from collections.abc import Callable
from functools import partial
from typing import Any

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

# Seconds without asking a cache that just failed (each process finds out on its own).
RETRY_AFTER_FAILURE = 2.0

INCREMENT_IF_PRESENT = """
if redis.call('EXISTS', KEYS[1]) == 1 then
  return redis.call('INCRBY', KEYS[1], ARGV[1])
end
return false
"""


class PortalRedisCacheClient(RedisCacheClient):
    _increment = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client

    def incr(self, key, delta):
        client = self.get_client(key, write=True)
        if PortalRedisCacheClient._increment is None:
            # EVALSHA from then on; the script is loaded again if the server restarted.
            PortalRedisCacheClient._increment = client.register_script(INCREMENT_IF_PRESENT)
        value = self._increment(keys=[key], args=[delta], client=client)
        if value is None:
            raise ValueError(f"Key '{key}' not found.")
        return value


class _Outage:
    """This process's view of the cache: answering, or failed and not asked until a moment."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.down = False
        self.retry_at = 0.0

    def skipping(self) -> bool:
        return self.down and time.monotonic() < self.retry_at

    def failed(self, error: Exception) -> None:
        with self.lock:
            first = not self.down
            self.down = True
            self.retry_at = time.monotonic() + RETRY_AFTER_FAILURE
        if first:
            logger.warning(
                "공유 캐시(Valkey)가 응답하지 않아 캐시 없이 처리합니다 "
                "(읽기는 없는 것으로, 쓰기는 버립니다): %s",
                error,
            )

    def answered(self) -> None:
        if not self.down:
            return
        with self.lock:
            was_down, self.down = self.down, False
        if was_down:
            logger.warning("공유 캐시(Valkey)가 다시 응답합니다.")


outage = _Outage()


def _or_miss(call: Callable[[], Any], miss: Any) -> Any:
    """`call()`, or `miss` while the cache fails."""
    if outage.skipping():
        return miss
    try:
        result = call()
    except RedisError as error:
        outage.failed(error)
        return miss
    outage.answered()
    return result


class PortalRedisCache(RedisCache):
    """Django's Redis backend with the one-trip `incr`, whose every failure is a miss."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = PortalRedisCacheClient

    def get(self, key, default=None, version=None):
        return _or_miss(partial(super().get, key, default, version), default)

    def get_many(self, keys, version=None):
        return _or_miss(partial(super().get_many, keys, version), {})

    def has_key(self, key, version=None):
        return _or_miss(partial(super().has_key, key, version), False)

    def set(self, *args, **kwargs):
        _or_miss(partial(super().set, *args, **kwargs), None)

    def set_many(self, data, *args, **kwargs):
        # Django's answer for keys it could not store: all of them.
        return _or_miss(partial(super().set_many, data, *args, **kwargs), list(data))

    def add(self, *args, **kwargs):
        # Claims nothing: the scheduler runs no job and a breaker opens no probe meanwhile.
        return _or_miss(partial(super().add, *args, **kwargs), False)

    def touch(self, *args, **kwargs):
        return _or_miss(partial(super().touch, *args, **kwargs), False)

    def delete(self, *args, **kwargs):
        return _or_miss(partial(super().delete, *args, **kwargs), False)

    def delete_many(self, *args, **kwargs):
        _or_miss(partial(super().delete_many, *args, **kwargs), None)

    def incr(self, *args, **kwargs):
        # None, as redis-py answers for a missing counter: django-ratelimit reads it as
        # "could not count" and applies the quota's failure policy; metrics count nothing.
        return _or_miss(partial(super().incr, *args, **kwargs), None)
