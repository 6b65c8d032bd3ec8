"""The citizen-facing counseling API: submit a question, read its status and answer."""

from django.conf import settings
from django_ratelimit.core import get_usage
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response

from content.errors import error_response
from content.public_api import HONEYPOT_FIELD, AnonymousAPIView
from infra.crypto import access_code_matches
from infra.ratelimit import Quota, add_quota_headers, standing, too_many_requests, uncounted

from .models import CounselingCase
from .serializers import (
    AccessCodeSerializer,
    CaseStatusSerializer,
    CounselingSubmissionSerializer,
    SubmissionReceiptSerializer,
)
from .services import submit_case

ACCESS_CODE_HEADER = "X-Access-Code"
NOT_FOUND_MESSAGE = "접수번호 또는 열람 코드가 올바르지 않습니다."
TOO_MANY_LOOKUPS = "열람 시도가 너무 많습니다. 잠시 후 다시 시도해 주세요."
NO_STORE = {"Cache-Control": "no-store"}
# Compared against when the receipt is unknown: same length as a real HMAC-SHA256 hex digest.
UNKNOWN_RECEIPT_HASH = "0" * 64

ERROR_RESPONSE = OpenApiResponse(
    OpenApiTypes.OBJECT, description='`{"error": {"code", "message", "fields"?}}`, 한국어 메시지'
)
ACCESS_CODE_PARAMETER = OpenApiParameter(
    ACCESS_CODE_HEADER,
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    required=True,
    description="접수 때 한 번 보여 준 열람 코드 (예: ABCD-EFGH-JKMN)",
)


def _submit_rate(group: str, request) -> str | None:
    return settings.COUNSELING_SUBMIT_RATE or None


def _receipt_key(group: str, request) -> str:
    return request.resolver_match.kwargs.get("receipt_number", "").upper()


class CounselingAPIView(AnonymousAPIView):
    """Public, anonymous endpoints: no session (so no CSRF), JSON errors in Korean."""


class CounselingSubmitView(CounselingAPIView):
    """POST /api/v2/counseling/: a citizen's question in, a receipt number and access code out."""

    @extend_schema(
        operation_id="counseling_submit",
        summary="상담 신청",
        request=CounselingSubmissionSerializer,
        responses={201: SubmissionReceiptSerializer, 400: ERROR_RESPONSE, 429: ERROR_RESPONSE},
        tags=["counseling"],
    )
    def post(self, request: Request) -> Response:
        quota = None
        if settings.COUNSELING_SUBMIT_RATE:
            usage = get_usage(
                request, group="counseling:submit", key="ip", rate=_submit_rate, increment=True
            )
            if usage is not None and usage["limit"]:
                quota = Quota.of("counseling-submit", settings.COUNSELING_SUBMIT_RATE, usage)
                if usage["should_limit"]:
                    return too_many_requests(
                        quota, "상담 신청이 너무 많습니다. 잠시 후 다시 시도해 주세요."
                    )
        response = self._submit(request)
        return add_quota_headers(response, quota) if quota else response

    def _submit(self, request: Request) -> Response:
        data = self.fields(request)
        if str(data.get(HONEYPOT_FIELD, "")).strip():
            return error_response("rejected", "요청을 처리할 수 없습니다.", 400)
        serializer = CounselingSubmissionSerializer(data=data)
        if not serializer.is_valid():
            return error_response(
                "invalid",
                "입력한 내용을 확인해 주세요.",
                400,
                fields=serializer.errors,
            )
        case, access_code = submit_case(serializer.validated_data)
        receipt = SubmissionReceiptSerializer(
            {
                "receipt_number": case.receipt_number,
                "access_code": access_code,
                "status": case.status,
                "status_label": case.get_status_display(),
                "submitted_at": case.submitted_at,
                "message": (
                    "상담이 접수되었습니다. 접수번호와 열람 코드는 답변을 확인할 때 필요하며 "
                    "다시 알려 드릴 수 없으니 꼭 적어 두세요."
                ),
            }
        )
        return Response(receipt.data, status=status.HTTP_201_CREATED, headers=NO_STORE)


class CounselingLookupView(CounselingAPIView):
    """GET (header X-Access-Code) or POST (field access_code) /api/v2/counseling/<receipt>/."""

    @extend_schema(
        operation_id="counseling_lookup",
        summary="상담 답변 확인",
        parameters=[ACCESS_CODE_PARAMETER],
        responses={200: CaseStatusSerializer, 404: ERROR_RESPONSE, 429: ERROR_RESPONSE},
        tags=["counseling"],
    )
    def get(self, request: Request, receipt_number: str) -> Response:
        return self._lookup(request, receipt_number, request.headers.get(ACCESS_CODE_HEADER, ""))

    @extend_schema(
        operation_id="counseling_lookup_form",
        summary="상담 답변 확인 (폼 전송)",
        request=AccessCodeSerializer,
        responses={
            200: CaseStatusSerializer,
            400: ERROR_RESPONSE,
            404: ERROR_RESPONSE,
            429: ERROR_RESPONSE,
        },
        tags=["counseling"],
    )
    def post(self, request: Request, receipt_number: str) -> Response:
        code = request.headers.get(ACCESS_CODE_HEADER) or self.fields(request).get(
            "access_code", ""
        )
        return self._lookup(request, receipt_number, str(code))

    def _lookup(self, request: Request, receipt_number: str, access_code: str) -> Response:
        receipt_number = receipt_number.upper()
        quotas = self._quotas(request, increment=False)
        if quotas is None:
            # Uncounted, the receipt and its access code could be guessed freely: fail closed.
            return uncounted(TOO_MANY_LOOKUPS)
        spent = [quota for quota in quotas if not quota.remaining]
        if spent:
            # Retry-After is the longest wait; every quota is reported, so a client sees both
            # the address's and the receipt's standing.
            longest = max(spent, key=lambda quota: quota.reset)
            response = too_many_requests(longest, TOO_MANY_LOOKUPS)
            for quota in quotas:
                if quota is not longest:
                    add_quota_headers(response, quota)
            return response
        case = CounselingCase.objects.filter(receipt_number=receipt_number).first()
        # Hash even for unknown receipts, so both failures take the same time.
        stored_hash = case.access_code_hash if case else UNKNOWN_RECEIPT_HASH
        if case is None or not access_code_matches(receipt_number, access_code, stored_hash):
            quotas = self._quotas(request, increment=True)
            response = error_response("not_found", NOT_FOUND_MESSAGE, 404)
        else:
            response = Response(CaseStatusSerializer(case).data, headers=NO_STORE)
        for quota in quotas or ():
            add_quota_headers(response, quota)
        return response

    @staticmethod
    def _quotas(request, *, increment: bool) -> list[Quota] | None:
        """Failed look-ups left to this IP and to this receipt number (counted on failure);
        None when the cache could not count them."""
        rate = settings.COUNSELING_LOOKUP_RATE
        if not rate:
            return []
        quotas = []
        for policy, group, key in (
            ("counseling-lookup", "counseling:lookup", "ip"),
            ("counseling-lookup-receipt", "counseling:lookup-receipt", _receipt_key),
        ):
            quota = standing(request, policy, group=group, key=key, rate=rate, increment=increment)
            if quota is None:
                return None
            quotas.append(quota)
        return quotas
