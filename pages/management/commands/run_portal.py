"""`manage.py run_portal`: the development server plus the scheduler, as `make run` starts them.

Both run as child processes in their own process groups, so Ctrl-C or SIGTERM here
stops each of them (and runserver's autoreload child) before we exit.
"""

import http.client
import os
import signal
import subprocess
import sys
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

SHUTDOWN_GRACE_SECONDS = 10
READY_TIMEOUT_SECONDS = 60


class Command(BaseCommand):
    help = "개발 서버(127.0.0.1:PORT)와 예약 작업 실행기를 함께 실행합니다. Ctrl-C로 함께 끝납니다."

    def add_arguments(self, parser):
        parser.add_argument(
            "--port",
            type=int,
            default=int(os.environ.get("PORT", "8000")),
            help="포트 (기본: 환경 변수 PORT 또는 8000)",
        )
        parser.add_argument(
            "--noreload", action="store_true", help="코드가 바뀌어도 서버를 다시 시작하지 않습니다."
        )
        parser.add_argument(
            "--welcome",
            action="store_true",
            help="서버가 응답하면 주소와 데모 계정을 상자로 보여 줍니다 (make run).",
        )

    def handle(self, *args, port: int, noreload: bool, welcome: bool, **options) -> None:
        if not 0 < port < 65536:
            raise CommandError(f"포트 번호가 올바르지 않습니다: {port}")
        manage = [sys.executable, str(settings.BASE_DIR / "manage.py")]
        server_command = [*manage, "runserver", f"127.0.0.1:{port}"]
        if noreload:
            server_command.append("--noreload")
        # Fixed argv built from this interpreter and this project's manage.py: no shell, no input.
        children = {
            "scheduler": subprocess.Popen([*manage, "run_scheduler"], start_new_session=True),  # noqa: S603
            "server": subprocess.Popen(server_command, start_new_session=True),  # noqa: S603
        }

        received = []
        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, lambda signum, _frame: received.append(signum))
        if welcome and self.wait_until_serving(port, children["server"], received):
            from demo.welcome import welcome_box

            self.stdout.write(welcome_box(f"http://127.0.0.1:{port}"))
        while not received and all(child.poll() is None for child in children.values()):
            time.sleep(0.5)

        exited = [name for name, child in children.items() if child.poll() is not None]
        self.stop(children.values())
        if exited and not received:
            raise CommandError(f"{', '.join(exited)} 프로세스가 예기치 않게 끝났습니다.")
        self.stdout.write("서버와 예약 작업 실행기를 멈췄습니다.")

    def wait_until_serving(self, port: int, server, received: list) -> bool:
        """Poll the health endpoint until the server answers (or dies, or a minute passes)."""
        deadline = time.monotonic() + READY_TIMEOUT_SECONDS
        while not received and server.poll() is None and time.monotonic() < deadline:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            try:
                connection.request("GET", "/healthz")
                if connection.getresponse().status == 200:
                    return True
            except OSError:
                pass
            finally:
                connection.close()
            time.sleep(0.3)
        return False

    def stop(self, children) -> None:
        """Terminate each child's process group, then kill whatever outlives the grace period."""
        # SIGTERM rather than SIGINT: a child still starting up dies quietly instead of
        # printing a KeyboardInterrupt traceback; the scheduler handles both the same way.
        for child in children:
            if child.poll() is None:
                os.killpg(child.pid, signal.SIGTERM)
        deadline = time.monotonic() + SHUTDOWN_GRACE_SECONDS
        for child in children:
            try:
                child.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                os.killpg(child.pid, signal.SIGKILL)
                child.wait()
