"""A real webhook receiver (http.server on 127.0.0.1) and a real `db_worker` process."""

import contextlib
import json
import os
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from standardwebhooks.webhooks import Webhook, WebhookVerificationError

from webhooks.models import Subscription, WebhookEvent

PORTS = range(18300, 18400)
MANAGE = Path(settings.BASE_DIR) / "manage.py"


def free_port() -> int:
    for port in PORTS:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) != 0:
                return port
    raise RuntimeError("no free port in 18300-18399")


@pytest.fixture(autouse=True)
def fresh_breakers():
    """Receivers reuse ports from test to test: no breaker state may carry over."""
    cache.clear()
    yield
    cache.clear()


@dataclass
class Receiver:
    """Records every request, verifies its signature with the `standardwebhooks` package (an
    implementation independent of ours) and, like a well-behaved receiver, keeps each
    `webhook-id` once. `down_for` answers 503 to that many requests; `hold` blocks each request
    until it is set (to kill the sender mid-delivery)."""

    secret: str = ""
    url: str = ""
    requests: list = field(default_factory=list)
    events: dict = field(default_factory=dict)
    bad_signatures: int = 0
    down_for: int = 0
    hold: threading.Event | None = None
    received: threading.Event = field(default_factory=threading.Event)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def handle(self, headers: dict, body: bytes) -> int:
        with self.lock:
            self.requests.append((headers, body))
            self.received.set()
            if self.down_for > 0:
                self.down_for -= 1
                return 503
        try:
            event = Webhook(self.secret).verify(body, headers)
        except WebhookVerificationError:
            self.bad_signatures += 1
            return 400
        with self.lock:
            self.events.setdefault(headers["webhook-id"], event)
        if self.hold is not None:
            self.hold.wait(timeout=30)
        return 204

    def ids(self) -> list[str]:
        return [headers["webhook-id"] for headers, _ in self.requests]

    def wait_for(self, count: int, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while len(self.events) < count and time.monotonic() < deadline:
            time.sleep(0.1)
        assert len(self.events) >= count, f"received {self.ids()}"


@contextlib.contextmanager
def serving(state: Receiver):
    """Run `state` as a receiver on 127.0.0.1 until the block ends."""

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers["Content-Length"]))
            status = state.handle({key.lower(): value for key, value in self.headers.items()}, body)
            try:
                self.send_response(status)
                self.end_headers()
            except OSError:
                pass  # the sender is gone (killed mid-delivery, or it gave up waiting)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", free_port()), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    state.url = f"http://127.0.0.1:{server.server_port}/hooks"
    try:
        yield state
    finally:
        if state.hold is not None:
            state.hold.set()
        server.shutdown()
        server.server_close()


@pytest.fixture
def receiver():
    with serving(Receiver()) as state:
        yield state


@pytest.fixture
def receivers():
    """Start more receivers: `receivers()` returns a new one, stopped when the test ends."""
    with contextlib.ExitStack() as stack:
        yield lambda: stack.enter_context(serving(Receiver()))


@pytest.fixture
def subscription(receiver):
    subscription = Subscription.objects.create(url=receiver.url, events=WebhookEvent.values)
    receiver.secret = subscription.secret
    return subscription


def database_url() -> str:
    """The test database (not the development one) as the worker process must open it."""
    db = connection.settings_dict
    if db["ENGINE"] == "django.db.backends.sqlite3":
        return f"sqlite:///{db['NAME']}"
    credentials = f"{quote(db['USER'] or '')}:{quote(str(db['PASSWORD'] or ''))}"
    return f"postgres://{credentials}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


class Worker:
    """`manage.py db_worker` in its own process, as `make run` and the compose `tasks` run it."""

    def __init__(self, log_dir: Path, **settings: str):
        self.process: subprocess.Popen | None = None
        self.log_dir = log_dir
        self.starts = 0
        self.settings = settings  # more environment variables, e.g. shorter timeouts

    def start(self) -> None:
        self.starts += 1
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "cms.settings.test",
            "DATABASE_URL": database_url(),
            "BACKGROUND_TASK_BACKEND": "background",
            "WEBHOOK_RETRY_BASE_SECONDS": "0.5",
            "WEBHOOK_LEASE_SECONDS": "2",
            "WEBHOOK_TIMEOUT_SECONDS": "30",
            # Retries come within seconds here: a short rest keeps the breaker out of their way.
            "OUTBOUND_BREAKER_SECONDS": "1",
            **self.settings,
        }
        log = (self.log_dir / f"worker-{self.starts}.log").open("w")
        command = [sys.executable, str(MANAGE), "db_worker", "--backend", "background"]
        command += ["--interval", "0.2", "--no-startup-delay", "--no-reload"]
        self.process = subprocess.Popen(  # noqa: S603 - fixed argv, this interpreter
            command, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )

    def kill(self) -> None:
        """SIGKILL: no graceful shutdown, as when the machine or the container dies."""
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)

    def logs(self) -> str:
        return "\n".join(path.read_text() for path in sorted(self.log_dir.glob("worker-*.log")))


@pytest.fixture
def worker(settings, tmp_path):
    settings.BACKGROUND_TASK_BACKEND = "background"
    worker = Worker(tmp_path)
    worker.start()
    yield worker
    worker.kill()


def payload_of(body: bytes) -> dict:
    return json.loads(body)
