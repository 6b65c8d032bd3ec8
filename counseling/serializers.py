"""Request and response shapes of the counseling API (/api/v2/counseling/)."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from content.phone import normalize_phone
from pages.models.counseling import CounselingCategory

from .models import NICKNAME_MAX_LENGTH, QUESTION_MAX_LENGTH, TITLE_MAX_LENGTH, CounselingCase

CATEGORY_BY_LABEL = {label: value for value, label in CounselingCategory.choices}


def _text_errors(label: str, max_length: int) -> dict[str, str]:
    # Every label here (제목, 상담 내용, 닉네임) ends in a consonant: 을/은.
    return {
        "required": f"{label}을 입력해 주세요.",
        "blank": f"{label}을 입력해 주세요.",
        "null": f"{label}을 입력해 주세요.",
        "invalid": f"{label}은 글자로 입력해 주세요.",
        "max_length": f"{label}은 {max_length:,}자 이내로 입력해 주세요.",
    }


@extend_schema_field(
    {"type": "string", "enum": [*CounselingCategory.values, *CounselingCategory.labels]}
)
class CategoryField(serializers.CharField):
    """A counseling category, by its value (`parenting`) or its Korean label (자녀양육)."""


class CounselingSubmissionSerializer(serializers.Serializer):
    """What a citizen sends; contact details and consents are checked here."""

    category = CategoryField(
        error_messages={
            "required": "상담 분야를 선택해 주세요.",
            "blank": "상담 분야를 선택해 주세요.",
            "null": "상담 분야를 선택해 주세요.",
        }
    )
    title = serializers.CharField(
        max_length=TITLE_MAX_LENGTH, error_messages=_text_errors("제목", TITLE_MAX_LENGTH)
    )
    question = serializers.CharField(
        max_length=QUESTION_MAX_LENGTH,
        error_messages=_text_errors("상담 내용", QUESTION_MAX_LENGTH),
    )
    nickname = serializers.CharField(
        max_length=NICKNAME_MAX_LENGTH,
        required=False,
        allow_blank=True,
        error_messages=_text_errors("닉네임", NICKNAME_MAX_LENGTH),
    )
    email = serializers.EmailField(
        max_length=254,
        required=False,
        allow_blank=True,
        error_messages={
            "invalid": "이메일 주소 형식이 올바르지 않습니다. 예: name@example.com",
            "max_length": "이메일 주소가 너무 깁니다.",
        },
    )
    phone = serializers.CharField(
        max_length=20,
        required=False,
        allow_blank=True,
        error_messages={"max_length": "연락처 형식이 올바르지 않습니다. 예: 010-1234-5678"},
    )
    consent_personal_data = serializers.BooleanField(
        error_messages={
            "required": "개인정보 수집·이용에 동의해야 상담을 신청할 수 있습니다.",
            "null": "개인정보 수집·이용에 동의해야 상담을 신청할 수 있습니다.",
            "invalid": "개인정보 수집·이용 동의 여부를 true 또는 false로 보내 주세요.",
        }
    )
    consent_publication = serializers.BooleanField(
        required=False,
        default=False,
        error_messages={
            "invalid": "FAQ 공개 동의 여부를 true 또는 false로 보내 주세요.",
            "null": "FAQ 공개 동의 여부를 true 또는 false로 보내 주세요.",
        },
    )

    under_14 = serializers.BooleanField(
        required=False,
        default=False,
        error_messages={"invalid": "만 14세 미만 여부를 true 또는 false로 보내 주세요."},
    )
    guardian_name = serializers.CharField(max_length=50, required=False, allow_blank=True)
    guardian_phone = serializers.CharField(max_length=20, required=False, allow_blank=True)
    consent_guardian = serializers.BooleanField(
        required=False,
        default=False,
        error_messages={"invalid": "법정대리인 동의 여부를 true 또는 false로 보내 주세요."},
    )

    language = serializers.CharField(
        required=False,
        default="ko",
        error_messages={"blank": "작성 언어를 보내지 않거나 ko, vi 같은 언어 코드로 보내 주세요."},
    )

    def validate_language(self, value: str) -> str:
        from content.locales import content_languages

        code = value.strip().lower()
        if code not in content_languages():
            raise serializers.ValidationError(
                f"작성 언어는 {', '.join(content_languages())} 중 하나여야 합니다."
            )
        return code

    def validate_category(self, value: str) -> str:
        value = value.strip()
        if value in CounselingCategory.values:
            return value
        if value in CATEGORY_BY_LABEL:
            return CATEGORY_BY_LABEL[value]
        labels = ", ".join(CounselingCategory.labels)
        raise serializers.ValidationError(f"상담 분야는 {labels} 중에서 선택해 주세요.")

    def validate_phone(self, value: str) -> str:
        if not value.strip():
            return ""
        normalized = normalize_phone(value)
        if normalized is None:
            raise serializers.ValidationError(
                "연락처 형식이 올바르지 않습니다. 휴대전화(010-1234-5678) 또는 "
                "지역번호를 포함한 전화번호(02-123-4567)를 입력해 주세요."
            )
        return normalized

    def validate_consent_personal_data(self, value: bool) -> bool:
        if not value:
            raise serializers.ValidationError(
                "개인정보 수집·이용에 동의해야 상담을 신청할 수 있습니다."
            )
        return value

    def validate(self, attrs: dict) -> dict:
        if not attrs.get("email") and not attrs.get("phone"):
            raise serializers.ValidationError(
                {"contact": ["답변 알림을 받을 이메일 또는 연락처 중 하나 이상을 입력해 주세요."]}
            )
        if attrs.get("under_14"):
            attrs.update(self.guardian(attrs))
        else:
            attrs.update(guardian_name="", guardian_phone="", consent_guardian=False)
        return attrs

    def guardian(self, attrs: dict) -> dict:
        """PIPA §22-2: under 14, a legal guardian consents and can be reached to confirm it."""
        name = attrs.get("guardian_name", "").strip()
        phone = normalize_phone(attrs.get("guardian_phone", "") or "")
        errors = []
        if not name:
            errors.append("만 14세 미만은 법정대리인(부모 등)의 이름을 입력해 주세요.")
        if phone is None:
            errors.append("법정대리인의 연락처를 010-1234-5678 형식으로 입력해 주세요.")
        if not attrs.get("consent_guardian"):
            errors.append(
                "만 14세 미만 아동의 개인정보는 법정대리인이 동의해야 처리할 수 있습니다 "
                "(개인정보 보호법 제22조의2)."
            )
        if errors:
            raise serializers.ValidationError({"guardian": errors})
        return {"guardian_name": name, "guardian_phone": phone}


class SubmissionReceiptSerializer(serializers.Serializer):
    """The 201 answer: the access code appears here once and is never stored in clear."""

    receipt_number = serializers.CharField()
    access_code = serializers.CharField()
    status = serializers.CharField()
    status_label = serializers.CharField()
    submitted_at = serializers.DateTimeField()
    message = serializers.CharField()


class AccessCodeSerializer(serializers.Serializer):
    """The POST form of a look-up, for clients that cannot set the X-Access-Code header."""

    access_code = serializers.CharField()


class CaseStatusSerializer(serializers.ModelSerializer):
    """What a citizen sees with the receipt number and access code."""

    category_label = serializers.CharField(source="get_category_display")
    status_label = serializers.CharField(source="get_status_display")
    answer = serializers.SerializerMethodField()

    class Meta:
        model = CounselingCase
        fields = [
            "receipt_number",
            "category",
            "category_label",
            "title",
            "question",
            "status",
            "status_label",
            "submitted_at",
            "answered_at",
            "answer",
        ]

    def get_answer(self, case: CounselingCase) -> str | None:
        return case.answer if case.answered_at and case.answer else None
