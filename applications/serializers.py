"""Request and response shapes of the applications API (/api/v2/applications/)."""

from typing import Any

from rest_framework import serializers

from content.phone import normalize_phone
from pages.blocks.education import QuestionKind
from pages.models import EducationProgramPage, ProgramSession

from .models import NAME_MAX_LENGTH, Application

MAX_PEOPLE = 100  # above any program's per-application limit; keeps the small column safe
CONSENT_MESSAGE = "개인정보 수집·이용에 동의해야 신청할 수 있습니다."


def _required(label: str) -> dict[str, Any]:
    return {"required": f"{label} 입력해 주세요.", "blank": f"{label} 입력해 주세요.",
            "null": f"{label} 입력해 주세요."}  # fmt: skip


class ApplySerializer(serializers.Serializer):
    """What an applicant sends. The program (in `context["program"]`) sets the limits."""

    name = serializers.CharField(
        max_length=NAME_MAX_LENGTH,
        error_messages={
            **_required("신청인 이름을"),
            "max_length": "이름은 30자 이내로 입력해 주세요.",
        },
    )
    phone = serializers.CharField(max_length=20, error_messages=_required("휴대전화 번호를"))
    email = serializers.EmailField(
        max_length=254,
        required=False,
        allow_blank=True,
        error_messages={"invalid": "이메일 주소 형식이 올바르지 않습니다. 예: name@example.com"},
    )
    participants = serializers.IntegerField(
        min_value=1,
        max_value=MAX_PEOPLE,
        default=1,
        error_messages={"invalid": "참여 인원은 숫자로 입력해 주세요.",
                        "min_value": "참여 인원은 1명 이상이어야 합니다.",
                        "max_value": "참여 인원이 너무 많습니다."},
    )  # fmt: skip
    children = serializers.IntegerField(
        min_value=0,
        max_value=MAX_PEOPLE,
        default=0,
        error_messages={
            "invalid": "아동 인원은 숫자로 입력해 주세요.",
            "max_value": "아동 인원이 너무 많습니다.",
        },
    )
    district = serializers.IntegerField(
        min_value=1,
        max_value=2**31 - 1,
        required=False,
        allow_null=True,
        help_text="거주 자치구 id (/api/v2/pages/ 분류와 같음)",
    )
    session = serializers.IntegerField(
        min_value=1,
        max_value=2**31 - 1,
        required=False,
        allow_null=True,
        help_text="모집 회차 id (`sessions[].id`); 회차가 있는 프로그램에서는 필수",
        error_messages={"invalid": "회차를 다시 골라 주세요."},
    )
    answers = serializers.DictField(
        child=serializers.CharField(allow_blank=True, max_length=500),
        required=False,
        default=dict,
        help_text='프로그램 질문의 답: {"child_age": "5"}',
    )
    under_14 = serializers.BooleanField(required=False, default=False)
    guardian_name = serializers.CharField(
        max_length=NAME_MAX_LENGTH, required=False, allow_blank=True
    )
    guardian_consent = serializers.BooleanField(required=False, default=False)
    consent_personal_data = serializers.BooleanField(
        error_messages={"required": CONSENT_MESSAGE, "null": CONSENT_MESSAGE}
    )

    @property
    def program(self) -> EducationProgramPage:
        return self.context["program"]

    def validate_phone(self, value: str) -> str:
        normalized = normalize_phone(value)
        if normalized is None or not normalized.startswith("01"):
            raise serializers.ValidationError(
                "휴대전화 번호 형식이 올바르지 않습니다. 예: 010-1234-5678"
            )
        return normalized

    def validate_consent_personal_data(self, value: bool) -> bool:
        if not value:
            raise serializers.ValidationError(CONSENT_MESSAGE)
        return value

    def validate(self, attrs: dict) -> dict:
        program = self.program
        errors: dict[str, list[str]] = {}
        if attrs["participants"] > program.max_participants:
            errors["participants"] = [
                f"이 프로그램은 한 번에 {program.max_participants}명까지 신청할 수 있습니다."
            ]
        if program.asks_children and attrs["children"] >= attrs["participants"]:
            errors["children"] = ["성인 보호자 1명 이상이 함께 참여해야 합니다."]
        if not program.asks_children:
            attrs["children"] = 0
        if attrs["under_14"] and not (
            attrs.get("guardian_name", "").strip() and attrs["guardian_consent"]
        ):
            errors["guardian_consent"] = [
                "만 14세 미만은 법정대리인의 이름과 동의가 있어야 신청할 수 있습니다."
            ]
        session, session_error = self._session(attrs.get("session"))
        if session_error:
            errors["session"] = [session_error]
        attrs["session"] = session
        needs_district = program.priority_days or program.priority_district_only
        if program.priority_district_id and needs_district and not attrs.get("district"):
            errors["district"] = ["거주 자치구를 선택해 주세요."]
        answers, answer_errors = self._answers(attrs.get("answers", {}))
        if answer_errors:
            errors["answers"] = answer_errors
        if errors:
            raise serializers.ValidationError(errors)
        attrs["answers"] = answers
        return attrs

    def _session(self, session_id: int | None) -> tuple[ProgramSession | None, str | None]:
        """The chosen session of a program with sessions; None for a program without."""
        sessions = {session.pk: session for session in self.program.program_sessions.all()}
        if not sessions:
            if session_id is not None:
                return None, "이 프로그램은 회차를 고르지 않습니다."
            return None, None
        if session_id is None:
            return None, "신청할 회차를 골라 주세요."
        if session_id not in sessions:
            return None, "이 프로그램의 회차가 아닙니다. 회차를 다시 골라 주세요."
        return sessions[session_id], None

    def _answers(self, given: dict) -> tuple[dict, list[str]]:
        """Keep the answers to this program's questions only, checked by their kind."""
        answers, errors = {}, []
        for block in self.program.application_questions:
            question = block.value
            value = str(given.get(question["key"], "")).strip()
            label = question["label"]
            if not value:
                if question["required"] or question.limits_eligibility():
                    errors.append(f"'{label}'에 답해 주세요.")
                continue
            if question["kind"] == QuestionKind.NUMBER:
                # isdecimal, not isdigit: "²" is a digit int() cannot read. Full-width and
                # other scripts' decimal digits are kept as the ASCII number.
                if not value.isdecimal():
                    errors.append(f"'{label}'은(는) 숫자로 답해 주세요.")
                    continue
                value = str(int(value))
            elif question["kind"] == QuestionKind.CHOICE and value not in question.choice_list():
                errors.append(
                    f"'{label}'은(는) {', '.join(question.choice_list())} 중에서 골라 주세요."
                )
            answers[question["key"]] = value
        return answers, errors


class SeatsSerializer(serializers.Serializer):
    """Seat counts, numbers only: "잔여 3석 · 대기 5명"."""

    status = serializers.CharField(help_text="upcoming | open | closed | offline")
    status_label = serializers.CharField(help_text="모집예정 | 모집중 | 마감")
    capacity = serializers.IntegerField()
    remaining = serializers.IntegerField()
    waitlisted = serializers.IntegerField()
    waitlist_limit = serializers.IntegerField()
    waitlist_remaining = serializers.IntegerField()


class SessionSerializer(serializers.Serializer):
    """A session (모집 회차) with its own seats: "1회차 잔여 3석 · 대기 5명"."""

    id = serializers.IntegerField(help_text="신청할 때 `session`으로 보냅니다. 예: 12")
    title = serializers.CharField(help_text="예: 1회차")
    date = serializers.DateField(help_text="교육일. 예: 2026-12-19")
    time_note = serializers.CharField(help_text="예: 10:00~12:00 (없으면 빈 문자열)")
    seats = SeatsSerializer()


class QuestionSerializer(serializers.Serializer):
    key = serializers.CharField()
    # The question's own fields, named as the API shows them (they shadow Field attributes).
    label = serializers.CharField()  # type: ignore[assignment]
    kind = serializers.CharField()
    choices = serializers.ListField(child=serializers.CharField())
    required = serializers.BooleanField()  # type: ignore[assignment]


class ProgramFormSerializer(serializers.Serializer):
    """GET /api/v2/applications/programs/<id>/: the form to draw and today's seat counts."""

    program = serializers.IntegerField()
    title = serializers.CharField()
    max_participants = serializers.IntegerField()
    asks_children = serializers.BooleanField()
    priority_district = serializers.IntegerField(allow_null=True)
    priority_until = serializers.DateField(allow_null=True)
    questions = QuestionSerializer(many=True)
    seats = SeatsSerializer(help_text="회차가 있으면 모든 회차의 합계")
    sessions = SessionSerializer(
        many=True, help_text="모집 회차와 회차별 잔여석 (회차 없이 모집하면 빈 목록)"
    )


class ApplicationStatusSerializer(serializers.ModelSerializer):
    """What an applicant sees with the receipt number and access code (never others)."""

    status_label = serializers.CharField(source="get_status_display")
    program_title = serializers.CharField(source="program.title")
    waitlist_number = serializers.IntegerField(allow_null=True)
    session = serializers.IntegerField(
        source="session_id", allow_null=True, help_text="모집 회차 id (회차 없으면 null)"
    )
    session_title = serializers.CharField(
        source="session.title", allow_null=True, help_text="예: 1회차"
    )
    session_date = serializers.DateField(source="session.date", allow_null=True)

    class Meta:
        model = Application
        fields = [
            "receipt_number",
            "program_id",
            "program_title",
            "session",
            "session_title",
            "session_date",
            "status",
            "status_label",
            "waitlist_number",
            "participants",
            "applied_at",
            "confirmed_at",
            "cancelled_at",
        ]


class ReceiptSerializer(ApplicationStatusSerializer):
    """The 201 answer: the access code appears here once and is never stored in clear."""

    access_code = serializers.CharField()
    message = serializers.CharField()

    class Meta(ApplicationStatusSerializer.Meta):
        fields = [*ApplicationStatusSerializer.Meta.fields, "access_code", "message"]


class ApplicationAccessCodeSerializer(serializers.Serializer):
    access_code = serializers.CharField()
