"""Task leases (infra/tasks.py): a job whose worker is killed runs again exactly once, and a
named lease is held by one process at a time."""

import os
import signal
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings
from django.db import connection
from django.utils import timezone
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from infra import tasks
from infra.models import Lease

from .lease_tasks import hang_once, record_run

MANAGE = Path(settings.BASE_DIR) / "manage.py"
LEASE_SECONDS = 2


def database_url() -> str:
    """The test database as a worker process must open it."""
    db = connection.settings_dict
    if db["ENGINE"] == "django.db.backends.sqlite3":
        return f"sqlite:///{db['NAME']}"
    credentials = f"{quote(db['USER'] or '')}:{quote(str(db['PASSWORD'] or ''))}"
    return f"postgres://{credentials}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def start_worker(log: Path, **settings_env: str) -> subprocess.Popen:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "DATABASE_URL": database_url(),
        "TASK_LEASE_SECONDS": str(LEASE_SECONDS),
        **settings_env,
    }
    command = [sys.executable, str(MANAGE), "db_worker", "--backend", "background"]
    command += ["--interval", "0.2", "--no-startup-delay", "--no-reload"]
    return subprocess.Popen(  # noqa: S603 - fixed argv, this interpreter
        command, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT, start_new_session=True
    )


def wait_until(condition, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.1)


def runs(path: Path) -> list[int]:
    return [int(pid) for pid in path.read_text().split()] if path.exists() else []


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_job_whose_worker_is_killed_runs_again_exactly_once(tmp_path):
    log = tmp_path / "runs.txt"
    first = start_worker(tmp_path / "first.log")
    others: list[subprocess.Popen] = []
    try:
        result = record_run.using(backend="background").enqueue(str(log), 60)
        wait_until(lambda: runs(log), 60, "the first worker to start the job")
        assert runs(log) == [first.pid]

        os.kill(first.pid, signal.SIGKILL)  # as when the machine or the container dies
        first.wait(timeout=10)
        assert DBTaskResult.objects.get(pk=result.id).status == TaskResultStatus.RUNNING
        # Two workers compete for the abandoned job: it must run once more, not twice.
        others = [start_worker(tmp_path / f"other-{n}.log") for n in (1, 2)]

        def finished() -> bool:
            return DBTaskResult.objects.get(pk=result.id).status == TaskResultStatus.SUCCESSFUL

        wait_until(finished, 45, "the job to run again")
        time.sleep(LEASE_SECONDS * 2)  # a second sweep or claim would show by now
        job = DBTaskResult.objects.get(pk=result.id)
        second_run = runs(log)
        assert len(second_run) == 2, second_run
        assert second_run[1] in {other.pid for other in others}
        assert job.status == TaskResultStatus.SUCCESSFUL
        assert job.return_value == 2
        assert len(job.worker_ids) == 2
    finally:
        for process in [first, *others]:
            if process.poll() is None:
                process.terminate()
                process.wait(timeout=15)


@pytest.mark.django_db
def test_a_job_given_up_after_too_many_dead_workers_fails_with_a_reason(settings):
    settings.TASK_MAX_ATTEMPTS = 2
    result = record_run.using(backend="background").enqueue("/nonexistent", 0)
    long_ago = timezone.now() - timedelta(minutes=5)
    DBTaskResult.objects.filter(pk=result.id).update(
        status=TaskResultStatus.RUNNING, started_at=long_ago, worker_ids=["dead-1", "dead-2"]
    )

    assert tasks.requeue_abandoned_tasks() == (0, 1)

    job = DBTaskResult.objects.get(pk=result.id)
    assert job.status == TaskResultStatus.FAILED
    assert "2번 멈춰" in job.traceback


@pytest.mark.django_db
def test_a_job_of_a_live_worker_is_left_alone():
    result = record_run.using(backend="background").enqueue("/nonexistent", 0)
    long_ago = timezone.now() - timedelta(minutes=5)
    DBTaskResult.objects.filter(pk=result.id).update(
        status=TaskResultStatus.RUNNING, started_at=long_ago, worker_ids=["alive"]
    )
    assert tasks.acquire(tasks.worker_key("alive"), "alive")

    assert tasks.requeue_abandoned_tasks() == (0, 0)
    assert DBTaskResult.objects.get(pk=result.id).status == TaskResultStatus.RUNNING


@pytest.mark.django_db
def test_a_named_lease_has_one_holder_until_released_or_expired():
    assert tasks.acquire("print-edition:7", "first", seconds=60)
    assert not tasks.acquire("print-edition:7", "second", seconds=60)
    assert tasks.holder_of("print-edition:7") == "first"

    Lease.objects.filter(key="print-edition:7").update(
        expires_at=timezone.now() - timedelta(seconds=1)
    )  # the first holder was killed and stopped renewing
    assert tasks.holder_of("print-edition:7") is None
    assert tasks.acquire("print-edition:7", "second", seconds=60)
    assert not tasks.renew("print-edition:7", "first")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_leased_holds_while_the_block_runs_and_frees_the_key_after():
    with tasks.leased("print-edition:8", seconds=1) as held:
        assert held
        time.sleep(1.5)  # past the first expiry: renewed in the background meanwhile
        with tasks.leased("print-edition:8") as second:
            assert not second
    with tasks.leased("print-edition:8") as again:
        assert again


STUCK_LINE = "제한 시간"
DISCARDED_LINE = "늦게 끝난 실행 결과를 버립니다"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_job_stuck_in_a_live_worker_runs_again_and_its_late_result_is_discarded(tmp_path):
    """The first worker stays alive (its lease renewed) while its job hangs past the time
    limit: another worker runs the job again, and when the hung run finally returns, neither
    its result nor its row is written."""
    log = tmp_path / "runs.txt"
    limits = {"TASK_RUN_SECONDS": "3"}
    stuck = start_worker(tmp_path / "stuck.log", **limits)
    other = None
    try:
        result = hang_once.using(backend="background").enqueue(str(log), 12)
        wait_until(lambda: runs(log), 60, "the first worker to start the job")
        other = start_worker(tmp_path / "other.log", **limits)

        def finished() -> bool:
            return DBTaskResult.objects.get(pk=result.id).status == TaskResultStatus.SUCCESSFUL

        wait_until(finished, 45, "another worker to run the stuck job")
        assert runs(log) == [stuck.pid, other.pid]
        assert stuck.poll() is None  # alive all along: no lease of its own ran out

        def discarded() -> bool:
            return DISCARDED_LINE in (tmp_path / "stuck.log").read_text()

        wait_until(discarded, 30, "the stuck run to return and be turned away")
        job = DBTaskResult.objects.get(pk=result.id)
        assert job.status == TaskResultStatus.SUCCESSFUL
        assert job.return_value == 2
        assert len(job.worker_ids) == 2
        results = Lease.objects.filter(key__startswith=f"result:{log}:")
        assert list(results.values_list("key", flat=True)) == [f"result:{log}:2"]
        worker_logs = (tmp_path / "stuck.log").read_text() + (tmp_path / "other.log").read_text()
        assert STUCK_LINE in worker_logs
    finally:
        for process in [stuck, other]:
            if process is not None and process.poll() is None:
                process.terminate()
                process.wait(timeout=20)


def stuck_job(worker_ids: list[str]) -> DBTaskResult:
    """A RUNNING job started 5 minutes ago whose (last) worker is alive."""
    result = record_run.using(backend="background").enqueue("/nonexistent", 0)
    long_ago = timezone.now() - timedelta(minutes=5)
    DBTaskResult.objects.filter(pk=result.id).update(
        status=TaskResultStatus.RUNNING, started_at=long_ago, worker_ids=worker_ids
    )
    assert tasks.acquire(tasks.worker_key(worker_ids[-1]), worker_ids[-1])
    return DBTaskResult.objects.get(pk=result.id)


@pytest.mark.django_db
def test_a_job_past_its_time_limit_in_a_live_worker_is_requeued(settings):
    settings.TASK_RUN_SECONDS = 60
    job = stuck_job(["alive"])

    assert tasks.requeue_abandoned_tasks() == (1, 0)
    assert DBTaskResult.objects.get(pk=job.pk).status == TaskResultStatus.READY


@pytest.mark.django_db
def test_a_job_that_extends_its_time_is_not_taken_for_stuck(settings):
    settings.TASK_RUN_SECONDS = 60
    job = stuck_job(["alive"])
    run = tasks.Run(job, "alive")
    with tasks.running(run):
        tasks.extend_run()
        assert tasks.requeue_abandoned_tasks() == (0, 0)
        assert tasks.still_current()


@pytest.mark.django_db
def test_a_job_stuck_in_every_try_fails_with_a_korean_reason(settings, caplog):
    settings.TASK_RUN_SECONDS = 60
    settings.TASK_MAX_ATTEMPTS = 2
    job = stuck_job(["first", "second"])

    with caplog.at_level("ERROR", logger="infra.tasks"):
        assert tasks.requeue_abandoned_tasks() == (0, 1)

    job = DBTaskResult.objects.get(pk=job.pk)
    assert job.status == TaskResultStatus.FAILED
    assert job.exception_class_path == "infra.tasks.TaskTimedOut"
    assert "2번 제한 시간(60초) 안에 끝나지 않아" in job.traceback
    assert any("끝나지 않아 더 시도하지 않습니다" in r.getMessage() for r in caplog.records)
