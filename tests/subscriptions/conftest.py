"""A real push service on loopback: it checks each request's VAPID signature, decrypts the
RFC 8291 body with the browser's private key, keeps the plain messages, and answers as told
(201, or 410 for a subscription that has gone)."""

import base64
import json
import os
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import http_ece
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from py_vapid import Vapid

from notifications.push import LoopbackAppPushSender


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


@dataclass
class Browser:
    """A browser's push subscription: the keys only it holds, and its endpoint."""

    endpoint: str
    private_key: ec.EllipticCurvePrivateKey
    auth: bytes

    @property
    def subscription(self) -> dict:
        public = self.private_key.public_key().public_bytes(
            serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
        )
        return {
            "endpoint": self.endpoint,
            "keys": {"p256dh": b64url(public), "auth": b64url(self.auth)},
        }


@dataclass
class PushService:
    base_url: str
    browsers: dict = field(default_factory=dict)
    received: list = field(default_factory=list)  # (endpoint name, decoded message, headers)
    answers: dict = field(default_factory=dict)  # endpoint name -> status

    def browser(self, name: str) -> Browser:
        browser = Browser(
            endpoint=f"{self.base_url}/push/{name}",
            private_key=ec.generate_private_key(ec.SECP256R1()),
            auth=os.urandom(16),
        )
        self.browsers[name] = browser
        return browser

    def messages_for(self, name: str) -> list[dict]:
        return [message for who, message, _ in self.received if who == name]


@pytest.fixture
def push_service():
    service = PushService(base_url="")

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            name = self.path.rsplit("/", 1)[-1]
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            status = service.answers.get(name, 201)
            browser = service.browsers.get(name)
            if status == 201:
                assert Vapid.verify(self.headers["Authorization"]), "VAPID signature"
                assert self.headers["Content-Encoding"] == "aes128gcm"
                plain = http_ece.decrypt(
                    body,
                    private_key=browser.private_key,
                    auth_secret=browser.auth,
                    version="aes128gcm",
                )
                service.received.append((name, json.loads(plain), dict(self.headers)))
            self.send_response(status)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    service.base_url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield service
    server.shutdown()
    server.server_close()


@pytest.fixture(autouse=True)
def _empty_app_outbox():
    LoopbackAppPushSender.outbox = []
    LoopbackAppPushSender.gone_tokens = set()
    yield
