"""Programs recruited per session (모집 회차): each session its own seats, waitlist,
promotion, reminder and roster; one application per phone and program."""

import datetime
import io

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from openpyxl import load_workbook
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, streamfield

from applications.models import AccessAction, AccessLog, Application, SessionSeats, Status
from applications.permissions import STAFF_GROUP
from pages.models import ProgramSession
from tests.factories import UserFactory

from .conftest import application, lookup_url, make_program, program_url

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today()


def with_sessions(school, *capacities, waitlist_limit=1, **fields):
    program = make_program(school, waitlist_limit=waitlist_limit, **fields)
    for number, capacity in enumerate(capacities, start=1):
        ProgramSession.objects.create(
            program=program,
            sort_order=number,
            title=f"{number}회차",
            date=TODAY + datetime.timedelta(days=10 + 7 * number),
            time_note="10:00~12:00",
            capacity=capacity,
        )
    return program, list(program.program_sessions.order_by("sort_order"))


def apply(api_client, program, n, session=None, **overrides):
    data = application(n, **overrides)
    if session is not None:
        data["session"] = session.pk
    return api_client.post(program_url(program), data, format="json")


def test_each_session_has_its_own_seats_and_waitlist(api_client, school):
    program, (first, second) = with_sessions(school, 1, 2)

    answers = [
        apply(api_client, program, 0, first),
        apply(api_client, program, 1, first),
        apply(api_client, program, 2, second),
        apply(api_client, program, 3, second),
        apply(api_client, program, 4, first),
    ]

    assert [r.status_code for r in answers] == [201, 201, 201, 201, 409]
    assert [r.json().get("status") for r in answers[:4]] == [
        "confirmed", "waitlisted", "confirmed", "confirmed"
    ]  # fmt: skip
    assert answers[1].json()["waitlist_number"] == 1
    assert (answers[0].json()["session"], answers[0].json()["session_title"]) == (
        first.pk,
        "1회차",
    )
    assert answers[4].json()["error"]["code"] == "full"
    assert "1회차의 정원과 대기 인원이 모두 찼습니다" in answers[4].json()["error"]["message"]
    counts = {s.session_id: (s.confirmed_seats, s.waitlisted) for s in SessionSeats.objects.all()}
    assert counts == {first.pk: (1, 1), second.pk: (2, 0)}


def test_the_form_shows_live_counts_per_session(api_client, school):
    program, (first, second) = with_sessions(school, 1, 3)
    apply(api_client, program, 0, first)
    apply(api_client, program, 1, first)
    apply(api_client, program, 2, second)

    form = api_client.get(program_url(program)).json()

    assert [(s["id"], s["title"], s["time_note"]) for s in form["sessions"]] == [
        (first.pk, "1회차", "10:00~12:00"),
        (second.pk, "2회차", "10:00~12:00"),
    ]
    assert form["sessions"][0]["date"] == first.date.isoformat()
    assert [(s["seats"]["remaining"], s["seats"]["waitlisted"]) for s in form["sessions"]] == [
        (0, 1),
        (2, 0),
    ]
    # The program's own numbers are the totals over its sessions.
    assert (form["seats"]["capacity"], form["seats"]["remaining"]) == (4, 2)
    assert form["seats"]["waitlisted"] == 1


def test_a_program_with_sessions_needs_one_of_its_own(api_client, school):
    program, _ = with_sessions(school, 2)
    _, (elsewhere,) = with_sessions(school, 2)

    missing = apply(api_client, program, 0)
    foreign = apply(api_client, program, 1, elsewhere)
    sessionless = apply(api_client, make_program(school), 2, elsewhere)

    assert [r.status_code for r in (missing, foreign, sessionless)] == [400, 400, 400]
    assert missing.json()["error"]["fields"]["session"] == ["신청할 회차를 골라 주세요."]
    assert "이 프로그램의 회차가 아닙니다" in foreign.json()["error"]["fields"]["session"][0]
    assert "회차를 고르지 않습니다" in sessionless.json()["error"]["fields"]["session"][0]
    assert not Application.objects.exists()


def test_one_phone_one_session_per_program(api_client, school):
    program, (first, second) = with_sessions(school, 2, 2)
    receipt = apply(api_client, program, 1, first).json()["receipt_number"]

    same_session = apply(api_client, program, 1, first, name="다시")
    other_session = apply(api_client, program, 1, second, phone="01050000001")

    for answer in (same_session, other_session):
        assert answer.status_code == 409
        error = answer.json()["error"]
        assert (error["code"], error["receipt_number"]) == ("already_applied", receipt)
        assert error["session"] == first.pk
        assert f"접수번호 {receipt}, 1회차, 신청 확정" in error["message"]
    assert "한 회차만" not in same_session.json()["error"]["message"]
    assert "한 프로그램에는 한 회차만" in other_session.json()["error"]["message"]
    assert Application.objects.count() == 1
    assert SessionSeats.objects.get(session=second).confirmed_seats == 0


def test_cancelling_promotes_within_the_same_session_only(
    api_client, school, django_capture_on_commit_callbacks
):
    program, (first, second) = with_sessions(school, 1, 1)
    with django_capture_on_commit_callbacks(execute=True):
        confirmed = apply(api_client, program, 0, first).json()
        waiting_first = apply(api_client, program, 1, first).json()
        apply(api_client, program, 2, second)
        waiting_second = apply(api_client, program, 3, second).json()
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        api_client.post(
            lookup_url(confirmed["receipt_number"]) + "cancel/",
            {"access_code": confirmed["access_code"]},
            format="json",
        )

    status = {a.receipt_number: a.status for a in Application.objects.all()}
    assert status[waiting_first["receipt_number"]] == Status.CONFIRMED
    assert status[waiting_second["receipt_number"]] == Status.WAITLISTED
    waiting = {s.session_id: s.waitlisted for s in SessionSeats.objects.all()}
    assert waiting == {first.pk: 0, second.pk: 1}
    promoted = [m for m in mail.outbox if "대기하신" in m.subject]
    assert len(promoted) == 1 and "1회차" in promoted[0].subject
    lookup = api_client.get(
        lookup_url(waiting_second["receipt_number"]),
        HTTP_X_ACCESS_CODE=waiting_second["access_code"],
    ).json()
    assert (lookup["session_title"], lookup["waitlist_number"]) == ("2회차", 1)


def test_a_session_closes_on_its_day_while_the_others_stay_open(api_client, school):
    program, (past, later) = with_sessions(school, 5, 5)
    ProgramSession.objects.filter(pk=past.pk).update(date=TODAY)

    refused = apply(api_client, program, 0, past)
    accepted = apply(api_client, program, 1, later)

    assert refused.status_code == 409 and refused.json()["error"]["code"] == "closed"
    assert "1회차은(는) 신청이 끝났습니다" in refused.json()["error"]["message"]
    assert accepted.status_code == 201
    sessions = api_client.get(program_url(program)).json()["sessions"]
    assert [s["seats"]["status"] for s in sessions] == ["closed", "open"]


def test_reminder_goes_the_day_before_each_session(
    api_client, school, django_capture_on_commit_callbacks
):
    program, (tomorrows, later) = with_sessions(school, 5, 5)
    apply(api_client, program, 0, tomorrows)
    apply(api_client, program, 1, later)
    # The session is tomorrow; the program's own start date is not.
    ProgramSession.objects.filter(pk=tomorrows.pk).update(date=TODAY + datetime.timedelta(days=1))
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_application_reminders", verbosity=0)

    assert [message.to for message in mail.outbox] == [["parent0@example.com"]]
    assert "1회차" in mail.outbox[0].subject and "내일" in mail.outbox[0].subject


def test_staff_filter_applicants_and_roster_by_session(client, api_client, school):
    program, (first, second) = with_sessions(school, 2, 2)
    apply(api_client, program, 0, first)
    apply(api_client, program, 1, second)
    apply(api_client, program, 2, second)
    staff = UserFactory(username="school-staff", groups=[Group.objects.get(name=STAFF_GROUP)])
    client.force_login(staff)

    page = client.get(f"/admin/applications/{program.pk}/?session={second.pk}").content.decode()
    export = client.post(
        f"/admin/applications/{program.pk}/export/",
        {"format": "xlsx", "reason": "2회차 출석부", "session": second.pk},
    )

    assert "김신청1" in page and "김신청2" in page and "김신청0" not in page
    assert AccessLog.objects.get(action=AccessAction.VIEW).count == 2
    rows = list(load_workbook(io.BytesIO(export.content)).active.values)
    assert rows[0][:2] == ("회차", "접수 순번")
    assert [(row[0], row[4]) for row in rows[1:]] == [("2회차", "김신청1"), ("2회차", "김신청2")]
    assert AccessLog.objects.get(action=AccessAction.EXPORT).reason == "[2회차] 2회차 출석부"
    overview = client.get("/admin/applications/").content.decode()
    assert "1회차" in overview and "2회차" in overview


def test_editors_cannot_delete_a_session_people_applied_to(
    client, api_client, school, django_user_model
):
    program, (first, second) = with_sessions(school, 2, 2)
    apply(api_client, program, 0, first)
    editor = django_user_model.objects.create_superuser("editor", "editor@example.com", "pw")
    client.force_login(editor)
    url = f"/admin/pages/{program.pk}/edit/"

    def save_deleting(index: int):
        data = querydict_from_html(client.get(url).content.decode(), form_id="page-edit-form")
        empty = {"body": streamfield([]), "application_questions": streamfield([])}
        data.update(nested_form_data(empty))
        data[f"program_sessions-{index}-DELETE"] = "1"
        return client.post(url, data)

    def save_without_first():
        """As a revert to a revision without 1회차 posts it: its form is simply absent."""
        data = querydict_from_html(client.get(url).content.decode(), form_id="page-edit-form")
        data.update(
            nested_form_data({"body": streamfield([]), "application_questions": streamfield([])})
        )
        for key in [key for key in data if key.startswith("program_sessions-0-")]:
            del data[key]
        for key in [key for key in data if key.startswith("program_sessions-1-")]:
            data[key.replace("-1-", "-0-")] = data.pop(key)[0]
        data["program_sessions-TOTAL_FORMS"] = data["program_sessions-INITIAL_FORMS"] = "1"
        return client.post(url, data)

    assert "회차에는 신청자가 있어 삭제할 수 없습니다" in save_without_first().content.decode()
    refused = save_deleting(0)
    assert refused.status_code == 200
    assert "&#x27;1회차&#x27; 회차에는 신청자가 있어 삭제할 수 없습니다" in refused.content.decode()
    assert save_deleting(1).status_code == 302  # nobody applied to 2회차
    # Deleting the whole program takes its sessions and applications with it.
    program.delete()
    assert not Application.objects.exists() and not ProgramSession.objects.exists()


def test_a_program_without_sessions_keeps_its_program_seats(api_client, program):
    answer = apply(api_client, program, 0).json()
    form = api_client.get(program_url(program)).json()
    assert answer["status"] == "confirmed"
    assert (answer["session"], answer["session_title"]) == (None, None)
    assert form["sessions"] == [] and form["seats"]["remaining"] == 1


def test_reopening_fills_each_sessions_free_seats_from_its_own_waitlist(client, api_client, school):
    program, (first, second) = with_sessions(school, 1, 1, waitlist_limit=2)
    for n, session in enumerate([first, first, second, second]):
        apply(api_client, program, n, session)
    ProgramSession.objects.filter(pk=first.pk).update(capacity=2)  # the editor adds a seat
    staff = UserFactory(username="school-staff", groups=[Group.objects.get(name=STAFF_GROUP)])
    client.force_login(staff)

    client.post(f"/admin/applications/{program.pk}/close/", {"action": "close"})
    client.post(f"/admin/applications/{program.pk}/close/", {"action": "reopen"})

    statuses = list(Application.objects.order_by("position").values_list("status", flat=True))
    assert statuses == [Status.CONFIRMED, Status.CONFIRMED, Status.CONFIRMED, Status.WAITLISTED]
    counts = {s.session_id: (s.confirmed_seats, s.waitlisted) for s in SessionSeats.objects.all()}
    assert counts == {first.pk: (2, 0), second.pk: (1, 1)}
