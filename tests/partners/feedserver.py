"""A real HTTP server on 127.0.0.1 serving partner feeds: good, changed, broken and hanging."""

import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Route:
    """What the server answers on one path: a body with validators, or a misbehaviour."""

    body: bytes = b""
    content_type: str = "application/rss+xml; charset=utf-8"
    etag: str = ""
    last_modified: str = ""
    status: int = 200
    location: str = ""  # a Location header (with a 3xx status)
    # "normal"; "hang" (answer nothing); "trickle" (the body a byte at a time); "stall" (headers
    # and half the body, then nothing); "endless" (a body without length that never ends);
    # "slow_headers" (the headers a byte at a time).
    behaviour: str = "normal"


@dataclass
class FeedServer:
    routes: dict[str, Route] = field(default_factory=dict)
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    stopping: threading.Event = field(default_factory=threading.Event)
    base_url: str = ""
    endless_bytes: int = 0

    def url(self, path: str) -> str:
        return self.base_url + path

    def headers_seen(self, path: str) -> list[dict[str, str]]:
        return [headers for seen_path, headers in self.requests if seen_path == path]


# Misbehaving routes give up after this long, so a broken test never hangs the suite.
MISBEHAVIOUR_LIMIT_SECONDS = 10


def handler_for(server: FeedServer):
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            server.requests.append((self.path, dict(self.headers.items())))
            route = server.routes.get(self.path)
            if route is None:
                self.send_error(404)
                return
            if route.behaviour == "hang":
                server.stopping.wait(MISBEHAVIOUR_LIMIT_SECONDS)
                return
            if route.behaviour == "slow_headers":
                self.trickle(b"HTTP/1.0 200 OK\r\nContent-Type: application/rss+xml\r\n\r\n")
                return
            if route.etag and self.headers.get("If-None-Match") == route.etag:
                self.send_response(304)
                self.send_header("ETag", route.etag)
                self.end_headers()
                return
            self.send_response(route.status)
            self.send_header("Content-Type", route.content_type)
            if route.etag:
                self.send_header("ETag", route.etag)
            if route.last_modified:
                self.send_header("Last-Modified", route.last_modified)
            if route.location:
                self.send_header("Location", route.location)
            if route.behaviour == "endless":
                self.end_headers()
                self.endless()
                return
            self.send_header("Content-Length", str(len(route.body)))
            self.end_headers()
            if route.behaviour == "trickle":
                self.trickle(route.body)
            elif route.behaviour == "stall":
                self.wfile.write(route.body[: len(route.body) // 2])
                self.wfile.flush()
                server.stopping.wait(MISBEHAVIOUR_LIMIT_SECONDS)
            else:
                self.wfile.write(route.body)

        def endless(self) -> None:
            """A megabyte at a time until the client hangs up (or the limit)."""
            started = time.monotonic()
            chunk = b"<item>" + b"x" * (1024 * 1024) + b"</item>"
            while not server.stopping.is_set() and time.monotonic() - started < 10:
                try:
                    self.wfile.write(chunk)
                except OSError:
                    return
                server.endless_bytes += len(chunk)

        def trickle(self, body: bytes) -> None:
            started = time.monotonic()
            for byte in body:
                if server.stopping.wait(0.2) or time.monotonic() - started > 10:
                    return
                try:
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
                except OSError:
                    return  # the client gave up

        def log_message(self, format, *args):
            pass

    return Handler


def start_feed_server() -> tuple[FeedServer, ThreadingHTTPServer, threading.Thread]:
    server = FeedServer()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler_for(server))
    httpd.daemon_threads = True
    server.base_url = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.1})
    thread.daemon = True
    thread.start()
    return server, httpd, thread


def rss(*items: tuple[str, str, str], title: str = "유스내비 소식") -> bytes:
    """An RSS 2.0 document; each item is (guid, title, description HTML)."""
    entries = "".join(
        f"<item><guid>{guid}</guid><title>{item_title}</title>"
        f"<link>https://youthnavi.example/news/{guid}</link>"
        f"<description><![CDATA[{description}]]></description>"
        f"<pubDate>Mon, 30 Nov 2026 09:00:00 +0900</pubDate></item>"
        for guid, item_title, description in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{title}</title><link>https://youthnavi.example/</link>"
        f"<description>청소년 미디어 소식</description>{entries}</channel></rss>"
    ).encode()
