"""`run_portal` (what `make run` starts): gunicorn answers raw UTF-8 URLs and serves the admin's
static files, a killed scheduler or task worker is restarted while the server keeps answering,
a killed server is restarted, and Ctrl-C stops everything.

One portal is started for the module, on a copy of the (migrated, empty) test database."""

import contextlib
import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from demo.management.commands.run_portal import STABLE_SECONDS, Child, subject

READY_SECONDS = 120
# The tests use no database themselves; the mark makes pytest-django create the test database
# the portal's copy is taken from.
pytestmark = pytest.mark.django_db


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def raw_get(port: int, target: bytes) -> tuple[int, bytes]:
    """A GET whose request line carries `target` byte for byte (as curl sends it)."""
    headers = b"Host: 127.0.0.1\r\nConnection: close\r\n\r\n"
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(b"GET " + target + b" HTTP/1.1\r\n" + headers)
        response = b""
        while chunk := sock.recv(65536):
            response += chunk
    head, _, body = response.partition(b"\r\n\r\n")
    return int(head.split(b" ", 2)[1]), body


def children_of(pid: int) -> dict[int, str]:
    """The direct children of `pid` and their command lines, from /proc."""
    children = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        if parent == pid:
            children[int(entry.name)] = cmdline
    return children


class Portal:
    def __init__(self, process: subprocess.Popen, port: int):
        self.process, self.port = process, port
        self.lines: list[str] = []
        threading.Thread(target=lambda: self.lines.extend(process.stdout), daemon=True).start()

    @property
    def output(self) -> str:
        return "".join(self.lines)

    def wait_for(self, text: str, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while text not in self.output:
            assert self.process.poll() is None, self.output
            assert time.monotonic() < deadline, f"no '{text}' in:\n{self.output}"
            time.sleep(0.2)

    def child(self, command: str) -> int:
        return next(pid for pid, line in children_of(self.process.pid).items() if command in line)


@pytest.fixture(scope="module")
def running_portal(django_db_setup, django_db_blocker, tmp_path_factory):
    if connection.vendor != "sqlite":
        pytest.skip("make run serves the embedded SQLite database")
    directory = tmp_path_factory.mktemp("portal")
    database = directory / "db.sqlite3"
    with django_db_blocker.unblock():
        source = sqlite3.connect(connection.settings_dict["NAME"])
        with sqlite3.connect(database) as copy:
            source.backup(copy)
        source.close()
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "DATABASE_URL": f"sqlite:///{database}",
        "MEDIA_ROOT": str(directory / "media"),
        "CACHE_URL": f"filecache://{directory / 'cache'}",
        "PYTHONUNBUFFERED": "1",
        "TASK_WORKERS": "2",
        "GUNICORN_WORKERS": "1",
    }
    process = subprocess.Popen(  # noqa: S603 - fixed argv, this interpreter
        [sys.executable, str(settings.BASE_DIR / "manage.py"), "run_portal", "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    running = Portal(process, port)
    try:
        running.wait_for("웹 서버가 준비되었습니다", READY_SECONDS)
        yield running
    finally:
        if process.poll() is None:  # a test failed before Ctrl-C: stop it as Ctrl-C would
            stop(process)


def stop(process: subprocess.Popen) -> None:
    children = children_of(process.pid)
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        for pid in [process.pid, *children]:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(pid, signal.SIGKILL)
        process.wait()


def test_a_search_with_raw_utf8_in_the_request_line_answers_json(running_portal):
    status, body = raw_get(running_portal.port, "/api/v2/search/?q=정보".encode())

    assert status == 200, body[:500]
    assert json.loads(body)["query"] == "정보"


def test_the_admin_static_files_are_served(running_portal):
    status, body = raw_get(running_portal.port, b"/static/wagtailadmin/css/core.css")

    assert status == 200
    assert body


def test_requests_are_not_logged_one_line_each(running_portal):
    for _ in range(3):
        raw_get(running_portal.port, b"/healthz")
    time.sleep(0.5)

    assert "/healthz" not in running_portal.output
    assert "GET /" not in running_portal.output


def test_a_killed_scheduler_and_worker_restart_while_the_server_answers(running_portal):
    scheduler = running_portal.child("run_scheduler")
    worker = running_portal.child("db_worker")
    started = time.monotonic()

    os.kill(scheduler, signal.SIGKILL)
    os.kill(worker, signal.SIGKILL)
    assert raw_get(running_portal.port, b"/healthz")[0] == 200
    running_portal.wait_for("예약 작업 실행기가 멈춰 1초 후 다시 시작합니다.", 10)
    running_portal.wait_for("번이 멈춰 1초 후 다시 시작합니다.", 10)

    def restarted() -> bool:
        children = children_of(running_portal.process.pid)
        schedulers = [pid for pid, line in children.items() if "run_scheduler" in line]
        workers = [pid for pid, line in children.items() if "db_worker" in line]
        return len(schedulers) == 1 and scheduler not in schedulers and len(workers) == 2

    while not restarted():
        assert time.monotonic() - started < 20, children_of(running_portal.process.pid)
        assert raw_get(running_portal.port, b"/healthz")[0] == 200
        time.sleep(0.3)
    assert worker not in children_of(running_portal.process.pid)
    assert raw_get(running_portal.port, "/api/v2/search/?q=가족".encode())[0] == 200


def test_a_killed_server_is_restarted_and_answers_again(running_portal):
    server = running_portal.child("gunicorn")

    os.kill(server, signal.SIGKILL)
    running_portal.wait_for("웹 서버가 멈춰 1초 후 다시 시작합니다.", 10)
    running_portal.wait_for("웹 서버가 다시 준비되었습니다", READY_SECONDS)

    assert running_portal.child("gunicorn") != server
    assert raw_get(running_portal.port, "/api/v2/search/?q=정보".encode())[0] == 200


def test_ctrl_c_stops_the_server_and_every_child(running_portal):
    children = list(children_of(running_portal.process.pid))
    assert len(children) == 4  # gunicorn, the scheduler, two task workers

    running_portal.process.send_signal(signal.SIGINT)
    running_portal.process.wait(timeout=30)
    time.sleep(0.5)  # let the reader thread take the last lines

    assert running_portal.process.returncode == 0, running_portal.output
    assert "웹 서버와 작업 실행기를 모두 멈췄습니다." in running_portal.output
    # Every process ended by itself: no worker aborted on the way out, nothing in English.
    for noise in ("SIGABRT", "terminate called", "Traceback", "shutting down gracefully"):
        assert noise not in running_portal.output
    assert not any(Path(f"/proc/{pid}").exists() for pid in children)
    with socket.socket() as probe:
        assert probe.connect_ex(("127.0.0.1", running_portal.port)) != 0


def test_a_child_that_keeps_crashing_waits_twice_as_long_each_time_up_to_a_minute():
    child = Child("작업 실행기 1번", ["true"])
    child.started_at = 100.0

    delays = [child.schedule_restart(now=100.0 + n) for n in range(8)]
    child.started_at = 1000.0  # then it ran for over a minute before stopping
    after_a_good_run = child.schedule_restart(now=1000.0 + STABLE_SECONDS)

    assert delays == [1, 2, 4, 8, 16, 32, 60, 60]
    assert after_a_good_run == 1


def test_the_restart_line_takes_the_right_korean_particle():
    assert subject("작업 실행기 2번") == "작업 실행기 2번이"
    assert subject("예약 작업 실행기") == "예약 작업 실행기가"
    assert subject("웹 서버") == "웹 서버가"


def test_a_server_that_cannot_start_ends_the_portal_with_a_korean_reason(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
            "CACHE_URL": f"filecache://{tmp_path / 'cache'}",
            "TASK_WORKERS": "1",
        }
        result = subprocess.run(  # noqa: S603 - fixed argv, this interpreter
            [
                sys.executable,
                str(settings.BASE_DIR / "manage.py"),
                "run_portal",
                "--port",
                str(port),
            ],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )

    assert result.returncode == 1
    assert "웹 서버가 시작하지 못하고 끝났습니다" in result.stderr
    assert f"포트 {port}" in result.stderr
