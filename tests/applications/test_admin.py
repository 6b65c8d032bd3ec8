"""The 서울가족학교 staff: who sees applicants, the access log, attendance, roster, close."""

import io

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from openpyxl import load_workbook

from applications.models import AccessAction, AccessLog, Application, ProgramSeats, Status
from applications.permissions import STAFF_GROUP
from counseling.permissions import COUNSELOR_GROUP
from tests.factories import UserFactory

from .conftest import application, program_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(db):
    return UserFactory(username="school-staff", groups=[Group.objects.get(name=STAFF_GROUP)])


@pytest.fixture
def applied(api_client, program):
    for n in range(3):
        api_client.post(program_url(program), application(n), format="json")
    return program


def test_staff_see_applicants_decrypted_and_the_view_is_logged(client, staff, applied):
    client.force_login(staff)
    response = client.get(f"/admin/applications/{applied.pk}/")
    assert response.status_code == 200
    assert "김신청0" in response.content.decode() and "010-5000-0001" in response.content.decode()
    entry = AccessLog.objects.get(action=AccessAction.VIEW)
    assert (entry.actor_username, entry.program_id, entry.count) == ("school-staff", applied.pk, 3)


def test_others_get_403_and_see_nothing(client, applied):
    counselor = UserFactory(username="counselor", groups=[Group.objects.get(name=COUNSELOR_GROUP)])
    client.force_login(counselor)
    response = client.get(f"/admin/applications/{applied.pk}/")
    assert response.status_code == 403
    assert "김신청0" not in response.content.decode()
    assert not AccessLog.objects.exists()


def test_staff_group_has_least_privilege(staff):
    assert sorted(staff.get_all_permissions()) == [
        "applications.export_applications",
        "applications.manage_applications",
        "applications.view_applications",
        "wagtailadmin.access_admin",
    ]


def test_roster_needs_a_reason_which_is_recorded(client, staff, applied):
    client.force_login(staff)
    refused = client.post(f"/admin/applications/{applied.pk}/export/", {"format": "xlsx"})
    assert refused.status_code == 302
    assert not AccessLog.objects.filter(action=AccessAction.EXPORT).exists()

    response = client.post(
        f"/admin/applications/{applied.pk}/export/", {"format": "xlsx", "reason": "출석부 인쇄"}
    )
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.values)
    assert rows[0][:4] == ("접수 순번", "접수번호", "상태", "신청인")
    assert [row[3] for row in rows[1:]] == ["김신청0", "김신청1", "김신청2"]
    entry = AccessLog.objects.get(action=AccessAction.EXPORT)
    assert (entry.reason, entry.count) == ("출석부 인쇄", 3)

    csv_response = client.post(
        f"/admin/applications/{applied.pk}/export/", {"format": "csv", "reason": "확인"}
    )
    assert "김신청2" in csv_response.content.decode("utf-8-sig")


def test_attendance_close_reopen_and_message(
    client, staff, applied, django_capture_on_commit_callbacks
):
    client.force_login(staff)
    first = Application.objects.get(position=1)
    client.post(f"/admin/applications/{applied.pk}/{first.pk}/attendance/", {"attended": "yes"})
    assert Application.objects.get(pk=first.pk).attended is True

    client.post(f"/admin/applications/{applied.pk}/close/", {"action": "close"})
    assert ProgramSeats.objects.get(program=applied).closed
    client.post(f"/admin/applications/{applied.pk}/close/", {"action": "reopen"})
    assert not ProgramSeats.objects.get(program=applied).closed

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/applications/{applied.pk}/message/", {"message": "주차는 불가합니다"})
    confirmed = Application.objects.filter(program=applied, status=Status.CONFIRMED).count()
    assert len(mail.outbox) == confirmed == 2
    assert all("주차는 불가합니다" in message.body for message in mail.outbox)
    actions = set(AccessLog.objects.values_list("action", flat=True))
    assert {"attendance", "close", "reopen", "message"} <= actions


def test_staff_cancel_promotes_the_next(client, staff, applied):
    client.force_login(staff)
    first = Application.objects.get(position=1)
    client.post(f"/admin/applications/{applied.pk}/{first.pk}/cancel/")
    assert Application.objects.get(position=3).status == Status.CONFIRMED
