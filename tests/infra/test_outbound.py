"""The outbound guard against real HTTP servers on 127.0.0.1: every SSRF form is refused before
a byte is sent, redirects are checked hop by hop, and no server can hold a request past its
deadline or make it read more than its limit."""

import socket
import time

import pytest

from infra import outbound
from tests.infra.offline import refusing_connection
from tests.partners.feedserver import Route, rss, start_feed_server

LIMITS = outbound.Limits(connect_timeout=1, read_timeout=1, total_timeout=2, max_bytes=1_000_000)
FEED = rss(("yn-1", "가족 캠프", "<p>안내</p>"))


def start():
    server, httpd, thread = start_feed_server()
    server.routes["/feed"] = Route(body=FEED)
    server.port = httpd.server_address[1]
    return server, httpd, thread


@pytest.fixture
def servers():
    """Start loopback servers on demand; each is stopped when the test ends."""
    started = []

    def make():
        started.append(start())
        return started[-1][0]

    yield make
    for server, httpd, thread in started:
        server.stopping.set()
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


@pytest.fixture
def server(servers):
    return servers()


@pytest.fixture
def only_public(settings):
    """Production's rules: no host named as allowed."""
    settings.OUTBOUND_ALLOWED_HOSTS = []


def get(url: str, **kwargs) -> outbound.Response:
    return outbound.request("GET", url, limits=LIMITS, **kwargs)


REFUSED = [
    "http://127.0.0.1:{port}/feed",
    "http://127.1.2.3:{port}/feed",
    "http://localhost:{port}/feed",
    "http://[::1]:{port}/feed",
    "http://0.0.0.0:{port}/feed",  # reaches this machine on Linux
    "http://[::]:{port}/feed",
    "http://10.1.2.3/feed",
    "http://172.16.0.1/feed",
    "http://192.168.0.10/feed",
    "http://100.64.0.1/feed",  # carrier-grade NAT
    "http://169.254.169.254/latest/meta-data/",  # the cloud metadata service
    "http://224.0.0.1/feed",  # multicast
    "http://240.0.0.1/feed",  # reserved
    "http://[fe80::1]/feed",  # link-local
    "http://[fc00::1]/feed",  # unique local
    "http://[ff02::1]/feed",  # multicast
    "http://[::ffff:127.0.0.1]:{port}/feed",  # IPv4-mapped
    "http://[::127.0.0.1]:{port}/feed",  # IPv4-compatible
    "http://[64:ff9b::7f00:1]:{port}/feed",  # NAT64 of 127.0.0.1
    "http://[64:ff9b::a9fe:a9fe]/latest/meta-data/",  # NAT64 of 169.254.169.254
    "http://[64:ff9b:1::a00:1]/feed",  # local-use NAT64
    "http://[2002:7f00:1::]:{port}/feed",  # 6to4 of 127.0.0.1
    "http://[2002:a9fe:a9fe::1]/latest/meta-data/",  # 6to4 of 169.254.169.254
    "http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/feed",  # Teredo
]


@pytest.mark.parametrize("url", REFUSED)
def test_internal_addresses_are_refused_before_connecting(only_public, server, url):
    with pytest.raises(outbound.RefusedAddress, match="내부망"):
        get(url.format(port=server.port))
    assert server.requests == []


@pytest.mark.parametrize(
    "address",
    ["93.184.216.34", "2606:4700::1111", "::ffff:93.184.216.34", "64:ff9b::5db8:d822"]
    + ["2002:5db8:d822::1"],
)
def test_public_addresses_pass_the_check(address):
    assert outbound.is_public(address)


@pytest.mark.parametrize(
    "url",
    ["ftp://127.0.0.1/feed", "file:///etc/passwd", "gopher://127.0.0.1:70/_", "http:///feed"]
    + ["javascript:alert(1)", "http://127.0.0.1:99999/feed"],
)
def test_only_http_and_https_urls(url):
    with pytest.raises(outbound.BadScheme):
        get(url)


def test_a_host_named_in_the_setting_is_allowed_on_its_port_only(settings, servers):
    partner, other = servers(), servers()
    settings.OUTBOUND_ALLOWED_HOSTS = [f"127.0.0.1:{partner.port}"]

    response = get(partner.url("/feed"))

    assert (response.status, response.body, response.address) == (200, FEED, "127.0.0.1")
    with pytest.raises(outbound.RefusedAddress):
        get(other.url("/feed"))
    assert other.requests == []


@pytest.mark.parametrize(
    "location",
    [
        "http://127.0.0.1:{portal}/admin/",
        "http://localhost:{partner}/other",
        "http://[::ffff:127.0.0.1]:{portal}/api/v2/feeds/rss/",
        "http://169.254.169.254/latest/meta-data/",
    ],
)
def test_a_redirect_to_a_refused_address_is_not_followed(settings, servers, location):
    partner, portal = servers(), servers()
    portal.routes["/admin/"] = Route(body=b"<h1>admin</h1>", content_type="text/html")
    settings.OUTBOUND_ALLOWED_HOSTS = [f"127.0.0.1:{partner.port}"]
    target = location.format(portal=portal.port, partner=partner.port)
    partner.routes["/moved"] = Route(status=302, location=target)

    with pytest.raises(outbound.RefusedAddress):
        get(partner.url("/moved"), max_redirects=5)

    assert [path for path, _ in partner.requests] == ["/moved"]
    assert portal.requests == []


def test_redirects_are_followed_hop_by_hop_up_to_the_bound(server):
    server.routes["/old"] = Route(status=301, location="/older")
    server.routes["/older"] = Route(status=307, location=server.url("/feed"))
    server.routes["/loop"] = Route(status=302, location="/loop")

    response = get(server.url("/old"), max_redirects=5)

    assert (response.status, response.body, response.url) == (200, FEED, server.url("/feed"))
    with pytest.raises(outbound.TooManyRedirects):
        get(server.url("/loop"), max_redirects=3)
    assert [path for path, _ in server.requests].count("/loop") == 4
    # Without max_redirects the redirect itself is the answer.
    assert get(server.url("/old")).status == 301


def test_dns_rebinding_cannot_move_the_connection_to_loopback(only_public, server, monkeypatch):
    """A name answering a public address when checked and loopback afterwards: the connection
    is opened to the address that was checked, never to the loopback server. No packet leaves
    the machine: the connection to the public address is refused before any socket opens."""
    real_getaddrinfo = socket.getaddrinfo
    answers = ["93.184.216.34", "127.0.0.1"]
    lookups, connections = [], []

    def rebinding_getaddrinfo(host, port, *args, **kwargs):
        if host != "rebind.example":
            return real_getaddrinfo(host, port, *args, **kwargs)
        lookups.append(host)
        address = answers[min(len(lookups), len(answers)) - 1]
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port))]

    monkeypatch.setattr(socket, "getaddrinfo", rebinding_getaddrinfo)
    monkeypatch.setattr(socket, "create_connection", refusing_connection(connections))

    with pytest.raises(outbound.Unreachable):
        outbound.request("GET", f"http://rebind.example:{server.port}/feed", limits=LIMITS)

    assert lookups == ["rebind.example"]
    assert connections == [("93.184.216.34", server.port)]
    assert server.requests == []


@pytest.mark.parametrize("behaviour", ["hang", "stall", "trickle", "slow_headers"])
def test_a_stalling_server_times_out_by_the_deadline(server, behaviour):
    server.routes["/slow"] = Route(body=FEED * 20, behaviour=behaviour)

    started = time.monotonic()
    with pytest.raises(outbound.OutboundTimeout, match="시간 초과"):
        get(server.url("/slow"))

    assert time.monotonic() - started < LIMITS.total_timeout + 1


def test_an_endless_answer_is_cut_at_the_size_limit(server):
    server.routes["/endless"] = Route(behaviour="endless")

    started = time.monotonic()
    with pytest.raises(outbound.ResponseTooLarge):
        get(server.url("/endless"))

    assert time.monotonic() - started < 2
    time.sleep(0.2)
    assert server.endless_bytes < 20 * LIMITS.max_bytes  # the sender was stopped early


def test_an_oversized_declared_length_is_refused_and_truncation_keeps_the_start(server):
    server.routes["/big"] = Route(body=b"x" * (LIMITS.max_bytes + 1))

    with pytest.raises(outbound.ResponseTooLarge):
        get(server.url("/big"))
    assert get(server.url("/big"), truncate=True).body == b"x" * LIMITS.max_bytes


def test_connection_refused_is_unreachable_with_a_korean_reason():
    with pytest.raises(outbound.Unreachable, match="연결할 수 없습니다"):
        get("http://127.0.0.1:9/feed")  # the discard port: nothing listens
