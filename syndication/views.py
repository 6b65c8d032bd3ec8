"""`/api/v2/feeds/{rss,atom,json}/` and `/sitemap.xml`: cached like the API (ETag, 304)."""

import json

from django.http import HttpRequest, HttpResponse
from django.views import View

from content.caching import ConditionalPublicMixin
from content.errors import json_error
from content.pageindex import get_page_index
from content.paths import frontend_url
from pages.models import SectionKind
from pages.vocabulary import InvalidFilter

from . import feeds, sitemap
from .items import feed_items

FEED_TITLE = "서울시 패밀리 포털"
FEED_DESCRIPTION = "서울시 패밀리 포털의 새 글: 가족정보, 서울가족학교, 가족보고서, 블로그, 알림"


def feed_info(request: HttpRequest) -> feeds.FeedInfo:
    title = FEED_TITLE
    section = request.GET.get("section", "")
    if section in SectionKind.values:
        title = f"{FEED_TITLE} - {SectionKind(section).label}"
    return feeds.FeedInfo(
        title=title,
        description=FEED_DESCRIPTION,
        home_page_url=frontend_url("/"),
        feed_url=request.build_absolute_uri(),
    )


class FeedView(ConditionalPublicMixin, View):
    """One feed format over the filtered public pages; bad filters answer 400 JSON."""

    content_type = ""

    def get(self, request: HttpRequest) -> HttpResponse:
        try:
            items = feed_items(get_page_index(request), request)
        except InvalidFilter as error:
            return json_error("bad_request", str(error), 400)
        return HttpResponse(self.render(feed_info(request), items), content_type=self.content_type)

    def render(self, info, items) -> str:
        raise NotImplementedError


class RssFeedView(FeedView):
    content_type = "application/rss+xml; charset=utf-8"

    def render(self, info, items) -> str:
        return feeds.rss(info, items)


class AtomFeedView(FeedView):
    content_type = "application/atom+xml; charset=utf-8"

    def render(self, info, items) -> str:
        return feeds.atom(info, items)


class JsonFeedView(FeedView):
    content_type = "application/feed+json; charset=utf-8"

    def render(self, info, items) -> str:
        return json.dumps(feeds.json_feed(info, items), ensure_ascii=False)


class SitemapView(ConditionalPublicMixin, View):
    """Every live public page's frontend URL, home and sections included."""

    def get(self, request: HttpRequest) -> HttpResponse:
        return HttpResponse(
            sitemap.render(get_page_index(request)), content_type="application/xml; charset=utf-8"
        )
