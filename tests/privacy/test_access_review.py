"""The privacy officer's monthly access-log review: unusual access is flagged and the review
itself is recorded."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from counseling.models import AccessAction
from counseling.services import assign, log_access, submit_case
from privacy.models import AccessReview
from tests.counseling.conftest import valid_submission

pytestmark = pytest.mark.django_db


@pytest.fixture
def month_of_reading(users, settings):
    settings.PRIVACY_UNASSIGNED_ACCESS_LIMIT = 3
    counselor = users["counselor"]
    cases = [submit_case(valid_submission())[0] for _ in range(4)]
    assign(cases[0], counselor, by=counselor)
    log_access(counselor, cases[0], AccessAction.VIEW)  # their own case
    nosy = get_user_model().objects.create_superuser("nosy", "n@example.com", "pw")
    for case in cases[1:]:
        log_access(nosy, case, AccessAction.VIEW)
        log_access(nosy, case, AccessAction.VIEW)  # the same case twice counts once
    return f"{timezone.localdate():%Y-%m}"


@pytest.fixture
def officer(client):
    officer = get_user_model().objects.create_superuser("officer", "o@example.com", "pw")
    client.force_login(officer)
    return officer


def test_someone_reading_many_unassigned_cases_is_flagged(client, officer, month_of_reading):
    response = client.get(reverse("counseling_admin:access_review"), {"month": month_of_reading})

    summaries = {summary.actor: summary for summary in response.context["summaries"]}
    assert (summaries["nosy"].unassigned, summaries["nosy"].flagged) == (3, True)
    assert (summaries["counselor"].unassigned, summaries["counselor"].flagged) == (0, False)
    assert "이상 징후" in response.content.decode()


def test_the_review_itself_is_recorded(client, officer, month_of_reading):
    url = reverse("counseling_admin:access_review")

    client.post(url, {"month": month_of_reading, "note": "nosy 계정 소명 요청"})

    review = AccessReview.objects.get()
    assert review.reviewer_username == "officer"
    assert review.flagged == ["nosy"]
    assert review.entries == 4
    assert review.month.strftime("%Y-%m") == month_of_reading


def test_a_review_without_a_note_is_not_recorded(client, officer, month_of_reading):
    response = client.post(
        reverse("counseling_admin:access_review"), {"month": month_of_reading, "note": " "}
    )

    assert response.status_code == 200
    assert not AccessReview.objects.exists()
    assert "점검 의견" in response.content.decode()


def test_a_bad_month_gets_a_korean_message(client, officer):
    response = client.get(reverse("counseling_admin:access_review"), {"month": "11월"}, follow=True)

    assert "2026-11 형식" in response.content.decode()


def test_counselors_cannot_see_the_review(client, users):
    client.force_login(users["counselor"])

    assert client.get(reverse("counseling_admin:access_review")).status_code == 403
