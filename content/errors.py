"""The one JSON error envelope of every API: `{"error": {"code", "message", ...}}`.

Messages are Korean (people read them); `detail` may carry a developer's English. Every
API view, the search and counseling APIs, the middleware and Django's error handlers
answer through these helpers, so clients parse one shape whatever went wrong.
"""

import logging

from django.core.exceptions import RequestDataTooBig, ValidationError
from django.http import Http404, HttpResponsePermanentRedirect, JsonResponse
from django.urls import Resolver404, resolve
from django.views import defaults
from rest_framework import exceptions, status
from rest_framework.response import Response
from wagtail.api.v2.utils import BadRequestError

logger = logging.getLogger(__name__)

NOT_FOUND_MESSAGE = "요청한 콘텐츠를 찾을 수 없습니다."
SERVER_ERROR_MESSAGE = "서버에서 오류가 발생했습니다. 잠시 후 다시 시도해 주세요."
TOO_LARGE_MESSAGE = "요청 본문이 너무 큽니다. 내용을 줄여 다시 보내 주세요."
BAD_REQUEST_MESSAGE = "요청 값이 올바르지 않습니다."


def error_body(code: str, message: str, **extra) -> dict:
    return {"error": {"code": code, "message": message, **extra}}


def error_response(code: str, message: str, http_status: int, **extra) -> Response:
    """The envelope as a DRF response (API views)."""
    response = Response(error_body(code, message, **extra), status=http_status)
    response["Cache-Control"] = "no-store"
    return response


def json_error(code: str, message: str, http_status: int, **extra) -> JsonResponse:
    """The envelope as a plain Django response (middleware, error handlers)."""
    response = JsonResponse(
        error_body(code, message, **extra),
        status=http_status,
        json_dumps_params={"ensure_ascii": False},
    )
    response["Cache-Control"] = "no-store"
    return response


def api_exception_response(exc: Exception) -> Response | None:
    """The JSON response for an exception raised in an API view, or None to re-raise."""
    if isinstance(exc, Http404):
        return error_response("not_found", NOT_FOUND_MESSAGE, status.HTTP_404_NOT_FOUND)
    if isinstance(exc, BadRequestError):
        message = str(exc)
        if not _is_korean(message):
            # Wagtail's own messages are English; keep them as detail for developers.
            return error_response(
                "bad_request",
                BAD_REQUEST_MESSAGE,
                status.HTTP_400_BAD_REQUEST,
                detail=message,
            )
        return error_response("bad_request", message, status.HTTP_400_BAD_REQUEST)
    if isinstance(exc, ValidationError):
        return error_response(
            "bad_request",
            "요청 값이 올바르지 않습니다.",
            status.HTTP_400_BAD_REQUEST,
            detail="; ".join(exc.messages),
        )
    if isinstance(exc, exceptions.MethodNotAllowed):
        return error_response(
            "method_not_allowed", "허용되지 않는 요청 방식입니다.", exc.status_code
        )
    if isinstance(exc, exceptions.APIException):
        return error_response(exc.default_code, str(exc.detail), exc.status_code)
    return None


def _is_korean(text: str) -> bool:
    return any("\uac00" <= char <= "\ud7a3" for char in text)


def _is_api_request(request) -> bool:
    return request.path.startswith("/api/")


def bad_request(request, exception=None):
    """handler400: JSON under /api/ (413 for a body over the upload limit), Django's page
    elsewhere."""
    if not _is_api_request(request):
        return defaults.bad_request(request, exception)
    if isinstance(exception, RequestDataTooBig):
        return json_error("too_large", TOO_LARGE_MESSAGE, 413)
    return json_error("bad_request", BAD_REQUEST_MESSAGE, 400)


def page_not_found(request, exception=None):
    """handler404: JSON under /api/, Django's page elsewhere."""
    if _is_api_request(request):
        return json_error("not_found", NOT_FOUND_MESSAGE, 404)
    return defaults.page_not_found(request, exception)


def server_error(request):
    """handler500: JSON under /api/ (never a traceback), Django's page elsewhere."""
    if _is_api_request(request):
        return json_error("server_error", SERVER_ERROR_MESSAGE, 500)
    return defaults.server_error(request)


def api_not_found(request, *args, **kwargs):
    """Catch-all for unknown /api/ URLs, which would otherwise fall through to page serving.

    A known endpoint asked for without its trailing slash is redirected, as Django would.
    """
    if not request.path.endswith("/"):
        try:
            match = resolve(request.path + "/")
        except Resolver404:
            match = None
        if match is not None and match.func is not api_not_found:
            query = request.META.get("QUERY_STRING", "")
            return HttpResponsePermanentRedirect(
                request.path + "/" + (f"?{query}" if query else "")
            )
    return json_error("not_found", NOT_FOUND_MESSAGE, 404)
