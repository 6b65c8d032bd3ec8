"""Where webhooks may go: http(s) URLs whose host resolves to public addresses only.

A subscription pointing at 127.0.0.1, 10.x, the cloud metadata address or a name resolving to
one would let an administrator's typo (or a partner's URL) reach inside the city's network.
The rules are the outbound guard's (infra/outbound.py), checked here when a subscription is
saved and again, on the address actually connected to, at every send. Hosts named in
OUTBOUND_ALLOWED_HOSTS (on-premise receivers, the tests') are let through.
"""

from urllib.parse import urlsplit

from django.core.exceptions import ValidationError

from infra import outbound


def target_error(url: str) -> str | None:
    """Why `url` may not receive webhooks (Korean, for people), or None if it may."""
    try:
        outbound.check(url)
    except outbound.OutboundError as error:
        return f"이 주소로는 웹훅을 보낼 수 없습니다. {error}"
    return None


def validate_target_url(url: str) -> None:
    error = target_error(url)
    if error:
        raise ValidationError(error)


def target_key(url: str) -> str:
    """The receiver a URL names (scheme, host, port): one request at a time goes to it."""
    parts = urlsplit(url)
    try:
        port = parts.port or outbound.DEFAULT_PORTS.get(parts.scheme, 0)
    except ValueError:
        return f"webhook:{url}"
    return f"webhook:{parts.scheme}://{(parts.hostname or '').lower()}:{port}"
