"""Applications to Family School programs, their seat counters and the access log.

A program's `ProgramSeats` row is the program's lock: every application, cancellation and
promotion locks that row first (see seats.py), so counting never races. It also counts the
seats of a program without sessions; a program with sessions (모집 회차) counts each
session's seats in its `SessionSeats` row, changed only while the program's row is locked.
Everything an applicant gives is encrypted at rest; the phone number is also kept as a keyed
hash, so "the same phone applied twice" is found without decrypting anything.
"""

from django.db import models
from django.db.models import Q
from django.utils import timezone

from infra.clients import client_address
from infra.crypto import EncryptedTextField, random_code

RECEIPT_SUFFIX_LENGTH = 6
NAME_MAX_LENGTH = 30


def new_receipt_number() -> str:
    """`P20261203-K7Q3M9`: P (program), the date in Seoul and six random characters."""
    return f"P{timezone.localdate():%Y%m%d}-{random_code(RECEIPT_SUFFIX_LENGTH)}"


class SeatCount(models.Model):
    """Confirmed seats and waiting applications of one pool (a program or a session)."""

    confirmed_seats = models.PositiveIntegerField("확정 인원", default=0)
    waitlisted = models.PositiveIntegerField("대기 신청 수", default=0)

    class Meta:
        abstract = True


class ProgramSeats(SeatCount):
    """A program's lock and arrival order; its seats when it has no sessions."""

    program = models.OneToOneField(
        "pages.EducationProgramPage",
        verbose_name="프로그램",
        on_delete=models.CASCADE,
        related_name="+",
    )
    next_position = models.PositiveIntegerField("다음 접수 순번", default=1)
    closed = models.BooleanField("접수 중단", default=False)

    class Meta:
        verbose_name = "프로그램 좌석"
        verbose_name_plural = "프로그램 좌석"
        default_permissions = ()

    def __str__(self) -> str:
        return f"seats of program {self.program_id}"


class SessionSeats(SeatCount):
    """The seats of one session (모집 회차) of a program."""

    session = models.OneToOneField(
        "pages.ProgramSession",
        verbose_name="회차",
        on_delete=models.CASCADE,
        related_name="+",
    )

    class Meta:
        verbose_name = "회차 좌석"
        verbose_name_plural = "회차 좌석"
        default_permissions = ()

    def __str__(self) -> str:
        return f"seats of session {self.session_id}"


class Status(models.TextChoices):
    CONFIRMED = "confirmed", "신청 확정"
    WAITLISTED = "waitlisted", "대기"
    CANCELLED = "cancelled", "취소"


class Application(models.Model):
    """One household's application to a program: confirmed, waiting or cancelled."""

    program = models.ForeignKey(
        "pages.EducationProgramPage",
        verbose_name="프로그램",
        on_delete=models.CASCADE,
        related_name="+",
    )
    # None for a program without sessions. RESTRICT: a session with applicants is never
    # deleted alone (the page form refuses it, see pages.forms); deleting the program deletes both.
    session = models.ForeignKey(
        "pages.ProgramSession",
        verbose_name="회차",
        null=True,
        blank=True,
        on_delete=models.RESTRICT,
        related_name="+",
    )
    receipt_number = models.CharField("접수번호", max_length=20, unique=True, editable=False)
    access_code_hash = models.CharField("열람 코드 해시", max_length=128, editable=False)
    phone_digest = models.CharField("연락처 해시", max_length=64, editable=False)
    position = models.PositiveIntegerField("접수 순번", editable=False)
    status = models.CharField("상태", max_length=20, choices=Status.choices)

    name = EncryptedTextField("신청인")
    phone = EncryptedTextField("연락처")
    email = EncryptedTextField("이메일", blank=True)
    participants = models.PositiveSmallIntegerField("참여 인원", default=1)
    children = models.PositiveSmallIntegerField("아동 인원", default=0)
    answers = EncryptedTextField("질문 답변", blank=True, help_text="JSON")
    under_14 = models.BooleanField("만 14세 미만", default=False)
    guardian_name = EncryptedTextField("법정대리인", blank=True)
    guardian_consent = models.BooleanField("법정대리인 동의", default=False)
    consent_personal_data = models.BooleanField("개인정보 수집·이용 동의")

    attended = models.BooleanField("출석", null=True, blank=True)
    applied_at = models.DateTimeField("신청 일시", default=timezone.now, editable=False)
    confirmed_at = models.DateTimeField("확정 일시", null=True, blank=True)
    cancelled_at = models.DateTimeField("취소 일시", null=True, blank=True)
    reminded_at = models.DateTimeField("하루 전 안내 일시", null=True, blank=True)

    class Meta:
        verbose_name = "프로그램 신청"
        verbose_name_plural = "프로그램 신청"
        ordering = ["program", "position"]
        default_permissions = ()
        permissions = [
            ("view_applications", "프로그램 신청자 명단을 열람할 수 있음"),
            ("manage_applications", "출석·취소·접수 중단·안내 발송을 할 수 있음"),
            ("export_applications", "신청자 명단을 내려받을 수 있음"),
        ]
        constraints = [
            # One live application per phone and program, whatever the session (one family,
            # one seat per program); after cancelling one may apply again.
            models.UniqueConstraint(
                fields=["program", "phone_digest"],
                condition=~Q(status="cancelled"),
                name="one_live_application_per_phone",
            ),
            models.UniqueConstraint(fields=["program", "position"], name="one_arrival_position"),
        ]
        indexes = [models.Index(fields=["program", "status", "position"])]

    def __str__(self) -> str:
        return self.receipt_number

    def waitlist_number(self) -> int | None:
        """1 for the next to be promoted; None unless waiting."""
        if self.status != Status.WAITLISTED:
            return None
        return Application.objects.filter(
            program_id=self.program_id,
            session_id=self.session_id,
            status=Status.WAITLISTED,
            position__lte=self.position,
        ).count()


class AccessAction(models.TextChoices):
    VIEW = "view", "열람"
    EXPORT = "export", "내려받기"
    ATTENDANCE = "attendance", "출석 표시"
    CANCEL = "cancel", "취소"
    MESSAGE = "message", "안내 발송"
    CLOSE = "close", "접수 중단"
    REOPEN = "reopen", "접수 재개"
    PURGE = "purge", "파기"


class AccessLogError(Exception):
    """Raised when code tries to alter or delete an access log entry."""


class AccessLog(models.Model):
    """Who looked at or acted on which program's applicants, when, from where, and why
    (개인정보 접속기록). Append-only; program and receipt by value so the entry outlives them."""

    occurred_at = models.DateTimeField("일시", default=timezone.now, db_index=True, editable=False)
    actor_id = models.IntegerField("사용자 ID", null=True, editable=False)
    actor_username = models.CharField("사용자", max_length=150, editable=False)
    ip_address = models.GenericIPAddressField("접속지", null=True, editable=False)
    action = models.CharField("수행 업무", max_length=20, choices=AccessAction.choices)
    program_id = models.BigIntegerField("프로그램 ID", editable=False)
    receipt_number = models.CharField("접수번호", max_length=20, blank=True, editable=False)
    count = models.PositiveIntegerField("대상 신청 수", default=1, editable=False)
    reason = models.CharField("사유", max_length=200, blank=True, editable=False)

    class Meta:
        verbose_name = "신청자 개인정보 접속기록"
        verbose_name_plural = "신청자 개인정보 접속기록"
        ordering = ["-occurred_at", "-pk"]
        default_permissions = ("view",)

    def __str__(self) -> str:
        return f"{self.occurred_at:%Y-%m-%d %H:%M} {self.actor_username} {self.action}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise AccessLogError("Access log entries cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AccessLogError("Access log entries are removed only by purge_applications.")


def log_access(user, program_id: int, action: str, request=None, **extra) -> AccessLog:
    """Record one staff action; `user` may be a string naming a system job."""
    actor_id, actor_username = (
        (None, user) if isinstance(user, str) else (user.pk, user.get_username())
    )
    return AccessLog.objects.create(
        actor_id=actor_id,
        actor_username=actor_username,
        ip_address=client_address(request) if request is not None else None,
        action=action,
        program_id=program_id,
        **extra,
    )
