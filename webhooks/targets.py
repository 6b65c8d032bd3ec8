"""Where webhooks may go: http(s) URLs whose host resolves to public addresses only.

A subscription pointing at 127.0.0.1, 10.x, the cloud metadata address or a name resolving to
one would let an administrator's typo (or a partner's URL) reach inside the city's network.
`WEBHOOK_ALLOW_PRIVATE_TARGETS` lifts this for development and tests only.
"""

import ipaddress
import socket
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError


def target_error(url: str) -> str | None:
    """Why `url` may not receive webhooks (Korean, for people), or None if it may."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return "웹훅 주소는 http:// 또는 https://로 시작하는 전체 주소여야 합니다."
    if settings.WEBHOOK_ALLOW_PRIVATE_TARGETS:
        return None
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(parts.hostname, parts.port or 443)}
    except (OSError, UnicodeError):
        return f"웹훅 주소의 호스트를 찾을 수 없습니다: {parts.hostname}"
    for address in addresses:
        ip = ipaddress.ip_address(address.split("%")[0])
        if not ip.is_global:
            return f"내부망·루프백 주소({address})로는 웹훅을 보낼 수 없습니다."
    return None


def validate_target_url(url: str) -> None:
    error = target_error(url)
    if error:
        raise ValidationError(error)
