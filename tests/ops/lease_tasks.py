"""A task for tests/ops/test_task_leases.py, importable by the worker processes it starts."""

import os
import time
from pathlib import Path

from django_tasks import task


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
