"""POST /api/v2/feedback/: "이 정보가 도움이 되었나요?" from any page of the portal."""

from django.conf import settings
from django.http import HttpResponse
from django_ratelimit.core import get_usage
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response

from content.errors import error_response
from content.public_api import HONEYPOT_FIELD, AnonymousAPIView
from infra.ratelimit import Quota, too_many_requests

from .serializers import FeedbackReceiptSerializer, FeedbackSubmissionSerializer

ERROR_RESPONSE = OpenApiResponse(
    OpenApiTypes.OBJECT, description='`{"error": {"code", "message", "fields"?}}`, 한국어 메시지'
)
THANKS = "의견 고맙습니다. 더 나은 안내를 만드는 데 쓰겠습니다."


def _rate(group: str, request) -> str | None:
    return settings.FEEDBACK_RATE or None


class FeedbackView(AnonymousAPIView):
    """Anonymous, no session or cookie; JSON errors in Korean through content/errors.py."""

    @extend_schema(
        operation_id="feedback_submit",
        summary="페이지 의견 남기기 (이 정보가 도움이 되었나요?)",
        request=FeedbackSubmissionSerializer,
        responses={201: FeedbackReceiptSerializer, 400: ERROR_RESPONSE, 429: ERROR_RESPONSE},
        tags=["feedback"],
    )
    def post(self, request: Request) -> Response | HttpResponse:
        # Counted per client in the cache (django-ratelimit keys on a hash), never stored.
        rate = _rate("feedback", request)
        usage = rate and get_usage(request, group="feedback", key="ip", rate=rate, increment=True)
        if rate and usage and usage["should_limit"]:
            # Retry-After and the RateLimit fields, as every 429 of the API (docs: OpenAPI).
            return too_many_requests(
                Quota.of("feedback", rate, usage),
                "의견을 너무 자주 보냈습니다. 잠시 후 다시 보내 주세요.",
            )
        data = self.fields(request)
        # A field people never see: only scripts that fill every input put text in it.
        if str(data.get(HONEYPOT_FIELD, "")).strip():
            return error_response("rejected", "요청을 처리할 수 없습니다.", 400)
        serializer = FeedbackSubmissionSerializer(data=data)
        if not serializer.is_valid():
            return error_response(
                "invalid", "입력한 내용을 확인해 주세요.", 400, fields=serializer.errors
            )
        serializer.save()
        return Response(
            FeedbackReceiptSerializer({"message": THANKS}).data,
            status=status.HTTP_201_CREATED,
            headers={"Cache-Control": "no-store"},
        )
