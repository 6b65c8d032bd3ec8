"""Task leases: a job whose worker died is run again, never left RUNNING forever.

django-tasks-db marks a job RUNNING when a worker claims it and has no notion of the worker
dying: after `kill -9` the job would stay RUNNING for good. Here every worker (`db_worker`,
see infra/management/commands/db_worker.py) holds a lease on itself, `task-worker:<id>`,
renewed in the background every quarter of TASK_LEASE_SECONDS. A RUNNING job whose worker's
lease has run out is abandoned: `requeue_abandoned_tasks` (each worker runs it as it renews)
returns it to READY, or marks it FAILED with a Korean reason once TASK_MAX_ATTEMPTS workers
have died on it.

A worker that lives but whose job hangs (a call that never returns) keeps renewing its own
lease, so each job also has a run lease, `task-run:<job id>`, taken when it starts for
TASK_RUN_SECONDS and extended only by the job itself (`extend_run()`, e.g. per batch). A
RUNNING job whose run lease has run out is stuck: the sweep returns it to READY for another
worker (or fails it after TASK_MAX_ATTEMPTS), exactly as for a dead worker. When the stuck run
finally returns, its result is discarded: results are written only while the job is still the
run that started (`still_current()`: same status RUNNING and `started_at`, the fencing token),
and a task body commits its own writes the same way with `with fenced(): …`.

The same leases serve any named work that must run once at a time across processes:

    with leased(f"print-edition:{edition.pk}") as held:
        if not held:
            return  # another live process is on it
        build(edition)

The lease is renewed while the block runs and released when it ends; if the process is
killed, it lapses after TASK_LEASE_SECONDS and the next caller gets it. This module is the one
home of "who holds it, has it expired": print builds (`print-edition:<id>`,
report_print/builds.py) and the search catch-up (`search-catch-up`, search/catchup.py) hold
leases here and keep only their own state (build status, progress) in their own records.

A webhook delivery's `lease_until` (webhooks/delivery.py) is the row-level form of the same
idea: one lease per delivery row, claimed in the same conditional UPDATE that picks the row,
because there are many rows and the claim must change the row's state atomically.
"""

import contextlib
import logging
import os
import socket
import threading
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta

from django.conf import settings
from django.db import DatabaseError, IntegrityError, connections, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.crypto import get_random_string
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from .models import Lease

logger = logging.getLogger(__name__)

WORKER_PREFIX = "task-worker:"
RUN_PREFIX = "task-run:"
# Lease rows this long past their expiry are dead: the sweep deletes them.
FORGET_AFTER = timedelta(hours=1)


def lease_seconds() -> float:
    return settings.TASK_LEASE_SECONDS


def this_process() -> str:
    """A holder name that says which process holds a lease (host, pid, random suffix)."""
    return f"{socket.gethostname()}:{os.getpid()}:{get_random_string(6)}"


def acquire(key: str, holder: str, seconds: float | None = None) -> bool:
    """Take the lease `key` for `holder` unless another holder's lease is still running."""
    now = timezone.now()
    expires_at = now + timedelta(seconds=seconds or lease_seconds())
    # An expired lease (or our own) is taken over in one conditional UPDATE, so two processes
    # racing for it cannot both win; a missing one is created, and the loser of that race
    # gets an IntegrityError.
    taken = (
        Lease.objects.filter(key=key)
        .filter(Q(expires_at__lt=now) | Q(holder=holder))
        .update(holder=holder, expires_at=expires_at)
    )
    if taken:
        return True
    try:
        with transaction.atomic():
            Lease.objects.create(key=key, holder=holder, expires_at=expires_at)
    except IntegrityError:
        return False
    return True


def renew(key: str, holder: str, seconds: float | None = None) -> bool:
    """Extend `holder`'s lease; False if it has lapsed and someone else took it."""
    expires_at = timezone.now() + timedelta(seconds=seconds or lease_seconds())
    return bool(Lease.objects.filter(key=key, holder=holder).update(expires_at=expires_at))


def release(key: str, holder: str) -> None:
    Lease.objects.filter(key=key, holder=holder).delete()


def held_keys(prefix: str) -> set[str]:
    """The keys starting with `prefix` whose lease is running now."""
    live = Lease.objects.filter(key__startswith=prefix, expires_at__gte=timezone.now())
    return set(live.values_list("key", flat=True))


def holder_of(key: str) -> str | None:
    """Who holds `key` now (None when nobody does or the lease has run out)."""
    lease = Lease.objects.filter(key=key, expires_at__gte=timezone.now()).first()
    return lease.holder if lease else None


class Renewer(threading.Thread):
    """Renews one lease every quarter of its length until stopped; `on_beat` runs after each
    renewal (a worker sweeps abandoned jobs there). Runs on its own database connection."""

    def __init__(self, key: str, holder: str, seconds: float, on_beat: Callable | None = None):
        super().__init__(name=f"lease {key}", daemon=True)
        self.key, self.holder, self.seconds, self.on_beat = key, holder, seconds, on_beat
        self.stopping = threading.Event()

    def run(self) -> None:
        try:
            while not self.stopping.wait(self.seconds / 4):
                self.beat()
        finally:
            connections.close_all()

    def beat(self) -> None:
        # A busy database (SQLite's write lock) costs one beat, not the lease: three more
        # follow before it runs out.
        try:
            if not renew(self.key, self.holder, self.seconds):
                logger.error("작업 점유 '%s'가 만료되어 다른 프로세스에 넘어갔습니다.", self.key)
            if self.on_beat is not None:
                self.on_beat()
        except DatabaseError as error:
            logger.warning("작업 점유 '%s' 갱신 실패, 다음에 다시 시도합니다: %s", self.key, error)

    def stop(self) -> None:
        self.stopping.set()
        self.join(timeout=self.seconds)


@contextlib.contextmanager
def leased(key: str, seconds: float | None = None, holder: str | None = None) -> Iterator[bool]:
    """Hold the lease `key` while the block runs, renewed in the background; yields False
    (holding nothing) when another live process holds it. Call it outside any transaction
    (a task, a command): other processes must see the lease as soon as it is taken."""
    seconds = seconds or lease_seconds()
    holder = holder or this_process()
    if not acquire(key, holder, seconds):
        yield False
        return
    renewer = Renewer(key, holder, seconds)
    renewer.start()
    try:
        yield True
    finally:
        renewer.stop()
        release(key, holder)


def worker_key(worker_id: str) -> str:
    return f"{WORKER_PREFIX}{worker_id}"


@contextlib.contextmanager
def worker_lease(worker_id: str) -> Iterator[None]:
    """A task worker's lease on itself for as long as it runs; while it renews, it also
    sweeps jobs abandoned by dead workers (at most once per lease length)."""
    seconds = lease_seconds()
    key = worker_key(worker_id)
    acquire(key, worker_id, seconds)
    sweep = _Throttled(requeue_abandoned_tasks, every=seconds)
    sweep()
    renewer = Renewer(key, worker_id, seconds, on_beat=sweep)
    renewer.start()
    try:
        yield
    finally:
        renewer.stop()
        with contextlib.suppress(DatabaseError):
            release(key, worker_id)


class _Throttled:
    def __init__(self, function: Callable, every: float):
        self.function, self.every = function, every
        self.last: datetime | None = None

    def __call__(self) -> None:
        now = timezone.now()
        if self.last is None or (now - self.last).total_seconds() >= self.every:
            self.last = now
            self.function()


def run_key(job_id) -> str:
    return f"{RUN_PREFIX}{job_id}"


def requeue_abandoned_tasks() -> tuple[int, int]:
    """Return RUNNING jobs whose worker's lease has run out (a dead worker), or whose run
    lease has (a stuck job in a live worker), to READY, or FAILED after TASK_MAX_ATTEMPTS
    tries; returns how many were requeued and how many failed.

    Safe to run in several processes at once: each job is updated only if it is still the
    RUNNING job that was read (same `started_at`), so a job is requeued once.
    """
    now = timezone.now()
    lease_cutoff = now - timedelta(seconds=lease_seconds())
    run_cutoff = now - timedelta(seconds=settings.TASK_RUN_SECONDS)
    live = held_keys(WORKER_PREFIX)
    running_runs = held_keys(RUN_PREFIX)
    requeued = failed = 0
    candidates = DBTaskResult.objects.running().filter(started_at__lt=max(lease_cutoff, run_cutoff))
    for job in candidates.only("id", "task_path", "worker_ids", "started_at"):
        worker = job.worker_ids[-1] if job.worker_ids else ""
        worker_alive = worker_key(worker) in live
        if worker_alive:
            # Stuck only past its time limit, with no run lease the job keeps extending.
            if run_key(job.pk) in running_runs or job.started_at >= run_cutoff:
                continue
        elif job.started_at >= lease_cutoff:
            continue
        changed = _give_back(job, worker, stuck=worker_alive, now=now)
        requeued += changed == TaskResultStatus.READY
        failed += changed == TaskResultStatus.FAILED
    Lease.objects.filter(expires_at__lt=now - FORGET_AFTER).delete()
    return requeued, failed


def _give_back(job: DBTaskResult, worker: str, *, stuck: bool, now: datetime) -> str | None:
    """Requeue `job` (or fail it after too many tries) if it is still the run that was read;
    the status it now has, or None if another process changed it first."""
    attempts = len(job.worker_ids)
    worker_name = worker or "알 수 없음"
    unchanged = DBTaskResult.objects.filter(
        pk=job.pk, status=TaskResultStatus.RUNNING, started_at=job.started_at
    )
    if attempts >= settings.TASK_MAX_ATTEMPTS:
        if stuck:
            reason = (
                f"이 작업이 {attempts}번 제한 시간({settings.TASK_RUN_SECONDS:.0f}초) 안에 "
                f"끝나지 않아 더 시도하지 않습니다 (마지막 실행기: {worker_name})."
            )
        else:
            reason = (
                f"작업 실행기가 이 작업을 하던 중 {attempts}번 멈춰 더 시도하지 않습니다 "
                f"(마지막 실행기: {worker_name})."
            )
        error = TaskTimedOut if stuck else WorkerLost
        if not unchanged.update(
            status=TaskResultStatus.FAILED,
            finished_at=now,
            return_value=None,
            exception_class_path=f"{__name__}.{error.__name__}",
            traceback=reason,
        ):
            return None
        logger.error("작업 %s (%s): %s", job.task_path, job.pk, reason)
        return TaskResultStatus.FAILED
    if not unchanged.update(status=TaskResultStatus.READY):
        return None
    if stuck:
        logger.warning(
            "작업 %s (%s)이 실행기(%s)에서 제한 시간(%.0f초) 안에 끝나지 않아 다시 대기열에 "
            "넣었습니다 (시도 %d회). 늦게 끝나는 실행의 결과는 버립니다.",
            job.task_path,
            job.pk,
            worker_name,
            settings.TASK_RUN_SECONDS,
            attempts,
        )
    else:
        logger.warning(
            "멈춘 작업 실행기(%s)의 작업 %s (%s)을 다시 대기열에 넣었습니다 (시도 %d회).",
            worker_name,
            job.task_path,
            job.pk,
            attempts,
        )
    return TaskResultStatus.READY


# The job this worker thread is running -----------------------------------------------------


class Run:
    """One run of a job in a worker: the job's id and the `started_at` of its claim (the
    fencing token), and the run lease's holder."""

    def __init__(self, job: DBTaskResult, worker_id: str):
        self.job_id = job.pk
        self.started_at = job.started_at
        self.holder = f"{worker_id}@{job.started_at.isoformat()}"
        self.key = run_key(job.pk)

    def start(self) -> None:
        acquire(self.key, self.holder, settings.TASK_RUN_SECONDS)

    def end(self) -> None:
        with contextlib.suppress(DatabaseError):
            release(self.key, self.holder)

    def rows(self):
        """The job's row, only while it is still this run."""
        return DBTaskResult.objects.filter(
            pk=self.job_id, status=TaskResultStatus.RUNNING, started_at=self.started_at
        )


_current = threading.local()


@contextlib.contextmanager
def running(run: Run) -> Iterator[None]:
    """Mark `run` as this thread's job while the block runs (the worker runs each job so)."""
    run.start()
    _current.run = run
    try:
        yield
    finally:
        _current.run = None
        run.end()


def current_run() -> Run | None:
    return getattr(_current, "run", None)


def extend_run(seconds: float | None = None) -> None:
    """From a job that is making progress (each batch of a long job): push its time limit
    `seconds` (TASK_RUN_SECONDS) from now. Does nothing outside a worker's job."""
    run = current_run()
    if run is not None:
        renew(run.key, run.holder, seconds or settings.TASK_RUN_SECONDS)


def still_current() -> bool:
    """Whether this thread's job is still the run that started (not requeued as stuck and
    taken by another worker); True outside a worker's job."""
    run = current_run()
    return run is None or run.rows().exists()


@contextlib.contextmanager
def fenced() -> Iterator[None]:
    """A transaction that commits only while this thread's job is still its run: a run that
    was taken for stuck and done again elsewhere raises `RunSuperseded` instead of writing
    its result twice. The job's row is locked meanwhile, so the sweep cannot requeue it
    between the check and the commit (on SQLite the transaction holds the write lock)."""
    with transaction.atomic():
        run = current_run()
        if run is not None and not run.rows().select_for_update().exists():
            raise RunSuperseded(run.job_id)
        yield


class RunSuperseded(Exception):
    """This run of a job was taken for stuck and given to another worker: it writes nothing."""


class TaskTimedOut(Exception):
    """A job ran past its time limit in every try (named in its record when given up)."""


class WorkerLost(Exception):
    """The worker running a job died (named in a job's record when it is given up)."""
