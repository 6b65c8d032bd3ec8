"""Counselor views in the Wagtail admin: who may see what, and the answer workflow."""

import pytest
from django.core import mail
from django.urls import reverse

from counseling.models import AccessAction, AccessLog, CaseStatus, CounselingCase
from counseling.services import submit_case

from .conftest import valid_submission

ROLES = ["anonymous", "blogger", "editor", "reviewer", "counselor", "admin"]
CASE_READERS = {"counselor", "admin"}
LOG_READERS = {"admin"}


@pytest.fixture
def case(editorial) -> CounselingCase:
    data = valid_submission()
    data["consent_personal_data"] = True
    case, _ = submit_case(data)
    return case


def _client_for(client, users, role):
    if users[role] is not None:
        client.force_login(users[role])
    return client


def _expected(role: str, readers: set[str]) -> int:
    if role == "anonymous":
        return 302  # to the admin login
    return 200 if role in readers else 403


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    ("url_name", "needs_case", "readers"),
    [
        ("counseling_admin:inbox", False, CASE_READERS),
        ("counseling_admin:case", True, CASE_READERS),
        ("counseling_admin:export", False, CASE_READERS),
        ("counseling_admin:access_log", False, LOG_READERS),
    ],
)
def test_read_views_permission_matrix(client, users, case, role, url_name, needs_case, readers):
    url = reverse(url_name, args=[case.pk] if needs_case else [])

    response = _client_for(client, users, role).get(url)

    assert response.status_code == _expected(role, readers)
    if role == "anonymous":
        assert "/admin/login/" in response["Location"]
    if response.status_code == 403:
        assert case.email.encode() not in response.content
        assert case.title.encode() not in response.content


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    ("url_name", "form"),
    [
        ("counseling_admin:assign", {"counselor": "COUNSELOR"}),
        ("counseling_admin:answer", {"answer": "답변입니다.", "notify": ""}),
        ("counseling_admin:close", {}),
        ("counseling_admin:faq", {}),
    ],
)
def test_actions_permission_matrix(client, users, case, role, url_name, form):
    form = {
        key: users["counselor"].pk if value == "COUNSELOR" else value for key, value in form.items()
    }
    before = CounselingCase.objects.values().get(pk=case.pk)

    response = _client_for(client, users, role).post(reverse(url_name, args=[case.pk]), form)

    after = CounselingCase.objects.values().get(pk=case.pk)
    if role in CASE_READERS:
        assert response.status_code == 302
        assert "/admin/login/" not in response["Location"]
    else:
        assert response.status_code == (302 if role == "anonymous" else 403)
        assert before == after


@pytest.mark.parametrize("role", [role for role in ROLES if role != "anonymous"])
def test_counseling_menu_is_shown_only_to_counselors_and_admins(client, users, role):
    response = _client_for(client, users, role).get(reverse("wagtailadmin_home"))

    assert response.status_code == 200
    assert (reverse("counseling_admin:inbox").encode() in response.content) == (
        role in CASE_READERS
    )


def test_inbox_filters_by_status_and_hides_personal_data(client, users, case):
    other, _ = submit_case(valid_submission(title="다른 상담"))
    other.status = CaseStatus.CLOSED
    other.save()
    client.force_login(users["counselor"])

    response = client.get(reverse("counseling_admin:inbox"), {"status": "closed"})

    content = response.content.decode()
    assert other.receipt_number in content
    assert case.receipt_number not in content
    assert case.email not in content and "다른 상담" not in content
    assert not AccessLog.objects.exists()


def test_viewing_a_case_shows_decrypted_data_and_is_logged(client, users, case):
    client.force_login(users["counselor"])

    response = client.get(reverse("counseling_admin:case", args=[case.pk]), REMOTE_ADDR="10.1.2.3")

    assert case.email in response.content.decode()
    entry = AccessLog.objects.get()
    assert (entry.actor_username, entry.action, entry.case_id, entry.receipt_number) == (
        "counselor",
        AccessAction.VIEW,
        case.pk,
        case.receipt_number,
    )
    assert entry.ip_address == "10.1.2.3"


REASON = "2026년 11월 상담 통계 보고를 위한 집계"


def test_export_is_logged_per_case_and_neutralises_formulas(client, users, case):
    submit_case(valid_submission(title='=HYPERLINK("http://evil")'))
    client.force_login(users["counselor"])

    response = client.get(reverse("counseling_admin:export"), {"reason": REASON})

    text = response.content.decode("utf-8-sig")
    assert case.receipt_number in text
    assert "'=HYPERLINK" in text
    assert "no-store" in response["Cache-Control"]
    assert AccessLog.objects.filter(action=AccessAction.EXPORT).count() == 2


def test_assign_answer_notify_close(client, users, case):
    counselor = users["counselor"]
    client.force_login(counselor)

    client.post(reverse("counseling_admin:assign", args=[case.pk]), {"counselor": counselor.pk})
    case.refresh_from_db()
    assert (case.status, case.assigned_to) == (CaseStatus.ASSIGNED, counselor)

    answer = "아이와 함께 잠자리 규칙을 정해 보세요. 비밀 답변 문장."
    with_captured = client.post(
        reverse("counseling_admin:answer", args=[case.pk]), {"answer": answer, "notify": "on"}
    )
    assert with_captured.status_code == 302
    case.refresh_from_db()
    assert case.status == CaseStatus.ANSWERED and case.answer == answer
    assert case.answered_by == counselor and case.notified_at is not None

    client.post(reverse("counseling_admin:close", args=[case.pk]))
    case.refresh_from_db()
    assert case.status == CaseStatus.CLOSED and case.closed_at is not None
    actions = list(AccessLog.objects.order_by("pk").values_list("action", flat=True))
    assert actions == ["assign", "answer", "notify", "close"]


def test_notification_tells_how_to_read_the_answer_but_never_the_answer(
    client, users, case, django_capture_on_commit_callbacks
):
    client.force_login(users["counselor"])
    answer = "비밀 답변 문장: 아이와 함께 잠자리 규칙을 정해 보세요."

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("counseling_admin:answer", args=[case.pk]), {"answer": answer, "notify": "on"}
        )

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["mom@example.com"]
    assert case.receipt_number in message.subject and case.receipt_number in message.body
    assert "/counseling/" in message.body
    assert "비밀 답변" not in message.body and "잠자리" not in message.body
    assert case.title not in message.body and "다섯 살" not in message.body


def test_no_mail_without_email_or_when_not_requested(client, users, editorial):
    phone_only, _ = submit_case(valid_submission(email=""))
    client.force_login(users["counselor"])

    client.post(reverse("counseling_admin:answer", args=[phone_only.pk]), {"answer": "답변"})

    assert mail.outbox == []


def test_assignment_only_to_members_of_the_counselor_group(client, users, case):
    client.force_login(users["counselor"])

    client.post(
        reverse("counseling_admin:assign", args=[case.pk]), {"counselor": users["editor"].pk}
    )

    case.refresh_from_db()
    assert case.assigned_to is None


def test_access_log_cannot_be_altered_or_deleted(users, case):
    entry = AccessLog.objects.create(
        actor_id=users["counselor"].pk,
        actor_username="counselor",
        action=AccessAction.VIEW,
        case_id=case.pk,
        receipt_number=case.receipt_number,
    )

    entry.action = AccessAction.EXPORT
    with pytest.raises(Exception, match="cannot be changed"):
        entry.save()
    with pytest.raises(Exception, match="purge_counseling"):
        entry.delete()
    with pytest.raises(Exception, match="cannot be changed"):
        AccessLog.objects.filter(pk=entry.pk).update(action=AccessAction.EXPORT)
    with pytest.raises(Exception, match="purge_counseling"):
        AccessLog.objects.all().delete()
    assert AccessLog.objects.get().action == AccessAction.VIEW


def test_counselors_hold_no_permission_to_change_the_access_log(users):
    counselor = users["counselor"]

    assert counselor.has_perm("counseling.view_case")
    assert not counselor.has_perm("counseling.view_accesslog")
    assert not any(
        counselor.has_perm(f"counseling.{action}_accesslog")
        for action in ("add", "change", "delete")
    )


@pytest.mark.parametrize("role", ROLES)
def test_api_endpoints_treat_every_role_as_an_anonymous_citizen(client, users, case, role):
    """Submitting is open to all; reading needs the access code, even for counselors and admins."""
    client = _client_for(client, users, role)

    submitted = client.post(
        "/api/v2/counseling/", valid_submission(), content_type="application/json"
    )
    without_code = client.get(f"/api/v2/counseling/{case.receipt_number}/")

    assert submitted.status_code == 201
    assert without_code.status_code == 404
    assert case.email.encode() not in without_code.content


def test_access_log_has_no_admin_edit_or_delete_views(client, users):
    client.force_login(users["admin"])

    for url in [
        "/admin/snippets/counseling/accesslog/",
        "/admin/snippets/counseling/accesslog/edit/1/",
        "/admin/counseling/access-log/1/delete/",
    ]:
        assert client.get(url).status_code == 404
