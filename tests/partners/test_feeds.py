"""Pulling partner feeds from a real local HTTP server: good, changed, broken and hanging."""

import json
import time
import unicodedata

import pytest

from content.models import ContentChange
from partners.importing import pull_feed
from partners.models import FeedStatus, PartnerItem
from partners.parsing import plain_text, sanitise_html

from .feedserver import Route, rss

pytestmark = pytest.mark.django_db

FIRST = ("yn-1", "청소년 미디어 캠프", "<p>참가자를 모집합니다.</p>")
SECOND = ("yn-2", "영상 제작 교실", "<p>여름방학 <b>특강</b></p>")


def serve(feed_server, path, body, **route):
    feed_server.routes[path] = Route(body=body, **route)
    return feed_server.url(path)


def test_a_good_feed_is_imported_with_its_source(feed_server, make_feed):
    feed = make_feed(serve(feed_server, "/rss", rss(FIRST, SECOND)))

    result = pull_feed(feed)

    assert (result.status, result.created) == (FeedStatus.OK, 2)
    item = PartnerItem.objects.get(guid="yn-1")
    assert item.title == "청소년 미디어 캠프"
    assert item.link == "https://youthnavi.example/news/yn-1"
    assert item.summary_html == "<p>참가자를 모집합니다.</p>"
    assert item.published.isoformat() == "2026-11-30T00:00:00+00:00"
    assert item.feed.agency.name == "서울시립 청소년미디어센터"


def test_the_next_pull_is_conditional_and_a_304_changes_nothing(feed_server, make_feed):
    url = serve(
        feed_server,
        "/rss",
        rss(FIRST),
        etag='"v1"',
        last_modified="Mon, 30 Nov 2026 00:00:00 GMT",
    )
    feed = make_feed(url)
    pull_feed(feed)
    versions_before = ContentChange.objects.count()

    result = pull_feed(feed)

    sent = feed_server.headers_seen("/rss")[-1]
    assert sent["If-None-Match"] == '"v1"'
    assert sent["If-Modified-Since"] == "Mon, 30 Nov 2026 00:00:00 GMT"
    assert result.status == FeedStatus.NOT_MODIFIED
    assert PartnerItem.objects.count() == 1
    assert ContentChange.objects.count() == versions_before


def test_items_are_deduplicated_by_guid_and_changes_update_them(feed_server, make_feed):
    feed = make_feed(serve(feed_server, "/rss", rss(FIRST, FIRST), etag='"v1"'))
    pull_feed(feed)
    changed = (FIRST[0], "청소년 미디어 캠프 (마감 연장)", FIRST[2])
    serve(feed_server, "/rss", rss(changed, SECOND), etag='"v2"')

    result = pull_feed(feed)

    assert (result.created, result.updated) == (1, 1)
    assert sorted(PartnerItem.objects.values_list("guid", "title")) == [
        ("yn-1", "청소년 미디어 캠프 (마감 연장)"),
        ("yn-2", "영상 제작 교실"),
    ]


def test_new_items_move_the_content_version_so_etags_change(feed_server, make_feed):
    feed = make_feed(serve(feed_server, "/rss", rss(FIRST)))
    before = ContentChange.objects.count()

    pull_feed(feed)

    change = ContentChange.objects.order_by("-id").first()
    assert ContentChange.objects.count() == before + 1
    assert change.kind == "related"


def test_partner_html_loses_scripts_and_event_handlers(feed_server, make_feed):
    hostile = (
        '<p onclick="steal()">안내 <script>alert(1)</script>'
        '<a href="javascript:alert(2)">링크</a> '
        '<a href="https://ok.example/" onmouseover="x()">원문</a>'
        '<img src="x" onerror="alert(3)"><iframe src="https://evil.example"></iframe></p>'
    )
    feed = make_feed(serve(feed_server, "/rss", rss(("yn-x", "공지", hostile))))

    pull_feed(feed)

    summary = PartnerItem.objects.get().summary_html
    for unsafe in ("<script", "alert", "onclick", "onmouseover", "onerror", "<img", "<iframe"):
        assert unsafe not in summary
    assert '<a href="https://ok.example/" rel="noopener noreferrer nofollow">원문</a>' in summary
    assert '<a rel="noopener noreferrer nofollow">링크</a>' in summary  # no href="" left


def test_styles_are_dropped_with_their_content():
    assert sanitise_html("<p>ok</p><style>p{}</style>") == "<p>ok</p>"


def test_titles_are_plain_text(feed_server, make_feed):
    feed = make_feed(
        serve(feed_server, "/rss", rss(("yn-t", "&lt;b&gt;굵은&lt;/b&gt; 제목 &amp; 안내", "")))
    )

    pull_feed(feed)

    assert PartnerItem.objects.get().title == "굵은 제목 & 안내"


def test_an_atom_feed_is_read(feed_server, make_feed):
    atom = (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        "<title>재단 소식</title><id>urn:feed</id><updated>2026-11-30T00:00:00Z</updated>"
        '<entry><id>urn:entry:1</id><title>한부모 상담 주간</title><link href="https://sfwf.example/1"/>'
        "<updated>2026-11-29T00:00:00Z</updated><summary>상담 안내</summary></entry></feed>"
    ).encode()
    feed = make_feed(serve(feed_server, "/atom", atom, content_type="application/atom+xml"))

    pull_feed(feed)

    item = PartnerItem.objects.get()
    assert (item.guid, item.title, item.link) == (
        "urn:entry:1",
        "한부모 상담 주간",
        "https://sfwf.example/1",
    )


def test_a_json_feed_is_read(feed_server, make_feed):
    document = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": "센터 소식",
        "items": [
            {
                "id": "j-1",
                "url": "https://center.example/j-1",
                "title": "가족 캠프",
                "content_html": "<p>가족 캠프 <script>x()</script>안내</p>",
                "date_published": "2026-11-28T10:00:00+09:00",
            }
        ],
    }
    body = json.dumps(document, ensure_ascii=False).encode()
    feed = make_feed(serve(feed_server, "/json", body, content_type="application/feed+json"))

    pull_feed(feed)

    item = PartnerItem.objects.get()
    assert (item.guid, item.title, item.summary_html) == (
        "j-1",
        "가족 캠프",
        "<p>가족 캠프 안내</p>",
    )


@pytest.mark.parametrize(
    ("route", "status"),
    [
        (
            Route(body=b"<html><body>Not a feed</body></html>", content_type="text/html"),
            "malformed",
        ),
        (Route(body=b'{"items": []}', content_type="application/json"), "malformed"),
        (Route(body=b"{not json", content_type="application/feed+json"), "malformed"),
        (Route(body=b"oops", status=500), "http_error"),
    ],
)
def test_a_broken_feed_is_logged_and_keeps_what_was_imported(feed_server, make_feed, route, status):
    feed = make_feed(serve(feed_server, "/feed", rss(FIRST)))
    pull_feed(feed)
    feed_server.routes["/feed"] = route

    result = pull_feed(feed)

    feed.refresh_from_db()
    assert (result.status, feed.last_status, feed.failure_count) == (status, status, 1)
    assert feed.last_error
    assert list(PartnerItem.objects.values_list("guid", "title")) == [("yn-1", FIRST[1])]


def test_a_feed_that_is_down_is_logged_and_retried_next_time(feed_server, make_feed):
    feed = make_feed("http://127.0.0.1:9/feed")  # the discard port: nothing listens

    assert pull_feed(feed).status == FeedStatus.UNREACHABLE

    feed.url = serve(feed_server, "/back", rss(FIRST))
    feed.save()
    assert pull_feed(feed).status == FeedStatus.OK
    feed.refresh_from_db()
    assert (feed.failure_count, feed.last_error) == (0, "")


@pytest.mark.parametrize("behaviour", ["hang", "trickle"])
def test_a_hanging_feed_times_out_within_the_limit(feed_server, make_feed, settings, behaviour):
    settings.PARTNER_FEED_TIMEOUT = 1.0
    feed = make_feed(serve(feed_server, "/slow", rss(FIRST, SECOND), behaviour=behaviour))

    started = time.monotonic()
    result = pull_feed(feed)
    elapsed = time.monotonic() - started

    assert result.status == FeedStatus.TIMEOUT
    assert elapsed < 3
    assert not PartnerItem.objects.exists()


def test_one_feed_failing_unforeseen_does_not_stop_the_others(feed_server, make_feed, monkeypatch):
    from partners import importing

    broken = make_feed(serve(feed_server, "/broken", rss(FIRST)))
    make_feed(serve(feed_server, "/good", rss(SECOND)))
    real_pull = importing.pull_feed

    def pull(feed):
        if feed.pk == broken.pk:
            raise RuntimeError("unexpected")
        return real_pull(feed)

    monkeypatch.setattr(importing, "pull_feed", pull)

    results = importing.pull_active_feeds()

    assert [result.status for result in results] == ["malformed", "ok"]
    broken.refresh_from_db()
    assert broken.last_error == "RuntimeError: unexpected"
    assert list(PartnerItem.objects.values_list("guid", flat=True)) == ["yn-2"]


def test_partner_titles_are_normalised_like_everything_typed():
    assert plain_text(unicodedata.normalize("NFD", "한부모\x00 ＦＡＱ")) == "한부모 FAQ"
