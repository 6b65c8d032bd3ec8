"""The citizens' applications API: the form and seat counts, apply, look up, cancel."""

from datetime import timedelta

from django.conf import settings
from django_ratelimit.core import get_usage
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response

from content.errors import error_response
from content.phone import normalize_phone
from content.public_api import AnonymousAPIView
from infra.crypto import access_code_matches, phone_digest
from infra.ratelimit import standing
from pages.models import EducationProgramPage

from . import seats
from .models import Application, Status
from .serializers import (
    ApplicationAccessCodeSerializer,
    ApplicationStatusSerializer,
    ApplySerializer,
    ProgramFormSerializer,
    ReceiptSerializer,
)

ACCESS_CODE_HEADER = "X-Access-Code"
NOT_FOUND_MESSAGE = "접수번호 또는 열람 코드가 올바르지 않습니다."
NO_STORE = {"Cache-Control": "no-store"}
UNKNOWN_RECEIPT_HASH = "0" * 64
ERROR_RESPONSE = OpenApiResponse(
    OpenApiTypes.OBJECT, description='`{"error": {"code", "message", "fields"?}}`, 한국어 메시지'
)
ACCESS_CODE_PARAMETER = OpenApiParameter(
    ACCESS_CODE_HEADER,
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    required=True,
    description="신청 때 한 번 보여 준 열람 코드 (예: ABCD-EFGH-JKMN)",
)
REFUSED_STATUS = {"not_eligible": 403}


def _wait_seconds(request, group: str, key, rate: str) -> int | None:
    """Count this attempt; the seconds until the window resets if the limit is passed."""
    if not rate:
        return None
    usage = get_usage(request, group=group, key=key, rate=rate, increment=True)
    if usage is None or not usage["should_limit"]:
        return None
    return max(int(usage["time_left"]), 1)


def _rate_limited(message: str, seconds: int) -> Response:
    response = error_response("rate_limited", message, 429, retry_after=seconds)
    response["Retry-After"] = str(seconds)
    return response


def _program(program_id: int) -> EducationProgramPage | None:
    if program_id >= 2**63:  # no such row, and more than the database's integer can hold
        return None
    return EducationProgramPage.objects.live().public().filter(pk=program_id).first()


class ProgramApplicationsView(AnonymousAPIView):
    """GET: the form and seat counts; POST: apply (/api/v2/applications/programs/<id>/)."""

    @extend_schema(
        operation_id="applications_program",
        summary="프로그램 신청서와 잔여석",
        responses={200: ProgramFormSerializer, 404: ERROR_RESPONSE},
        tags=["applications"],
    )
    def get(self, request: Request, program_id: int) -> Response:
        program = _program(program_id)
        if program is None:
            return error_response("not_found", "프로그램을 찾을 수 없습니다.", 404)
        priority_until = None
        if program.priority_district_id and program.priority_days:
            priority_until = program.application_start + timedelta(days=program.priority_days - 1)
        sessions = seats.session_counts(program)
        data = {
            "program": program.pk,
            "title": program.title,
            "max_participants": program.max_participants,
            "asks_children": program.asks_children,
            "priority_district": program.priority_district_id,
            "priority_until": priority_until,
            "questions": [
                {**block.value, "choices": block.value.choice_list()}
                for block in program.application_questions
            ],
            "seats": seats.public_counts(program, sessions=sessions),
            "sessions": sessions,
        }
        # Seat counts move during a burst: a client may reuse them for a few seconds only.
        return Response(ProgramFormSerializer(data).data, headers={"Cache-Control": "max-age=2"})

    @extend_schema(
        operation_id="applications_apply",
        summary="프로그램 신청",
        request=ApplySerializer,
        responses={
            201: ReceiptSerializer,
            400: ERROR_RESPONSE,
            403: OpenApiResponse(
                OpenApiTypes.OBJECT,
                description="신청 대상이 아님(`not_eligible`): 우선 모집·주민 전용 자치구, 또는 "
                "답변이 프로그램 대상(예비부부만 등)이 아님 — 해당 질문 `question` 포함",
            ),
            404: ERROR_RESPONSE,
            409: OpenApiResponse(
                OpenApiTypes.OBJECT,
                description="이미 신청함(`already_applied`, 기존 접수번호 `receipt_number`와 "
                "회차 `session` 포함; 한 프로그램에 한 회차만), 모집예정·마감(`upcoming`, "
                "`closed`; 지난 회차 포함), 정원·대기 마감(`full`, 회차별)",
            ),
            429: ERROR_RESPONSE,
        },
        tags=["applications"],
    )
    def post(self, request: Request, program_id: int) -> Response:
        wait = _wait_seconds(request, "applications:apply", "ip", settings.APPLICATIONS_APPLY_RATE)
        if wait:
            return _rate_limited("신청 요청이 너무 많습니다. 잠시 후 다시 시도해 주세요.", wait)
        program = _program(program_id)
        if program is None:
            return error_response("not_found", "프로그램을 찾을 수 없습니다.", 404)
        data = self.fields(request)
        phone = normalize_phone(str(data.get("phone", "")))
        if phone:
            digest = phone_digest(phone)
            wait = _wait_seconds(
                request,
                "applications:phone",
                lambda group, request: digest,
                settings.APPLICATIONS_PHONE_RATE,
            )
            if wait:
                return _rate_limited(
                    "이 번호로 신청을 너무 자주 시도했습니다. 잠시 후 다시 시도해 주세요.", wait
                )
        serializer = ApplySerializer(data=data, context={"program": program})
        if not serializer.is_valid():
            return error_response(
                "invalid", "입력한 내용을 확인해 주세요.", 400, fields=serializer.errors
            )
        try:
            outcome = seats.apply(program, serializer.validated_data)
        except seats.Refused as refusal:
            return error_response(
                refusal.code,
                refusal.message,
                REFUSED_STATUS.get(refusal.code, 409),
                **refusal.extra,
            )
        application = outcome.application
        if outcome.duplicate:
            return _already_applied(application, serializer.validated_data["session"])
        # Shown once, in this answer only (the access code is stored hashed).
        application.access_code = outcome.access_code  # type: ignore[attr-defined]
        application.message = _receipt_message(application)  # type: ignore[attr-defined]
        return Response(
            ReceiptSerializer(application).data, status=status.HTTP_201_CREATED, headers=NO_STORE
        )


def _already_applied(application: Application, session_asked) -> Response:
    """The same phone again: its existing receipt, whichever session it asked for now."""
    held = f"{application.session.title}, " if application.session else ""
    message = (
        f"이미 이 번호로 신청하셨습니다 (접수번호 {application.receipt_number}, {held}"
        f"{application.get_status_display()}). 확인과 취소는 접수번호와 열람 코드로 할 수 있습니다."
    )
    if session_asked is not None and session_asked.pk != application.session_id:
        message += (
            " 한 프로그램에는 한 회차만 신청할 수 있으니, 회차를 바꾸려면 먼저 취소해 주세요."
        )
    return error_response(
        "already_applied",
        message,
        409,
        receipt_number=application.receipt_number,
        session=application.session_id,
    )


def _receipt_message(application: Application) -> str:
    keep = "접수번호와 열람 코드는 확인·취소에 필요하며 다시 알려 드릴 수 없으니 꼭 적어 두세요."
    if application.status == Status.CONFIRMED:
        return f"신청이 확정되었습니다. {keep}"
    return (
        f"정원이 차서 대기 {application.waitlist_number()}번으로 접수되었습니다. 자리가 나면 "
        f"순서대로 자동 확정되고 알려 드립니다. {keep}"
    )


class ReceiptView(AnonymousAPIView):
    """Look-ups and cancellations need the receipt number and its access code."""

    def application(self, request: Request, receipt_number: str, access_code: str):
        """(application, None) or (None, the error response); failures are rate-limited."""
        receipt_number = receipt_number.upper()
        if not receipt_number.isascii() or not receipt_number.replace("-", "").isalnum():
            # Not a receipt number at all (PostgreSQL refuses a NUL in a query): none found.
            return None, error_response("not_found", NOT_FOUND_MESSAGE, 404)
        if self._limited(request, receipt_number, increment=False):
            message = "확인 시도가 너무 많습니다. 잠시 후 다시 시도해 주세요."
            return None, _rate_limited(message, 600)
        application = (
            Application.objects.select_related("program", "session")
            .filter(receipt_number=receipt_number)
            .first()
        )
        stored = application.access_code_hash if application else UNKNOWN_RECEIPT_HASH
        if application is None or not access_code_matches(receipt_number, access_code, stored):
            self._limited(request, receipt_number, increment=True)
            return None, error_response("not_found", NOT_FOUND_MESSAGE, 404)
        return application, None

    @staticmethod
    def _limited(request, receipt_number: str, *, increment: bool) -> bool:
        """Whether this IP or this receipt has used up its failed look-ups, or the cache
        cannot count them: uncounted, the access code could be guessed freely (fail closed)."""
        rate = settings.APPLICATIONS_LOOKUP_RATE
        if not rate:
            return False
        limited = False
        for name, group, key in (
            ("applications-lookup", "applications:lookup", "ip"),
            (
                "applications-lookup-receipt",
                "applications:lookup-receipt",
                lambda group, request: receipt_number,
            ),
        ):
            quota = standing(request, name, group=group, key=key, rate=rate, increment=increment)
            limited = limited or quota is None or not quota.remaining
        return limited

    def code(self, request: Request) -> str:
        header = request.headers.get(ACCESS_CODE_HEADER)
        return str(header or self.fields(request).get("access_code", ""))


class LookupView(ReceiptView):
    """GET (header X-Access-Code) or POST (field access_code) /api/v2/applications/<receipt>/."""

    @extend_schema(
        operation_id="applications_lookup",
        summary="신청 상태 확인",
        parameters=[ACCESS_CODE_PARAMETER],
        responses={200: ApplicationStatusSerializer, 404: ERROR_RESPONSE, 429: ERROR_RESPONSE},
        tags=["applications"],
    )
    def get(self, request: Request, receipt_number: str) -> Response:
        return self._answer(request, receipt_number, request.headers.get(ACCESS_CODE_HEADER, ""))

    @extend_schema(
        operation_id="applications_lookup_form",
        summary="신청 상태 확인 (폼 전송)",
        request=ApplicationAccessCodeSerializer,
        responses={200: ApplicationStatusSerializer, 404: ERROR_RESPONSE, 429: ERROR_RESPONSE},
        tags=["applications"],
    )
    def post(self, request: Request, receipt_number: str) -> Response:
        return self._answer(request, receipt_number, self.code(request))

    def _answer(self, request: Request, receipt_number: str, code: str) -> Response:
        application, refusal = self.application(request, receipt_number, code)
        if refusal:
            return refusal
        return Response(ApplicationStatusSerializer(application).data, headers=NO_STORE)


class CancelView(ReceiptView):
    """POST /api/v2/applications/<receipt>/cancel/: the applicant gives their seat up."""

    @extend_schema(
        operation_id="applications_cancel",
        summary="신청 취소",
        parameters=[ACCESS_CODE_PARAMETER],
        request=ApplicationAccessCodeSerializer,
        responses={200: ApplicationStatusSerializer, 404: ERROR_RESPONSE, 429: ERROR_RESPONSE},
        tags=["applications"],
    )
    def post(self, request: Request, receipt_number: str) -> Response:
        application, refusal = self.application(request, receipt_number, self.code(request))
        if refusal:
            return refusal
        seats.cancel(application)
        return Response(ApplicationStatusSerializer(application).data, headers=NO_STORE)
