"""A task for tests/ops/test_task_leases.py, importable by the worker processes it starts."""

import os
import time
from datetime import timedelta
from pathlib import Path

from django.utils import timezone
from django_tasks import task

from infra.models import Lease
from infra.tasks import fenced


@task()
def record_run(log_path: str, hold_seconds: float) -> int:
    """Append this worker's pid to `log_path`; the first run then holds for `hold_seconds`
    (long enough for the test to kill its worker mid-task)."""
    log = Path(log_path)
    with log.open("a") as file:
        file.write(f"{os.getpid()}\n")
    runs = len(log.read_text().split())
    if runs == 1:
        time.sleep(hold_seconds)
    return runs


@task()
def hang_once(log_path: str, hold_seconds: float) -> int:
    """Like `record_run`, but the first run hangs in its live worker for `hold_seconds`; each
    run then commits its result (a row) the fenced way, and returns its run number."""
    log = Path(log_path)
    with log.open("a") as file:
        file.write(f"{os.getpid()}\n")
    runs = len(log.read_text().split())
    if runs == 1:
        time.sleep(hold_seconds)
    with fenced():
        Lease.objects.create(
            key=f"result:{log_path}:{runs}",
            holder=str(os.getpid()),
            expires_at=timezone.now() + timedelta(days=1),
        )
    return runs
