"""The base of the public, anonymous write APIs (counseling, program applications).

No session (so no CSRF), bounded JSON, form or multipart bodies, and every refusal of the
request itself (unreadable body, wrong media type, method) in the one Korean JSON envelope.
"""

from collections.abc import Mapping

from rest_framework import exceptions
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.views import APIView

from .errors import error_response

# A field people never see (hidden by the forms): bots that fill every field fill it too.
HONEYPOT_FIELD = "website"


class BoundedJSONParser(JSONParser):
    """JSON bodies; nesting deep enough to exhaust Python's recursion is unreadable input."""

    def parse(self, stream, media_type=None, parser_context=None):
        try:
            return super().parse(stream, media_type, parser_context)
        except RecursionError as error:
            raise exceptions.ParseError from error


class AnonymousAPIView(APIView):
    """Public, anonymous endpoints: no session (so no CSRF), JSON errors in Korean."""

    authentication_classes = []
    permission_classes = [AllowAny]
    parser_classes = [BoundedJSONParser, FormParser, MultiPartParser]

    def handle_exception(self, exc):
        if isinstance(exc, exceptions.ParseError):
            return error_response(
                "malformed", "요청 본문을 읽을 수 없습니다. JSON 형식을 확인해 주세요.", 400
            )
        if isinstance(exc, exceptions.UnsupportedMediaType):
            return error_response(
                "unsupported_media_type",
                "application/json 또는 폼 형식으로 보내 주세요.",
                415,
            )
        if isinstance(exc, exceptions.MethodNotAllowed):
            return error_response("method_not_allowed", "허용되지 않는 요청 방식입니다.", 405)
        return super().handle_exception(exc)

    @staticmethod
    def fields(request: Request) -> Mapping:
        """The request body's fields; a JSON array or scalar is as unreadable as broken JSON."""
        if not isinstance(request.data, Mapping):
            raise exceptions.ParseError
        return request.data
