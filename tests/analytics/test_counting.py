"""Page views are counted where pages are served to readers, cached answers included, and
nothing about the reader is kept: no IP address, agent or cookie, in the table or the cache."""

import pytest
from django.core.cache import cache
from django.test import override_settings
from django.utils import timezone

from analytics import counting
from analytics.flushing import flush
from analytics.models import PageViewDay
from content.caching import ConditionalPublicMixin
from tests.analytics.conftest import BROWSER

pytestmark = pytest.mark.django_db


def views_of(page) -> int:
    flush()
    return sum(PageViewDay.objects.filter(page=page).values_list("views", flat=True))


def test_reads_are_counted_including_cached_answers_and_304s(reader, article, monkeypatch):
    url = f"/api/v2/pages/{article.pk}/"
    first = reader.get(url)
    assert first.status_code == 200

    def view_reached(*args, **kwargs):
        raise AssertionError("the view ran: this read was not answered from the cache")

    monkeypatch.setattr(ConditionalPublicMixin, "dispatch", view_reached)
    assert reader.get(url).status_code == 200  # the kept 200
    assert reader.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304

    assert views_of(article) == 3


def test_the_frontend_opening_a_page_by_path_counts_one_view(reader, article):
    response = reader.get("/api/v2/pages/find/", {"html_path": article.url_path[len("/home") :]})
    assert response.status_code == 302
    assert reader.get(response["Location"]).status_code == 200

    assert views_of(article) == 1


@pytest.mark.parametrize(
    "headers",
    [
        {
            "HTTP_USER_AGENT": "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"
        },
        {"HTTP_USER_AGENT": "Mozilla/5.0 (X11; Linux x86_64) HeadlessChrome/131.0.0.0"},
        {"HTTP_USER_AGENT": "python-requests/2.32.3"},
        {"HTTP_USER_AGENT": ""},
        {"HTTP_USER_AGENT": BROWSER, "HTTP_SEC_PURPOSE": "prefetch"},
        {"HTTP_USER_AGENT": BROWSER, "HTTP_X_API_KEY": "partner-key"},
    ],
    ids=["crawler", "headless", "script", "no-agent", "prefetch", "partner"],
)
def test_robots_prefetches_and_partners_are_not_readers(client, article, headers):
    client.get(f"/api/v2/pages/{article.pk}/", **headers)

    assert views_of(article) == 0


@pytest.mark.parametrize(
    "agent", ["okhttp/4.12.0", "SeoulFamily/3.1 CFNetwork/1498.700.2 Darwin/23.6.0"]
)
def test_the_family_apps_reads_are_readers(client, article, agent):
    client.get(f"/api/v2/pages/{article.pk}/", HTTP_USER_AGENT=agent)
    flush()

    assert views_of(article) == 1


def test_only_a_page_served_counts(reader, article):
    reader.head(f"/api/v2/pages/{article.pk}/")
    reader.get("/api/v2/pages/", {"type": "pages.ArticlePage"})
    reader.get("/api/v2/pages/999999/")
    reader.get("/api/v2/navigation/")
    reader.get("/api/v2/page_preview/", {"content_type": "pages.articlepage", "token": "x"})

    assert views_of(article) == 0
    assert not PageViewDay.objects.exists()


def test_counting_a_read_costs_no_query(reader, article, django_assert_num_queries):
    url = f"/api/v2/pages/{article.pk}/"
    reader.get(url)
    flush()

    with django_assert_num_queries(0):
        assert reader.get(url).status_code == 200

    assert cache.get(counting.SEQUENCE_KEY) == 2  # this read's count went to the cache
    assert views_of(article) == 2


def test_nothing_about_the_reader_is_kept(reader, article):
    reader.get(
        f"/api/v2/pages/{article.pk}/",
        REMOTE_ADDR="203.0.113.77",
        HTTP_X_FORWARDED_FOR="198.51.100.9",
        HTTP_COOKIE="sessionid=reader-session-123",
    )
    pushed = cache.get(counting.batch_key(1))
    assert pushed == {(article.pk, timezone.localdate()): 1}  # page, day, count: nothing else
    flush()

    columns = {field.column for field in PageViewDay._meta.get_fields() if field.concrete}
    assert columns == {"id", "page_id", "day", "views"}
    row = PageViewDay.objects.values().get()
    kept = " ".join(str(value) for value in row.values())
    for trace in ("203.0.113.77", "198.51.100.9", "reader-session-123", "Mozilla"):
        assert trace not in kept
    assert row["views"] == 1
    assert "Set-Cookie" not in reader.get(f"/api/v2/pages/{article.pk}/").headers


@override_settings(
    CACHES={
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            # Nothing listens on port 9 (discard) on loopback: a cache that is down.
            "LOCATION": "redis://127.0.0.1:9/0",
            "OPTIONS": {"socket_connect_timeout": 0.5},
        }
    }
)
def test_a_cache_outage_loses_the_counts_not_the_request(caplog):
    counting.count_view(1)

    counting.push()

    assert "조회 수 1건을 캐시에 넘기지 못해" in caplog.text
    assert counting._pending == {}


def test_one_client_inflates_a_count_by_its_api_quota_at_most(reader, article, settings):
    settings.API_ANONYMOUS_RATE = "3/m"
    cache.clear()
    url = f"/api/v2/pages/{article.pk}/"

    answers = [reader.get(url, REMOTE_ADDR="203.0.113.50").status_code for _ in range(10)]
    missing = [reader.get(f"/api/v2/pages/{n}/").status_code for n in range(10**6, 10**6 + 50)]

    assert answers == [200] * 3 + [429] * 7  # a 429 is not a read
    assert views_of(article) == 3
    assert set(missing) <= {404, 429}
    assert len(counting._pending) == 0  # pages that are not served take no memory
