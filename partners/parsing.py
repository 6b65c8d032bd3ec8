"""Reading RSS, Atom and JSON Feed documents into items with sanitised HTML."""

import calendar
import datetime
import html
import json
from dataclasses import dataclass

import feedparser
import nh3

from content.text import normalise_text

from .models import FeedStatus

MAX_ITEMS = 100
MAX_SUMMARY_CHARS = 20_000
MAX_LINK_CHARS = 1000  # PartnerItem.link; a cut URL would be broken, so longer ones are dropped
JSON_FEED_VERSION = "https://jsonfeed.org/version/"
# Text-level markup only: a partner's summary must not bring images, frames or forms along.
ALLOWED_TAGS = {
    "a",
    "abbr",
    "b",
    "blockquote",
    "br",
    "code",
    "em",
    "i",
    "li",
    "ol",
    "p",
    "strong",
    "ul",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}}
URL_SCHEMES = {"http", "https", "mailto"}


class MalformedFeed(Exception):
    status = FeedStatus.MALFORMED


@dataclass(frozen=True)
class ParsedItem:
    guid: str
    title: str
    link: str
    summary_html: str
    published: datetime.datetime | None


def _without_empty_links(tag: str, attribute: str, value: str) -> str | None:
    # feedparser blanks an unsafe URL (`javascript:`) rather than dropping it: a link to
    # nowhere (`href=""` reloads the page) loses the attribute instead.
    if attribute == "href" and not value.strip():
        return None
    return value


def sanitise_html(value: str) -> str:
    """Partner HTML made safe to show: no scripts, event handlers, styles or unsafe URLs."""
    cleaned = nh3.clean(
        normalise_text(value or "", keep_newlines=True),
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        attribute_filter=_without_empty_links,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
    )
    return cleaned.strip()[:MAX_SUMMARY_CHARS]


def plain_text(value: str) -> str:
    return normalise_text(html.unescape(nh3.clean(value or "", tags=set()))).strip()


def web_link(value: str) -> str:
    value = (value or "").strip()
    if len(value) > MAX_LINK_CHARS or not value.startswith(("https://", "http://")):
        return ""
    return value


def parse_feed(body: bytes, content_type: str = "") -> list[ParsedItem]:
    """The feed's items, newest first as the feed lists them; MalformedFeed if unreadable."""
    if "json" in content_type or body.lstrip()[:1] == b"{":
        items = parse_json_feed(body)
    else:
        items = parse_xml_feed(body)
    unique: dict[str, ParsedItem] = {}
    for item in items:
        if item.guid and item.title:
            unique.setdefault(item.guid, item)
    return list(unique.values())[:MAX_ITEMS]


def parse_xml_feed(body: bytes) -> list[ParsedItem]:
    document = feedparser.parse(body)
    if not document.version:
        problem = document.get("bozo_exception") or "not RSS or Atom"
        raise MalformedFeed(f"Unreadable feed: {problem}")
    return [xml_item(entry) for entry in document.entries]


def xml_item(entry) -> ParsedItem:
    content = entry.get("content") or []
    summary = entry.get("summary") or (content[0].get("value") if content else "")
    link = web_link(entry.get("link", ""))
    return ParsedItem(
        guid=(entry.get("id") or link or "")[:500],
        title=plain_text(entry.get("title", ""))[:300],
        link=link,
        summary_html=sanitise_html(summary),
        published=struct_time_to_datetime(
            entry.get("published_parsed") or entry.get("updated_parsed")
        ),
    )


def struct_time_to_datetime(value) -> datetime.datetime | None:
    if not value:
        return None
    return datetime.datetime.fromtimestamp(calendar.timegm(value), tz=datetime.UTC)


def parse_json_feed(body: bytes) -> list[ParsedItem]:
    try:
        document = json.loads(body)
    except (ValueError, UnicodeDecodeError) as error:
        raise MalformedFeed(f"Unreadable JSON Feed: {error}") from error
    if not isinstance(document, dict) or not str(document.get("version", "")).startswith(
        JSON_FEED_VERSION
    ):
        raise MalformedFeed("Not a JSON Feed: no jsonfeed.org version")
    entries = document.get("items")
    if not isinstance(entries, list):
        raise MalformedFeed("JSON Feed without an items list")
    return [json_item(entry) for entry in entries if isinstance(entry, dict)]


def json_item(entry: dict) -> ParsedItem:
    link = web_link(str(entry.get("url") or ""))
    summary = entry.get("content_html") or html.escape(
        str(entry.get("summary") or entry.get("content_text") or "")
    )
    return ParsedItem(
        guid=str(entry.get("id") or link)[:500],
        title=plain_text(str(entry.get("title") or ""))[:300],
        link=link,
        summary_html=sanitise_html(str(summary)),
        published=iso_datetime(entry.get("date_published") or entry.get("date_modified")),
    )


def iso_datetime(value) -> datetime.datetime | None:
    try:
        parsed = datetime.datetime.fromisoformat(str(value))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=datetime.UTC)
