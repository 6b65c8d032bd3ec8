"""The one way the portal calls other servers: partner feeds, webhooks, CDN purges.

A URL someone typed (a partner's feed, a webhook receiver) must not reach inside the city's
network, and a server that stalls must not hold a worker. So every request made here:

- is http or https;
- resolves its host once and refuses loopback, private, link-local, multicast, reserved and
  unspecified addresses, IPv4 embedded in IPv6 included (mapped, compatible, NAT64, 6to4,
  Teredo), unless the host is named in OUTBOUND_ALLOWED_HOSTS ("host" or "host:port");
- connects to that vetted address, never looking the name up again (a rebinding DNS server
  cannot answer differently the second time), with the name in the Host header and in TLS
  (SNI and certificate check);
- follows redirects only itself, checking each hop the same way, up to `max_redirects`;
- ends by its deadline whatever the server does (a watchdog shuts the socket) and reads at most
  `max_bytes`.

Failures are typed (`OutboundError` subclasses); their message is the Korean reason shown to
people in the admin and in the logs.
"""

import contextlib
import http.client
import ipaddress
import socket
import ssl
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import certifi
from django.conf import settings


class OutboundError(Exception):
    """A request to another server failed; `str()` is the reason, in Korean."""


class BadScheme(OutboundError):
    """Not an http(s) URL with a host."""


class RefusedAddress(OutboundError):
    """The host resolves to an address inside a network the portal must not reach."""


class OutboundTimeout(OutboundError):
    """No connection, no answer or no whole answer in time."""


class ResponseTooLarge(OutboundError):
    """The answer is longer than the caller accepts."""


class TooManyRedirects(OutboundError):
    """More redirects than the caller follows."""


class Unreachable(OutboundError):
    """The name does not resolve, the connection is refused, TLS or HTTP is broken."""


@dataclass(frozen=True)
class Limits:
    """How long one request may take and how much it may read."""

    connect_timeout: float
    read_timeout: float  # the longest silence between two reads
    total_timeout: float  # the whole exchange, redirects included
    max_bytes: int


@dataclass(frozen=True)
class Response:
    status: int
    headers: http.client.HTTPMessage
    body: bytes
    url: str  # after redirects
    address: str  # the vetted address the answer came from


REDIRECT_STATUSES = {301, 302, 303, 307, 308}
DEFAULT_PORTS = {"http": 80, "https": 443}
CHUNK_BYTES = 64 * 1024

# IPv6 prefixes carrying an IPv4 address in their last 32 bits (the NAT64 well-known prefix
# and the deprecated IPv4-compatible form); 64:ff9b:1::/48 is NAT64 for local use only.
NAT64 = ipaddress.ip_network("64:ff9b::/96")
NAT64_LOCAL_USE = ipaddress.ip_network("64:ff9b:1::/48")
IPV4_COMPATIBLE = ipaddress.ip_network("::/96")


def embedded_ipv4(ip: ipaddress.IPv6Address) -> list[ipaddress.IPv4Address]:
    """The IPv4 addresses an IPv6 address leads to (mapped, 6to4, Teredo, NAT64, compatible)."""
    if ip.ipv4_mapped:
        return [ip.ipv4_mapped]
    if ip.sixtofour:
        return [ip.sixtofour]
    if ip.teredo:
        return list(ip.teredo)
    if ip in NAT64 or ip in IPV4_COMPATIBLE:
        return [ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)]
    return []


def _plainly_public(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    return ip.is_global and not (
        ip.is_loopback
        or ip.is_private
        or ip.is_link_local
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
    )


def is_public(address: str) -> bool:
    """Whether the portal may connect to `address` (a textual IP, maybe with a %zone)."""
    ip = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv4Address):
        return _plainly_public(ip)
    if ip.is_loopback or ip.is_unspecified or ip in NAT64_LOCAL_USE:
        return False
    inner = embedded_ipv4(ip)
    if not inner:
        return _plainly_public(ip)
    # Translated to IPv4 on the way: the IPv4 address inside decides. Teredo (2001::/32) is
    # not globally routable whatever it carries.
    return ip.teredo is None and all(_plainly_public(v4) for v4 in inner)


def _allow_entry(entry: str) -> tuple[str, int | None]:
    """("host", port or None) from "host", "host:port", "[v6]", "[v6]:port" or a bare v6."""
    entry = entry.strip().lower().rstrip(".")
    if entry.startswith("["):
        host, _, rest = entry[1:].partition("]")
        return host, int(rest[1:]) if rest.startswith(":") else None
    if entry.count(":") == 1:
        host, port = entry.split(":")
        return host, int(port)
    return entry, None


def is_allowed_host(host: str, port: int, also_allow: Iterable[str] = ()) -> bool:
    """Whether OUTBOUND_ALLOWED_HOSTS (or the caller's own list) names this host (and port)."""
    host = host.lower().rstrip(".")
    for entry in [*settings.OUTBOUND_ALLOWED_HOSTS, *also_allow]:
        name, entry_port = _allow_entry(entry)
        if name == host and entry_port in (None, port):
            return True
    return False


@dataclass(frozen=True)
class Target:
    """A URL checked for sending: where to connect and what to say in Host and TLS."""

    url: str
    scheme: str
    host: str
    port: int
    address: str
    path: str

    @property
    def host_header(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return host if self.port == DEFAULT_PORTS[self.scheme] else f"{host}:{self.port}"


def resolve(host: str, port: int) -> list[str]:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as error:
        raise Unreachable(f"호스트 이름을 찾을 수 없습니다: {host}") from error
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def _split(url: str) -> tuple[str, str, int]:
    """(scheme, host, port) of an http(s) URL; raises BadScheme for anything else."""
    parts = urlsplit(url)
    if parts.scheme not in DEFAULT_PORTS or not parts.hostname:
        raise BadScheme(f"http:// 또는 https://로 시작하는 전체 주소만 쓸 수 있습니다: {url[:200]}")
    try:
        return parts.scheme, parts.hostname, parts.port or DEFAULT_PORTS[parts.scheme]
    except ValueError as error:
        raise BadScheme(f"주소의 포트가 올바르지 않습니다: {url[:200]}") from error


def _refuse_internal(host: str, addresses: list[str]) -> None:
    for address in addresses:
        if not is_public(address):
            raise RefusedAddress(
                f"내부망·루프백 등 외부에서 쓸 수 없는 주소({address})로는 요청할 수 "
                f"없습니다: {host}"
            )


def check(url: str) -> None:
    """Refuse now what sending to `url` would refuse (for forms: a subscription's address).
    Named hosts (OUTBOUND_ALLOWED_HOSTS) pass without a lookup."""
    scheme, host, port = _split(url)
    if not is_allowed_host(host, port):
        _refuse_internal(host, resolve(host, port))


def vet(url: str, also_allow: Iterable[str] = ()) -> Target:
    """Check `url` and resolve its host once; raises BadScheme, RefusedAddress or Unreachable."""
    scheme, host, port = _split(url)
    addresses = resolve(host, port)
    if not is_allowed_host(host, port, also_allow):
        _refuse_internal(host, addresses)
    parts = urlsplit(url)
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    return Target(url, scheme, host, port, addresses[0], path)


class _PinnedConnection(http.client.HTTPConnection):
    """TCP to the vetted address; afterwards each read waits at most `read_timeout`."""

    def __init__(self, target: Target, connect_timeout: float, read_timeout: float):
        super().__init__(target.address, target.port, timeout=connect_timeout)
        self.target = target
        self.read_timeout = read_timeout
        # http.client forgets `sock` once a response says it will close; the watchdog must not.
        self.open_socket: socket.socket | None = None

    def connect(self):
        super().connect()
        self.sock.settimeout(self.read_timeout)
        self.open_socket = self.sock


class _PinnedTLSConnection(_PinnedConnection):
    """TLS over the vetted address, with the host *name* for SNI and the certificate check."""

    context = ssl.create_default_context(cafile=certifi.where())

    def connect(self):
        super().connect()
        self.sock = self.context.wrap_socket(self.sock, server_hostname=self.target.host)
        self.open_socket = self.sock


class _Watchdog:
    """Shuts the connection's socket at the deadline, whatever call is blocked on it (a server
    trickling its headers a byte at a time never trips a per-read timeout)."""

    def __init__(self, connection: _PinnedConnection, seconds: float):
        self.connection = connection
        self.expired = False
        self.timer = threading.Timer(seconds, self._expire)
        self.timer.daemon = True

    def _expire(self) -> None:
        self.expired = True
        sock = self.connection.open_socket
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    def __enter__(self):
        self.timer.start()
        return self

    def __exit__(self, *exc_info):
        self.timer.cancel()


def _timeout(target: Target) -> OutboundTimeout:
    return OutboundTimeout(
        f"시간 초과: {target.host}({target.address})에서 제한 시간 안에 응답을 받지 못했습니다."
    )


def _read_body(response, target: Target, max_bytes: int, truncate: bool) -> bytes:
    declared = response.getheader("Content-Length", "")
    if declared.isdigit() and int(declared) > max_bytes and not truncate:
        raise ResponseTooLarge(f"{target.host}의 응답이 {max_bytes}바이트를 넘습니다.")
    body = bytearray()
    while chunk := response.read1(CHUNK_BYTES):
        body += chunk
        if len(body) > max_bytes:
            if truncate:
                return bytes(body[:max_bytes])
            raise ResponseTooLarge(f"{target.host}의 응답이 {max_bytes}바이트를 넘습니다.")
    return bytes(body)


def _exchange(
    target: Target,
    method: str,
    headers: dict[str, str],
    body: bytes | None,
    limits: Limits,
    deadline: float,
    truncate: bool,
    virtual_host: str,
) -> Response:
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise _timeout(target)
    connection_class = _PinnedTLSConnection if target.scheme == "https" else _PinnedConnection
    connection = connection_class(
        target, min(limits.connect_timeout, remaining), limits.read_timeout
    )
    try:
        with _Watchdog(connection, remaining) as watchdog:
            try:
                connection.request(
                    method,
                    target.path,
                    body=body,
                    headers={**headers, "Host": virtual_host or target.host_header},
                )
                response = connection.getresponse()
                content = _read_body(response, target, limits.max_bytes, truncate)
            except TimeoutError as error:
                raise _timeout(target) from error
            except (OSError, http.client.HTTPException) as error:
                if watchdog.expired:
                    raise _timeout(target) from error
                raise Unreachable(
                    f"{target.host}({target.address})에 연결할 수 없습니다: "
                    f"{type(error).__name__} {error}"[:500]
                ) from error
            if watchdog.expired:  # the socket was shut mid-body: what was read is cut short
                raise _timeout(target)
    finally:
        connection.close()
    return Response(response.status, response.headers, content, target.url, target.address)


def request(
    method: str,
    url: str,
    *,
    limits: Limits,
    headers: dict[str, str] | None = None,
    body: bytes | None = None,
    max_redirects: int = 0,
    also_allow: Iterable[str] = (),
    truncate: bool = False,
    virtual_host: str = "",
) -> Response:
    """Send one request through the guard (see the module docstring) and read the answer.

    With `max_redirects=0` a redirect is returned as it is. `truncate` cuts an oversized body
    instead of raising ResponseTooLarge (for callers that only glance at the answer).
    `also_allow` adds host names the caller's own configuration names (a CDN purge proxy).
    `virtual_host` is sent as Host instead of the URL's host (purging another site's URL from
    a caching proxy); TLS still checks the URL's host.
    """
    deadline = time.monotonic() + limits.total_timeout
    headers = {name: value for name, value in (headers or {}).items() if name.lower() != "host"}
    for _hop in range(max_redirects + 1):
        target = vet(url, also_allow)
        response = _exchange(
            target, method, headers, body, limits, deadline, truncate, virtual_host
        )
        location = response.headers.get("Location")
        if not max_redirects or response.status not in REDIRECT_STATUSES or not location:
            return response
        url = urljoin(url, location)
        if response.status in (301, 302, 303) and method != "HEAD":
            method, body = "GET", None
    raise TooManyRedirects(f"리디렉션이 {max_redirects}번을 넘었습니다: {url[:200]}")
