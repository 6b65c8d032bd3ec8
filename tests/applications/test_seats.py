"""Seats, the waitlist, duplicates, the window and promotion, through the citizens' API."""

import datetime

import pytest
from django.core import mail
from django.test import override_settings
from rest_framework.test import APIClient

from applications.models import Application, ProgramSeats, Status
from notifications.models import Delivery
from notifications.sms import LoopbackSmsSender
from pages.snippets import District

from .conftest import application, lookup_url, make_program, program_url

pytestmark = pytest.mark.django_db


def apply(api_client, program, n, **overrides):
    return api_client.post(program_url(program), application(n, **overrides), format="json")


def test_seats_then_waitlist_in_arrival_order_then_full(api_client, program):
    answers = [apply(api_client, program, n) for n in range(5)]

    assert [r.status_code for r in answers] == [201, 201, 201, 201, 409]
    assert [r.json().get("status") for r in answers[:4]] == [
        "confirmed", "confirmed", "waitlisted", "waitlisted"
    ]  # fmt: skip
    assert [r.json()["waitlist_number"] for r in answers[2:4]] == [1, 2]
    assert answers[4].json()["error"]["code"] == "full"
    assert "정원과 대기 인원이 모두 찼습니다" in answers[4].json()["error"]["message"]
    seats = ProgramSeats.objects.get(program=program)
    assert (seats.confirmed_seats, seats.waitlisted) == (2, 2)


def test_family_takes_as_many_seats_as_it_brings(api_client, school):
    program = make_program(school, capacity=3, max_participants=4)
    assert apply(api_client, program, 1, participants=2).json()["status"] == "confirmed"
    # Two more would exceed three seats: waitlisted, and a single applicant waits behind it.
    assert apply(api_client, program, 2, participants=2).json()["status"] == "waitlisted"
    assert apply(api_client, program, 3, participants=1).json()["status"] == "waitlisted"
    too_many = apply(api_client, program, 4, participants=5)
    assert too_many.status_code == 400
    assert "4명까지" in too_many.json()["error"]["fields"]["participants"][0]


def test_same_phone_gets_its_existing_receipt_not_a_second_seat(api_client, program):
    first = apply(api_client, program, 1).json()
    again = apply(api_client, program, 1, name="다른 이름", phone="010 5000 0001")

    assert again.status_code == 409
    error = again.json()["error"]
    assert error["code"] == "already_applied"
    assert error["receipt_number"] == first["receipt_number"]
    assert "이미 이 번호로 신청하셨습니다" in error["message"]
    assert Application.objects.filter(program=program).count() == 1
    assert ProgramSeats.objects.get(program=program).confirmed_seats == 1


@pytest.mark.parametrize(
    ("start", "end", "code", "words"),
    [
        (3, 10, "upcoming", "모집예정"),
        (-10, -1, "closed", "마감"),
    ],
)
def test_window_is_enforced_on_the_server(api_client, school, start, end, code, words):
    today = datetime.date.today()
    program = make_program(
        school,
        application_start=today + datetime.timedelta(days=start),
        application_end=today + datetime.timedelta(days=end),
    )
    response = apply(api_client, program, 1)
    assert response.status_code == 409
    assert response.json()["error"]["code"] == code
    assert words in response.json()["error"]["message"]
    assert api_client.get(program_url(program)).json()["seats"]["status"] == code
    assert not Application.objects.exists()


def test_staff_closing_the_program_stops_applications(api_client, program):
    ProgramSeats.objects.update_or_create(program=program, defaults={"closed": True})
    response = apply(api_client, program, 1)
    assert response.json()["error"]["code"] == "closed"


def test_residents_of_the_priority_district_first(api_client, school):
    gangnam = District.objects.create(name="강남구", slug="gangnam")
    mapo = District.objects.create(name="마포구", slug="mapo")
    program = make_program(school, priority_district=mapo, priority_days=3)

    outsider = apply(api_client, program, 1, district=gangnam.pk)
    resident = apply(api_client, program, 2, district=mapo.pk)

    assert outsider.status_code == 403
    assert "마포구 주민만" in outsider.json()["error"]["message"]
    assert resident.status_code == 201


def test_under_14_needs_a_guardians_consent(api_client, program):
    refused = apply(api_client, program, 1, under_14=True)
    accepted = apply(
        api_client, program, 2, under_14=True, guardian_name="김보호", guardian_consent=True
    )
    assert refused.status_code == 400
    assert "법정대리인" in refused.json()["error"]["fields"]["guardian_consent"][0]
    assert accepted.status_code == 201


def test_editor_questions_are_asked_and_checked(api_client, school):
    program = make_program(
        school,
        application_questions=[
            ("question", {"key": "child_age", "label": "자녀 나이(만)", "kind": "number",
                          "choices": "", "required": True}),
            ("question", {"key": "slot", "label": "희망 시간", "kind": "choice",
                          "choices": "오전\n오후", "required": True}),
        ],
    )  # fmt: skip
    form = api_client.get(program_url(program)).json()
    assert [q["key"] for q in form["questions"]] == ["child_age", "slot"]
    assert form["questions"][1]["choices"] == ["오전", "오후"]

    bad = apply(api_client, program, 1, answers={"child_age": "다섯", "slot": "저녁"})
    good = apply(api_client, program, 2, answers={"child_age": "5", "slot": "오전", "x": "y"})

    assert bad.status_code == 400
    assert len(bad.json()["error"]["fields"]["answers"]) == 2
    assert good.status_code == 201
    stored = Application.objects.get(receipt_number=good.json()["receipt_number"])
    assert stored.answers == '{"child_age": "5", "slot": "오전"}'


def test_consent_and_phone_are_required_in_korean(api_client, program):
    response = apply(api_client, program, 1, consent_personal_data=False, phone="12345")
    fields = response.json()["error"]["fields"]
    assert response.status_code == 400
    assert "동의해야" in fields["consent_personal_data"][0]
    assert "휴대전화 번호 형식" in fields["phone"][0]


def test_cancel_promotes_the_next_waitlisted_and_tells_everyone(
    api_client, program, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        receipts = [apply(api_client, program, n).json() for n in range(4)]
    mail.outbox.clear()
    LoopbackSmsSender.outbox.clear()
    first, _, next_in_line, last = receipts

    with django_capture_on_commit_callbacks(execute=True):
        cancelled = api_client.post(
            lookup_url(first["receipt_number"]) + "cancel/",
            {"access_code": first["access_code"]},
            format="json",
        )

    assert cancelled.status_code == 200
    assert cancelled.json()["status"] == "cancelled"
    promoted = Application.objects.get(receipt_number=next_in_line["receipt_number"])
    assert promoted.status == Status.CONFIRMED
    lookup = api_client.get(
        lookup_url(last["receipt_number"]), HTTP_X_ACCESS_CODE=last["access_code"]
    ).json()
    assert (lookup["status"], lookup["waitlist_number"]) == ("waitlisted", 1)
    subjects = sorted(message.subject for message in mail.outbox)
    assert any("취소되었습니다" in s and first["receipt_number"] in s for s in subjects)
    assert any("대기하신" in s and next_in_line["receipt_number"] in s for s in subjects)
    assert {sms.to for sms in LoopbackSmsSender.outbox} == {"010-5000-0000", "010-5000-0002"}
    assert Delivery.objects.filter(template="applications/promoted", delivered=True).count() == 2


def test_every_application_is_confirmed_or_waitlisted_by_message(
    api_client, program, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        apply(api_client, program, 0)
        apply(api_client, program, 1)
        apply(api_client, program, 2)
    subjects = [message.subject for message in mail.outbox]
    assert sum("신청이 확정되었습니다" in s for s in subjects) == 2
    assert sum("대기 1번으로 접수되었습니다" in s for s in subjects) == 1
    # The delivery log keeps no address, number or name.
    logged = " ".join(str(row) for row in Delivery.objects.values_list())
    assert "example.com" not in logged and "010-" not in logged and "김신청" not in logged


def test_lookup_needs_the_access_code(api_client, program):
    receipt = apply(api_client, program, 1).json()
    wrong = api_client.get(
        lookup_url(receipt["receipt_number"]), HTTP_X_ACCESS_CODE="AAAA-BBBB-CCCC"
    )
    right = api_client.get(
        lookup_url(receipt["receipt_number"]), HTTP_X_ACCESS_CODE=receipt["access_code"]
    )
    assert wrong.status_code == 404
    assert wrong.json()["error"]["message"] == "접수번호 또는 열람 코드가 올바르지 않습니다."
    assert right.json()["status_label"] == "신청 확정"
    assert "name" not in right.json() and "phone" not in right.json()


def test_personal_data_is_encrypted_at_rest(api_client, program):
    from django.db import connection

    apply(api_client, program, 7)
    with connection.cursor() as cursor:
        cursor.execute("SELECT name, phone, email FROM applications_application")
        row = cursor.fetchone()
    assert all(value.startswith("gAAAA") for value in row)


@override_settings(APPLICATIONS_PHONE_RATE="2/h", APPLICATIONS_APPLY_RATE="")
def test_rate_limit_per_phone_answers_json_with_retry_after(api_client, school):
    programs = [make_program(school) for _ in range(3)]
    answers = [apply(api_client, p, 1) for p in programs]
    assert [r.status_code for r in answers] == [201, 201, 429]
    assert int(answers[2]["Retry-After"]) > 0
    assert answers[2].json()["error"]["code"] == "rate_limited"


@override_settings(APPLICATIONS_APPLY_RATE="2/m")
def test_rate_limit_per_client(api_client, program):
    codes = [apply(api_client, program, n).status_code for n in range(3)]
    assert codes == [201, 201, 429]


def test_public_counts_are_numbers_only(api_client, program):
    apply(api_client, program, 1)
    seats = api_client.get(program_url(program)).json()["seats"]
    assert seats == {
        "status": "open", "status_label": "모집중", "capacity": 2, "remaining": 1,
        "waitlisted": 0, "waitlist_limit": 2, "waitlist_remaining": 2,
    }  # fmt: skip


def test_programs_not_taking_applications_refuse(api_client, school):
    program = make_program(school, accepts_applications=False)
    assert apply(api_client, program, 1).json()["error"]["code"] == "not_accepting"
    assert api_client.post("/api/v2/applications/programs/999999/", {}).status_code == 404
    broken = api_client.post(program_url(program), "{", content_type="application/json")
    assert broken.status_code == 400 and broken.json()["error"]["code"] == "malformed"


def test_program_api_points_to_the_live_form_and_schema_lists_the_operations(api_client, program):
    detail = api_client.get(f"/api/v2/pages/{program.pk}/").json()
    assert detail["application"]["form"] == program_url(program)
    assert "seats" not in detail["application"]  # live numbers are never stored in page JSON
    schema = api_client.get("/api/schema/?format=json").json()
    operations = {
        operation["operationId"]
        for path in schema["paths"].values()
        for operation in path.values()
        if isinstance(operation, dict) and "operationId" in operation
    }
    assert {"applications_apply", "applications_lookup", "applications_cancel"} <= operations


class BrokenGateway:
    """An SMS gateway that is down."""

    def send_messages(self, messages):
        raise ConnectionError("gateway down")


@override_settings(SMS_BACKEND="tests.applications.test_seats.BrokenGateway")
def test_no_personal_data_in_logs_even_when_a_channel_fails(
    api_client, program, caplog, django_capture_on_commit_callbacks
):
    caplog.set_level("DEBUG")
    with django_capture_on_commit_callbacks(execute=True):
        receipt = apply(api_client, program, 3, name="박비밀").json()
    assert mail.outbox, "e-mail still goes out when SMS fails"
    failed = Delivery.objects.get(channel="sms")
    assert (failed.delivered, failed.error) == (False, "ConnectionError")
    assert receipt["receipt_number"] in caplog.text  # the failure is reported by reference
    for personal in ("박비밀", "010-5000-0003", "parent3@example.com"):
        assert personal not in caplog.text


def test_out_of_range_numbers_are_refused_not_crashed(api_client, program):
    huge = api_client.get("/api/v2/applications/programs/6125149992725744983925063680/")
    children = apply(api_client, program, 1, children=10**9, district=10**30)
    assert huge.status_code == 404
    assert children.status_code == 400
    assert set(children.json()["error"]["fields"]) >= {"children", "district"}


def test_a_program_id_that_is_not_a_number_is_a_json_404(db):
    client = APIClient(enforce_csrf_checks=True)  # as a browser's POST without a cookie
    response = client.post("/api/v2/applications/programs/-6.1e-107/", {"name": "x"})
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
