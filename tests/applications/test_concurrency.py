"""A burst of applicants: seats never oversold, the waitlist in the order of the lock, no
application lost or stored twice — on SQLite, and on PostgreSQL when DATABASE_URL names one.

Each thread sends its request through Django's full stack on its own database connection,
so the transactions really race (see tests/counseling/test_concurrency.py for why threads
and not a live server on SQLite).
"""

import datetime
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection
from django.test import Client, override_settings

from applications.models import Application, ProgramSeats, SessionSeats, Status
from pages.models import ProgramSession

from .conftest import application, make_program, program_url

APPLICANTS = 60
CAPACITY = 20
WAITLIST = 25


def _post(url: str, n: int, phone: str | None = None, **extra) -> tuple[int, dict]:
    payload = application(n, **({"phone": phone} if phone else {}), **extra)
    try:
        response = Client().post(url, payload, content_type="application/json")
        return response.status_code, response.json()
    finally:
        connection.close()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@override_settings(APPLICATIONS_APPLY_RATE="", APPLICATIONS_PHONE_RATE="")
def test_burst_confirms_exactly_the_capacity_and_queues_the_rest_in_order(school):
    program = make_program(school, capacity=CAPACITY, waitlist_limit=WAITLIST)
    url = program_url(program)
    with ThreadPoolExecutor(max_workers=16) as pool:
        results = list(pool.map(lambda n: _post(url, n), range(APPLICANTS)))

    statuses = sorted(status for status, _ in results)
    assert statuses == [201] * (CAPACITY + WAITLIST) + [409] * (APPLICANTS - CAPACITY - WAITLIST)
    accepted = [body for status, body in results if status == 201]
    assert sum(body["status"] == "confirmed" for body in accepted) == CAPACITY
    assert sorted(b["waitlist_number"] for b in accepted if b["waitlist_number"]) == list(
        range(1, WAITLIST + 1)
    )
    stored = list(Application.objects.filter(program=program).order_by("position"))
    assert len(stored) == len(accepted) == len({b["receipt_number"] for b in accepted})
    # Arrival order is the lock's order: every confirmed came before every waitlisted.
    assert [a.position for a in stored] == list(range(1, CAPACITY + WAITLIST + 1))
    assert [a.status for a in stored] == [Status.CONFIRMED] * CAPACITY + [
        Status.WAITLISTED
    ] * WAITLIST
    seats = ProgramSeats.objects.get(program=program)
    assert (seats.confirmed_seats, seats.waitlisted) == (CAPACITY, WAITLIST)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@override_settings(APPLICATIONS_APPLY_RATE="", APPLICATIONS_PHONE_RATE="")
def test_one_phone_clicking_many_times_at_once_gets_one_seat(school):
    program = make_program(school, capacity=CAPACITY, waitlist_limit=WAITLIST)
    url = program_url(program)
    with ThreadPoolExecutor(max_workers=12) as pool:
        results = list(pool.map(lambda n: _post(url, n, phone="010-9999-0000"), range(24)))

    assert sorted(status for status, _ in results) == [201] + [409] * 23
    receipt = next(body["receipt_number"] for status, body in results if status == 201)
    assert {body["error"]["receipt_number"] for s, body in results if s == 409} == {receipt}
    assert Application.objects.filter(program=program).count() == 1
    assert ProgramSeats.objects.get(program=program).confirmed_seats == 1


SESSION_CAPACITIES = (6, 5, 4)
SESSION_WAITLIST = 5


def _program_with_sessions(school):
    program = make_program(
        school, capacity=sum(SESSION_CAPACITIES), waitlist_limit=SESSION_WAITLIST
    )
    day = datetime.date.today() + datetime.timedelta(days=20)
    return program, [
        ProgramSession.objects.create(
            program=program, sort_order=n, title=f"{n + 1}회차", date=day, capacity=capacity
        )
        for n, capacity in enumerate(SESSION_CAPACITIES)
    ]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@override_settings(APPLICATIONS_APPLY_RATE="", APPLICATIONS_PHONE_RATE="")
def test_burst_split_across_sessions_fills_each_exactly_and_queues_in_order(school):
    program, sessions = _program_with_sessions(school)
    url = program_url(program)
    with ThreadPoolExecutor(max_workers=16) as pool:
        results = list(
            pool.map(lambda n: _post(url, n, session=sessions[n % 3].pk), range(APPLICANTS))
        )

    assert {status for status, _ in results} <= {201, 409}
    accepted = [body for status, body in results if status == 201]
    assert all(body["error"]["code"] == "full" for status, body in results if status == 409)
    assert len({b["receipt_number"] for b in accepted}) == len(accepted)
    for session, capacity in zip(sessions, SESSION_CAPACITIES, strict=True):
        mine = [b for b in accepted if b["session"] == session.pk]
        assert sum(b["status"] == "confirmed" for b in mine) == capacity
        assert sorted(b["waitlist_number"] for b in mine if b["waitlist_number"]) == list(
            range(1, SESSION_WAITLIST + 1)
        )
        stored = list(Application.objects.filter(session=session).order_by("position"))
        # Within a session, every confirmed got the lock before every waitlisted.
        assert [a.status for a in stored] == [Status.CONFIRMED] * capacity + [
            Status.WAITLISTED
        ] * SESSION_WAITLIST
        counter = SessionSeats.objects.get(session=session)
        assert (counter.confirmed_seats, counter.waitlisted) == (capacity, SESSION_WAITLIST)
    stored = Application.objects.filter(program=program)
    assert stored.count() == len(accepted) == sum(SESSION_CAPACITIES) + 3 * SESSION_WAITLIST
    assert sorted(stored.values_list("position", flat=True)) == list(range(1, len(accepted) + 1))


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@override_settings(APPLICATIONS_APPLY_RATE="", APPLICATIONS_PHONE_RATE="")
def test_one_phone_clicking_every_session_at_once_gets_one_seat(school):
    program, sessions = _program_with_sessions(school)
    url = program_url(program)
    with ThreadPoolExecutor(max_workers=12) as pool:
        results = list(
            pool.map(
                lambda n: _post(url, n, phone="010-9999-0001", session=sessions[n % 3].pk),
                range(24),
            )
        )

    assert sorted(status for status, _ in results) == [201] + [409] * 23
    receipt = next(body["receipt_number"] for status, body in results if status == 201)
    assert {body["error"]["receipt_number"] for s, body in results if s == 409} == {receipt}
    assert Application.objects.filter(program=program).count() == 1
    assert sum(SessionSeats.objects.values_list("confirmed_seats", flat=True)) == 1
