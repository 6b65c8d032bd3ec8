"""What a hostile or careless client can send to the per-session applications API: every
answer is a Korean error in the JSON envelope (never a 500), and nothing is half-written."""

import datetime
import json
import threading

import pytest
from django.db import connection
from rest_framework.test import APIClient

from applications.models import Application
from pages.models import ProgramSession

from .conftest import application, lookup_url, make_program, program_url

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today()


def session_of(program, number=1, capacity=2, days=10):
    return ProgramSession.objects.create(
        program=program,
        sort_order=number,
        title=f"{number}회차",
        date=TODAY + datetime.timedelta(days=days),
        capacity=capacity,
    )


@pytest.fixture
def program(school):
    program = make_program(
        school,
        capacity=10,
        application_questions=[
            ("question", {"key": "child_age", "label": "자녀 나이(만)", "kind": "number",
                          "choices": "", "required": True, "eligible_min": 3,
                          "eligible_max": 12}),
        ],
    )  # fmt: skip
    session_of(program)
    return program


def post(api_client, program, **overrides):
    fields = {"session": program.program_sessions.first().pk, "answers": {"child_age": "5"}}
    data = application(1, **{**fields, **overrides})
    return api_client.post(program_url(program), data, format="json")


def refused(response, status=400):
    assert response.status_code == status, response.content[:300]
    error = response.json()["error"]
    assert error["code"] and error["message"]
    assert "Traceback" not in response.content.decode()
    return error


def test_a_well_formed_application_is_taken(api_client, program):
    assert post(api_client, program).status_code == 201


@pytest.mark.parametrize(
    "session", ["abc", -1, 0, 2**31, 2**63, 10**40, 1.5, [], {}, True, "1; DROP TABLE"]
)
def test_a_session_id_that_is_no_session_is_refused(api_client, program, session):
    error = refused(post(api_client, program, session=session))
    assert "session" in error["fields"]
    assert not Application.objects.exists()


def test_a_session_of_another_program_is_refused(api_client, program, school):
    other = make_program(school)
    foreign = session_of(other)

    error = refused(post(api_client, program, session=foreign.pk))

    assert error["fields"]["session"] == ["이 프로그램의 회차가 아닙니다. 회차를 다시 골라 주세요."]
    assert not Application.objects.exists()


def test_a_session_already_held_is_closed(api_client, program):
    past = session_of(program, number=2, days=-1)

    response = post(api_client, program, session=past.pk)

    assert refused(response, 409)["code"] == "closed"
    assert not Application.objects.exists()


@pytest.mark.parametrize(
    "participants", [-1, 0, 10**6, 10**40, "1e9", "NaN", "Infinity", 1.5, [], {}, None, ""]
)
def test_participant_counts_out_of_range_or_not_numbers_are_refused(
    api_client, program, participants
):
    error = refused(post(api_client, program, participants=participants))
    assert "participants" in error["fields"]
    assert not Application.objects.exists()


@pytest.mark.parametrize(
    "answers",
    [
        [],
        "child_age=5",
        {"child_age": ["5"]},
        {"child_age": {"n": 5}},
        {"child_age": "²"},  # str.isdigit() says yes, int() says no
        {"child_age": "-5"},
        {"child_age": "5.5"},
        {"child_age": "9" * 501},
        {"child_age": None},
    ],
)
def test_eligibility_answers_of_the_wrong_type_are_refused(api_client, program, answers):
    error = refused(post(api_client, program, answers=answers))
    assert "answers" in error["fields"]
    assert not Application.objects.exists()


def test_digits_of_other_scripts_are_read_as_numbers(api_client, program):
    response = post(api_client, program, answers={"child_age": "５"})  # full-width 5

    assert response.status_code == 201
    assert json.loads(Application.objects.get().answers) == {"child_age": "5"}


def test_many_unknown_answers_are_dropped(api_client, program):
    answers = {f"k{n}": "x" for n in range(5000)} | {"child_age": "5"}

    assert post(api_client, program, answers=answers).status_code == 201
    assert json.loads(Application.objects.get().answers) == {"child_age": "5"}


@pytest.mark.parametrize(
    ("body", "content_type", "status"),
    [
        ("not json", "application/json", 400),
        ("[1, 2]", "application/json", 400),
        ('"text"', "application/json", 400),
        ("[" * 100_000, "application/json", 400),
        ("<xml/>", "application/xml", 415),
        ("x" * (3 * 1024 * 1024), "application/json", 413),
    ],
)
def test_bodies_that_are_not_an_application_are_refused(
    api_client, program, body, content_type, status
):
    response = api_client.generic("POST", program_url(program), body, content_type)

    refused(response, status)
    assert not Application.objects.exists()


@pytest.mark.parametrize("program_id", ["abc", "-1", "99999999999999999999999", "1.5"])
def test_program_ids_that_are_not_programs_are_404_json(api_client, program_id):
    response = api_client.post(f"/api/v2/applications/programs/{program_id}/", {}, format="json")
    assert refused(response, 404)["code"] == "not_found"


@pytest.mark.parametrize("receipt", ["x" * 5000, "%00", "P20260101-ABCDEF%27--", "..%2F..%2Fetc"])
def test_hostile_receipt_numbers_are_404_json(api_client, receipt):
    response = api_client.get(lookup_url(receipt), HTTP_X_ACCESS_CODE="A" * 5000)
    assert refused(response, 404)["code"] == "not_found"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_same_phone_twice_at_once_gets_one_seat(program, settings):
    if connection.vendor == "sqlite" and "memory" in str(connection.settings_dict["NAME"]):
        pytest.skip("needs a shared database file")
    answers = []

    def submit():
        answers.append(post(APIClient(), program).status_code)
        connection.close()

    threads = [threading.Thread(target=submit) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(answers) == [201, 409, 409, 409]
    assert Application.objects.count() == 1
