"""Fetching a partner feed over HTTP: a conditional GET bounded in time and size, through the
outbound guard (no internal addresses, redirects checked hop by hop)."""

from dataclasses import dataclass

from django.conf import settings

from infra import outbound

from .models import FeedStatus

USER_AGENT = "SeoulFamilyPortal/2.0 (partner feeds)"
ACCEPT = (
    "application/rss+xml, application/atom+xml, application/feed+json, "
    "application/json;q=0.9, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.1"
)
MAX_REDIRECTS = 5


class FetchError(Exception):
    """The feed could not be fetched; `status` is a FeedStatus, the message names the cause."""

    def __init__(self, status: str, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass(frozen=True)
class Fetched:
    """A feed's answer: its body, or `not_modified` when the validators still hold."""

    not_modified: bool
    body: bytes = b""
    content_type: str = ""
    etag: str = ""
    last_modified: str = ""


def conditional_headers(etag: str, last_modified: str) -> dict[str, str]:
    headers = {"User-Agent": USER_AGENT, "Accept": ACCEPT}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    return headers


def fetch(url: str, *, etag: str = "", last_modified: str = "") -> Fetched:
    """GET `url` through the outbound guard, sending the validators from the last pull.

    The whole exchange, redirects included (each one checked), ends within
    PARTNER_FEED_TIMEOUT seconds even if the server sends nothing or trickles bytes; a body
    over PARTNER_FEED_MAX_BYTES is refused. Failures carry a Korean reason.
    """
    limits = outbound.Limits(
        connect_timeout=settings.PARTNER_FEED_CONNECT_TIMEOUT,
        read_timeout=settings.PARTNER_FEED_TIMEOUT,
        total_timeout=settings.PARTNER_FEED_TIMEOUT,
        max_bytes=settings.PARTNER_FEED_MAX_BYTES,
    )
    try:
        response = outbound.request(
            "GET",
            url,
            limits=limits,
            headers=conditional_headers(etag, last_modified),
            max_redirects=MAX_REDIRECTS,
        )
    except outbound.OutboundError as error:
        raise FetchError(status_of(error), str(error)) from error
    if response.status == 304:
        return Fetched(not_modified=True, etag=etag, last_modified=last_modified)
    if response.status >= 300:
        raise FetchError(
            FeedStatus.HTTP_ERROR, f"피드 서버가 HTTP {response.status}(으)로 답했습니다: {url}"
        )
    return Fetched(
        not_modified=False,
        body=response.body,
        content_type=response.headers.get("Content-Type", ""),
        etag=response.headers.get("ETag", ""),
        last_modified=response.headers.get("Last-Modified", ""),
    )


def status_of(error: outbound.OutboundError) -> str:
    """The feed status an outbound failure is reported as."""
    if isinstance(error, outbound.OutboundTimeout):
        return FeedStatus.TIMEOUT
    if isinstance(error, outbound.ResponseTooLarge):
        return FeedStatus.MALFORMED
    return FeedStatus.UNREACHABLE
