"""cms/gunicorn.conf.py, the file `make run`, compose and the benches serve with: raw UTF-8 in a
request line (as curl sends `?q=정보`) is answered, which bare gunicorn 27 refuses with 400."""

import contextlib
import json
import socket
import subprocess
import time

from .conftest import production_env
from .helpers import PYTHON, REPO, free_port, gunicorn

SEARCH = "/api/v2/search/?q=정보".encode()


def raw_get(port: int, target: bytes) -> tuple[int, bytes]:
    """A GET whose request line carries `target` byte for byte (through the TLS proxy)."""
    headers = b"Host: 127.0.0.1\r\nX-Forwarded-Proto: https\r\nConnection: close\r\n\r\n"
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(b"GET " + target + b" HTTP/1.1\r\n" + headers)
        response = b""
        while chunk := sock.recv(65536):
            response += chunk
    head, _, body = response.partition(b"\r\n\r\n")
    return int(head.split(b" ", 2)[1]), body


@contextlib.contextmanager
def configured_gunicorn(env: dict[str, str], log_path):
    """gunicorn with cms/gunicorn.conf.py (preloaded, warmed up) on 127.0.0.1; yields the port."""
    port = free_port()
    env = {**env, "GUNICORN_WORKERS": "1", "GUNICORN_THREADS": "2"}
    with open(log_path, "w") as log:
        process = subprocess.Popen(  # noqa: S603 - fixed interpreter and arguments
            [PYTHON, "-m", "gunicorn", "cms.wsgi:application", "--config", "cms/gunicorn.conf.py"]
            + ["--bind", f"127.0.0.1:{port}"],
            cwd=REPO,
            env=env,
            stdout=log,
            stderr=log,
        )
        try:
            deadline = time.monotonic() + 120
            while True:
                assert process.poll() is None, log_path.read_text()[-3000:]
                with contextlib.suppress(OSError):
                    if raw_get(port, b"/healthz")[0] == 200:
                        break
                assert time.monotonic() < deadline, "gunicorn did not answer in 120 s"
                time.sleep(0.5)
            yield port
        finally:
            process.terminate()
            process.wait(timeout=30)


def test_raw_utf8_in_the_request_line_is_answered_and_controls_are_still_refused(
    sqlite_copy, tmp_path
):
    env = production_env(f"sqlite:///{sqlite_copy}")
    with configured_gunicorn(env, tmp_path / "server.log") as port:
        raw_status, raw_body = raw_get(port, SEARCH)
        encoded_status, encoded_body = raw_get(port, b"/api/v2/search/?q=%EC%A0%95%EB%B3%B4")
        control_status, _ = raw_get(port, b"/api/v2/search/?q=\x01")

    assert raw_status == 200, raw_body[:500]
    assert json.loads(raw_body)["query"] == "정보"
    assert (encoded_status, json.loads(encoded_body)) == (raw_status, json.loads(raw_body))
    assert control_status == 400


def test_bare_gunicorn_27_refuses_raw_utf8(sqlite_copy):
    """Why the configuration percent-encodes: without it gunicorn answers 400. If this starts
    failing, gunicorn accepts such targets itself and the workaround can go."""
    with gunicorn(production_env(f"sqlite:///{sqlite_copy}")) as base:
        port = int(base.rsplit(":", 1)[1])
        assert raw_get(port, SEARCH)[0] == 400
