"""Middleware for running in production: request ids, clean 503s when the database is down
or busy, JSON 413s for oversized bodies, and a lean path for the API (no session, CSRF
cookie, user or messages work under /api/)."""

import logging

from django.conf import settings
from django.contrib.auth.middleware import AuthenticationMiddleware
from django.contrib.auth.models import AnonymousUser
from django.contrib.messages.middleware import MessageMiddleware
from django.contrib.sessions.middleware import SessionMiddleware
from django.core.exceptions import RequestDataTooBig
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.html import escape

from cms.log import REQUEST_ID_HEADER, current_request_id, request_id_from
from content.errors import TOO_LARGE_MESSAGE, json_error
from infra.db import is_busy

logger = logging.getLogger(__name__)

DATABASE_UNAVAILABLE_MESSAGE = (
    "일시적으로 데이터베이스에 연결할 수 없습니다. 잠시 후 다시 시도해 주세요."
)
DATABASE_BUSY_MESSAGE = (
    "지금은 요청이 많아 처리하지 못했습니다. 저장된 내용은 없으니 잠시 후 다시 시도해 주세요."
)
RETRY_AFTER_SECONDS = 5
API_PREFIX = "/api/"


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
    reconnects by itself once the database is back. "Busy" is a write that waited for the
    lock longer than the database allows (and was tried again where that is safe, see
    infra/db.py): it stored nothing, and says so.
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
    busy = is_busy(exception)
    logger.error(
        "database %s: %s",
        "busy" if busy else "unavailable",
        str(exception).strip().splitlines()[0] if str(exception).strip() else "",
        extra={"path": request.path, "error": type(exception).__name__},
    )
    if busy:
        response = _error_response(
            request, 503, "database_busy", "잠시 후 다시 시도해 주세요", DATABASE_BUSY_MESSAGE
        )
    else:
        response = _error_response(
            request,
            503,
            "database_unavailable",
            "잠시 후 다시 시도해 주세요",
            DATABASE_UNAVAILABLE_MESSAGE,
        )
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


class RequestBodyLimitMiddleware:
    """A body over DATA_UPLOAD_MAX_MEMORY_SIZE answers 413 in Korean, under DEBUG too: the
    JSON error envelope under /api/ (and to JSON requests), the admin's error page elsewhere.

    Django would answer its HTML 400 (the debug page under `make run`). API bodies are
    refused from their declared length before anything reads them; admin form bodies (whose
    files do not count) are parsed here, before CSRF reads them, so a refusal is ours.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        if limit is None or request.method in ("GET", "HEAD", "OPTIONS"):
            return self.get_response(request)
        if request.path_info.startswith(API_PREFIX):
            if _declared_length(request) > limit:
                return request_too_large(request)
        elif request.method == "POST":
            try:
                request.POST  # noqa: B018 - parsed now, as CsrfViewMiddleware would
            except RequestDataTooBig:
                return request_too_large(request)
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, RequestDataTooBig):
            return request_too_large(request)
        return None


def _declared_length(request: HttpRequest) -> int:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


def request_too_large(request: HttpRequest) -> HttpResponse:
    limit_mb = settings.DATA_UPLOAD_MAX_MEMORY_SIZE / 1024 / 1024
    logger.warning(
        "request body too large",
        extra={"path": request.path, "content_length": _declared_length(request)},
    )
    return _error_response(
        request,
        413,
        "too_large",
        "보낸 내용이 너무 큽니다",
        TOO_LARGE_MESSAGE,
        hint=f"파일을 뺀 입력 내용은 한 번에 {limit_mb:.1f}MB까지 보낼 수 있습니다.",
        action="돌아가기",
        limit_bytes=settings.DATA_UPLOAD_MAX_MEMORY_SIZE,
    )


def _error_response(
    request: HttpRequest,
    status: int,
    code: str,
    heading: str,
    message: str,
    *,
    hint: str = "작성 중인 내용은 이 창을 닫지 말고 잠시 뒤 다시 저장해 주세요.",
    action: str = "다시 시도",
    **extra,
) -> HttpResponse:
    """The API's JSON error envelope under /api/ (and to JSON requests); Wagtail's error page
    in Korean elsewhere."""
    if request.path.startswith(API_PREFIX) or request.content_type == "application/json":
        return json_error(code, message, status, **extra)
    context = {"status": status, "heading": heading, "message": message, "hint": hint}
    context["action"] = action
    try:
        html = render_to_string("cms/error.html", context, request=request)
    # The admin's page reads the signed-in user; with the database gone, plain HTML still answers.
    except Exception:
        logger.warning("admin error page could not be rendered", exc_info=True)
        html = f'<!doctype html><html lang="ko"><p>{escape(message)}</p>'
    response = HttpResponse(html, status=status)
    response["Cache-Control"] = "no-store"
    return response


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


class KoreanInterfaceMiddleware:
    """Messages, forms and the admin speak Korean whatever the browser asks for.

    `LANGUAGES` lists the content languages (Wagtail requires it), so Django's LocaleMiddleware
    would answer a Vietnamese browser's error pages and validation messages in Vietnamese and
    add `Vary: Accept-Language` to every response. Content picks its language with `?locale=`
    (docs/languages.md), so interface text stays Korean and no response varies by the header.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        translation.activate(settings.LANGUAGE_CODE)
        request.LANGUAGE_CODE = settings.LANGUAGE_CODE
        return self.get_response(request)
