"""Quota answers in the IETF RateLimit header fields, and the one 429 every quota gives.

draft-ietf-httpapi-ratelimit-headers (the current draft's structured-field syntax):

    RateLimit-Policy: "anonymous";q=300;w=60
    RateLimit: "anonymous";r=299;t=42

`q` is the quota and `w` its window in seconds; `r` what is left and `t` the seconds until the
window resets. A request counted by several quotas (the API's and counseling's own) carries one
item per quota in each field. Every quota is counted by django-ratelimit, whose usage dict
(`count`, `limit`, `time_left`, `should_limit`) is read here.

Per-address quotas count `infra.clients.client_address` (settings.RATELIMIT_IP_META_KEY).
"""

from dataclasses import dataclass

from django.core.cache import cache
from django.http import HttpResponse
from django_ratelimit.core import _split_rate, get_usage

from content.errors import json_error

POLICY_HEADER = "RateLimit-Policy"
LIMIT_HEADER = "RateLimit"
RESPONSE_HEADERS = (LIMIT_HEADER, POLICY_HEADER, "Retry-After")
# Seconds a client waits when a quota that fails closed could not be counted (cache outage).
UNCOUNTED_RETRY_SECONDS = 60
PROBE_KEY = "ratelimit:cache-counts"


@dataclass(frozen=True)
class Quota:
    """One counted quota: its policy name, limit and window, and this request's standing."""

    name: str
    limit: int
    window: int
    remaining: int
    reset: int

    @classmethod
    def of(cls, name: str, rate: str, usage: dict) -> "Quota":
        _, window = _split_rate(rate)
        return cls(
            name=name,
            limit=usage["limit"],
            window=window,
            remaining=max(0, usage["limit"] - usage["count"]),
            reset=max(1, usage["time_left"]),
        )

    @property
    def policy(self) -> str:
        return f'"{self.name}";q={self.limit};w={self.window}'

    @property
    def standing(self) -> str:
        return f'"{self.name}";r={self.remaining};t={self.reset}'


def _append(response: HttpResponse, header: str, item: str) -> None:
    existing = response.get(header)
    response[header] = f"{existing}, {item}" if existing else item


def add_quota_headers(response: HttpResponse, quota: Quota) -> HttpResponse:
    """Report one quota on the answer, beside any other quota already reported there."""
    _append(response, POLICY_HEADER, quota.policy)
    _append(response, LIMIT_HEADER, quota.standing)
    return response


def too_many_requests(quota: Quota, message: str) -> HttpResponse:
    """The 429 of a used-up quota: the error envelope, Retry-After and the RateLimit fields."""
    response = json_error("rate_limited", message, 429, limit=quota.limit, retry_after=quota.reset)
    response["Retry-After"] = str(quota.reset)
    return add_quota_headers(response, quota)


def cache_counts() -> bool:
    """Whether the shared cache can count now. While Valkey is down every read is a miss
    (cms/cache.py), so a peek at a counter cannot tell a fresh window from a lost cache; an
    increment can: it answers None then."""
    cache.add(PROBE_KEY, 0, 60)
    try:
        return cache.incr(PROBE_KEY, 0) is not None
    except ValueError:  # expired between the two calls: the cache did answer
        return True


def standing(request, name: str, *, group: str, key, rate: str, increment: bool) -> Quota | None:
    """This request's standing in one quota (counting it when `increment`), or None when the
    cache could not count it. What None means — open or closed — is each quota's own rule
    (docs/operations.md, "Shared cache outage")."""
    usage = get_usage(request, group=group, key=key, rate=rate, increment=increment)
    if usage is None or not usage["limit"]:
        return None
    if not increment and usage["count"] == 0 and not cache_counts():
        return None
    return Quota.of(name, rate, usage)


def uncounted(message: str) -> HttpResponse:
    """The 429 of a quota that fails closed while the cache cannot count it."""
    response = json_error("rate_limited", message, 429, retry_after=UNCOUNTED_RETRY_SECONDS)
    response["Retry-After"] = str(UNCOUNTED_RETRY_SECONDS)
    return response
