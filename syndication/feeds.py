"""The three feed formats, built from the same items: RSS 2.0 and Atom with Django's
syndication framework (`django.utils.feedgenerator`), JSON Feed 1.1 as a plain dict."""

from dataclasses import dataclass

from django.utils import feedgenerator

from pages.licences import licence_data

from .items import FeedItem

JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"


@dataclass(frozen=True)
class FeedInfo:
    title: str
    description: str
    home_page_url: str
    feed_url: str
    language: str  # the content language of every item ("vi"): RSS <language>, Atom xml:lang


def item_id(item: FeedItem) -> str:
    """Stable across moves and renames, unlike the page's URL."""
    return f"urn:family-portal:page:{item.id}"


def rights(item: FeedItem) -> str:
    """The item's 공공누리 licence as one line: its name and the terms' address."""
    licence = licence_data(item.licence)
    return f"{licence['name']} ({licence['url']})" if licence["url"] else licence["name"]


class LicensedRssFeed(feedgenerator.Rss201rev2Feed):
    """RSS 2.0 has no per-item rights: each item says its licence in Dublin Core's dc:rights."""

    def rss_attributes(self):
        return {**super().rss_attributes(), "xmlns:dc": "http://purl.org/dc/elements/1.1/"}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item["item_copyright"] is not None:
            handler.addQuickElement("dc:rights", item["item_copyright"])


def syndication_feed(generator: type[feedgenerator.SyndicationFeed], info: FeedInfo, items):
    feed = generator(
        title=info.title,
        link=info.home_page_url,
        description=info.description,
        language=info.language,
        feed_url=info.feed_url,
    )
    for item in items:
        feed.add_item(
            title=item.title,
            link=item.url,
            description=item.summary,
            unique_id=item_id(item),
            unique_id_is_permalink=False,
            pubdate=item.published_at,
            updateddate=item.updated_at,
            item_copyright=rights(item),
        )
    return feed


def rss(info: FeedInfo, items: list[FeedItem]) -> str:
    return syndication_feed(LicensedRssFeed, info, items).writeString("utf-8")


def atom(info: FeedInfo, items: list[FeedItem]) -> str:
    return syndication_feed(feedgenerator.Atom1Feed, info, items).writeString("utf-8")


def json_feed(info: FeedInfo, items: list[FeedItem]) -> dict:
    return {
        "version": JSON_FEED_VERSION,
        "title": info.title,
        "description": info.description,
        "home_page_url": info.home_page_url,
        "feed_url": info.feed_url,
        "language": info.language,
        "items": [
            {
                "id": item_id(item),
                "url": item.url,
                "title": item.title,
                "content_text": item.summary or item.title,
                "summary": item.summary,
                **dates(item),
                # JSON Feed extensions start with an underscore.
                "_kogl": {
                    key: value for key, value in licence_data(item.licence).items() if key != "mark"
                },
            }
            for item in items
        ],
    }


def dates(item: FeedItem) -> dict:
    return {
        key: value.isoformat()
        for key, value in [
            ("date_published", item.published_at),
            ("date_modified", item.updated_at),
        ]
        if value is not None
    }
