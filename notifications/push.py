"""Push senders: Web Push to browsers' push services, and app push through FCM or APNs.

Web Push (RFC 8030) encrypts each message for the browser with RFC 8291 (aes128gcm, via
pywebpush's `WebPusher.encode`) and signs the request with the portal's VAPID key (RFC 8292,
py_vapid). The POST goes through the outbound guard (infra/outbound.py) like every request the
portal makes.

App push: `APP_PUSH_BACKEND` names the sender class (a dotted path): `FcmAppPushSender`,
`ApnsAppPushSender`, or the doubles (`ConsoleAppPushSender` for `make run`,
`LoopbackAppPushSender` for tests).

Every sender answers with a `PushOutcome`: the subscriber's code removes a subscription that is
GONE (404/410 from a push service, an unregistered app token) and retries on RETRY.
"""

from __future__ import annotations

import base64
import functools
import json
import sys
import time
from dataclasses import asdict, dataclass
from enum import StrEnum
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import import_string

from infra import outbound


@dataclass(frozen=True)
class PushMessage:
    """What a notification shows: a title, a line of text and the page it opens."""

    title: str
    body: str
    url: str
    tag: str = ""

    def as_json(self) -> bytes:
        return json.dumps(asdict(self), ensure_ascii=False, separators=(",", ":")).encode()


class PushOutcome(StrEnum):
    SENT = "sent"
    GONE = "gone"  # the subscription or token no longer exists: remove it
    RETRY = "retry"  # the service is busy or unreachable: try again later
    FAILED = "failed"  # the message was refused and will be refused again


def outcome_of_status(status: int) -> PushOutcome:
    if 200 <= status < 300:
        return PushOutcome.SENT
    if status in (404, 410):
        return PushOutcome.GONE
    if status == 429 or status >= 500:
        return PushOutcome.RETRY
    return PushOutcome.FAILED


def push_limits() -> outbound.Limits:
    return outbound.Limits(
        connect_timeout=settings.OUTBOUND_CONNECT_TIMEOUT_SECONDS,
        read_timeout=settings.OUTBOUND_READ_TIMEOUT_SECONDS,
        total_timeout=settings.PUSH_TIMEOUT_SECONDS,
        max_bytes=4096,
    )


def post(url: str, headers: dict[str, str], body: bytes) -> PushOutcome:
    try:
        response = outbound.request(
            "POST", url, limits=push_limits(), headers=headers, body=body, truncate=True
        )
    except (outbound.RefusedAddress, outbound.BadScheme):
        return PushOutcome.GONE  # an endpoint the portal may never reach is no endpoint
    except outbound.OutboundError:
        return PushOutcome.RETRY
    return outcome_of_status(response.status)


# Web Push -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class WebPushSubscription:
    """A browser's PushSubscription (`subscription.toJSON()`): endpoint and its two keys."""

    endpoint: str
    p256dh: str
    auth: str

    def as_info(self) -> dict:
        return {"endpoint": self.endpoint, "keys": {"p256dh": self.p256dh, "auth": self.auth}}


def vapid_headers(endpoint: str) -> dict[str, str]:
    """RFC 8292: a JWT for the push service's origin, signed with the portal's VAPID key.

    Valid 12 hours and the same for every subscription at one push service, so it is signed
    once an hour per origin rather than once per message.
    """
    if not settings.WEBPUSH_VAPID_PRIVATE_KEY:
        raise ImproperlyConfigured("WEBPUSH_VAPID_PRIVATE_KEY is not set: Web Push cannot sign.")
    parts = urlsplit(endpoint)
    hour = int(time.time() // 3600)
    return _signed_vapid_headers(
        f"{parts.scheme}://{parts.netloc}",
        hour,
        settings.WEBPUSH_VAPID_PRIVATE_KEY,
        settings.WEBPUSH_VAPID_SUBJECT,
    )


@functools.lru_cache(maxsize=256)
def _signed_vapid_headers(audience: str, hour: int, private_key: str, subject: str) -> dict:
    from py_vapid import Vapid

    claims = {"aud": audience, "exp": (hour + 12) * 3600, "sub": subject}
    return Vapid.from_string(private_key).sign(claims)


def encrypt_for(subscription: WebPushSubscription, payload: bytes) -> bytes:
    """RFC 8291 aes128gcm: only the browser holding the subscription's keys can read it."""
    from pywebpush import WebPusher

    return WebPusher(subscription.as_info()).encode(payload, "aes128gcm")["body"]


def send_web_push(
    subscription: WebPushSubscription, message: PushMessage, ttl: int = 24 * 3600
) -> PushOutcome:
    """Encrypt `message`, sign and POST it to the subscription's push service."""
    from pywebpush import WebPushException

    try:
        body = encrypt_for(subscription, message.as_json())
    except (ValueError, TypeError, WebPushException):
        return PushOutcome.GONE  # keys that cannot encrypt will never work
    headers = {
        "content-encoding": "aes128gcm",
        "content-type": "application/octet-stream",
        "ttl": str(ttl),
        "urgency": "normal",
        **vapid_headers(subscription.endpoint),  # a copy: the cached dict stays as it is
    }
    if message.tag:
        headers["topic"] = message.tag[:32]
    return post(subscription.endpoint, headers, body)


# App push -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class AppPushTarget:
    """An app installation: its platform ("fcm" or "apns") and its device token."""

    platform: str
    token: str


class BaseAppPushSender:
    def send(self, target: AppPushTarget, message: PushMessage) -> PushOutcome:
        raise NotImplementedError


class ConsoleAppPushSender(BaseAppPushSender):
    """For `make run`: prints each message (never the token) so a developer sees it."""

    def send(self, target: AppPushTarget, message: PushMessage) -> PushOutcome:
        sys.stdout.write(f"[앱 푸시 → {target.platform}] {message.title}: {message.body}\n")
        sys.stdout.flush()
        return PushOutcome.SENT


class LoopbackAppPushSender(BaseAppPushSender):
    """For tests: keeps what was sent in `outbox`; tokens in `gone_tokens` answer GONE."""

    outbox: list[tuple[AppPushTarget, PushMessage]] = []
    gone_tokens: set[str] = set()

    def send(self, target: AppPushTarget, message: PushMessage) -> PushOutcome:
        if target.token in type(self).gone_tokens:
            return PushOutcome.GONE
        type(self).outbox.append((target, message))
        return PushOutcome.SENT


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _jwt(header: dict, claims: dict, sign) -> str:
    signing_input = (
        _b64url(json.dumps(header, separators=(",", ":")).encode())
        + "."
        + _b64url(json.dumps(claims, separators=(",", ":")).encode())
    )
    return f"{signing_input}.{_b64url(sign(signing_input.encode()))}"


class FcmAppPushSender(BaseAppPushSender):
    """Firebase Cloud Messaging HTTP v1. `FCM_SERVICE_ACCOUNT_FILE` is the project's service
    account JSON; its key signs the OAuth assertion exchanged for an access token."""

    token_url = "https://oauth2.googleapis.com/token"  # noqa: S105 - a URL, not a secret
    _access_token: tuple[str, float] = ("", 0.0)

    def __init__(self) -> None:
        path = settings.FCM_SERVICE_ACCOUNT_FILE
        if not path:
            raise ImproperlyConfigured("FCM_SERVICE_ACCOUNT_FILE is not set: FCM cannot send.")
        with open(path, encoding="utf-8") as account_file:
            self.account = json.load(account_file)

    def access_token(self) -> str:
        from cryptography.hazmat.primitives import hashes, serialization
        from cryptography.hazmat.primitives.asymmetric import padding, rsa

        token, expires = type(self)._access_token
        if token and expires > time.time() + 60:
            return token
        key = serialization.load_pem_private_key(self.account["private_key"].encode(), None)
        if not isinstance(key, rsa.RSAPrivateKey):
            raise ImproperlyConfigured("FCM service account private_key is not an RSA key (RS256).")
        now = int(time.time())
        assertion = _jwt(
            {"alg": "RS256", "typ": "JWT"},
            {
                "iss": self.account["client_email"],
                "scope": "https://www.googleapis.com/auth/firebase.messaging",
                "aud": self.token_url,
                "iat": now,
                "exp": now + 3600,
            },
            lambda data: key.sign(data, padding.PKCS1v15(), hashes.SHA256()),
        )
        body = (
            "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&assertion="
            + assertion
        ).encode()
        response = outbound.request(
            "POST",
            self.token_url,
            limits=push_limits(),
            headers={"content-type": "application/x-www-form-urlencoded"},
            body=body,
        )
        answer = json.loads(response.body)
        type(self)._access_token = (answer["access_token"], now + answer.get("expires_in", 3600))
        return answer["access_token"]

    def send(self, target: AppPushTarget, message: PushMessage) -> PushOutcome:
        url = f"https://fcm.googleapis.com/v1/projects/{self.account['project_id']}/messages:send"
        body = {
            "message": {
                "token": target.token,
                "notification": {"title": message.title, "body": message.body},
                "data": {"url": message.url},
            }
        }
        try:
            headers = {
                "authorization": f"Bearer {self.access_token()}",
                "content-type": "application/json; charset=utf-8",
            }
        except (outbound.OutboundError, KeyError, ValueError):
            return PushOutcome.RETRY
        return post(url, headers, json.dumps(body, ensure_ascii=False).encode())


class ApnsAppPushSender(BaseAppPushSender):
    """Apple Push Notification service with a token (.p8) key: `APNS_KEY_FILE`, `APNS_KEY_ID`,
    `APNS_TEAM_ID`, `APNS_TOPIC` (the app's bundle id), `APNS_HOST`.

    APNs speaks HTTP/2 only; `APNS_HOST` may name an HTTP/1.1 relay (an on-premise gateway
    in front of APNs) since the outbound guard speaks HTTP/1.1.
    """

    def __init__(self) -> None:
        from cryptography.hazmat.primitives import serialization
        from cryptography.hazmat.primitives.asymmetric import ec

        if not settings.APNS_KEY_FILE:
            raise ImproperlyConfigured("APNS_KEY_FILE is not set: APNs cannot send.")
        with open(settings.APNS_KEY_FILE, "rb") as key_file:
            key = serialization.load_pem_private_key(key_file.read(), None)
        if not isinstance(key, ec.EllipticCurvePrivateKey):
            raise ImproperlyConfigured("APNS_KEY_FILE is not an elliptic-curve (ES256) key.")
        self.key = key

    def provider_token(self) -> str:
        from cryptography.hazmat.primitives import hashes
        from cryptography.hazmat.primitives.asymmetric import ec, utils

        def sign(data: bytes) -> bytes:
            r, s = utils.decode_dss_signature(self.key.sign(data, ec.ECDSA(hashes.SHA256())))
            return r.to_bytes(32, "big") + s.to_bytes(32, "big")

        return _jwt(
            {"alg": "ES256", "kid": settings.APNS_KEY_ID},
            {"iss": settings.APNS_TEAM_ID, "iat": int(time.time())},
            sign,
        )

    def send(self, target: AppPushTarget, message: PushMessage) -> PushOutcome:
        body = {
            "aps": {"alert": {"title": message.title, "body": message.body}},
            "url": message.url,
        }
        headers = {
            "authorization": f"bearer {self.provider_token()}",
            "apns-topic": settings.APNS_TOPIC,
            "apns-push-type": "alert",
            "content-type": "application/json",
        }
        url = f"{settings.APNS_HOST.rstrip('/')}/3/device/{target.token}"
        return post(url, headers, json.dumps(body, ensure_ascii=False).encode())


def get_app_push_sender() -> BaseAppPushSender:
    return import_string(settings.APP_PUSH_BACKEND)()
