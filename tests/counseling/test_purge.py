"""Retention: purge_counseling destroys expired cases and access logs, and only those."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from django.utils import timezone

from counseling.models import AccessAction, AccessLog, CounselingCase
from counseling.services import log_access, submit_case

from .conftest import valid_submission

pytestmark = pytest.mark.django_db


def _case_submitted_days_ago(days: int, **overrides) -> CounselingCase:
    case, _ = submit_case(valid_submission(**overrides))
    CounselingCase.objects.filter(pk=case.pk).update(
        submitted_at=timezone.now() - datetime.timedelta(days=days)
    )
    return case


def _log_days_ago(days: int, case: CounselingCase) -> None:
    entry = log_access("counselor", case, AccessAction.VIEW)
    # The ORM refuses to change log entries; tests age them with SQL, as time would.
    table = connection.ops.quote_name(AccessLog._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET occurred_at = %s WHERE id = %s",  # noqa: S608
            [timezone.now() - datetime.timedelta(days=days), entry.pk],
        )


def _purge(*args) -> str:
    out = io.StringIO()
    call_command("purge_counseling", *args, stdout=out)
    return out.getvalue()


@override_settings(COUNSELING_RETENTION_DAYS=30, COUNSELING_ACCESS_LOG_RETENTION_DAYS=60)
def test_expired_cases_and_logs_are_destroyed_recent_ones_kept():
    expired = _case_submitted_days_ago(31, email="old.person@example.com")
    recent = _case_submitted_days_ago(29)
    _log_days_ago(61, recent)
    _log_days_ago(59, recent)

    output = _purge()

    assert list(CounselingCase.objects.values_list("pk", flat=True)) == [recent.pk]
    assert "상담 신청 1건" in output and "접속기록 1건" in output
    remaining = AccessLog.objects.values_list("action", "receipt_number")
    assert set(remaining) == {
        (AccessAction.VIEW, recent.receipt_number),
        (AccessAction.PURGE, expired.receipt_number),
    }
    purge_entry = AccessLog.objects.get(action=AccessAction.PURGE)
    assert purge_entry.actor_username == "system:purge_counseling"


@override_settings(COUNSELING_RETENTION_DAYS=30)
def test_retention_runs_from_the_last_handling_not_the_submission():
    case = _case_submitted_days_ago(400)
    CounselingCase.objects.filter(pk=case.pk).update(
        answered_at=timezone.now() - datetime.timedelta(days=40),
        closed_at=timezone.now() - datetime.timedelta(days=10),
    )

    _purge()

    assert CounselingCase.objects.filter(pk=case.pk).exists()


@override_settings(COUNSELING_RETENTION_DAYS=30)
def test_purged_personal_data_is_gone_from_the_database():
    case = _case_submitted_days_ago(31, email="gone@example.com")
    table = connection.ops.quote_name(CounselingCase._meta.db_table)

    _purge()

    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM {table} WHERE id = %s", [case.pk])  # noqa: S608
        assert cursor.fetchone()[0] == 0


@override_settings(COUNSELING_RETENTION_DAYS=30)
def test_dry_run_destroys_nothing():
    _case_submitted_days_ago(31)

    output = _purge("--dry-run")

    assert CounselingCase.objects.count() == 1
    assert "상담 신청 1건" in output


def test_purge_is_scheduled():
    from django.conf import settings

    assert "purge_counseling" in [command for command, _ in settings.SCHEDULED_COMMANDS]
