"""Fetching a partner feed over HTTP: a conditional GET bounded in time and size."""

import time
from dataclasses import dataclass

import requests
from django.conf import settings

from .models import FeedStatus

USER_AGENT = "SeoulFamilyPortal/2.0 (partner feeds)"
ACCEPT = (
    "application/rss+xml, application/atom+xml, application/feed+json, "
    "application/json;q=0.9, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.1"
)


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
    """GET `url`, sending the validators from the last pull.

    The whole exchange ends within PARTNER_FEED_TIMEOUT seconds even if the server sends
    nothing or trickles bytes; a body over PARTNER_FEED_MAX_BYTES is refused.
    """
    limit = settings.PARTNER_FEED_TIMEOUT
    deadline = time.monotonic() + limit
    timeout = (min(settings.PARTNER_FEED_CONNECT_TIMEOUT, limit), limit)
    try:
        with requests.get(
            url, headers=conditional_headers(etag, last_modified), timeout=timeout, stream=True
        ) as response:
            if response.status_code == 304:
                return Fetched(not_modified=True, etag=etag, last_modified=last_modified)
            if response.status_code >= 400:
                raise FetchError(FeedStatus.HTTP_ERROR, f"HTTP {response.status_code} from {url}")
            body = read_body(response, deadline, url)
            return Fetched(
                not_modified=False,
                body=body,
                content_type=response.headers.get("Content-Type", ""),
                etag=response.headers.get("ETag", ""),
                last_modified=response.headers.get("Last-Modified", ""),
            )
    except requests.Timeout as error:
        raise FetchError(FeedStatus.TIMEOUT, f"No answer within {limit}s from {url}") from error
    except requests.RequestException as error:
        raise FetchError(FeedStatus.UNREACHABLE, f"{type(error).__name__}: {error}") from error


def read_body(response: requests.Response, deadline: float, url: str) -> bytes:
    """Read what has arrived, piece by piece, until the end, the deadline or the size limit."""
    max_bytes = settings.PARTNER_FEED_MAX_BYTES
    body = bytearray()
    while chunk := response.raw.read1(64 * 1024, decode_content=True):
        body += chunk
        if len(body) > max_bytes:
            raise FetchError(FeedStatus.MALFORMED, f"Feed at {url} is over {max_bytes} bytes")
        if time.monotonic() > deadline:
            raise FetchError(
                FeedStatus.TIMEOUT, f"Feed at {url} not fully read within the time limit"
            )
    return bytes(body)
