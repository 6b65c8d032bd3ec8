"""What a citizen is told when their counseling answer is ready, built in the task worker.

Only the case id travels through the task queue (notifications/outbox.py). The message says
how to read the answer — never the answer itself, nor the question.
"""

from django.conf import settings

from notifications.models import Channel
from notifications.outbox import Notice

from .models import CounselingCase


def build(case_id: int, template: str, extra: dict) -> list[Notice]:
    case = CounselingCase.objects.filter(pk=case_id).only("receipt_number", "email").first()
    if case is None or not case.email:
        return []
    context = {
        "receipt_number": case.receipt_number,
        "lookup_url": settings.COUNSELING_LOOKUP_URL,
    }
    return [
        Notice(
            template=template,
            reference=case.receipt_number,
            context=context,
            email=case.email,
            channels=(Channel.EMAIL,),
        )
    ]
