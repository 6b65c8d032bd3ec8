"""Shared helpers for the operations tests: subprocesses of manage.py and gunicorn."""

import contextlib
import hashlib
import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from django.conf import settings

REPO = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
# Ports for servers these tests start (this area's range: 8130-8139).
PORTS = range(8130, 8140)


# Set by the test process itself (settings choice; the browser tests' async switch), not by
# a deployment: a production subprocess must not inherit them.
NOT_INHERITED = {"DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}


def subprocess_env(**overrides: str) -> dict[str, str]:
    """The current environment without what the test process set for itself, plus `overrides`."""
    env = {k: v for k, v in os.environ.items() if k not in NOT_INHERITED}
    env.update(overrides)
    return env


def manage(*args: str, env: dict[str, str], timeout: int = 300) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603 - fixed interpreter and arguments
        [PYTHON, "manage.py", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def free_port() -> int:
    for port in PORTS:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) != 0:
                return port
    raise RuntimeError("no free port in 8130-8139")


def sha256(file_field) -> str:
    with file_field.open("rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()


def fingerprint() -> dict:
    """What must survive a backup and restore, in a form that compares across databases."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Page, Revision

    return {
        "pages": [
            [p.pk, p.title, p.url_path, p.live, p.content_type.model, p.latest_revision_id]
            for p in Page.objects.order_by("pk")
        ],
        "revisions": [
            [r.pk, r.object_id, r.content_type.model, json.dumps(r.content, sort_keys=True)]
            for r in Revision.objects.order_by("pk")
        ],
        "documents": [
            [d.pk, d.title, d.file.name, sha256(d.file)]
            for d in get_document_model().objects.order_by("pk")
        ],
        "images": [
            [i.pk, i.title, i.file.name, i.width, i.height, sha256(i.file)]
            for i in get_image_model().objects.order_by("pk")
        ],
        "users": sorted(get_user_model().objects.values_list("username", flat=True)),
        "groups": sorted(
            [group.name, sorted(group.permissions.values_list("codename", flat=True))]
            for group in Group.objects.all()
        ),
    }


FINGERPRINT_SCRIPT = (
    "import json, django; django.setup(); "
    "from tests.ops.helpers import fingerprint; print(json.dumps(fingerprint()))"
)


def run_script(script: str, env: dict[str, str]) -> str:
    """Run a Python snippet in a fresh process with `env`; its standard output."""
    result = subprocess.run(  # noqa: S603 - fixed interpreter and arguments
        [PYTHON, "-c", script],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def fingerprint_of(env: dict[str, str]) -> dict:
    return json.loads(run_script(FINGERPRINT_SCRIPT, env))


def shared_database_url() -> str:
    """The URL of the database pytest-django created, for a server subprocess to share."""
    database = settings.DATABASES["default"]
    if database["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{database['NAME']}"
    return (
        f"postgres://{database['USER']}:{database['PASSWORD']}@{database['HOST']}:"
        f"{database['PORT']}/{database['NAME']}"
    )


class Response:
    def __init__(self, status: int, headers, body: bytes, seconds: float):
        self.status = status
        self.headers = headers
        self.body = body
        self.seconds = seconds

    def json(self):
        return json.loads(self.body)


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


_opener = urllib.request.build_opener(_NoRedirects)


def fetch(url: str, headers: dict[str, str] | None = None, timeout: float = 10) -> Response:
    """GET without following redirects; HTTP errors are returned, not raised."""
    request = urllib.request.Request(url, headers=headers or {})  # noqa: S310 - local test server
    started = time.monotonic()
    try:
        with _opener.open(request, timeout=timeout) as response:
            body = response.read()
            return Response(response.status, response.headers, body, time.monotonic() - started)
    except urllib.error.HTTPError as error:
        return Response(error.code, error.headers, error.read(), time.monotonic() - started)


@contextlib.contextmanager
def gunicorn(env: dict[str, str], port: int | None = None, log_path: Path | None = None):
    """Run the WSGI app under gunicorn on 127.0.0.1 until the block ends; yields the base URL."""
    port = port or free_port()
    log = open(log_path, "w") if log_path else subprocess.DEVNULL  # noqa: SIM115
    process = subprocess.Popen(  # noqa: S603 - fixed interpreter and arguments
        [
            PYTHON,
            "-m",
            "gunicorn",
            "cms.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "1",
            "--threads",
            "4",
            "--timeout",
            "30",
            "--graceful-timeout",
            "2",
        ],
        cwd=REPO,
        env=env,
        stdout=log,
        stderr=log,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                output = log_path.read_text() if log_path else ""
                raise RuntimeError(f"gunicorn exited with {process.returncode}: {output[-3000:]}")
            try:
                fetch(f"{base}/healthz", timeout=2)
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.3)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if log_path:
            log.close()
