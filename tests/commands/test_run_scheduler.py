"""`run_scheduler` runs the scheduled commands: scheduled pages go live on time."""

import datetime
import io

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from pages.models import ArticlePage, SectionKind
from tests.factories import ArticlePageFactory


@pytest.fixture(autouse=True)
def _no_job_claims():
    """Jobs are claimed in the cache for their interval; each test starts unclaimed."""
    cache.clear()
    yield
    cache.clear()


def schedule_article(portal, go_live_in: datetime.timedelta) -> ArticlePage:
    """An article approved for publication at now + go_live_in, the way the admin schedules it."""
    article = ArticlePageFactory(parent=portal.section(SectionKind.FAMILY_INFO), live=False)
    article.go_live_at = timezone.now() + datetime.timedelta(hours=1)
    article.save_revision().publish()
    article.refresh_from_db()
    assert not article.live  # scheduled, not yet live
    # Move the go-live time to where the test needs it, as if the clock had moved on.
    go_live_at = timezone.now() + go_live_in
    revision = article.scheduled_revision
    revision.approved_go_live_at = go_live_at
    revision.content["go_live_at"] = go_live_at.isoformat()
    revision.save()
    return article


def run_once() -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("run_scheduler", "--once", stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_scheduled_page_goes_live_when_its_time_has_come(portal):
    due = schedule_article(portal, go_live_in=-datetime.timedelta(minutes=1))
    later = schedule_article(portal, go_live_in=datetime.timedelta(days=1))
    run_once()
    due.refresh_from_db()
    later.refresh_from_db()
    assert due.live
    assert not later.live


@override_settings(SCHEDULED_COMMANDS=[("no_such_command", 60), ("publish_scheduled", 60)])
def test_a_failing_job_is_reported_and_the_others_still_run(portal):
    due = schedule_article(portal, go_live_in=-datetime.timedelta(minutes=1))
    _, errors = run_once()
    assert "예약 작업 'no_such_command' 실패" in errors
    due.refresh_from_db()
    assert due.live
