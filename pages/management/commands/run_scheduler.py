"""`manage.py run_scheduler`: runs `settings.SCHEDULED_COMMANDS` at their intervals.

`make run` starts it next to gunicorn and the task workers; a server with cron can instead
call `run_scheduler --once` (or the commands themselves) every minute.

Several schedulers may run (one per worker container): each job is claimed in the shared
cache for its interval before it runs, so it runs once per interval, not once per scheduler.
"""

import os
import signal
import threading
import time

from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import close_old_connections, connection


class Command(BaseCommand):
    help = (
        "예약 작업(settings.SCHEDULED_COMMANDS)을 주기마다 실행합니다. --once는 한 번만 실행합니다."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--once", action="store_true", help="모든 작업을 한 번씩 실행하고 끝냅니다 (cron용)."
        )

    def handle(self, *args, once: bool = False, **options) -> None:
        jobs = list(settings.SCHEDULED_COMMANDS)
        if once:
            for name, interval in jobs:
                self.run_job(name, interval)
            return

        stopping = threading.Event()
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, lambda *_: stopping.set())
        listing = ", ".join(f"{name}({interval}초)" for name, interval in jobs)
        self.stdout.write(f"예약 작업 실행기를 시작합니다: {listing}")

        next_run = dict.fromkeys((name for name, _ in jobs), time.monotonic())
        while not stopping.is_set():
            now = time.monotonic()
            for name, interval in jobs:
                if next_run[name] <= now and not stopping.is_set():
                    self.run_job(name, interval)
                    next_run[name] = now + interval
            stopping.wait(max(0.0, min(next_run.values()) - time.monotonic()))
        self.stdout.write("예약 작업 실행기를 멈췄습니다.")

    def run_job(self, name: str, interval: int) -> None:
        """Run one command unless another scheduler has it this interval; a failing job is
        reported and retried at its next turn."""
        refresh_connections()
        if not claim(name, interval):
            self.stdout.write(f"예약 작업 '{name}' 건너뜀: 이번 주기는 다른 실행기가 맡았습니다.")
            return
        try:
            call_command(name, stdout=self.stdout, stderr=self.stderr)
        # One broken job must not stop the others.
        except Exception as error:
            self.stderr.write(f"예약 작업 '{name}' 실패: {error!r}")
        finally:
            refresh_connections()


def claim(name: str, interval: int) -> bool:
    """Claim job `name` for one interval in the shared cache; False if another scheduler
    holds it. The claim expires a second early so this scheduler's next turn finds it free."""
    return cache.add(f"run_scheduler:{name}", os.getpid(), timeout=max(1, interval - 1))


def refresh_connections() -> None:
    """Drop stale connections between jobs, but never one inside an open transaction."""
    if not connection.in_atomic_block:
        close_old_connections()
