"""`manage.py db_worker`: django-tasks-db's worker, holding a lease on itself while it runs.

This app is listed before `django_tasks_db` in INSTALLED_APPS, so this command replaces the
library's under the same name (as staticfiles' `runserver` replaces Django's): `make run`,
the compose `worker` service and the scheduler's `run_print_queue` all get leases. A job
whose worker is killed is run again by another (infra/tasks.py).

Each job also runs under its run lease (`PortalWorker`): a job stuck past TASK_RUN_SECONDS in
this live worker is run again by another, and the stuck run's late result is discarded.

Logging: verbosity 1 (the default) reports failed jobs and lease warnings only; 2 adds a
line per job, 3 everything.
"""

import logging

from django_tasks_db.compat import TASKS_LOGGER
from django_tasks_db.management.commands import db_worker

from infra.tasks import Run, RunSuperseded, fenced, running, worker_lease

logger = logging.getLogger("infra.tasks")

LEVELS = {0: logging.CRITICAL, 1: logging.WARNING, 2: logging.INFO}


class Command(db_worker.Command):
    help = (
        "데이터베이스 작업 큐의 작업을 실행합니다. 실행기가 멈추면 그 작업은 점유가 끝난 뒤 "
        "다른 실행기가 다시 실행합니다."
    )

    def configure_logging(self, verbosity: int) -> None:
        super().configure_logging(verbosity)
        level = LEVELS.get(verbosity, logging.DEBUG)
        for name in (TASKS_LOGGER, "infra"):
            logging.getLogger(name).setLevel(level)
        # The library's own warnings are English notices of a normal shutdown; its errors stay.
        logging.getLogger(db_worker.logger.name).setLevel(max(level, logging.ERROR))
        infra_logger = logging.getLogger("infra")
        if not infra_logger.hasHandlers():
            infra_logger.addHandler(logging.StreamHandler(self.stderr))

    def handle(self, *args, worker_id: str, **options) -> None:
        # The library's `handle` builds its worker by this module-level name.
        db_worker.Worker = PortalWorker  # type: ignore[misc]
        with worker_lease(worker_id):
            super().handle(*args, worker_id=worker_id, **options)


class PortalWorker(db_worker.Worker):
    """django-tasks-db's worker, running each job under its run lease and writing its result
    only while the job is still this run (infra/tasks.py)."""

    def run_task(self, db_task_result) -> None:
        run = Run(db_task_result, self.worker_id)
        db_task_result.set_successful = _fenced(db_task_result.set_successful, run)
        db_task_result.set_failed = _fenced(db_task_result.set_failed, run)
        with running(run):
            super().run_task(db_task_result)


def _fenced(write, run: Run):
    def write_if_current(*args) -> None:
        try:
            with fenced():
                write(*args)
        except RunSuperseded:
            logger.warning(
                "작업 %s의 늦게 끝난 실행 결과를 버립니다: 제한 시간을 넘겨 다른 실행기가 "
                "다시 실행했습니다.",
                run.job_id,
            )

    return write_if_current
