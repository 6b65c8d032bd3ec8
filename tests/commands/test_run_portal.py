"""`run_portal` (what `make run` starts) serves, runs the scheduler and stops cleanly on Ctrl-C."""

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from django.conf import settings

STARTUP_SECONDS = 60


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def accepts_connections(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0


@pytest.fixture
def portal_process(tmp_path: Path):
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "MEDIA_ROOT": str(tmp_path / "media"),
        "PYTHONUNBUFFERED": "1",
    }
    command = [sys.executable, str(settings.BASE_DIR / "manage.py"), "run_portal"]
    process = subprocess.Popen(  # noqa: S603 - fixed argv
        [*command, "--port", str(port), "--noreload"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    output: list[str] = []
    reader = threading.Thread(target=lambda: output.extend(process.stdout), daemon=True)
    reader.start()
    yield process, port, output
    if process.poll() is None:
        process.kill()
        process.wait()


def test_ctrl_c_stops_the_server_and_the_scheduler(portal_process):
    process, port, lines = portal_process
    deadline = time.monotonic() + STARTUP_SECONDS
    while not (accepts_connections(port) and "예약 작업 실행기를 시작합니다" in "".join(lines)):
        assert process.poll() is None, "".join(lines)
        assert time.monotonic() < deadline, "server or scheduler did not start"
        time.sleep(0.5)

    process.send_signal(signal.SIGINT)
    process.wait(timeout=30)
    time.sleep(0.5)  # let the reader thread take the last lines
    output = "".join(lines)

    assert process.returncode == 0, output
    assert "예약 작업 실행기를 멈췄습니다." in output
    assert "서버와 예약 작업 실행기를 멈췄습니다." in output
    assert not accepts_connections(port)
