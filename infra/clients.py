"""Which client sent a request: the one answer for every per-address quota (django-ratelimit
calls `client_address` through settings.RATELIMIT_IP_META_KEY) and every stored address (access
logs, export records)."""

import ipaddress

from django.conf import settings

# The address of a request that carries none (a Unix socket, a test client): one shared bucket.
NO_ADDRESS = "0.0.0.0"  # noqa: S104 - a counter's key, not an address to bind


def _address(value: str | None) -> str | None:
    try:
        return str(ipaddress.ip_address((value or "").strip()))
    except ValueError:
        return None


def client_address(request) -> str:
    """The client's IP address: the proxy's header (CLIENT_ADDRESS_HEADER, e.g.
    HTTP_X_REAL_IP) when it holds one address, else REMOTE_ADDR, else NO_ADDRESS.

    A request without the header (a health check, a direct hit on gunicorn) or with garbage in
    it is counted by the connection's own address, never answered 500.
    """
    header = settings.CLIENT_ADDRESS_HEADER
    return (
        (_address(request.META.get(header)) if header else None)
        or _address(request.META.get("REMOTE_ADDR"))
        or NO_ADDRESS
    )
