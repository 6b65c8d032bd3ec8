"""The background task of the several-nodes test: each run adds one row, so runs can be counted."""

import os
import time

from django.db import connection
from django_tasks import task

RUNS_TABLE = "multinode_task_runs"


@task()
def record_run(number: int) -> None:
    time.sleep(0.05)  # long enough for the two workers to interleave
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {RUNS_TABLE} (number, pid) VALUES (%s, %s)",  # noqa: S608 - constant
            [number, os.getpid()],
        )
