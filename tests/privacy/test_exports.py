"""Personal data leaves the system only with a reason, and the reason is kept."""

import pytest
from django.urls import reverse

from counseling.models import AccessAction, AccessLog
from counseling.services import submit_case
from privacy.models import ExportRecord
from tests.counseling.conftest import valid_submission

REASON = "2026년 11월 상담 통계 보고를 위한 집계"


@pytest.fixture
def counselor(client, users):
    data = valid_submission()
    data["consent_personal_data"] = True
    submit_case(data)
    client.force_login(users["counselor"])
    return users["counselor"]


def test_export_without_a_reason_asks_for_one_and_gives_no_data(client, counselor):
    response = client.get(reverse("counseling_admin:export"), {"status": "received"})

    html = response.content.decode()
    assert response.status_code == 200
    assert "내보내는 사유" in html
    assert 'name="status" value="received"' in html  # the filters ride along
    assert not ExportRecord.objects.exists()
    assert not AccessLog.objects.filter(action=AccessAction.EXPORT).exists()


def test_a_vague_reason_is_refused_in_korean(client, counselor):
    response = client.get(reverse("counseling_admin:export"), {"reason": "업무"})

    assert response.status_code == 400
    assert "10자 이상" in response.content.decode()
    assert not ExportRecord.objects.exists()


def test_export_with_a_reason_is_recorded_with_who_how_many_and_why(client, counselor):
    response = client.get(reverse("counseling_admin:export"), {"reason": REASON})

    assert response["Content-Type"].startswith("text/csv")
    record = ExportRecord.objects.get()
    assert (record.subject, record.reason, record.item_count) == ("counseling", REASON, 1)
    assert record.actor_username == counselor.get_username()
    with pytest.raises(ValueError):
        record.save()
