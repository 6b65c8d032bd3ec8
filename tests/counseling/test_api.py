"""The citizen API: submitting, validation, look-up with the access code, rate limits."""

import re

import pytest
from django.test import override_settings

from counseling import models as counseling_models
from counseling.models import CaseStatus, CounselingCase
from counseling.services import save_answer

from .conftest import SUBMIT_URL, lookup_url, valid_submission

pytestmark = pytest.mark.django_db


def test_submission_returns_receipt_and_one_time_access_code(submit):
    response = submit()

    assert response.status_code == 201
    body = response.json()
    assert re.fullmatch(r"\d{8}-[2-9A-Z]{6}", body["receipt_number"])
    assert re.fullmatch(r"[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}", body["access_code"])
    assert body["status"] == "received" and body["status_label"] == "접수"
    assert response["Cache-Control"] == "no-store"
    case = CounselingCase.objects.get(receipt_number=body["receipt_number"])
    assert case.title == "아이가 밤에 잠을 안 자요"
    assert case.email == "mom@example.com"
    assert case.consent_publication is True
    assert body["access_code"] not in case.access_code_hash


def test_form_encoded_submission_and_korean_category_label_are_accepted(api_client):
    data = valid_submission(category="다문화", phone="01098765432", email="")
    response = api_client.post(SUBMIT_URL, data)

    assert response.status_code == 201
    case = CounselingCase.objects.get(receipt_number=response.json()["receipt_number"])
    assert case.category == "multicultural"
    assert case.phone == "010-9876-5432"


@pytest.mark.parametrize(
    ("overrides", "field", "message_part"),
    [
        ({"consent_personal_data": False}, "consent_personal_data", "동의해야"),
        ({"consent_personal_data": None}, "consent_personal_data", "동의"),
        ({"email": "not-an-email"}, "email", "이메일 주소 형식"),
        ({"phone": "12345"}, "phone", "연락처 형식"),
        ({"phone": "010-123-45"}, "phone", "연락처 형식"),
        ({"title": "   "}, "title", "제목을 입력"),
        ({"title": "가" * 101}, "title", "100자 이내"),
        ({"question": ""}, "question", "상담 내용을 입력"),
        ({"question": "가" * 5001}, "question", "5,000자 이내"),
        ({"category": "재테크"}, "category", "상담 분야는"),
        ({"email": "", "phone": ""}, "contact", "하나 이상"),
    ],
)
def test_invalid_submission_gets_field_level_korean_error(submit, overrides, field, message_part):
    response = submit(**overrides)

    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "invalid"
    assert message_part in " ".join(error["fields"][field])
    assert not CounselingCase.objects.exists()


def test_missing_consent_field_is_rejected(api_client):
    data = valid_submission()
    del data["consent_personal_data"]
    response = api_client.post(SUBMIT_URL, data, format="json")

    assert response.status_code == 400
    assert "동의해야" in response.json()["error"]["fields"]["consent_personal_data"][0]


@pytest.mark.parametrize("phone", ["02-123-4567", "031-1234-5678", "070 1234 5678", "011-234-5678"])
def test_korean_landline_and_mobile_numbers_are_accepted(submit, phone):
    assert submit(phone=phone, email="").status_code == 201


def test_malformed_json_gets_json_error(api_client):
    response = api_client.post(SUBMIT_URL, "{not json", content_type="application/json")

    assert response.status_code == 400
    assert response.json()["error"]["code"] == "malformed"


@pytest.mark.parametrize("body", ["[]", '[{"title": "x"}]', '"text"', "1", "null"])
def test_json_that_is_not_an_object_gets_json_error(api_client, body):
    submitted = api_client.post(SUBMIT_URL, body, content_type="application/json")
    looked_up = api_client.post(
        lookup_url("20261125-AAAAAA"), body, content_type="application/json"
    )

    for response in (submitted, looked_up):
        assert response.status_code == 400
        assert response.json()["error"]["code"] == "malformed"
    assert not CounselingCase.objects.exists()


def test_filled_honeypot_is_rejected_and_nothing_is_stored(submit):
    response = submit(website="http://spam.example")

    assert response.status_code == 400
    assert response.json()["error"]["code"] == "rejected"
    assert not CounselingCase.objects.exists()


@override_settings(COUNSELING_SUBMIT_RATE="3/h")
def test_submissions_per_ip_are_rate_limited_with_json_429(api_client):
    for _ in range(3):
        assert api_client.post(SUBMIT_URL, valid_submission(), format="json").status_code == 201

    response = api_client.post(SUBMIT_URL, valid_submission(), format="json")

    assert response.status_code == 429
    assert response.json()["error"]["code"] == "rate_limited"
    assert 1 <= int(response["Retry-After"]) <= 3600
    assert response["RateLimit-Policy"] == '"counseling-submit";q=3;w=3600'
    assert response["RateLimit"].startswith('"counseling-submit";r=0;t=')
    assert CounselingCase.objects.count() == 3
    other_ip = api_client.post(
        SUBMIT_URL, valid_submission(), format="json", REMOTE_ADDR="10.0.0.2"
    )
    assert other_ip.status_code == 201


def test_receipt_number_collision_is_retried_and_stored_once(submit, monkeypatch):
    first = submit().json()["receipt_number"]
    fresh = iter([first, "20990101-ABCDEF"])
    monkeypatch.setattr("counseling.services.new_receipt_number", lambda: next(fresh))

    response = submit()

    assert response.status_code == 201
    assert response.json()["receipt_number"] == "20990101-ABCDEF"
    assert CounselingCase.objects.count() == 2
    assert counseling_models.new_receipt_number() != first


def _submitted(submit) -> tuple[str, str]:
    body = submit().json()
    return body["receipt_number"], body["access_code"]


def test_lookup_with_header_shows_status_without_answer_until_answered(submit, api_client):
    receipt, code = _submitted(submit)

    response = api_client.get(lookup_url(receipt), HTTP_X_ACCESS_CODE=code)

    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "received" and body["answer"] is None
    assert "email" not in body and "phone" not in body and "nickname" not in body
    assert response["Cache-Control"] == "no-store"


def test_lookup_by_posted_form_returns_answer(submit, api_client, django_user_model):
    receipt, code = _submitted(submit)
    counselor = django_user_model.objects.create_user("c1")
    save_answer(
        CounselingCase.objects.get(receipt_number=receipt),
        "규칙적인 잠자리 습관을 만들어 보세요.",
        by=counselor,
        notify=False,
    )

    lowercase_code = code.lower().replace("-", "")
    response = api_client.post(lookup_url(receipt.lower()), {"access_code": lowercase_code})

    assert response.status_code == 200
    assert response.json()["status"] == CaseStatus.ANSWERED
    assert response.json()["answer"] == "규칙적인 잠자리 습관을 만들어 보세요."


def test_wrong_code_and_unknown_receipt_are_indistinguishable(submit, api_client):
    receipt, code = _submitted(submit)

    wrong_code = api_client.get(lookup_url(receipt), HTTP_X_ACCESS_CODE="AAAA-AAAA-AAAA")
    unknown = api_client.get(lookup_url("20000101-AAAAAA"), HTTP_X_ACCESS_CODE=code)
    no_code = api_client.get(lookup_url(receipt))

    assert wrong_code.status_code == unknown.status_code == no_code.status_code == 404
    assert wrong_code.content == unknown.content == no_code.content
    assert set(wrong_code.headers) == set(unknown.headers)


@override_settings(COUNSELING_LOOKUP_RATE="5/h")
def test_wrong_codes_are_rate_limited_per_ip_even_for_the_right_code(submit, api_client):
    receipt, code = _submitted(submit)
    for _ in range(5):
        assert api_client.get(lookup_url(receipt), HTTP_X_ACCESS_CODE="WRONG").status_code == 404

    response = api_client.get(lookup_url(receipt), HTTP_X_ACCESS_CODE=code)

    assert response.status_code == 429
    assert response.json()["error"]["code"] == "rate_limited"
    assert 1 <= int(response["Retry-After"]) <= 3600
    assert '"counseling-lookup";r=0;t=' in response["RateLimit"]


@override_settings(COUNSELING_LOOKUP_RATE="5/h")
def test_guessing_one_receipt_from_many_ips_is_rate_limited(submit, api_client):
    receipt, code = _submitted(submit)
    for n in range(5):
        api_client.get(lookup_url(receipt), HTTP_X_ACCESS_CODE="WRONG", REMOTE_ADDR=f"10.0.1.{n}")

    response = api_client.get(lookup_url(receipt), HTTP_X_ACCESS_CODE=code, REMOTE_ADDR="10.0.2.1")

    assert response.status_code == 429


@override_settings(COUNSELING_LOOKUP_RATE="5/h")
def test_correct_lookups_do_not_count_against_the_limit(submit, api_client):
    receipt, code = _submitted(submit)

    statuses = {
        api_client.get(lookup_url(receipt), HTTP_X_ACCESS_CODE=code).status_code for _ in range(8)
    }

    assert statuses == {200}


def test_app_origin_may_send_the_access_code_header(api_client):
    response = api_client.options(
        lookup_url("20261125-AAAAAA"),
        HTTP_ORIGIN="https://app.family.seoul.test",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="x-access-code",
    )

    assert response.status_code == 200
    assert "x-access-code" in response["Access-Control-Allow-Headers"]


def test_unsupported_method_gets_json_error(api_client):
    response = api_client.delete(SUBMIT_URL)

    assert response.status_code == 405
    assert response.json()["error"]["code"] == "method_not_allowed"
