"""One build per edition at a time: a build holds the edition's lease while it typesets.

Who holds an edition is a task lease, `print-edition:<id>` (infra/tasks.py), renewed in the
background for as long as the build runs, however long typesetting takes; the edition's
`EditionBuild` record keeps only what the build is about: running, built or failed and why,
how many builds in a row died, whether someone asked again meanwhile.

The lease and the record change together, in one transaction: taking the lease and marking the
record running, or recording the outcome and giving the lease back. So whoever finds the lease
held also finds the record running (and can ask its build to look again), on SQLite and
PostgreSQL alike. A build whose process died (kill -9, a lost node) stops renewing; once its
lease has run out the next queue run builds the edition again, a bounded number of times in a
row.
"""

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from infra.tasks import (
    Renewer,
    acquire,
    held_keys,
    holder_of,
    lease_seconds,
    release,
    renew,
    this_process,
)

from .models import BuildStatus, EditionBuild

LEASE_PREFIX = "print-edition:"
# A build that died this many times in a row is left failed for an editor to look at.
MAX_ATTEMPTS = 3
GAVE_UP_REASON = (
    "인쇄본 PDF를 만들던 작업이 {attempts}번 연달아 중간에 멈췄습니다(작업 프로세스 종료). "
    "내용을 확인한 뒤 '지금 다시 만들기'를 눌러 주세요."
)


def lease_key(edition_id: int) -> str:
    return f"{LEASE_PREFIX}{edition_id}"


class Claim:
    """The right to typeset one edition now, renewed while held; `finish` gives it back."""

    def __init__(self, edition_id: int, holder: str, seconds: float):
        self.edition_id, self.holder, self.seconds = edition_id, holder, seconds
        self.key = lease_key(edition_id)
        self.renewer = self._renewing()

    def _renewing(self) -> Renewer:
        renewer = Renewer(self.key, self.holder, self.seconds)
        renewer.start()
        return renewer

    def finish(self, status: BuildStatus, reason: str = "", *, final: bool = False) -> bool:
        """Record the outcome and release the edition. False when the edition was asked for
        again while this build ran: the claim is kept for one more look."""
        self.renewer.stop()
        with transaction.atomic():
            if not renew(self.key, self.holder, self.seconds):
                # Our lease ran out and another build took the edition over: it is theirs.
                return True
            build = EditionBuild.objects.filter(edition_id=self.edition_id)
            finished = {"status": status, "reason": reason, "attempts": 0, "rerun": False}
            done = (build if final else build.filter(rerun=False)).update(
                **finished, finished_at=timezone.now()
            )
            # Not done: asked again meanwhile, unless the record is gone (edition deleted).
            if done or not build.update(rerun=False):
                release(self.key, self.holder)
                return True
        self.renewer = self._renewing()
        return False


def claim_build(edition_id: int) -> Claim | None:
    """Take the edition, or None if another build holds it (that build is asked to look
    again when it is done, so newer content is never lost)."""
    holder, seconds = this_process(), lease_seconds()
    for _ in range(3):
        with transaction.atomic():
            claimed = acquire(lease_key(edition_id), holder, seconds)
            if claimed:
                _mark_running(edition_id)
            else:
                running = EditionBuild.objects.filter(
                    edition_id=edition_id, status=BuildStatus.RUNNING
                )
                if running.update(rerun=True):
                    return None
        if claimed:
            return Claim(edition_id, holder, seconds)
        # The holder finished between our two statements: the edition is free now.
    return None


def _mark_running(edition_id: int) -> None:
    running = {"status": BuildStatus.RUNNING, "started_at": timezone.now(), "rerun": False}
    builds = EditionBuild.objects.filter(edition_id=edition_id)
    # Attempts count builds in a row that never finished; a finished build resets them.
    if not builds.update(attempts=F("attempts") + 1, **running):
        EditionBuild.objects.create(edition_id=edition_id, attempts=1, **running)


def expired_builds() -> list[int]:
    """Editions whose build's process died (lease run out), to build again; a build that
    died MAX_ATTEMPTS times in a row is marked failed instead, with a Korean reason."""
    # The records first, then the leases: a build that starts in between is seen holding its
    # lease, and one that starts after has a newer `started_at`, which the updates below check.
    running = EditionBuild.objects.filter(status=BuildStatus.RUNNING)
    builds = list(
        running.order_by("edition_id").values_list("edition_id", "started_at", "attempts")
    )
    live = held_keys(LEASE_PREFIX)
    retry = []
    for edition_id, started_at, attempts in builds:
        if lease_key(edition_id) in live:
            continue
        if attempts < MAX_ATTEMPTS:
            retry.append(edition_id)
            continue
        running.filter(edition_id=edition_id, started_at=started_at).update(
            status=BuildStatus.FAILED,
            reason=GAVE_UP_REASON.format(attempts=MAX_ATTEMPTS),
            attempts=0,
            rerun=False,
            finished_at=timezone.now(),
        )
    return retry


def is_stalled(build: EditionBuild | None) -> bool:
    """Running without a live lease: its process died, and the next queue run builds it again."""
    if build is None or build.status != BuildStatus.RUNNING:
        return False
    return holder_of(lease_key(build.edition_id)) is None
