"""Who is calling /api/ and how often: partner API keys (`X-API-Key`) and request quotas.

One middleware guards every /api/ path, whichever view (DRF or not) answers it:

- no `X-API-Key` header: an anonymous client, counted per IP (`API_ANONYMOUS_RATE`);
- a valid key: counted per key (`API_KEY_RATE`, higher) and per day for the admin's report;
- a key that is unknown, expired, revoked or whose partner is suspended: 401, never anonymous.

Quotas are fixed windows counted in the shared cache by django-ratelimit (the library the
counseling API already uses). A keyless request, 304s included, costs one cache `add`/`incr`
and no database query; a key's check is read from the cache for `API_KEY_CACHE_SECONDS`.
"""

import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, InterfaceError, OperationalError, transaction
from django.db.models import F
from django.utils import timezone
from django_ratelimit.core import get_usage

from cms.middleware import database_unavailable
from content.errors import json_error
from infra.ratelimit import Quota, add_quota_headers, too_many_requests

from .models import APIKeyUsage, PartnerAPIKey

logger = logging.getLogger(__name__)

API_KEY_META = "HTTP_X_API_KEY"
KEY_CACHE_PREFIX = "partners:api-key:"
UNKNOWN = "unknown"


@dataclass(frozen=True)
class KeyRecord:
    """What a request needs to know about a key, cached by its public prefix."""

    id: str
    hashed_key: str
    partner_id: int
    revoked: bool
    partner_active: bool
    expires_at: float | None

    @classmethod
    def of(cls, api_key: PartnerAPIKey) -> "KeyRecord":
        expiry = api_key.expiry_date
        return cls(
            id=api_key.pk,
            hashed_key=api_key.hashed_key,
            partner_id=api_key.partner_id,
            revoked=api_key.revoked,
            partner_active=api_key.partner.is_active,
            expires_at=expiry.timestamp() if expiry else None,
        )


class KeyRefused(Exception):
    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


def key_cache_key(prefix: str) -> str:
    return KEY_CACHE_PREFIX + prefix


def forget_key(prefix: str) -> None:
    """Drop a key's cached record so a revocation or suspension applies at once."""
    cache.delete(key_cache_key(prefix))


def key_record(prefix: str) -> KeyRecord | None:
    cache_key = key_cache_key(prefix)
    cached = cache.get(cache_key)
    if cached is not None:
        return None if cached == UNKNOWN else cached
    api_key = PartnerAPIKey.objects.select_related("partner").filter(prefix=prefix).first()
    record = KeyRecord.of(api_key) if api_key else None
    cache.set(cache_key, record or UNKNOWN, settings.API_KEY_CACHE_SECONDS)
    return record


def verify_key(raw_key: str) -> KeyRecord:
    """The record of a usable key, or KeyRefused saying why it cannot be used."""
    prefix, dot, _ = raw_key.strip().partition(".")
    record = key_record(prefix) if dot and prefix.isalnum() else None
    if record is None or not PartnerAPIKey.objects.key_generator.verify(
        raw_key.strip(), record.hashed_key
    ):
        raise KeyRefused("invalid_api_key", "API 키가 올바르지 않습니다.")
    if record.revoked:
        raise KeyRefused("api_key_revoked", "폐기된 API 키입니다. 새 키를 발급받으세요.")
    if record.expires_at is not None and record.expires_at <= timezone.now().timestamp():
        raise KeyRefused("api_key_expired", "만료된 API 키입니다. 새 키를 발급받으세요.")
    if not record.partner_active:
        raise KeyRefused("partner_suspended", "이용이 중지된 협력기관의 API 키입니다.")
    return record


def count_request(request, policy: str, key, rate: str) -> tuple[Quota | None, bool]:
    """Count one request in the current window: the quota's standing (None if it is not
    limited) and whether this request is over it.

    `key` is django-ratelimit's: "ip" for the client's address, or a callable.
    """
    if not rate:
        return None, False
    usage = get_usage(request, group=f"api-{policy}", key=key, rate=rate, increment=True)
    if usage is None or usage["limit"] == 0:
        # django-ratelimit reports an unreachable cache this way; the API stays open.
        logger.warning("API quota not counted: the cache did not answer")
        return None, False
    return Quota.of(policy, rate, usage), usage["should_limit"]


def record_usage(key_id: str, *, throttled: bool) -> None:
    """Add one request to the key's count for today (Seoul time)."""
    day = timezone.localdate()
    changes = {"requests": F("requests") + 1}
    if throttled:
        changes["throttled"] = F("throttled") + 1
    if APIKeyUsage.objects.filter(api_key_id=key_id, day=day).update(**changes):
        return
    try:
        with transaction.atomic():  # a savepoint: PostgreSQL goes on after the conflict
            APIKeyUsage.objects.create(
                api_key_id=key_id, day=day, requests=1, throttled=int(throttled)
            )
    except IntegrityError:  # another request created today's row first
        APIKeyUsage.objects.filter(api_key_id=key_id, day=day).update(**changes)


def unauthorized(refusal: KeyRefused):
    response = json_error(refusal.code, refusal.message, 401)
    response["WWW-Authenticate"] = 'ApiKey header="X-API-Key"'
    return response


def over_quota(quota: Quota):
    return too_many_requests(
        quota, f"요청 한도를 넘었습니다. {quota.reset}초 뒤에 다시 시도해 주세요."
    )


class APIAccessMiddleware:
    """Checks the API key and the quota of every /api/ request before any view runs."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith("/api/"):
            return self.get_response(request)
        try:
            return self.check(request)
        except (OperationalError, InterfaceError) as error:
            # The quota cache or the key table lives in a database that is down.
            return database_unavailable(request, error)

    def check(self, request):
        raw_key = request.META.get(API_KEY_META)
        if raw_key is None:
            quota, throttled = count_request(
                request, "anonymous", "ip", settings.API_ANONYMOUS_RATE
            )
            if throttled and quota is not None:
                return over_quota(quota)
            return self.answer(request, quota)

        try:
            record = verify_key(raw_key)
        except KeyRefused as refusal:
            return unauthorized(refusal)
        quota, throttled = count_request(
            request, "partner", lambda group, request: record.id, settings.API_KEY_RATE
        )
        record_usage(record.id, throttled=throttled)
        if throttled and quota is not None:
            return over_quota(quota)
        request.api_partner_id = record.partner_id
        return self.answer(request, quota)

    def answer(self, request, quota: Quota | None):
        """The view's answer, telling the client where it stands in its quota."""
        response = self.get_response(request)
        if quota is not None:
            add_quota_headers(response, quota)
        return response
