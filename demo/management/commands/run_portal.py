"""`manage.py run_portal`: what `make run` starts — gunicorn with the production settings file
(cms/gunicorn.conf.py) on 127.0.0.1:PORT, the scheduler and a pool of task workers
(`db_worker`: webhook deliveries, CDN purges), each a supervised child process.

A child that stops is started again after an exponential back-off (1, 2, 4 … 60 s), with one
Korean line; the others keep running, so a crashed worker or scheduler never takes the server
down. gunicorn too is restarted if it dies once it has served; if it cannot start at all (the
port is taken, the code does not load) we stop with its error rather than retry forever.
Each child runs in its own process group: Ctrl-C or SIGTERM here stops all of them.
"""

import contextlib
import http.client
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

SHUTDOWN_GRACE_SECONDS = 15
TICK_SECONDS = 0.5
PROGRESS_EVERY_SECONDS = 10
BACKOFF_FIRST_SECONDS = 1
BACKOFF_MAX_SECONDS = 60
# A child that ran this long before stopping was healthy: its back-off starts over.
STABLE_SECONDS = 60


def subject(name: str) -> str:
    """`name` with the Korean subject particle its last syllable takes (이 after a final
    consonant, 가 otherwise)."""
    last = name[-1]
    has_final_consonant = "가" <= last <= "힣" and (ord(last) - ord("가")) % 28 != 0
    return name + ("이" if has_final_consonant else "가")


@dataclass
class Child:
    """One supervised process and its restart state."""

    name: str
    argv: list[str]
    env: dict[str, str] = field(default_factory=lambda: dict(os.environ))
    process: subprocess.Popen | None = None
    started_at: float = 0.0
    failures: int = 0
    restart_at: float | None = None

    def start(self) -> None:
        # Fixed argv built from this interpreter and this project: no shell, no user input.
        self.process = subprocess.Popen(  # noqa: S603
            self.argv, env=self.env, cwd=settings.BASE_DIR, start_new_session=True
        )
        self.started_at = time.monotonic()
        self.restart_at = None

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def schedule_restart(self, now: float) -> int:
        """Plan the next start after a stop; returns the delay in seconds."""
        if now - self.started_at >= STABLE_SECONDS:
            self.failures = 0
        delay = min(BACKOFF_MAX_SECONDS, BACKOFF_FIRST_SECONDS * 2**self.failures)
        self.failures += 1
        self.restart_at = now + delay
        return delay


class Command(BaseCommand):
    help = (
        "gunicorn 웹 서버(127.0.0.1:PORT), 예약 작업 실행기와 작업 실행기 여러 개를 함께 실행하고 "
        "멈춘 것은 다시 시작합니다. Ctrl-C로 함께 끝납니다."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--port",
            type=int,
            default=int(os.environ.get("PORT", "8000")),
            help="포트 (기본: 환경 변수 PORT 또는 8000)",
        )
        parser.add_argument(
            "--task-workers",
            type=int,
            default=int(os.environ.get("TASK_WORKERS", "2")),
            help="작업 실행기(db_worker) 수 (기본: 환경 변수 TASK_WORKERS 또는 2)",
        )
        parser.add_argument(
            "--welcome",
            action="store_true",
            help="서버가 준비되면 주소와 데모 계정을 상자로 보여 줍니다 (make run).",
        )

    def handle(self, *args, port: int, task_workers: int, welcome: bool, **options) -> None:
        if not 0 < port < 65536:
            raise CommandError(f"포트 번호가 올바르지 않습니다: {port}")
        if not 0 <= task_workers <= 32:
            raise CommandError(f"작업 실행기 수는 0에서 32 사이여야 합니다: {task_workers}")
        self.port = port
        self.server_ever_ready = False
        self.server = self.server_child(port)
        self.children = [self.server, self.scheduler_child(), *self.worker_children(task_workers)]

        received: list[int] = []
        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, lambda signum, _frame: received.append(signum))

        self.stdout.write(
            f"웹 서버(gunicorn, 127.0.0.1:{port}), 예약 작업 실행기와 "
            f"작업 실행기 {task_workers}개를 시작합니다."
        )
        for child in self.children:
            child.start()
        try:
            self.supervise(received, welcome)
        finally:
            self.stop()
        self.stdout.write("웹 서버와 작업 실행기를 모두 멈췄습니다.")

    def server_child(self, port: int) -> Child:
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": settings.SETTINGS_MODULE}
        # Quiet by default: no line per request, no English banners; errors still show.
        env.setdefault("GUNICORN_LOG_LEVEL", "warning")
        argv = [sys.executable, "-m", "gunicorn", "cms.wsgi:application"]
        argv += ["--config", str(settings.BASE_DIR / "cms" / "gunicorn.conf.py")]
        argv += ["--bind", f"127.0.0.1:{port}"]
        return Child("웹 서버", argv, env)

    def manage(self, *args: str) -> list[str]:
        return [sys.executable, str(settings.BASE_DIR / "manage.py"), *args]

    def scheduler_child(self) -> Child:
        return Child("예약 작업 실행기", self.manage("run_scheduler"))

    def worker_children(self, count: int) -> list[Child]:
        argv = self.manage("db_worker", "--backend", "background", "--no-reload")
        return [Child(f"작업 실행기 {number}번", argv) for number in range(1, count + 1)]

    def supervise(self, received: list[int], welcome: bool) -> None:
        """Restart what stops until a signal arrives; say when the server is (again) ready."""
        ready = False
        waiting_since = time.monotonic()
        next_progress = waiting_since + PROGRESS_EVERY_SECONDS
        while not received:
            now = time.monotonic()
            for child in self.children:
                self.look_after(child, now)
            if ready and not self.server.running:
                ready = False
                waiting_since, next_progress = now, now + PROGRESS_EVERY_SECONDS
            if not ready and self.server.running:
                if self.answers():
                    ready = True
                    self.announce(box=welcome and not self.server_ever_ready)
                elif now >= next_progress:
                    self.stdout.write(f"서버 준비 중… ({round(now - waiting_since)}초)")
                    next_progress = now + PROGRESS_EVERY_SECONDS
            time.sleep(TICK_SECONDS)

    def look_after(self, child: Child, now: float) -> None:
        if child.running:
            return
        if child.restart_at is None:
            if child is self.server and not self.server_ever_ready:
                raise CommandError(
                    f"웹 서버가 시작하지 못하고 끝났습니다 (종료 코드 {child.process.returncode}). "
                    f"위의 오류를 확인하세요. 포트 {self.port}를 다른 프로그램이 쓰고 있다면 "
                    "다른 포트로 실행하세요 (PORT=8001 make run)."
                )
            # What it left behind in its group (gunicorn's workers still holding the port)
            # must go before it starts again.
            with contextlib.suppress(ProcessLookupError):
                os.killpg(child.process.pid, signal.SIGKILL)
            delay = child.schedule_restart(now)
            self.stderr.write(f"{subject(child.name)} 멈춰 {delay}초 후 다시 시작합니다.")
        elif now >= child.restart_at:
            child.start()

    def answers(self) -> bool:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=1)
        try:
            connection.request("GET", "/healthz")
            return connection.getresponse().status == 200
        except OSError:
            return False
        finally:
            connection.close()

    def announce(self, box: bool) -> None:
        base_url = f"http://127.0.0.1:{self.port}"
        if box:
            from demo.welcome import welcome_box

            self.stdout.write(welcome_box(base_url))
        elif self.server_ever_ready:
            self.stdout.write(f"웹 서버가 다시 준비되었습니다: {base_url}/")
        else:
            self.stdout.write(f"웹 서버가 준비되었습니다: {base_url}/")
        self.server_ever_ready = True

    def stop(self) -> None:
        """Terminate each child's process group, then kill whatever outlives the grace period."""
        # SIGTERM: gunicorn finishes the requests in flight, a worker its current job (a job
        # cut short is run again: infra/tasks.py), the scheduler its current command.
        for child in self.children:
            if child.running:
                os.killpg(child.process.pid, signal.SIGTERM)
        deadline = time.monotonic() + SHUTDOWN_GRACE_SECONDS
        for child in self.children:
            if child.process is None:
                continue
            try:
                child.process.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                os.killpg(child.process.pid, signal.SIGKILL)
                child.process.wait()
