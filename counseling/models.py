"""Citizen counseling cases and the access log that records every look at them.

Everything a citizen wrote or gave to be reached by is encrypted at rest
(`EncryptedTextField`); only category, status, dates and the assignment are plain,
so the inbox can be filtered without decrypting anything.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone

from infra.crypto import EncryptedTextField, random_code
from pages.models.counseling import CounselingCategory

RECEIPT_SUFFIX_LENGTH = 6

TITLE_MAX_LENGTH = 100
QUESTION_MAX_LENGTH = 5000
NICKNAME_MAX_LENGTH = 30
ANSWER_MAX_LENGTH = 10000


class CaseStatus(models.TextChoices):
    RECEIVED = "received", "접수"
    ASSIGNED = "assigned", "배정"
    ANSWERED = "answered", "답변완료"
    CLOSED = "closed", "종결"


def new_receipt_number() -> str:
    """`20261125-K7Q3M9`: the submission date (Seoul time) and six random characters."""
    today = timezone.localdate().strftime("%Y%m%d")
    return f"{today}-{random_code(RECEIPT_SUFFIX_LENGTH)}"


# Every field holding personal data, encrypted at rest (key rotation re-encrypts these).
ENCRYPTED_FIELDS = [
    "title",
    "question",
    "nickname",
    "email",
    "phone",
    "answer",
    "guardian_name",
    "guardian_phone",
]


class CounselingCase(models.Model):
    """One citizen's counseling question, its handling and the counselor's answer."""

    receipt_number = models.CharField("접수번호", max_length=20, unique=True, editable=False)
    access_code_hash = models.CharField("열람 코드 해시", max_length=128, editable=False)
    category = models.CharField("상담 분야", max_length=20, choices=CounselingCategory.choices)
    title = EncryptedTextField("제목")
    question = EncryptedTextField("상담 내용")
    nickname = EncryptedTextField("닉네임", blank=True)
    email = EncryptedTextField("회신 이메일", blank=True)
    phone = EncryptedTextField("회신 연락처", blank=True)
    consent_personal_data = models.BooleanField("개인정보 수집·이용 동의")
    consent_publication = models.BooleanField("익명 FAQ 공개 동의", default=False)
    # PIPA §22-2: a child under 14 needs a legal guardian's consent, and we keep whose.
    under_14 = models.BooleanField("만 14세 미만", default=False)
    guardian_name = EncryptedTextField("법정대리인 이름", blank=True)
    guardian_phone = EncryptedTextField("법정대리인 연락처", blank=True)
    consent_guardian = models.BooleanField("법정대리인 동의", default=False)
    # The content language the citizen wrote in (settings.WAGTAIL_CONTENT_LANGUAGES), so a
    # counselor sees it at once; no choices here, so adding a language needs no migration.
    language = models.CharField("작성 언어", max_length=16, default="ko")

    status = models.CharField(
        "처리 상태", max_length=20, choices=CaseStatus.choices, default=CaseStatus.RECEIVED
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="담당 상담사",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="counseling_cases",
    )
    answer = EncryptedTextField("답변", blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="답변 상담사",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    faq_page = models.ForeignKey(
        "pages.CounselingFAQPage",
        verbose_name="FAQ 초안",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    submitted_at = models.DateTimeField("접수 일시", default=timezone.now, db_index=True)
    answered_at = models.DateTimeField("답변 일시", null=True, blank=True)
    closed_at = models.DateTimeField("종결 일시", null=True, blank=True)
    notified_at = models.DateTimeField("답변 알림 일시", null=True, blank=True)

    class Meta:
        verbose_name = "상담 신청"
        verbose_name_plural = "상담 신청"
        ordering = ["-submitted_at", "-pk"]
        default_permissions = ()
        permissions = [
            ("view_case", "상담 신청을 열람할 수 있음"),
            ("answer_case", "상담 신청을 배정·답변·종결할 수 있음"),
            ("export_case", "상담 신청을 내보낼 수 있음"),
        ]

    def __str__(self) -> str:
        return self.receipt_number

    @property
    def language_display(self) -> str:
        """The language's own name and code ("Tiếng Việt (vi)") for counselors."""
        from content.locales import language_name

        return f"{language_name(self.language)} ({self.language})"

    @property
    def can_become_faq(self) -> bool:
        answered = self.status in (CaseStatus.ANSWERED, CaseStatus.CLOSED)
        return answered and self.consent_publication and bool(self.answer)


class AccessLogError(Exception):
    """Raised when code tries to alter or delete an access log entry."""


class AccessLogQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AccessLogError("Access log entries cannot be changed.")

    def delete(self):
        raise AccessLogError("Access log entries are removed only by purge_counseling.")

    def purge_before(self, cutoff) -> int:
        """Remove entries older than the retention period; used by purge_counseling only."""
        expired = self.filter(occurred_at__lt=cutoff)
        return expired._raw_delete(expired.db)


class AccessAction(models.TextChoices):
    VIEW = "view", "열람"
    EXPORT = "export", "내보내기"
    ASSIGN = "assign", "배정"
    ANSWER = "answer", "답변"
    NOTIFY = "notify", "답변 알림 발송"
    CLOSE = "close", "종결"
    FAQ = "faq", "FAQ 초안 작성"
    PURGE = "purge", "파기"


class AccessLog(models.Model):
    """Who touched which counseling case, when, from where and how (개인정보 접속기록).

    Append-only: entries cannot be edited or deleted through the ORM or the admin;
    only `purge_counseling` removes them after their retention period.
    The case is referenced by id and receipt number, not by a foreign key, so the
    record of a destroyed case outlives it.
    """

    occurred_at = models.DateTimeField("일시", default=timezone.now, db_index=True, editable=False)
    actor_id = models.IntegerField("사용자 ID", null=True, editable=False)
    actor_username = models.CharField("사용자", max_length=150, editable=False)
    ip_address = models.GenericIPAddressField("접속지", null=True, editable=False)
    action = models.CharField("수행 업무", max_length=20, choices=AccessAction.choices)
    case_id = models.BigIntegerField("상담 신청 ID", editable=False)
    receipt_number = models.CharField("접수번호", max_length=20, editable=False)

    objects = AccessLogQuerySet.as_manager()

    class Meta:
        verbose_name = "개인정보 접속기록"
        verbose_name_plural = "개인정보 접속기록"
        ordering = ["-occurred_at", "-pk"]
        default_permissions = ("view",)

    def __str__(self) -> str:
        return f"{self.occurred_at:%Y-%m-%d %H:%M} {self.actor_username} {self.action}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise AccessLogError("Access log entries cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AccessLogError("Access log entries are removed only by purge_counseling.")
