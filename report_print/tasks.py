"""Background work of the print edition (django-tasks, backend `print`)."""

import logging

from django_tasks import task

from .builder import Outcome, build_public_pdf

logger = logging.getLogger(__name__)


@task(backend="print", queue_name="print")
def build_edition_pdf(edition_id: int) -> str:
    """Bring the edition's public PDF up to date; returns what came of it ("built", "failed" …).

    A failure is recorded on the edition for its editors, so the task itself succeeds.
    """
    result = build_public_pdf(edition_id)
    if result.outcome == Outcome.FAILED:
        logger.warning("발간호 %s의 인쇄본 PDF를 만들지 못했습니다: %s", edition_id, result.reason)
    return result.outcome.value
