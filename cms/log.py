"""Request ids for log lines: set per request by cms.middleware, read by the logging filter."""

import logging
import re
import uuid
from contextvars import ContextVar

REQUEST_ID_HEADER = "X-Request-ID"
# An id from the proxy is kept only if it is short and harmless in a log line or a header.
_ACCEPTABLE_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")

current_request_id: ContextVar[str | None] = ContextVar("current_request_id", default=None)


def request_id_from(header_value: str | None) -> str:
    """The caller's id when it is acceptable, a fresh one otherwise."""
    if header_value and _ACCEPTABLE_ID.match(header_value):
        return header_value
    return uuid.uuid4().hex


class RequestIdFilter(logging.Filter):
    """Adds `request_id` to every record (None outside a request) so formatters can show it."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "request_id"):
            record.request_id = current_request_id.get()
        return True
