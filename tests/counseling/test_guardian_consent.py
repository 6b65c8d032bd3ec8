"""PIPA §22-2: a child under 14 may ask for counseling only with a legal guardian's consent."""

import pytest

from counseling.models import CounselingCase

pytestmark = pytest.mark.django_db


def test_a_child_under_14_without_guardian_consent_is_refused_in_korean(submit):
    response = submit(under_14=True)

    assert response.status_code == 400
    messages = response.json()["error"]["fields"]["guardian"]
    assert any("제22조의2" in message for message in messages)
    assert any("이름" in message for message in messages)
    assert not CounselingCase.objects.exists()


def test_a_bad_guardian_phone_is_refused(submit):
    response = submit(
        under_14=True, guardian_name="김보호", guardian_phone="12", consent_guardian=True
    )

    assert response.status_code == 400
    assert "연락처" in " ".join(response.json()["error"]["fields"]["guardian"])


def test_with_guardian_consent_the_case_keeps_whose_consent_it_was(submit):
    response = submit(
        under_14=True,
        guardian_name="김보호",
        guardian_phone="010 9876 5432",
        consent_guardian=True,
    )

    assert response.status_code == 201
    case = CounselingCase.objects.get()
    assert (case.under_14, case.consent_guardian) == (True, True)
    assert case.guardian_name == "김보호"
    assert case.guardian_phone == "010-9876-5432"


def test_guardian_details_are_not_kept_for_people_14_or_over(submit):
    response = submit(guardian_name="김보호", guardian_phone="010-9876-5432")

    assert response.status_code == 201
    case = CounselingCase.objects.get()
    assert (case.under_14, case.guardian_name, case.guardian_phone) == (False, "", "")
