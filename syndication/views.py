"""`/api/v2/feeds/{rss,atom,json}/` and `/sitemap.xml`: cached like the API (ETag, 304)."""

import json

from django.http import HttpRequest, HttpResponse
from django.views import View
from wagtail.api.v2.utils import BadRequestError

from content.caching import ConditionalPublicMixin
from content.errors import json_error
from content.locales import content_languages, default_language, requested_language
from content.pageindex import PublicPageIndex, get_page_index
from content.paths import frontend_url
from pages.models import SectionKind
from pages.vocabulary import resolve_section

from . import feeds, sitemap
from .items import feed_items

FEED_TITLE = "서울시 패밀리 포털"
FEED_DESCRIPTION = "서울시 패밀리 포털의 새 글: 가족정보, 서울가족학교, 가족보고서, 블로그, 알림"


def feed_info(request: HttpRequest, index: PublicPageIndex) -> feeds.FeedInfo:
    """Title and links in the feed's language: the Korean constants, or for another language
    its home page's title (and its section's), so no Korean text is labelled as it."""
    section = request.GET.get("section", "")
    if index.language == default_language():
        title, description = FEED_TITLE, FEED_DESCRIPTION
        if section in SectionKind.values:
            title = f"{FEED_TITLE} - {SectionKind(section).label}"
    else:
        home = index.root.title if index.root else FEED_TITLE
        title = description = home
        found = resolve_section(section, language=index.language) if section else None
        # A section not translated yet is the Korean one: its Korean title stays out.
        if found is not None and found.locale.language_code == index.language:
            title = f"{home} - {found.title}"
    return feeds.FeedInfo(
        title=title,
        description=description,
        home_page_url=frontend_url(f"{index.prefix}/"),
        feed_url=request.build_absolute_uri(),
        language=index.language,
    )


class FeedView(ConditionalPublicMixin, View):
    """One feed format over the filtered public pages of one language (`?locale=`, Korean
    when absent); bad filters and unknown languages answer 400 JSON."""

    content_type = ""

    def get(self, request: HttpRequest) -> HttpResponse:
        try:
            index = get_page_index(request, requested_language(request) or default_language())
            items = feed_items(index, request)
            info = feed_info(request, index)
        except BadRequestError as error:  # pages.vocabulary.InvalidFilter is one
            return json_error("bad_request", str(error), 400)
        return HttpResponse(self.render(info, items), content_type=self.content_type)

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
    """Every live public page's frontend URL in every language, home and sections included,
    each with its translations as hreflang alternates."""

    def get(self, request: HttpRequest) -> HttpResponse:
        indexes = [get_page_index(request, language) for language in content_languages()]
        return HttpResponse(sitemap.render(indexes), content_type="application/xml; charset=utf-8")
