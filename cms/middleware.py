"""Middleware for running in production: request ids, clean 503s when the database is down,
and a lean path for the API (no session, CSRF cookie, user or messages work under /api/)."""

import logging

from django.contrib.auth.middleware import AuthenticationMiddleware
from django.contrib.auth.models import AnonymousUser
from django.contrib.messages.middleware import MessageMiddleware
from django.contrib.sessions.middleware import SessionMiddleware
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils.html import escape

from cms.log import REQUEST_ID_HEADER, current_request_id, request_id_from
from content.errors import json_error

logger = logging.getLogger(__name__)

DATABASE_UNAVAILABLE_MESSAGE = (
    "일시적으로 데이터베이스에 연결할 수 없습니다. 잠시 후 다시 시도해 주세요."
)
RETRY_AFTER_SECONDS = 5


class RequestIdMiddleware:
    """Honours the proxy's X-Request-ID (or makes one), logs with it and returns it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request_id = request_id_from(request.headers.get(REQUEST_ID_HEADER))
        request.request_id = request_id
        token = current_request_id.set(request_id)
        try:
            response = self.get_response(request)
        finally:
            current_request_id.reset(token)
        response[REQUEST_ID_HEADER] = request_id
        return response


class DatabaseUnavailableMiddleware:
    """Turns a lost or busy database into a 503 the client can retry, without a traceback.

    Django drops the broken connection at the end of the request, so the next request
    reconnects by itself once the database is back.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        return database_unavailable(request, exception)


def database_unavailable(request: HttpRequest, exception: Exception) -> HttpResponse:
    """The 503 for a lost or busy database, for views and for middleware that reads it."""
    logger.error(
        "database unavailable: %s",
        str(exception).strip().splitlines()[0] if str(exception).strip() else "",
        extra={"path": request.path, "error": type(exception).__name__},
    )
    response = _unavailable_response(request)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def _unavailable_response(request: HttpRequest) -> HttpResponse:
    """The API's JSON error envelope under /api/; Wagtail's error page in Korean elsewhere."""
    if request.path.startswith("/api/"):
        return json_error("database_unavailable", DATABASE_UNAVAILABLE_MESSAGE, 503)
    try:
        html = render_to_string(
            "cms/503.html", {"message": DATABASE_UNAVAILABLE_MESSAGE}, request=request
        )
    # The admin's page reads the signed-in user; with the database gone, plain HTML still answers.
    except Exception:
        logger.warning("admin error page could not be rendered", exc_info=True)
        html = f'<!doctype html><html lang="ko"><p>{escape(DATABASE_UNAVAILABLE_MESSAGE)}</p>'
    return HttpResponse(html, status=503)


API_PREFIX = "/api/"


class _SkippedForApi:
    """The API is anonymous and the same for everyone (its views take no session and are
    CSRF-exempt), so session, CSRF-cookie and messages work would be wasted on it."""

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path_info.startswith(API_PREFIX):
            return self.skipped(request)
        return super().__call__(request)

    def skipped(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)


class ApiLeanSessionMiddleware(_SkippedForApi, SessionMiddleware):
    pass


class ApiLeanAuthenticationMiddleware(_SkippedForApi, AuthenticationMiddleware):
    def skipped(self, request: HttpRequest) -> HttpResponse:
        request.user = AnonymousUser()
        return self.get_response(request)


class ApiLeanMessageMiddleware(_SkippedForApi, MessageMiddleware):
    pass
