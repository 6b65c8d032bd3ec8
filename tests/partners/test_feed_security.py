"""Partner feeds go through the outbound guard: no internal address, no redirect into the
portal, and a stalled or oversized feed is reported with its Korean reason, not a traceback."""

import logging

import pytest

from partners.importing import pull_active_feeds, pull_feed
from partners.models import FeedStatus, PartnerItem

from .feedserver import Route, rss, start_feed_server

pytestmark = pytest.mark.django_db

ITEM = ("yn-1", "청소년 미디어 캠프", "<p>참가자를 모집합니다.</p>")


@pytest.fixture
def portal_feed():
    """Another server on 127.0.0.1 standing for the portal itself: its feed and its admin."""
    server, httpd, thread = start_feed_server()
    server.routes["/api/v2/feeds/rss/"] = Route(body=rss(("portal-1", "포털 글", "<p>내부</p>")))
    server.routes["/admin/"] = Route(body=b"<h1>admin</h1>", content_type="text/html")
    yield server
    server.stopping.set()
    httpd.shutdown()
    httpd.server_close()
    thread.join(timeout=5)


def test_a_feed_on_a_loopback_address_is_refused(settings, feed_server, make_feed):
    settings.OUTBOUND_ALLOWED_HOSTS = []
    feed_server.routes["/feed"] = Route(body=rss(ITEM))
    feed = make_feed(feed_server.url("/feed"))

    result = pull_feed(feed)

    feed.refresh_from_db()
    assert (result.status, feed.last_status) == (FeedStatus.UNREACHABLE, FeedStatus.UNREACHABLE)
    assert "내부망" in feed.last_error
    assert feed_server.requests == []
    assert not PartnerItem.objects.exists()


@pytest.mark.parametrize("path", ["/api/v2/feeds/rss/", "/admin/"])
def test_a_feed_redirecting_into_the_portal_imports_nothing(
    settings, feed_server, portal_feed, make_feed, path
):
    partner_host = feed_server.base_url.removeprefix("http://")
    settings.OUTBOUND_ALLOWED_HOSTS = [partner_host]  # an on-premise partner, by host:port
    feed_server.routes["/feed"] = Route(status=302, location=portal_feed.url(path))
    feed = make_feed(feed_server.url("/feed"))

    result = pull_feed(feed)

    assert result.status == FeedStatus.UNREACHABLE
    assert "내부망" in result.error
    assert portal_feed.requests == []
    assert not PartnerItem.objects.exists()


def test_a_stalled_feed_is_a_timeout_without_a_traceback(settings, feed_server, make_feed, caplog):
    settings.PARTNER_FEED_TIMEOUT = 1.0
    feed_server.routes["/stalled"] = Route(body=rss(ITEM) * 4, behaviour="stall")
    feed = make_feed(feed_server.url("/stalled"))

    with caplog.at_level(logging.WARNING):
        (result,) = pull_active_feeds()

    feed.refresh_from_db()
    assert (result.status, feed.last_status) == (FeedStatus.TIMEOUT, FeedStatus.TIMEOUT)
    assert feed.last_error.startswith("시간 초과")
    assert [record.exc_info for record in caplog.records] == [None]
    assert "시간 초과" in caplog.records[0].getMessage()


def test_an_endless_feed_is_cut_at_the_size_limit(settings, feed_server, make_feed):
    settings.PARTNER_FEED_MAX_BYTES = 200_000
    feed_server.routes["/endless"] = Route(behaviour="endless")
    feed = make_feed(feed_server.url("/endless"))

    result = pull_feed(feed)

    assert result.status == FeedStatus.MALFORMED
    assert "200000바이트를 넘습니다" in result.error
    assert not PartnerItem.objects.exists()
