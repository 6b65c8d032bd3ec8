"""`manage.py pull_partner_feeds`, run by the scheduler."""

from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command

from partners.models import PartnerItem

from .feedserver import Route, rss

pytestmark = pytest.mark.django_db


def test_the_scheduler_pulls_partner_feeds():
    assert "pull_partner_feeds" in dict(settings.SCHEDULED_COMMANDS)


def test_pulls_every_active_feed_and_says_what_it_did(feed_server, make_feed):
    feed_server.routes["/ok"] = Route(body=rss(("a", "소식 하나", "")))
    make_feed(feed_server.url("/ok"))
    make_feed(feed_server.url("/missing"))
    make_feed(feed_server.url("/off"), active=False)
    out = StringIO()

    call_command("pull_partner_feeds", stdout=out)

    output = out.getvalue()
    assert "새 소식 1건" in output
    assert "HTTP 오류" in output
    assert "피드 2개를 확인했습니다 (실패 1개)" in output
    assert PartnerItem.objects.count() == 1
    assert feed_server.headers_seen("/off") == []


def test_a_second_run_imports_nothing_twice(feed_server, make_feed):
    feed_server.routes["/ok"] = Route(body=rss(("a", "소식 하나", "")))
    make_feed(feed_server.url("/ok"))

    call_command("pull_partner_feeds", stdout=StringIO())
    call_command("pull_partner_feeds", stdout=StringIO())

    assert PartnerItem.objects.count() == 1
