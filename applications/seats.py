"""Seats and the waitlist: applying, cancelling and promoting, fair under a burst.

Every change first locks the program's `ProgramSeats` row inside one short transaction: on
PostgreSQL `SELECT … FOR UPDATE` makes concurrent applicants queue on that row; on SQLite the
transaction began with BEGIN IMMEDIATE (cms/settings), which already holds the database's one
write lock. So the counts read after the lock are the truth until commit, and the decision
"confirmed, waitlisted or full" is made on them — never a check before an insert. Arrival
order is the order in which applicants got the lock (`position`). A busy database is tried
again (infra/db.py); the citizen gets a 503 only after that, with nothing stored.
"""

import datetime
import json
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone

from content.phone import normalize_phone
from infra.crypto import hash_access_code, new_access_code, phone_digest
from infra.db import retry_when_busy
from notifications.outbox import notify_after_commit
from pages.models import EducationProgramPage
from pages.models.education import ApplicationStatus

from .models import Application, ProgramSeats, Status, new_receipt_number

BUSY_RETRY_SECONDS = 10
RECEIPT_ATTEMPTS = 5
NOTICE_BUILDER = "applications.notices.build"


class Refused(Exception):
    """The application cannot be taken; `message` says why in Korean."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass
class Outcome:
    application: Application
    access_code: str | None  # None when the phone had applied already (duplicate)

    @property
    def duplicate(self) -> bool:
        return self.access_code is None


def seats_of(program: EducationProgramPage) -> ProgramSeats:
    seats, _ = ProgramSeats.objects.get_or_create(program=program)
    return seats


def public_counts(program: EducationProgramPage, seats: ProgramSeats | None = None) -> dict:
    """Numbers only (never who): what the program page shows as "잔여 3석 · 대기 5명"."""
    seats = seats or ProgramSeats.objects.filter(program=program).first() or ProgramSeats()
    status = window_status(program, seats)
    return {
        "status": status[0],
        "status_label": status[1],
        "capacity": program.capacity,
        "remaining": max(program.capacity - seats.confirmed_seats, 0),
        "waitlisted": seats.waitlisted,
        "waitlist_limit": program.waitlist_limit,
        "waitlist_remaining": max(program.waitlist_limit - seats.waitlisted, 0),
    }


def window_status(program: EducationProgramPage, seats: ProgramSeats) -> tuple[str, str]:
    """모집예정 / 모집중 / 마감 today in Seoul; staff closing a program makes it 마감."""
    if not program.accepts_applications:
        return "offline", "온라인 신청 없음"
    status = program.application_status_on(timezone.localdate())
    if seats.closed and status == ApplicationStatus.OPEN:
        status = ApplicationStatus.CLOSED
    return status.value, status.label


def apply(program: EducationProgramPage, data: dict) -> Outcome:
    """Take a validated application: confirmed while seats remain, then waitlisted up to the
    program's limit; the same phone again gets its existing application back."""
    seats_of(program)  # the counter row exists before anyone locks it
    return retry_when_busy(lambda: _apply(program, data), seconds=BUSY_RETRY_SECONDS)


def _apply(program: EducationProgramPage, data: dict) -> Outcome:
    phone = normalize_phone(data["phone"]) or data["phone"]
    digest = phone_digest(phone)
    access_code = new_access_code()
    with transaction.atomic():
        seats = ProgramSeats.objects.select_for_update().get(program=program)
        existing = (
            Application.objects.filter(program=program, phone_digest=digest)
            .exclude(status=Status.CANCELLED)
            .first()
        )
        if existing is not None:
            return Outcome(existing, None)
        _check_open(program, seats, data)
        participants = data.get("participants", 1)
        # Strict arrival order: while anyone waits, a newcomer waits behind them.
        if not seats.waitlisted and seats.confirmed_seats + participants <= program.capacity:
            status = Status.CONFIRMED
            seats.confirmed_seats += participants
        elif seats.waitlisted < program.waitlist_limit:
            status = Status.WAITLISTED
            seats.waitlisted += 1
        else:
            raise Refused("full", "정원과 대기 인원이 모두 찼습니다. 다음 모집을 기다려 주세요.")
        application = Application(
            program=program,
            phone_digest=digest,
            position=seats.next_position,
            status=status,
            name=data["name"],
            phone=phone,
            email=data.get("email", ""),
            participants=participants,
            children=data.get("children", 0),
            answers=json.dumps(data.get("answers", {}), ensure_ascii=False),
            under_14=data.get("under_14", False),
            guardian_name=data.get("guardian_name", ""),
            guardian_consent=data.get("guardian_consent", False),
            consent_personal_data=data["consent_personal_data"],
            confirmed_at=timezone.now() if status == Status.CONFIRMED else None,
        )
        seats.next_position += 1
        seats.save(update_fields=["confirmed_seats", "waitlisted", "next_position"])
        _insert_with_receipt(application, access_code)
        notify_after_commit(NOTICE_BUILDER, application.pk, f"applications/{status}")
    return Outcome(application, access_code)


def _check_open(program: EducationProgramPage, seats: ProgramSeats, data: dict) -> None:
    today = timezone.localdate()
    if not program.accepts_applications:
        raise Refused("not_accepting", "이 프로그램은 포털에서 신청을 받지 않습니다.")
    status = program.application_status_on(today)
    if status == ApplicationStatus.UPCOMING:
        raise Refused(
            "upcoming",
            f"모집예정입니다. {program.application_start:%Y년 %m월 %d일}부터 신청할 수 있습니다.",
        )
    if status == ApplicationStatus.CLOSED or seats.closed:
        raise Refused("closed", "신청이 마감되었습니다.")
    if program.priority_period_on(today) and data.get("district") != program.priority_district_id:
        last_day = program.application_start + datetime.timedelta(days=program.priority_days - 1)
        raise Refused(
            "not_eligible",
            f"{last_day:%m월 %d일}까지는 {program.priority_district} 주민만 신청할 수 있습니다.",
        )


def _insert_with_receipt(application: Application, access_code: str) -> None:
    for attempt in range(RECEIPT_ATTEMPTS):
        application.receipt_number = new_receipt_number()
        application.access_code_hash = hash_access_code(application.receipt_number, access_code)
        try:
            with transaction.atomic():
                application.save(force_insert=True)
            return
        except IntegrityError:
            if attempt == RECEIPT_ATTEMPTS - 1:
                raise


def cancel(application: Application) -> list[Application]:
    """Cancel and promote whoever now fits from the waitlist; returns those promoted.
    Cancelling twice is harmless (nothing changes the second time)."""
    return retry_when_busy(lambda: _cancel(application), seconds=BUSY_RETRY_SECONDS)


def _cancel(application: Application) -> list[Application]:
    with transaction.atomic():
        seats = ProgramSeats.objects.select_for_update().get(program_id=application.program_id)
        current = Application.objects.get(pk=application.pk)
        if current.status == Status.CANCELLED:
            return []
        if current.status == Status.CONFIRMED:
            seats.confirmed_seats -= current.participants
        else:
            seats.waitlisted -= 1
        current.status = Status.CANCELLED
        current.cancelled_at = timezone.now()
        current.save(update_fields=["status", "cancelled_at"])
        notify_after_commit(NOTICE_BUILDER, current.pk, "applications/cancelled")
        promoted = _promote(seats)
    application.status, application.cancelled_at = current.status, current.cancelled_at
    return promoted


def promote(program: EducationProgramPage) -> list[Application]:
    """Fill free seats from the waitlist (after a capacity rise or reopening)."""

    def run():
        with transaction.atomic():
            return _promote(ProgramSeats.objects.select_for_update().get(program=program))

    seats_of(program)
    return retry_when_busy(run, seconds=BUSY_RETRY_SECONDS)


def _promote(seats: ProgramSeats) -> list[Application]:
    """Under the lock: confirm waiting applications in arrival order while they fit; the
    first that does not fit keeps its place (nobody overtakes it)."""
    capacity = EducationProgramPage.objects.values_list("capacity", flat=True).get(
        pk=seats.program_id
    )
    promoted = []
    waiting = (
        Application.objects.filter(program_id=seats.program_id, status=Status.WAITLISTED)
        .order_by("position")
        .only("id", "program_id", "participants", "position", "status")
    )
    for candidate in waiting:
        if seats.confirmed_seats + candidate.participants > capacity:
            break
        seats.confirmed_seats += candidate.participants
        seats.waitlisted -= 1
        candidate.status = Status.CONFIRMED
        candidate.confirmed_at = timezone.now()
        candidate.save(update_fields=["status", "confirmed_at"])
        notify_after_commit(NOTICE_BUILDER, candidate.pk, "applications/promoted")
        promoted.append(candidate)
    seats.save(update_fields=["confirmed_seats", "waitlisted"])
    return promoted


def set_closed(program: EducationProgramPage, closed: bool) -> None:
    seats_of(program)
    ProgramSeats.objects.filter(program=program).update(closed=closed)
