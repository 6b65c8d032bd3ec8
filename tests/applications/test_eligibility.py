"""Audience eligibility is enforced on the server from the applicant's answers, and district
residents may be the only ones let in — each refusal a Korean message in the JSON envelope."""

import pytest
from wagtail.blocks import StructBlockValidationError

from applications.models import Application
from pages.blocks.education import ApplicationQuestionBlock
from pages.snippets import District

from .conftest import application, make_program, program_url

pytestmark = pytest.mark.django_db


def question(key, label, kind, choices="", **rules):
    return ("question", {"key": key, "label": label, "kind": kind, "choices": choices,
                         "required": True, **rules})  # fmt: skip


def apply(api_client, program, n, **answers):
    return api_client.post(program_url(program), application(n, answers=answers), format="json")


def test_engaged_couples_only(api_client, school):
    program = make_program(
        school,
        application_questions=[
            question("relation", "신청인", "choice", "예비부부\n기혼 부부\n기타",
                     eligible_choices="예비부부",
                     ineligible_message="이 프로그램은 예비부부만 신청할 수 있습니다."),
        ],
    )  # fmt: skip

    married = apply(api_client, program, 1, relation="기혼 부부")
    engaged = apply(api_client, program, 2, relation="예비부부")

    assert married.status_code == 403
    assert married.json()["error"] == {
        "code": "not_eligible",
        "message": "이 프로그램은 예비부부만 신청할 수 있습니다.",
        "question": "relation",
    }
    assert engaged.status_code == 201
    assert Application.objects.count() == 1


def test_parents_of_primary_school_children_by_the_childs_age(api_client, school):
    program = make_program(
        school,
        capacity=5,
        application_questions=[
            question("child_age", "자녀 나이(만)", "number", eligible_min=6, eligible_max=12),
        ],
    )

    answers = {age: apply(api_client, program, age, child_age=str(age)) for age in (5, 6, 12, 13)}

    assert {age: r.status_code for age, r in answers.items()} == {5: 403, 6: 201, 12: 201, 13: 403}
    assert answers[5].json()["error"]["message"] == (
        "이 프로그램은 '자녀 나이(만)'이(가) 6~12인 분만 신청할 수 있습니다."
    )


def test_a_question_that_limits_the_audience_must_be_answered(api_client, school):
    program = make_program(
        school,
        application_questions=[
            ("question", {"key": "role", "label": "보호자 구분", "kind": "choice",
                          "choices": "아버지\n어머니", "required": False,
                          "eligible_choices": "아버지"}),
        ],
    )  # fmt: skip
    blank = apply(api_client, program, 1)
    mother = apply(api_client, program, 2, role="어머니")
    assert blank.status_code == 400
    assert blank.json()["error"]["fields"]["answers"] == ["'보호자 구분'에 답해 주세요."]
    assert mother.status_code == 403
    assert "'보호자 구분'이(가) 아버지인 분만" in mother.json()["error"]["message"]


def test_district_residents_only_for_the_whole_window(api_client, school):
    mapo = District.objects.create(name="마포구", slug="mapo")
    gangnam = District.objects.create(name="강남구", slug="gangnam")
    program = make_program(school, priority_district=mapo, priority_district_only=True)

    outsider = api_client.post(
        program_url(program), application(1, district=gangnam.pk), format="json"
    )
    unsaid = api_client.post(program_url(program), application(2), format="json")
    resident = api_client.post(
        program_url(program), application(3, district=mapo.pk), format="json"
    )

    assert outsider.status_code == 403
    assert outsider.json()["error"]["message"] == "이 프로그램은 마포구 주민만 신청할 수 있습니다."
    assert unsaid.status_code == 400
    assert unsaid.json()["error"]["fields"]["district"] == ["거주 자치구를 선택해 주세요."]
    assert resident.status_code == 201


def test_editors_get_korean_errors_for_rules_that_cannot_work():
    block = ApplicationQuestionBlock()
    with pytest.raises(StructBlockValidationError) as unknown:
        block.clean(block.to_python({"key": "relation", "label": "신청인", "kind": "choice",
                                     "choices": "예비부부\n기혼",
                                     "eligible_choices": "아버지"}))  # fmt: skip
    with pytest.raises(StructBlockValidationError) as backwards:
        block.clean(block.to_python({"key": "age", "label": "나이", "kind": "number",
                                     "eligible_min": 12, "eligible_max": 6}))  # fmt: skip
    assert "선택지에 없는 답입니다: 아버지" in str(unknown.value.block_errors["eligible_choices"])
    assert "최솟값보다 작을 수 없습니다" in str(backwards.value.block_errors["eligible_max"])
