"""One build per edition at a time: a build claims the edition's build record under a lease.

A claim is a single conditional UPDATE of the record (or its INSERT, which the unique edition
lets only one process win), never a read followed by a write, so two processes cannot both
hold it — on SQLite and PostgreSQL alike. A build whose process died (kill -9, a lost node)
keeps the record only until its lease runs out; the next queue run takes it over, a bounded
number of times in a row.
"""

import uuid
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from .models import BuildStatus, EditionBuild

# A build that died this many times in a row is left failed for an editor to look at.
MAX_ATTEMPTS = 3
GAVE_UP_REASON = (
    "인쇄본 PDF를 만들던 작업이 {attempts}번 연달아 중간에 멈췄습니다(작업 프로세스 종료). "
    "내용을 확인한 뒤 '지금 다시 만들기'를 눌러 주세요."
)


def lease_end():
    return timezone.now() + timedelta(seconds=settings.PRINT_BUILD_LEASE_SECONDS)


@dataclass(frozen=True)
class Claim:
    """The right to typeset one edition now; `finish` gives it back."""

    edition_id: int
    owner: str

    def records(self):
        return EditionBuild.objects.filter(edition_id=self.edition_id, owner=self.owner)

    def finish(self, status: BuildStatus, reason: str = "", *, final: bool = False) -> bool:
        """Record the outcome and release the edition. False when the edition was asked for
        again while this build ran: the claim is kept (lease renewed) for one more look."""
        released = {"status": status, "reason": reason, "owner": "", "lease_until": None}
        finished = {**released, "attempts": 0, "rerun": False, "finished_at": timezone.now()}
        records = self.records() if final else self.records().filter(rerun=False)
        if records.update(**finished):
            return True
        # Asked again (or the record is gone: the edition was deleted, or another build took
        # over after our lease ran out — then there is nothing left for us to do).
        renewed = self.records().update(rerun=False, lease_until=lease_end())
        return renewed == 0


def claim_build(edition_id: int) -> Claim | None:
    """Take the edition's build record, or None if another build holds it (that build is
    asked to look again when it is done, so newer content is never lost)."""
    owner = uuid.uuid4().hex
    for _ in range(3):
        now = timezone.now()
        running = {"status": BuildStatus.RUNNING, "owner": owner, "lease_until": lease_end()}
        running |= {"started_at": now, "rerun": False}
        free = EditionBuild.objects.filter(edition_id=edition_id).exclude(
            status=BuildStatus.RUNNING, lease_until__gt=now
        )
        if free.update(attempts=F("attempts") + 1, **running):
            return Claim(edition_id, owner)
        held = EditionBuild.objects.filter(
            edition_id=edition_id, status=BuildStatus.RUNNING, lease_until__gt=now
        )
        if held.update(rerun=True):
            return None
        try:
            with transaction.atomic():
                EditionBuild.objects.create(edition_id=edition_id, attempts=1, **running)
        except IntegrityError:
            continue  # another process created it first: try to claim it again
        return Claim(edition_id, owner)
    return None


def expired_builds() -> list[int]:
    """Editions whose build's process died (lease run out), to build again; a build that
    died MAX_ATTEMPTS times in a row is marked failed instead, with a Korean reason."""
    now = timezone.now()
    expired = EditionBuild.objects.filter(status=BuildStatus.RUNNING, lease_until__lte=now)
    expired.filter(attempts__gte=MAX_ATTEMPTS).update(
        status=BuildStatus.FAILED,
        reason=GAVE_UP_REASON.format(attempts=MAX_ATTEMPTS),
        owner="",
        lease_until=None,
        attempts=0,
        rerun=False,
        finished_at=now,
    )
    return list(expired.order_by("edition_id").values_list("edition_id", flat=True))
