"""The shared cache on Valkey (or Redis): Django's own backend, with an atomic one-trip counter.

Every /api/ request counts itself against a quota (`partners.access`, django-ratelimit: `add`
then `incr`). Django's `incr` asks whether the key exists and then increments it: two round
trips, and a window that can expire between them. Here `incr` is one server-side script:
exists-and-increment in one round trip, atomically. And Django builds a new redis-py client
(with its table of response callbacks) for every command; here each connection pool keeps one,
which redis-py's clients allow across threads. Everything else is Django's backend.
"""

from django.core.cache.backends.redis import RedisCache, RedisCacheClient

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


class PortalRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = PortalRedisCacheClient
