"""What online counseling processes, for the generated privacy policy (privacy/policy.py)."""

from django.conf import settings

from privacy.policy import Processing

from .models import CounselingCase

REQUIRED = ["title", "question"]
OPTIONAL = ["nickname", "email", "phone", "guardian_name", "guardian_phone"]


def _labels(names: list[str]) -> list[str]:
    return [str(CounselingCase._meta.get_field(name).verbose_name) for name in names]


def processing() -> Processing:
    return Processing(
        name="온라인 상담",
        purposes=[
            "상담 신청 접수와 답변",
            "답변 알림 발송(이메일 또는 문자)",
            "본인 동의 시 개인정보를 지운 익명 FAQ 작성",
        ],
        required_items=_labels(REQUIRED),
        optional_items=_labels(OPTIONAL),
        retention_days=settings.COUNSELING_RETENTION_DAYS,
        log_retention_days=settings.COUNSELING_ACCESS_LOG_RETENTION_DAYS,
        legal_basis="정보주체의 동의(개인정보 보호법 제15조 제1항 제1호), "
        "만 14세 미만은 법정대리인의 동의(제22조의2)",
    )
