"""The monthly access-log review, for any feature that logs who read whose personal data.

A feature gives `Access` rows (who opened which record, and whether it was theirs to
handle); `unusual_access` flags people who opened many records not assigned to them, and
`record_review` keeps the officer's conclusion.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.conf import settings

from .models import AccessReview


@dataclass(frozen=True)
class Access:
    actor: str
    record_id: int
    assigned_to_actor: bool


@dataclass(frozen=True)
class ActorSummary:
    actor: str
    records: int
    unassigned: int
    flagged: bool


def unusual_access(accesses: list[Access]) -> list[ActorSummary]:
    """Per person: records opened, those not assigned to them, flagged at or over the limit
    (`PRIVACY_UNASSIGNED_ACCESS_LIMIT`), most unassigned first."""
    limit = settings.PRIVACY_UNASSIGNED_ACCESS_LIMIT
    opened, unassigned = defaultdict(set), defaultdict(set)
    for access in accesses:
        opened[access.actor].add(access.record_id)
        if not access.assigned_to_actor:
            unassigned[access.actor].add(access.record_id)
    summaries = [
        ActorSummary(actor, len(records), len(unassigned[actor]), len(unassigned[actor]) >= limit)
        for actor, records in opened.items()
    ]
    return sorted(summaries, key=lambda summary: (-summary.unassigned, summary.actor))


def month_bounds(value: str) -> date:
    """`2026-11` as the first day of that month; ValueError with a Korean message."""
    try:
        year, month = (int(part) for part in value.split("-"))
        return date(year, month, 1)
    except (ValueError, TypeError) as error:
        raise ValueError("점검할 달을 2026-11 형식으로 입력해 주세요.") from error


def record_review(subject, month: date, user, summaries, note: str) -> AccessReview:
    return AccessReview.objects.create(
        subject=subject,
        month=month,
        reviewer_id=user.pk,
        reviewer_username=user.get_username(),
        entries=sum(summary.records for summary in summaries),
        flagged=[summary.actor for summary in summaries if summary.flagged],
        note=note,
    )
