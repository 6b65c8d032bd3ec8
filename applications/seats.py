"""Seats and the waitlist: applying, cancelling and promoting, fair under a burst.

Every change first locks the program's `ProgramSeats` row inside one short transaction: on
PostgreSQL `SELECT … FOR UPDATE` makes concurrent applicants queue on that row; on SQLite the
transaction began with BEGIN IMMEDIATE (cms/settings), which already holds the database's one
write lock. So the counts read after the lock are the truth until commit, and the decision
"confirmed, waitlisted or full" is made on them — never a check before an insert. Arrival
order is the order in which applicants got the lock (`position`). A busy database is tried
again (infra/db.py); the citizen gets a 503 only after that, with nothing stored.

A program with sessions (모집 회차) counts each session's seats and waitlist in that
session's `SessionSeats` row, locked second (always program, then session: no deadlock).
Locking the program first also keeps the rule "one live application per phone and program"
a check under the lock, even when the same phone picks two sessions at once.
"""

import json
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone

from content.phone import normalize_phone
from infra.crypto import hash_access_code, new_access_code, phone_digest
from infra.db import retry_when_busy
from notifications.outbox import notify_after_commit
from pages.models import EducationProgramPage, ProgramSession
from pages.models.education import ApplicationStatus

from . import eligibility
from .models import (
    Application,
    ProgramSeats,
    SeatCount,
    SessionSeats,
    Status,
    new_receipt_number,
)
from .refusal import Refused

BUSY_RETRY_SECONDS = 10
RECEIPT_ATTEMPTS = 5
NOTICE_BUILDER = "applications.notices.build"


__all__ = ["Outcome", "Refused", "apply", "cancel", "promote", "public_counts", "set_closed"]


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


def sessions_of(program: EducationProgramPage) -> list[ProgramSession]:
    return list(program.program_sessions.all())


def public_counts(
    program: EducationProgramPage, seats: ProgramSeats | None = None, sessions: list | None = None
) -> dict:
    """Numbers only (never who): what the program page shows as "잔여 3석 · 대기 5명". For a
    program with sessions, the totals over its sessions (`session_counts`, if already read)."""
    seats = seats or ProgramSeats.objects.filter(program=program).first() or ProgramSeats()
    status = window_status(program, seats)
    sessions = session_counts(program, seats) if sessions is None else sessions
    if not sessions:
        return _counts(status, program.capacity, program.waitlist_limit, seats)
    totals = {
        key: sum(session["seats"][key] for session in sessions)
        for key in ("capacity", "remaining", "waitlisted", "waitlist_limit", "waitlist_remaining")
    }
    return {"status": status[0], "status_label": status[1], **totals}


def session_counts(program: EducationProgramPage, seats: ProgramSeats | None = None) -> list:
    """Each session of the program with its own status and seat counts."""
    sessions = sessions_of(program)
    if not sessions:
        return []
    seats = seats or ProgramSeats.objects.filter(program=program).first() or ProgramSeats()
    program_status = window_status(program, seats)
    pools = {
        pool.session_id: pool
        for pool in SessionSeats.objects.filter(session__in=[s.pk for s in sessions])
    }
    return [
        {
            "id": session.pk,
            "title": session.title,
            "date": session.date,
            "time_note": session.time_note,
            "seats": _counts(
                session_status(session, program_status),
                session.capacity,
                program.waitlist_limit,
                pools.get(session.pk) or SessionSeats(),
            ),
        }
        for session in sessions
    ]


def _counts(status: tuple[str, str], capacity: int, waitlist_limit: int, pool: SeatCount) -> dict:
    return {
        "status": status[0],
        "status_label": status[1],
        "capacity": capacity,
        "remaining": max(capacity - pool.confirmed_seats, 0),
        "waitlisted": pool.waitlisted,
        "waitlist_limit": waitlist_limit,
        "waitlist_remaining": max(waitlist_limit - pool.waitlisted, 0),
    }


def window_status(program: EducationProgramPage, seats: ProgramSeats) -> tuple[str, str]:
    """모집예정 / 모집중 / 마감 today in Seoul; staff closing a program makes it 마감."""
    if not program.accepts_applications:
        return "offline", "온라인 신청 없음"
    status = program.application_status_on(timezone.localdate())
    if seats.closed and status == ApplicationStatus.OPEN:
        status = ApplicationStatus.CLOSED
    return status.value, status.label


def session_status(session: ProgramSession, program_status: tuple[str, str]) -> tuple[str, str]:
    """A session follows its program's window, and closes on the day it takes place."""
    if program_status[0] == ApplicationStatus.OPEN and session.date <= timezone.localdate():
        return ApplicationStatus.CLOSED.value, ApplicationStatus.CLOSED.label
    return program_status


def apply(program: EducationProgramPage, data: dict) -> Outcome:
    """Take a validated application: confirmed while seats remain, then waitlisted up to the
    program's limit; the same phone again gets its existing application back. `data["session"]`
    is the chosen session of a program with sessions, else None."""
    seats_of(program)  # the counter rows exist before anyone locks them
    if data.get("session") is not None:
        SessionSeats.objects.get_or_create(session=data["session"])
    return retry_when_busy(lambda: _apply(program, data), seconds=BUSY_RETRY_SECONDS)


def _apply(program: EducationProgramPage, data: dict) -> Outcome:
    phone = normalize_phone(data["phone"]) or data["phone"]
    digest = phone_digest(phone)
    access_code = new_access_code()
    session = data.get("session")
    with transaction.atomic():
        seats = ProgramSeats.objects.select_for_update().get(program=program)
        pool = _lock_pool(seats, session.pk if session else None)
        existing = (
            Application.objects.filter(program=program, phone_digest=digest)
            .exclude(status=Status.CANCELLED)
            .select_related("session")
            .first()
        )
        if existing is not None:
            return Outcome(existing, None)
        _check_open(program, seats, session, data)
        capacity = session.capacity if session else program.capacity
        participants = data.get("participants", 1)
        # Strict arrival order: while anyone waits, a newcomer waits behind them.
        if not pool.waitlisted and pool.confirmed_seats + participants <= capacity:
            status = Status.CONFIRMED
            pool.confirmed_seats += participants
        elif pool.waitlisted < program.waitlist_limit:
            status = Status.WAITLISTED
            pool.waitlisted += 1
        else:
            where = f"{session.title}의 " if session else ""
            raise Refused(
                "full", f"{where}정원과 대기 인원이 모두 찼습니다. 다음 모집을 기다려 주세요."
            )
        application = Application(
            program=program,
            session=session,
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
        _save_counts(seats, pool, "next_position")
        _insert_with_receipt(application, access_code)
        notify_after_commit(NOTICE_BUILDER, application.pk, f"applications/{status}")
    return Outcome(application, access_code)


def _lock_pool(seats: ProgramSeats, session_id: int | None) -> SeatCount:
    """Under the program's lock: the pool whose seats this change counts."""
    if session_id is None:
        return seats
    return SessionSeats.objects.select_for_update().get(session_id=session_id)


def _save_counts(seats: ProgramSeats, pool: SeatCount, *program_fields: str) -> None:
    counts = ["confirmed_seats", "waitlisted"]
    if pool is seats:
        seats.save(update_fields=[*counts, *program_fields])
        return
    pool.save(update_fields=counts)
    if program_fields:
        seats.save(update_fields=list(program_fields))


def _check_open(
    program: EducationProgramPage, seats: ProgramSeats, session: ProgramSession | None, data: dict
) -> None:
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
    if session is not None and session.date <= today:
        raise Refused(
            "closed", f"{session.title}은(는) 신청이 끝났습니다. 다른 회차를 골라 주세요."
        )
    eligibility.check(program, data, today)


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
    """Cancel and promote whoever now fits from the same waitlist; returns those promoted.
    Cancelling twice is harmless (nothing changes the second time)."""
    return retry_when_busy(lambda: _cancel(application), seconds=BUSY_RETRY_SECONDS)


def _cancel(application: Application) -> list[Application]:
    with transaction.atomic():
        seats = ProgramSeats.objects.select_for_update().get(program_id=application.program_id)
        pool = _lock_pool(seats, application.session_id)
        current = Application.objects.get(pk=application.pk)
        if current.status == Status.CANCELLED:
            return []
        if current.status == Status.CONFIRMED:
            pool.confirmed_seats -= current.participants
        else:
            pool.waitlisted -= 1
        current.status = Status.CANCELLED
        current.cancelled_at = timezone.now()
        current.save(update_fields=["status", "cancelled_at"])
        notify_after_commit(NOTICE_BUILDER, current.pk, "applications/cancelled")
        promoted = _promote(seats, pool, current.session_id)
    application.status, application.cancelled_at = current.status, current.cancelled_at
    return promoted


def promote(program: EducationProgramPage) -> list[Application]:
    """Fill free seats from the waitlists (after a capacity rise or reopening)."""

    def run():
        with transaction.atomic():
            seats = ProgramSeats.objects.select_for_update().get(program=program)
            promoted = _promote(seats, seats, None)
            for session in sessions:
                promoted += _promote(seats, _lock_pool(seats, session.pk), session.pk)
            return promoted

    seats_of(program)
    sessions = sessions_of(program)
    for session in sessions:
        SessionSeats.objects.get_or_create(session=session)
    return retry_when_busy(run, seconds=BUSY_RETRY_SECONDS)


def _promote(seats: ProgramSeats, pool: SeatCount, session_id: int | None) -> list[Application]:
    """Under the lock: confirm the pool's waiting applications in arrival order while they
    fit; the first that does not fit keeps its place (nobody overtakes it)."""
    if session_id is None:
        capacity = EducationProgramPage.objects.values_list("capacity", flat=True).get(
            pk=seats.program_id
        )
    else:
        capacity = ProgramSession.objects.values_list("capacity", flat=True).get(pk=session_id)
    promoted = []
    waiting = (
        Application.objects.filter(
            program_id=seats.program_id, session_id=session_id, status=Status.WAITLISTED
        )
        .order_by("position")
        .only("id", "program_id", "session_id", "participants", "position", "status")
    )
    for candidate in waiting:
        if pool.confirmed_seats + candidate.participants > capacity:
            break
        pool.confirmed_seats += candidate.participants
        pool.waitlisted -= 1
        candidate.status = Status.CONFIRMED
        candidate.confirmed_at = timezone.now()
        candidate.save(update_fields=["status", "confirmed_at"])
        notify_after_commit(NOTICE_BUILDER, candidate.pk, "applications/promoted")
        promoted.append(candidate)
    _save_counts(seats, pool)
    return promoted


def set_closed(program: EducationProgramPage, closed: bool) -> None:
    seats_of(program)
    ProgramSeats.objects.filter(program=program).update(closed=closed)
