"""What happens to a counseling case: submission, handling, notification, FAQ, logging."""

import html
import secrets

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from wagtail.models import Locale

from infra.clients import client_address
from infra.crypto import hash_access_code, new_access_code
from infra.db import retry_when_busy
from notifications.outbox import notify_after_commit
from pages.models import CounselingFAQPage, SectionKind, SectionPage

from .anonymize import anonymize
from .models import (
    AccessAction,
    AccessLog,
    CaseStatus,
    CounselingCase,
    new_receipt_number,
)

RECEIPT_ATTEMPTS = 5
# A busy database (another writer holding the lock) is tried again for this long; then the
# citizen gets a 503 and nothing was stored. Each try is one short transaction that either
# stores the whole case or nothing, so an answer is never lost for a stored case.
BUSY_RETRY_SECONDS = 3


def submit_case(data: dict) -> tuple[CounselingCase, str]:
    """Store a validated submission whole and return it with its one-time access code."""
    return retry_when_busy(lambda: _insert_case(data), seconds=BUSY_RETRY_SECONDS)


def _insert_case(data: dict) -> tuple[CounselingCase, str]:
    access_code = new_access_code()
    for attempt in range(RECEIPT_ATTEMPTS):
        receipt_number = new_receipt_number()
        case = CounselingCase(
            receipt_number=receipt_number,
            access_code_hash=hash_access_code(receipt_number, access_code),
            category=data["category"],
            title=data["title"],
            question=data["question"],
            nickname=data.get("nickname", ""),
            email=data.get("email", ""),
            phone=data.get("phone", ""),
            consent_personal_data=data["consent_personal_data"],
            consent_publication=data.get("consent_publication", False),
            under_14=data.get("under_14", False),
            guardian_name=data.get("guardian_name", ""),
            guardian_phone=data.get("guardian_phone", ""),
            consent_guardian=data.get("consent_guardian", False),
            language=data.get("language") or settings.LANGUAGE_CODE,
        )
        try:
            with transaction.atomic():
                case.save(force_insert=True)
        except IntegrityError:
            if attempt == RECEIPT_ATTEMPTS - 1:
                raise
            continue
        return case, access_code
    raise AssertionError("unreachable")


def _entry(user, case: CounselingCase, action: str, request=None) -> AccessLog:
    """Who (a user, or a string naming a system job), from where, which case, what action."""
    actor_id, actor_username = (
        (None, user) if isinstance(user, str) else (user.pk, user.get_username())
    )
    return AccessLog(
        actor_id=actor_id,
        actor_username=actor_username,
        ip_address=client_address(request) if request is not None else None,
        action=action,
        case_id=case.pk,
        receipt_number=case.receipt_number,
    )


def log_access(user, case: CounselingCase, action: str, request=None) -> AccessLog:
    entry = _entry(user, case, action, request)
    entry.save()
    return entry


def log_many(user, cases, action: str, request=None) -> None:
    AccessLog.objects.bulk_create(_entry(user, case, action, request) for case in cases)


@transaction.atomic
def assign(case: CounselingCase, counselor, *, by, request=None) -> None:
    case.assigned_to = counselor
    if case.status == CaseStatus.RECEIVED:
        case.status = CaseStatus.ASSIGNED
    case.save(update_fields=["assigned_to", "status"])
    log_access(by, case, AccessAction.ASSIGN, request)


@transaction.atomic
def save_answer(case: CounselingCase, answer: str, *, by, notify: bool, request=None) -> bool:
    """Store the answer, mark the case answered and tell the citizen how to read it.

    Returns whether an e-mail notification was queued.
    """
    case.answer = answer
    case.answered_by = by
    case.answered_at = timezone.now()
    if case.assigned_to is None:
        case.assigned_to = by
    if case.status != CaseStatus.CLOSED:
        case.status = CaseStatus.ANSWERED
    case.save(update_fields=["answer", "answered_by", "answered_at", "assigned_to", "status"])
    log_access(by, case, AccessAction.ANSWER, request)
    if not (notify and case.email):
        return False
    case.notified_at = timezone.now()
    case.save(update_fields=["notified_at"])
    log_access(by, case, AccessAction.NOTIFY, request)
    notify_after_commit("counseling.notices.build", case.pk, "counseling/answered")
    return True


@transaction.atomic
def close(case: CounselingCase, *, by, request=None) -> None:
    case.status = CaseStatus.CLOSED
    case.closed_at = timezone.now()
    case.save(update_fields=["status", "closed_at"])
    log_access(by, case, AccessAction.CLOSE, request)


class FAQNotAllowed(Exception):
    """The case is not answered or the citizen did not consent to publication."""


@transaction.atomic
def create_faq_draft(case: CounselingCase, *, by, request=None) -> CounselingFAQPage:
    """Turn an answered, publication-consented case into an unpublished, anonymised FAQ draft.

    The draft goes through the normal moderation workflow; this never publishes it.
    """
    if case.faq_page_id is not None:
        return case.faq_page
    if not case.can_become_faq:
        raise FAQNotAllowed
    # The Korean section: FAQs are written in Korean, then translated like any page.
    section = SectionPage.objects.get(kind=SectionKind.COUNSELING, locale=Locale.get_default())
    personal = tuple(
        filter(
            None, [case.nickname, case.email, case.phone, case.guardian_name, case.guardian_phone]
        )
    )
    question = anonymize(case.question, names=personal)
    answer = anonymize(case.answer, names=personal)
    page = CounselingFAQPage(
        title=anonymize(case.title, names=personal)[:255],
        category=case.category,
        question=question,
        answer=_paragraphs(answer),
        # A neutral slug: the title may still need an editor's anonymising eye.
        slug=f"faq-{secrets.token_hex(4)}",
        live=False,
        owner=by,
    )
    section.add_child(instance=page)
    page.save_revision(user=by, log_action=True)
    case.faq_page = page
    case.save(update_fields=["faq_page"])
    log_access(by, case, AccessAction.FAQ, request)
    return page


def _paragraphs(text: str) -> str:
    blocks = [block.strip() for block in text.replace("\r\n", "\n").split("\n\n")]
    return "".join(
        "<p>{}</p>".format(html.escape(block).replace("\n", "<br/>")) for block in blocks if block
    )
