"""The scheduled jobs: the day-before reminder and the purge after the retention period."""

import datetime

import pytest
from django.conf import settings
from django.core import mail
from django.core.management import call_command
from django.test import override_settings

from applications.models import AccessLog, Application

from .conftest import application, make_program, program_url

pytestmark = pytest.mark.django_db


def test_both_jobs_are_scheduled():
    jobs = [command for command, _ in settings.SCHEDULED_COMMANDS]
    assert {"send_application_reminders", "purge_applications"} <= set(jobs)


def test_reminder_goes_once_to_the_confirmed_of_tomorrows_programs(
    api_client, school, django_capture_on_commit_callbacks
):
    tomorrow = datetime.date.today() + datetime.timedelta(days=1)
    program = make_program(school, start_date=tomorrow, end_date=tomorrow, capacity=1)
    later = make_program(school)
    for n, target in enumerate([program, program, later]):
        api_client.post(program_url(target), application(n), format="json")
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_application_reminders", verbosity=0)
        call_command("send_application_reminders", verbosity=0)

    assert [message.to for message in mail.outbox] == [["parent0@example.com"]]
    assert "내일" in mail.outbox[0].subject


@override_settings(APPLICATIONS_RETENTION_DAYS=30)
def test_purge_destroys_applicants_after_the_retention_period(api_client, school):
    today = datetime.date.today()
    old = make_program(school)
    recent = make_program(school)
    api_client.post(program_url(old), application(1), format="json")
    api_client.post(program_url(recent), application(2), format="json")
    old.end_date = today - datetime.timedelta(days=31)
    old.start_date = old.end_date
    old.save()

    call_command("purge_applications", verbosity=0)

    assert list(Application.objects.values_list("program_id", flat=True)) == [recent.pk]
    entry = AccessLog.objects.get(action="purge")
    assert (entry.program_id, entry.count) == (old.pk, 1)
